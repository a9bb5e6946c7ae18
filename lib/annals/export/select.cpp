#include "annals/export/select.hpp"

#include "annals/graph/event_date.hpp"

#include <algorithm>
#include <deque>
#include <numeric>
#include <unordered_set>

namespace annals {
namespace {

/// Vertex and edge filters of the selection, before focus and top.
class Filter {
public:
    Filter(const KnowledgeGraph& kg, const GraphSelection& s) : g_(kg.graph()), s_(s), keep_(boost::num_vertices(g_), 0) {
        for (const Vertex v : boost::make_iterator_range(boost::vertices(g_))) keep_[v] = keeps_node(g_[v]) ? 1 : 0;
    }

    [[nodiscard]] bool edge(Edge e) const {
        const EdgeBundle& b = g_[e];
        if (!keep_[boost::source(e, g_)] || !keep_[boost::target(e, g_)] || b.weight < s_.min_weight) return false;
        if (b.kind != EdgeKind::relation || !s_.window.active()) return true;
        return std::any_of(b.evidence.begin(), b.evidence.end(), [&](const Evidence& x) {
            return x.dct && s_.window.meets(DayInterval{x.dct->substr(0, 10), x.dct->substr(0, 10)});
        });
    }

    /// Calls f(neighbour) for every edge the filter keeps, either way.
    template <class F>
    void each_neighbour(Vertex v, F&& f) const {
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g_)))
            if (edge(e)) f(boost::target(e, g_));
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g_)))
            if (edge(e)) f(boost::source(e, g_));
    }

    std::vector<char>& keep() noexcept { return keep_; }

private:
    [[nodiscard]] bool keeps_node(const VertexBundle& n) const {
        switch (n.kind) {
        case NodeKind::actor: return s_.actors;
        case NodeKind::place: return s_.places;
        case NodeKind::event: break;
        }
        if (!s_.events || (s_.type && !type_in_family(n.type, *s_.type))) return false;
        if (!s_.window.active()) return true;
        const EventDate d = event_date(n);
        return d.relation != DateRelation::undated && s_.window.meets(DayInterval{d.earliest, d.latest});
    }

    const Graph& g_;
    const GraphSelection& s_;
    std::vector<char> keep_;
};

/// Keeps what lies within `hops` steps of `focus`, a step being a relation or a shared event:
/// entering an event costs one, leaving it for its participants and place costs nothing
/// (0-1 breadth-first search), so the events crossed are kept with what they join; the places
/// that contain a kept place are kept too.
void keep_neighbourhood(const Graph& g, Filter& f, Vertex focus, std::size_t hops) {
    const long limit = static_cast<long>(hops);
    std::vector<long> dist(f.keep().size(), -1);
    std::deque<Vertex> queue{focus};
    dist[focus] = 0;
    while (!queue.empty()) {
        const Vertex v = queue.front();
        queue.pop_front();
        const bool from_event = g[v].kind == NodeKind::event;
        f.each_neighbour(v, [&](Vertex w) {
            const long d = dist[v] + (from_event && g[w].kind != NodeKind::event ? 0 : 1);
            if (d > limit || (dist[w] >= 0 && dist[w] <= d)) return;
            dist[w] = d;
            if (d == dist[v]) queue.push_front(w);
            else queue.push_back(w);
        });
    }
    // A place comes with the places that contain it ("Rome" with "Italy"), whatever the
    // distance: a city without its country says less.
    std::deque<Vertex> places;
    for (std::size_t v = 0; v < dist.size(); ++v)
        if (dist[v] >= 0 && g[v].kind != NodeKind::event) places.push_back(v); // a city may act too
    for (; !places.empty(); places.pop_front())
        for (const Edge e : boost::make_iterator_range(boost::out_edges(places.front(), g))) {
            const Vertex w = boost::target(e, g);
            if (g[e].kind != EdgeKind::relation || g[e].type != "located_in" || dist[w] >= 0 || !f.edge(e)) continue;
            dist[w] = limit + 1;
            places.push_back(w);
        }
    for (std::size_t v = 0; v < dist.size(); ++v)
        if (dist[v] < 0) f.keep()[v] = 0;
}

