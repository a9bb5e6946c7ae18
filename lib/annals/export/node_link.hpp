#pragma once
/// The graph as node-link JSON (`schemas/graph.schema.json`), the shape NetworkX's
/// node_link_graph and D3 read.

#include "annals/graph/knowledge_graph.hpp"

#include <string>

namespace annals {

/// The schema name node-link JSON carries.
inline constexpr const char* kGraphSchema = "annals.graph/1";

/// Node-link JSON: {"schema", "directed", "multigraph", "graph", "nodes", "links"}, one
/// compact object and a newline. Deterministic; thread-safe.
[[nodiscard]] std::string to_node_link_json(const KnowledgeGraph& kg);

} // namespace annals
