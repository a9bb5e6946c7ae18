#pragma once
/// Choosing the part of the graph an export shows: around an actor, by node kind, event
/// type, time window and edge weight, and the most central actors. Every export format
/// takes the selected graph, so the same flags mean the same thing in each.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/query.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace annals {

/// What to keep. Unset fields keep everything.
struct GraphSelection {
    std::optional<Vertex> focus; ///< only what lies within `hops` steps of this node
    std::size_t hops = 2;        ///< a step: a relation, or an event to its participants and place
    bool actors = true, places = true, events = true;
    std::optional<std::string> type; ///< event type or family ("conflict" keeps "conflict.attack")
    DateWindow window;               ///< events whose dates meet it; relations whose evidence does
    std::size_t min_weight = 0;      ///< edges supported by fewer sentences are dropped
    std::size_t top = 0;             ///< keep the `top` most central actors (0: all)

    /// True when any field would drop something.
    [[nodiscard]] bool active() const noexcept;
};

/// The selection applied, in this order: kinds, event type and window, edge weight and
/// window; the focus neighbourhood; the `top` actors by degree (distinct neighbours in what
/// is left, ties by key), with the events they take part in and the places of those; then
/// entities left without edges are dropped (when anything but kinds was asked for). The
/// focus node is always kept. The result keeps vertex and edge order and every document.
/// Pure; thread-safe.
[[nodiscard]] KnowledgeGraph select_graph(const KnowledgeGraph& kg, const GraphSelection& s);

/// The graph induced by the kept vertices and edges, in the same order, with every document.
[[nodiscard]] KnowledgeGraph subgraph(const KnowledgeGraph& kg, const std::vector<char>& keep_vertex,
                                      const std::function<bool(Edge)>& keep_edge);

/// Degree of each vertex counted as distinct neighbours, edges walked both ways.
[[nodiscard]] std::vector<std::size_t> neighbour_counts(const KnowledgeGraph& kg);

/// What a picture of a large graph shows: at most `max_nodes` vertices, chosen by taking
/// edges best first (heaviest, then those whose ends are both well connected, so the links
/// between hubs come before the hubs' leaves) and adding their ends while they fit; of the
/// edges among them the `max_edges` heaviest; vertices left without edges dropped. The graph
/// itself when it is within both limits. `note` is set to a phrase saying what was cut ("cut
/// to the 200 most connected of 8362 nodes ..."), or cleared. Deterministic.
[[nodiscard]] KnowledgeGraph most_connected(const KnowledgeGraph& kg, std::size_t max_nodes, std::size_t max_edges,
                                            std::string& note);

/// True when `type` is `want` or starts with `want` and a dot.
[[nodiscard]] bool type_in_family(const std::string& type, const std::string& want);

} // namespace annals