std::size_t distinct_neighbours(const Filter& f, Vertex v, std::vector<Vertex>& scratch) {
    scratch.clear();
    f.each_neighbour(v, [&](Vertex w) { scratch.push_back(w); });
    std::sort(scratch.begin(), scratch.end());
    return static_cast<std::size_t>(std::unique(scratch.begin(), scratch.end()) - scratch.begin());
}

/// Keeps the `top` actors of most distinct neighbours, the events they take part in and the
/// places of those events.
void keep_top_actors(const KnowledgeGraph& kg, Filter& f, std::size_t top, std::optional<Vertex> focus) {
    const Graph& g = kg.graph();
    std::vector<std::pair<std::size_t, Vertex>> ranked;
    std::vector<Vertex> scratch;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (f.keep()[v] && g[v].kind == NodeKind::actor) ranked.emplace_back(distinct_neighbours(f, v, scratch), v);
    std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : g[a.second].key < g[b.second].key;
    });
    std::vector<char> chosen(f.keep().size(), 0);
    for (std::size_t i = 0; i < ranked.size() && i < top; ++i) chosen[ranked[i].second] = 1;
    if (focus) chosen[*focus] = 1;
    std::vector<char> next(f.keep().size(), 0);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        if (!f.keep()[v]) continue;
        if (g[v].kind == NodeKind::actor) next[v] = chosen[v];
        else if (g[v].kind == NodeKind::event) f.each_neighbour(v, [&](Vertex w) { next[v] |= chosen[w]; });
    }
    // Places (and non-acting entities) stay when a kept event or a chosen actor reaches them.
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (f.keep()[v] && g[v].kind == NodeKind::place)
            f.each_neighbour(v, [&](Vertex w) { next[v] |= (g[w].kind == NodeKind::event ? next[w] : chosen[w]); });
    f.keep() = std::move(next);
}

void drop_isolated_entities(const KnowledgeGraph& kg, Filter& f, std::optional<Vertex> focus) {
    const Graph& g = kg.graph();
    std::vector<char> linked(f.keep().size(), 0);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (f.edge(e)) linked[v] = linked[boost::target(e, g)] = 1;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (g[v].kind != NodeKind::event && !linked[v] && v != focus) f.keep()[v] = 0;
}

/// The nodes of a cut picture: edges taken best first (heaviest, then the higher of their
/// ends' smaller degree, so links between hubs come before a hub's leaves, then in order),
/// their ends added while they fit in `max_nodes`. Every node chosen has an edge; a graph
/// without edges gives its first nodes.
std::vector<char> core_nodes(const KnowledgeGraph& kg, std::size_t max_nodes) {
    const Graph& g = kg.graph();
    const auto degree = neighbour_counts(kg);
    std::vector<Edge> edges;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) edges.push_back(e);
    auto rank = [&](Edge e) {
        return std::make_pair(g[e].weight, std::min(degree[boost::source(e, g)], degree[boost::target(e, g)]));
    };
    std::stable_sort(edges.begin(), edges.end(), [&](Edge a, Edge b) { return rank(a) > rank(b); });
    std::vector<char> keep(kg.node_count(), 0);
    std::size_t count = 0;
    for (const Edge e : edges) {
        const Vertex a = boost::source(e, g), b = boost::target(e, g);
        const std::size_t more = (keep[a] ? 0 : 1) + (keep[b] != 0 || a == b ? 0 : 1);
        if (count + more > max_nodes) continue;
        keep[a] = keep[b] = 1;
        if ((count += more) == max_nodes) break;
    }
    for (std::size_t v = 0; v < keep.size() && count < max_nodes && edges.empty(); ++v, ++count) keep[v] = 1;
    return keep;
}

} // namespace

bool type_in_family(const std::string& type, const std::string& want) {
    return type == want || (type.size() > want.size() && type.compare(0, want.size(), want) == 0 && type[want.size()] == '.');
}

