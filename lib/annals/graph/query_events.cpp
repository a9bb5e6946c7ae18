// events_table and path_table.
#include "annals/graph/analysis.hpp"
#include "annals/graph/event_date.hpp"
#include "annals/graph/query.hpp"

#include <algorithm>
#include <tuple>

namespace annals {
namespace {

std::string num(std::size_t n) { return std::to_string(n); }

bool type_matches(const std::string& type, const std::string& want) {
    return type == want || (type.size() > want.size() && type.compare(0, want.size(), want) == 0 && type[want.size()] == '.');
}

std::string names_of(const Graph& g, Vertex ev) {
    std::vector<std::string> names;
    for (const Edge e : boost::make_iterator_range(boost::in_edges(ev, g)))
        if (g[e].kind == EdgeKind::participates_in) names.push_back(g[boost::source(e, g)].name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
    return out;
}

bool has_participant(const Graph& g, Vertex ev, Vertex actor) {
    for (const Edge e : boost::make_iterator_range(boost::in_edges(ev, g)))
        if (g[e].kind == EdgeKind::participates_in && boost::source(e, g) == actor) return true;
    return false;
}

std::optional<Vertex> place_of(const Graph& g, Vertex ev) {
    for (const Edge e : boost::make_iterator_range(boost::out_edges(ev, g)))
        if (g[e].kind == EdgeKind::located_in) return boost::target(e, g);
    return std::nullopt;
}

bool keep(const Graph& g, Vertex v, const EventFilter& f) {
    const VertexBundle& n = g[v];
    if (n.kind != NodeKind::event) return false;
    if (f.type && !type_matches(n.type, *f.type)) return false;
    if (f.modality && n.modality != *f.modality) return false;
    if (f.window.active()) {
        const EventDate d = event_date(n);
        if (d.relation == DateRelation::undated || !f.window.meets(DayInterval{d.earliest, d.latest})) return false;
    }
    if (f.place && place_of(g, v) != f.place) return false;
    return !f.actor || has_participant(g, v, *f.actor);
}

/// The edge joining two path neighbours (either way): relations first, then by type.
std::optional<Edge> joining_edge(const Graph& g, Vertex u, Vertex w) {
    std::optional<Edge> best;
    auto consider = [&](Edge e) {
        if (!best || std::tie(g[e].kind, g[e].type) > std::tie(g[*best].kind, g[*best].type)) best = e;
    };
    for (const Edge e : boost::make_iterator_range(boost::out_edges(u, g)))
        if (boost::target(e, g) == w) consider(e);
    for (const Edge e : boost::make_iterator_range(boost::in_edges(u, g)))
        if (boost::source(e, g) == w) consider(e);
    return best;
}

std::string node_label(const VertexBundle& n) {
    if (n.kind != NodeKind::event) return n.name;
    const EventDate d = event_date(n);
    return n.type + " (" + n.name + (d.label.empty() ? "" : ", " + d.label) + ")";
}

} // namespace

Table events_table(const KnowledgeGraph& kg, const EventFilter& f) {
    const Graph& g = kg.graph();
    // An actor or place filter walks that node's edges instead of every vertex.
    std::vector<Vertex> candidates;
    if (f.actor) {
        for (const Edge e : boost::make_iterator_range(boost::out_edges(*f.actor, g)))
            if (g[e].kind == EdgeKind::participates_in) candidates.push_back(boost::target(e, g));
    } else if (f.place) {
        for (const Edge e : boost::make_iterator_range(boost::in_edges(*f.place, g)))
            if (g[e].kind == EdgeKind::located_in) candidates.push_back(boost::source(e, g));
    } else {
        for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) candidates.push_back(v);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::pair<EventDate, Vertex>> rows;
    for (const Vertex v : candidates)
        if (keep(g, v, f)) rows.emplace_back(event_date(g[v]), v);
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        const bool ua = a.first.relation == DateRelation::undated, ub = b.first.relation == DateRelation::undated;
        return std::tie(ua, a.first.earliest, a.first.latest, g[a.second].key) <
               std::tie(ub, b.first.earliest, b.first.latest, g[b.second].key);
    });
    Table t{{"date", "precision", "time_source", "type", "trigger", "actors", "place", "modality", "sources", "key"},
            {false, false, false, false, false, false, false, false, true, false}, {}};
    for (const auto& [d, v] : rows) {
        const auto p = place_of(g, v);
        t.rows.push_back({d.relation == DateRelation::undated ? "undated" : d.label, date_precision_name(d.precision),
                          d.source, g[v].type, g[v].name, names_of(g, v), p ? g[*p].name : "", g[v].modality,
                          num(g[v].source_count), g[v].key});
    }
    return t;
}

Table path_table(const KnowledgeGraph& kg, Vertex a, Vertex b) {
    const Graph& g = kg.graph();
    const auto path = shortest_path(kg, a, b, [&](Vertex v) { return g[v].kind != NodeKind::place; });
    Table t{{"step", "from", "link", "to", "document", "evidence"}, {true, false, false, false, false, false}, {}};
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const auto e = joining_edge(g, path[i], path[i + 1]);
        if (!e) continue;
        const auto ev = edge_evidence(kg, *e);
        std::string link = g[*e].kind == EdgeKind::relation ? g[*e].type : edge_kind_name(g[*e].kind);
        if (g[*e].kind == EdgeKind::participates_in) link += " (" + g[*e].type + ")";
        if (boost::source(*e, g) != path[i]) link = "<- " + link;
        t.rows.push_back({num(i + 1), node_label(g[path[i]]), link, node_label(g[path[i + 1]]),
                          ev.empty() ? "" : ev.front().doc, ev.empty() ? "" : quote(ev.front())});
    }
    return t;
}

} // namespace annals
