#include "annals/export/graph_times.hpp"

#include "annals/graph/event_date.hpp"

#include <map>
#include <utility>

namespace annals {
namespace {

TimeSpan event_span(const VertexBundle& n) {
    const EventDate d = event_date(n);
    switch (d.relation) {
    case DateRelation::on: return {d.earliest, d.latest};
    case DateRelation::before: return {{}, d.latest};
    case DateRelation::after: return {d.earliest, {}};
    case DateRelation::undated: break;
    }
    return {};
}

/// The smallest span covering both; open ends stay open only when both are.
void widen(TimeSpan& into, const TimeSpan& s) {
    if (!s.start.empty() && (into.start.empty() || s.start < into.start)) into.start = s.start;
    if (!s.end.empty() && (into.end.empty() || s.end > into.end)) into.end = s.end;
}

TimeSpan relation_span(const EdgeBundle& b, const std::map<std::pair<std::string, std::string>, Vertex>& events,
                       const std::vector<TimeSpan>& spans) {
    TimeSpan out;
    for (const Evidence& x : b.evidence) {
        const auto it = x.event ? events.find({x.doc, *x.event}) : events.end();
        if (it != events.end() && !spans[it->second].empty()) widen(out, spans[it->second]);
        else if (x.dct) widen(out, {x.dct->substr(0, 10), x.dct->substr(0, 10)});
    }
    return out;
}

} // namespace

GraphTimes graph_times(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    GraphTimes t;
    t.nodes.resize(kg.node_count());
    std::map<std::pair<std::string, std::string>, Vertex> events;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        if (g[v].kind != NodeKind::event) continue;
        t.nodes[v] = event_span(g[v]);
        for (const EventSource& s : g[v].event_sources) events.emplace(std::make_pair(s.doc, s.event), v);
    }
    std::vector<TimeSpan> entity(kg.node_count());
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
            const EdgeBundle& b = g[e];
            const Vertex w = boost::target(e, g);
            TimeSpan s;
            if (b.kind == EdgeKind::participates_in) s = t.nodes[w];
            else if (b.kind == EdgeKind::located_in) s = t.nodes[v];
            else s = relation_span(b, events, t.nodes);
            if (g[v].kind != NodeKind::event) widen(entity[v], s);
            if (g[w].kind != NodeKind::event) widen(entity[w], s);
            t.edges.push_back(std::move(s));
        }
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (g[v].kind != NodeKind::event) t.nodes[v] = std::move(entity[v]);
    return t;
}

} // namespace annals