bool GraphSelection::active() const noexcept {
    return focus || !actors || !places || !events || type || window.active() || min_weight > 0 || top > 0;
}

KnowledgeGraph subgraph(const KnowledgeGraph& kg, const std::vector<char>& keep_vertex,
                        const std::function<bool(Edge)>& keep_edge) {
    const Graph& g = kg.graph();
    KnowledgeGraph out;
    out.documents = kg.documents;
    out.merge_window_days = kg.merge_window_days;
    std::vector<Vertex> to(boost::num_vertices(g), Graph::null_vertex());
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (keep_vertex[v]) to[v] = out.add_node(g[v]);
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        if (!keep_vertex[v]) continue;
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (keep_vertex[boost::target(e, g)] && keep_edge(e)) out.add_edge(to[v], to[boost::target(e, g)], g[e]);
    }
    return out;
}

KnowledgeGraph select_graph(const KnowledgeGraph& kg, const GraphSelection& s) {
    Filter f(kg, s);
    if (s.focus) {
        f.keep()[*s.focus] = 1;
        keep_neighbourhood(kg.graph(), f, *s.focus, s.hops);
    }
    if (s.top > 0) keep_top_actors(kg, f, s.top, s.focus);
    if (s.focus || s.type || s.window.active() || s.min_weight > 0 || s.top > 0) drop_isolated_entities(kg, f, s.focus);
    return subgraph(kg, f.keep(), [&f](Edge e) { return f.edge(e); });
}

std::vector<std::size_t> neighbour_counts(const KnowledgeGraph& kg) {
    const GraphSelection all;
    Filter f(kg, all);
    std::vector<std::size_t> out(kg.node_count());
    std::vector<Vertex> scratch;
    for (std::size_t v = 0; v < out.size(); ++v) out[v] = distinct_neighbours(f, v, scratch);
    return out;
}

KnowledgeGraph most_connected(const KnowledgeGraph& kg, std::size_t max_nodes, std::size_t max_edges, std::string& note) {
    note.clear();
    const Graph& g = kg.graph();
    std::vector<char> keep(kg.node_count(), 1);
    const bool cut_nodes = kg.node_count() > max_nodes;
    if (cut_nodes) keep = core_nodes(kg, max_nodes);
    std::vector<Edge> edges; // among the kept nodes, in order
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (keep[v] && keep[boost::target(e, g)]) edges.push_back(e);
    const std::size_t candidates = edges.size();
    if (edges.size() > max_edges) {
        // The heaviest; ties in edge order, so the choice is deterministic.
        std::stable_sort(edges.begin(), edges.end(), [&](Edge a, Edge b) { return g[a].weight > g[b].weight; });
        edges.resize(max_edges);
    }
    std::unordered_set<const EdgeBundle*> chosen;
    std::vector<char> linked(kg.node_count(), 0);
    for (const Edge e : edges) {
        chosen.insert(&g[e]);
        linked[boost::source(e, g)] = linked[boost::target(e, g)] = 1;
    }
    // A cut leaves nodes whose neighbours were cut away: they would only float about.
    std::size_t shown = 0;
    for (std::size_t v = 0; v < keep.size(); ++v) {
        if (keep[v] && (cut_nodes || candidates > max_edges) && !linked[v]) keep[v] = 0;
        shown += keep[v] ? 1 : 0;
    }
    if (cut_nodes)
        note = "cut to the " + std::to_string(max_nodes) + " most connected of " + std::to_string(kg.node_count()) +
               " nodes" + (shown < max_nodes ? " (" + std::to_string(shown) + " with edges shown)" : std::string());
    if (candidates > max_edges)
        note += std::string(note.empty() ? "" : "; ") + "the " + std::to_string(max_edges) + " heaviest of " +
                std::to_string(candidates) + " edges drawn";
    return subgraph(kg, keep, [&](Edge e) { return chosen.count(&g[e]) > 0; });
}

} // namespace annals
