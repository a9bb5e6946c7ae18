// Graph algorithms checked against NetworkX on random graphs. Skips when Debian's python3
// with networkx is not installed.
#include "annals/graph/analysis.hpp"
#include "test_graph_util.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace annals;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

bool have_networkx() {
    const std::string cmd = std::string(kPython) + " -c 'import networkx' 2>/dev/null";
    return std::system(cmd.c_str()) == 0;
}

/// A random simple graph from a fixed seed (an LCG, so the same everywhere).
SimpleGraph random_graph(std::size_t n, std::size_t m, std::uint64_t seed) {
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t i = 0; i < m; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::size_t a = (seed >> 33) % n;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::size_t b = (seed >> 33) % n;
        if (a != b) edges.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return SimpleGraph(edges.begin(), edges.end(), n);
}

/// NetworkX's answers, one line per vertex: "distance-from-0 betweenness pagerank".
std::vector<std::vector<double>> networkx(const SimpleGraph& g) {
    const std::string edges = graph_test::fresh_path("graph_algorithms_edges.txt"),
                      script = graph_test::fresh_path("graph_algorithms_nx.py"),
                      out = graph_test::fresh_path("graph_algorithms_out.txt");
    {
        std::ofstream f(edges);
        for (const auto e : boost::make_iterator_range(boost::edges(g))) f << boost::source(e, g) << ' ' << boost::target(e, g) << '\n';
    }
    std::ofstream(script) << "import sys, networkx as nx\n"
                             "n = int(sys.argv[1])\n"
                             "G = nx.Graph(); G.add_nodes_from(range(n))\n"
                             "G.add_edges_from(tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip())\n"
                             "d = nx.single_source_shortest_path_length(G, 0)\n"
                             "b = nx.betweenness_centrality(G, normalized=False)\n"
                             "try:\n"
                             "    p = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=1000)\n"
                             "except ImportError:  # no numpy: NetworkX's pure-Python power iteration\n"
                             "    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python\n"
                             "    p = _pagerank_python(G, alpha=0.85, tol=1e-12, max_iter=1000)\n"
                             "for v in range(n): print(d.get(v, -1), repr(b[v]), repr(p[v]))\n";
    const std::string cmd = std::string(kPython) + " " + script + " " + std::to_string(boost::num_vertices(g)) + " " +
                            edges + " > " + out;
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(out);
    std::vector<std::vector<double>> rows;
    for (double d, b, p; in >> d >> b >> p;) rows.push_back({d, b, p});
    return rows;
}

} // namespace

TEST_CASE("graph: shortest paths, betweenness and PageRank agree with NetworkX", "[graph][networkx]") {
    if (!have_networkx()) {
        WARN("python3-networkx is not installed; skipped");
        return;
    }
    for (const auto& [n, m, seed] : {std::tuple<std::size_t, std::size_t, std::uint64_t>{30, 45, 1}, {60, 150, 7}, {120, 200, 42}}) {
        const SimpleGraph g = random_graph(n, m, seed);
        const auto nx = networkx(g);
        REQUIRE(nx.size() == n);
        const auto dist = bfs_distances(g, 0);
        const auto bc = betweenness(g);
        const auto pr = pagerank(g);
        for (std::size_t v = 0; v < n; ++v) {
            INFO("graph " << seed << " vertex " << v);
            CHECK(static_cast<double>(dist[v]) == nx[v][0]);
            CHECK(bc[v] == Approx(nx[v][1]).margin(1e-9));
            CHECK(pr[v] == Approx(nx[v][2]).margin(1e-9));
        }
    }
}

TEST_CASE("graph: components count isolated vertices", "[graph]") {
    const SimpleGraph g = random_graph(50, 20, 3);
    std::size_t count = 0;
    const auto comp = components(g, count);
    CHECK(comp.size() == 50);
    CHECK(count > 1);
    CHECK(count <= 50);
}
