#include "annals/graph/analysis.hpp"

#include "annals/graph/path_search.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cmath>

namespace annals {

SimpleGraph to_simple(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    pairs.reserve(boost::num_edges(g));
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
        std::size_t a = boost::source(e, g), b = boost::target(e, g);
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        pairs.emplace_back(a, b);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return SimpleGraph(pairs.begin(), pairs.end(), boost::num_vertices(g));
}

std::vector<long> bfs_distances(const SimpleGraph& g, std::size_t source) {
    std::vector<long> dist(boost::num_vertices(g), -1);
    std::vector<std::size_t> queue{source};
    dist[source] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t u = queue[head];
        for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(u, g))) {
            if (dist[v] >= 0) continue;
            dist[v] = dist[u] + 1;
            queue.push_back(v);
        }
    }
    return dist;
}

std::vector<double> betweenness(const SimpleGraph& g) {
    std::vector<double> c(boost::num_vertices(g), 0.0);
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g)));
    return c;
}

std::vector<double> pagerank(const SimpleGraph& g, double alpha, double tol, int max_iter) {
    const std::size_t n = boost::num_vertices(g);
    if (n == 0) return {};
    const double nd = static_cast<double>(n);
    std::vector<double> x(n, 1.0 / nd), next(n);
    for (int it = 0; it < max_iter; ++it) {
        double dangling = 0;
        for (std::size_t u = 0; u < n; ++u)
            if (boost::degree(u, g) == 0) dangling += x[u];
        const double base = (alpha * dangling + (1.0 - alpha)) / nd;
        std::fill(next.begin(), next.end(), base);
        for (std::size_t u = 0; u < n; ++u) {
            const auto deg = boost::degree(u, g);
            if (deg == 0) continue;
            const double share = alpha * x[u] / static_cast<double>(deg);
            for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(u, g))) next[v] += share;
        }
        double err = 0;
        for (std::size_t u = 0; u < n; ++u) err += std::fabs(next[u] - x[u]);
        x.swap(next);
        if (err < nd * tol) break;
    }
    return x;
}

std::vector<std::size_t> components(const SimpleGraph& g, std::size_t& count) {
    std::vector<std::size_t> comp(boost::num_vertices(g));
    count = static_cast<std::size_t>(boost::connected_components(g, comp.data()));
    return comp;
}

std::vector<Vertex> shortest_path(const KnowledgeGraph& kg, Vertex from, Vertex to,
                                  const std::function<bool(Vertex)>& may_pass) {
    const Graph& g = kg.graph();
    return detail::bidirectional_path(from, to, [&](Vertex u, std::vector<std::pair<Vertex, bool>>& out) {
        for (const Edge e : boost::make_iterator_range(boost::out_edges(u, g))) out.emplace_back(boost::target(e, g), false);
        for (const Edge e : boost::make_iterator_range(boost::in_edges(u, g))) out.emplace_back(boost::source(e, g), false);
        for (auto& [v, pass] : out) pass = may_pass(v);
    });
}

} // namespace annals
