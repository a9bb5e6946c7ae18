#pragma once
/// The graph's default exports: DOT (Boost's write_graphviz_dp, every label quoted and
/// escaped) and node-link JSON (`schemas/graph.schema.json`).

#include "annals/graph/knowledge_graph.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace annals {

/// The schema name node-link JSON carries.
inline constexpr const char* kGraphSchema = "annals.graph/1";

/// Writes the graph as DOT: node ids n0, n1 ... in vertex order, attributes label, kind,
/// key, shape and fillcolor by node kind; edges with label, kind, weight. Deterministic.
void write_dot(const KnowledgeGraph& kg, std::ostream& out);

/// Makes text safe inside a quoted DOT string: backslashes doubled, control characters
/// turned to spaces, and never ending in a backslash (it would escape the closing quote).
[[nodiscard]] std::string dot_safe(std::string_view s);

/// Node-link JSON: {"schema", "directed", "multigraph", "graph", "nodes", "links"}, one
/// compact object and a newline. Deterministic.
[[nodiscard]] std::string to_node_link_json(const KnowledgeGraph& kg);

/// Summary of a DOT text parsed by Graphviz (cgraph): for checking what write_dot made.
struct DotSummary {
    std::size_t nodes = 0, edges = 0;
    std::vector<std::string> labels; ///< node labels in node-id order
};
/// Parses DOT with Graphviz; throws Error(Errc::bad_input) when it does not parse.
[[nodiscard]] DotSummary read_dot_summary(const std::string& dot);

} // namespace annals
