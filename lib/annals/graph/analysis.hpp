#pragma once
/// Graph algorithms over the knowledge graph seen as a simple undirected graph: shortest
/// paths, betweenness (Boost's Brandes), PageRank, connected components. Results are
/// deterministic: vertex numbers are the knowledge graph's, which the merge makes canonical.

#include "annals/graph/knowledge_graph.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <functional>
#include <vector>

namespace annals {

/// Undirected, no parallel edges, no self-loops; vertex i is vertex i of the source graph.
using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

/// The knowledge graph without directions, kinds or multiplicity. Thread-safe.
[[nodiscard]] SimpleGraph to_simple(const KnowledgeGraph& kg);

/// Hop counts from `source`; -1 for unreachable vertices.
[[nodiscard]] std::vector<long> bfs_distances(const SimpleGraph& g, std::size_t source);

/// Unnormalized betweenness (pairs counted once, as NetworkX does for undirected graphs).
[[nodiscard]] std::vector<double> betweenness(const SimpleGraph& g);

/// PageRank by power iteration, each undirected edge walked both ways, dangling vertices
/// spreading their rank evenly (NetworkX's definition). Stops when the L1 change is below
/// `tol` times the vertex count, or after `max_iter` rounds.
[[nodiscard]] std::vector<double> pagerank(const SimpleGraph& g, double alpha = 0.85, double tol = 1e-12,
                                           int max_iter = 1000);

/// Component number of each vertex (numbered by smallest member) and their count.
[[nodiscard]] std::vector<std::size_t> components(const SimpleGraph& g, std::size_t& count);

/// Shortest path between two vertices of the knowledge graph, edges walked both ways, by
/// bidirectional breadth-first search. `may_pass(v)` says whether v may be an inner vertex.
/// Empty when there is none; otherwise the vertices from `from` to `to`. Among shortest
/// paths the one found first in vertex order is returned, so the answer is deterministic.
[[nodiscard]] std::vector<Vertex> shortest_path(const KnowledgeGraph& kg, Vertex from, Vertex to,
                                                const std::function<bool(Vertex)>& may_pass);

} // namespace annals
