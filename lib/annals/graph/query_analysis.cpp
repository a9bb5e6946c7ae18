// central_table and components_table.
#include "annals/graph/analysis.hpp"
#include "annals/graph/query.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace annals {
namespace {

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

} // namespace

Table central_table(const KnowledgeGraph& kg, Centrality by, std::size_t top) {
    const Graph& g = kg.graph();
    const SimpleGraph sg = to_simple(kg);
    std::vector<double> score;
    int digits = 0;
    switch (by) {
    case Centrality::degree:
        for (std::size_t v = 0; v < boost::num_vertices(sg); ++v) score.push_back(static_cast<double>(boost::degree(v, sg)));
        break;
    case Centrality::betweenness: score = betweenness(sg), digits = 4; break;
    case Centrality::pagerank: score = pagerank(sg), digits = 6; break;
    }
    std::vector<Vertex> actors;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (g[v].kind == NodeKind::actor) actors.push_back(v);
    // Scores are rounded before ranking, so platform noise in the last bits cannot reorder ties.
    std::vector<std::string> shown(score.size());
    for (const Vertex v : actors) shown[v] = fixed(score[v], digits);
    std::stable_sort(actors.begin(), actors.end(), [&](Vertex a, Vertex b) {
        const double sa = std::stod(shown[a]), sb = std::stod(shown[b]);
        if (sa != sb) return sa > sb;
        return g[a].key < g[b].key;
    });
    if (actors.size() > top) actors.resize(top);
    const char* measure = by == Centrality::degree ? "degree" : by == Centrality::betweenness ? "betweenness" : "pagerank";
    Table t{{"rank", "name", "key", "type", measure}, {true, false, false, false, true}, {}};
    for (std::size_t i = 0; i < actors.size(); ++i)
        t.rows.push_back({std::to_string(i + 1), g[actors[i]].name, g[actors[i]].key, g[actors[i]].type, shown[actors[i]]});
    return t;
}

Table components_table(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    std::size_t count = 0;
    const auto comp = components(to_simple(kg), count);
    struct Info {
        std::size_t nodes = 0, actors = 0, events = 0;
        std::vector<Vertex> members;
    };
    std::vector<Info> info(count);
    for (std::size_t v = 0; v < comp.size(); ++v) {
        Info& i = info[comp[v]];
        ++i.nodes;
        i.actors += g[v].kind == NodeKind::actor;
        i.events += g[v].kind == NodeKind::event;
        if (g[v].kind == NodeKind::actor) i.members.push_back(v);
    }
    std::vector<std::size_t> order(count);
    for (std::size_t c = 0; c < count; ++c) order[c] = c;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return info[a].nodes > info[b].nodes; });
    Table t{{"component", "nodes", "actors", "events", "leading actors"}, {true, true, true, true, false}, {}};
    for (std::size_t r = 0; r < order.size(); ++r) {
        Info& i = info[order[r]];
        std::stable_sort(i.members.begin(), i.members.end(), [&](Vertex a, Vertex b) {
            const auto da = boost::out_degree(a, g) + boost::in_degree(a, g);
            const auto db = boost::out_degree(b, g) + boost::in_degree(b, g);
            return da != db ? da > db : g[a].name < g[b].name;
        });
        std::string lead;
        for (std::size_t k = 0; k < i.members.size() && k < 5; ++k) lead += (k ? "; " : "") + g[i.members[k]].name;
        t.rows.push_back({std::to_string(r + 1), std::to_string(i.nodes), std::to_string(i.actors),
                          std::to_string(i.events), lead});
    }
    return t;
}

} // namespace annals
