#pragma once
/// The graph as Graphviz DOT: every identifier and value quoted and escaped, nodes styled by
/// kind and type (see style.hpp), edges labelled by role or relation, a legend, and the
/// layout attributes the pictures use.

#include "annals/graph/knowledge_graph.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace annals {

/// Where the legend goes: a `cluster_legend` subgraph of one node per style (read well by
/// the dot layout), a table in the graph's label (for neato and sfdp, which ignore
/// clusters), or nowhere.
enum class DotLegend { cluster, table, none };

struct DotOptions {
    DotLegend legend = DotLegend::cluster;
    /// A line shown under the graph, e.g. that it was cut to its most central nodes.
    std::string note;
    /// Edge labels clutter large pictures; the edges keep their `type` attribute either way.
    bool edge_labels = true;
    /// Longest label line in bytes before it is shortened with "…" (the `key` attribute
    /// always holds the full identity).
    std::size_t max_label_bytes = 80;
    /// For the dot layout of a picture: the legend in rows of four and nodes without edges in
    /// a `cluster_unlinked` in rows of five, by invisible edges (style invis) that exist only
    /// for the layout. Off for DOT files, which hold the graph's edges alone.
    bool arrange = false;
};

/// Writes `kg` as a DOT digraph: graph, node and edge defaults; the legend; nodes "n0",
/// "n1" ... in vertex order with label, key, kind, type, shape, fillcolor, tooltip; edges
/// in vertex then out-edge order with label, kind, type, weight, color. Legend nodes are
/// named "legend_<i>" and have no edges. Deterministic; thread-safe.
void write_dot(const KnowledgeGraph& kg, std::ostream& out, const DotOptions& opts = {});

/// write_dot into a string.
[[nodiscard]] std::string to_dot(const KnowledgeGraph& kg, const DotOptions& opts = {});

/// What Graphviz's own parser (cgraph agmemread) finds in a DOT text.
struct DotSummary {
    std::size_t nodes = 0, edges = 0;     ///< everything, legend included
    std::vector<std::string> labels;      ///< labels of the nodes "n<i>", by i
    std::vector<std::string> keys;        ///< their `key` attributes, by i
    std::size_t legend_nodes = 0;         ///< nodes named "legend_*"
};
/// Parses DOT with cgraph; throws Error(Errc::bad_input) with Graphviz's message when it does
/// not parse. Graphviz keeps global state: calls are serialised by a lock.
[[nodiscard]] DotSummary read_dot_summary(const std::string& dot);

} // namespace annals
