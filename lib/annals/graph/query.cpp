#include "annals/graph/query.hpp"

#include "annals/core/date.hpp"
#include "annals/graph/event_date.hpp"
#include "annals/graph/merge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace annals {
namespace {

std::string num(std::size_t n) { return std::to_string(n); }

/// The events an actor takes part in (distinct, in vertex order).
std::vector<Vertex> events_of(const Graph& g, Vertex actor) {
    std::vector<Vertex> out;
    for (const Edge e : boost::make_iterator_range(boost::out_edges(actor, g)))
        if (g[e].kind == EdgeKind::participates_in) out.push_back(boost::target(e, g));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<Vertex> participants_of(const Graph& g, Vertex event) {
    std::vector<Vertex> out;
    for (const Edge e : boost::make_iterator_range(boost::in_edges(event, g)))
        if (g[e].kind == EdgeKind::participates_in) out.push_back(boost::source(e, g));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool dct_in(const DateWindow& w, const std::optional<std::string>& dct) {
    if (!w.active()) return true;
    if (!dct) return false;
    const std::string d = dct->substr(0, 10);
    return w.meets(DayInterval{d, d});
}

bool type_matches(const std::string& type, const std::string& want) {
    return type == want || (type.size() > want.size() && type.compare(0, want.size(), want) == 0 && type[want.size()] == '.');
}

} // namespace

bool DateWindow::meets(const std::optional<DayInterval>& iv) const {
    if (!active()) return true;
    if (!iv) return false;
    return (!from || iv->latest >= *from) && (!to || iv->earliest <= *to);
}

std::optional<std::string> parse_date_bound(std::string_view s, bool upper) {
    std::string day(s);
    if (s.size() == 4) day += upper ? "-12-31" : "-01-01";
    else if (s.size() == 7) day += "-01";
    const auto dt = parse_iso_datetime(day);
    if (!dt || day.size() != 10) return std::nullopt;
    CivilDate d = dt->date;
    if (s.size() == 7 && upper) d.day = days_in_month(d.year, d.month);
    return format_date(d);
}

std::string quote(const Evidence& e) {
    if (!e.text.empty()) return "\"" + e.text + "\"";
    return "[" + e.doc + " sentence " + num(e.sentence) + ", bytes " + num(e.sentence_span.begin) + "-" +
           num(e.sentence_span.end) + "]";
}

Table actors_table(const KnowledgeGraph& kg, const std::optional<std::string>& type) {
    const Graph& g = kg.graph();
    std::vector<Vertex> vs;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (g[v].kind != NodeKind::event && (!type || g[v].type == *type)) vs.push_back(v);
    std::sort(vs.begin(), vs.end(), [&](Vertex a, Vertex b) {
        return std::tie(g[a].name, g[a].key) < std::tie(g[b].name, g[b].key);
    });
    Table t{{"name", "key", "kind", "type", "subtype", "events", "relations", "documents"},
            {false, false, false, false, false, true, true, true}, {}};
    for (const Vertex v : vs) {
        std::size_t rel = 0;
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) rel += g[e].kind == EdgeKind::relation;
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g))) rel += g[e].kind == EdgeKind::relation;
        std::size_t events = events_of(g, v).size();
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g))) events += g[e].kind == EdgeKind::located_in;
        t.rows.push_back({g[v].name, g[v].key, node_kind_name(g[v].kind), g[v].type, g[v].subtype.value_or(""),
                          num(events), num(rel), num(g[v].source_count)});
    }
    return t;
}

Table neighbors_table(const KnowledgeGraph& kg, Vertex actor, const std::optional<std::string>& relation,
                      const DateWindow& window) {
    const Graph& g = kg.graph();
    struct Agg {
        std::size_t weight = 0;
        std::string first, last;
    };
    std::map<std::tuple<Vertex, std::string, std::string>, Agg> rows; // (neighbour, relation, direction)
    auto note = [&](Vertex n, const std::string& rel, const char* dir, std::size_t w, const std::string& date) {
        if (relation && rel != *relation && !type_matches(rel, *relation)) return;
        Agg& a = rows[{n, rel, dir}];
        a.weight += w;
        if (!date.empty() && (a.first.empty() || date < a.first)) a.first = date;
        if (!date.empty() && date > a.last) a.last = date;
    };
    // A relation counts the evidence sentences inside the window (dated by their document).
    auto relation_edge = [&](Edge e, Vertex other, const char* dir) {
        std::size_t w = 0;
        std::string first;
        for (const Evidence& ev : g[e].evidence) {
            if (!dct_in(window, ev.dct)) continue;
            ++w;
            if (ev.dct && (first.empty() || ev.dct->substr(0, 10) < first)) first = ev.dct->substr(0, 10);
        }
        if (w > 0) note(other, g[e].type, is_symmetric_relation(g[e].type) ? "both" : dir, w, first);
    };
    for (const Edge e : boost::make_iterator_range(boost::out_edges(actor, g)))
        if (g[e].kind == EdgeKind::relation) relation_edge(e, boost::target(e, g), "out");
    for (const Edge e : boost::make_iterator_range(boost::in_edges(actor, g)))
        if (g[e].kind == EdgeKind::relation) relation_edge(e, boost::source(e, g), "in");
    for (const Vertex ev : events_of(g, actor)) {
        if (!window.meets(g[ev].interval) && window.active()) continue;
        const std::string date = g[ev].interval ? g[ev].interval->earliest : std::string();
        for (const Vertex other : participants_of(g, ev))
            if (other != actor) note(other, g[ev].type, "event", 1, date);
    }
    std::vector<std::pair<std::tuple<Vertex, std::string, std::string>, Agg>> sorted(rows.begin(), rows.end());
    std::stable_sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
        if (a.second.weight != b.second.weight) return a.second.weight > b.second.weight;
        return std::tie(g[std::get<0>(a.first)].name, std::get<1>(a.first)) <
               std::tie(g[std::get<0>(b.first)].name, std::get<1>(b.first));
    });
    Table t{{"neighbor", "key", "relation", "direction", "weight", "first", "last"},
            {false, false, false, false, true, false, false}, {}};
    for (const auto& [k, a] : sorted) {
        const Vertex n = std::get<0>(k);
        t.rows.push_back({g[n].name, g[n].key, std::get<1>(k), std::get<2>(k), num(a.weight), a.first, a.last});
    }
    return t;
}

Table relations_table(const KnowledgeGraph& kg, Vertex a, std::optional<Vertex> b) {
    const Graph& g = kg.graph();
    Table t{{"relation", "source", "target", "weight", "document", "sentence", "evidence"},
            {false, false, false, true, false, true, false}, {}};
    std::vector<Edge> edges;
    for (const Edge e : boost::make_iterator_range(boost::out_edges(a, g)))
        if (g[e].kind == EdgeKind::relation && (!b || boost::target(e, g) == *b)) edges.push_back(e);
    for (const Edge e : boost::make_iterator_range(boost::in_edges(a, g)))
        if (g[e].kind == EdgeKind::relation && (!b || boost::source(e, g) == *b) && boost::source(e, g) != a)
            edges.push_back(e);
    std::sort(edges.begin(), edges.end(), [&](Edge x, Edge y) {
        return std::tie(g[x].type, g[boost::source(x, g)].key, g[boost::target(x, g)].key) <
               std::tie(g[y].type, g[boost::source(y, g)].key, g[boost::target(y, g)].key);
    });
    for (const Edge e : edges)
        for (const Evidence& ev : g[e].evidence)
            t.rows.push_back({g[e].type, g[boost::source(e, g)].name, g[boost::target(e, g)].name, num(g[e].weight), ev.doc,
                              num(ev.sentence), quote(ev)});
    if (!b) return t;
    const auto theirs = events_of(g, *b);
    for (const Vertex ev : events_of(g, a)) {
        if (!std::binary_search(theirs.begin(), theirs.end(), ev)) continue;
        for (const EventSource& s : g[ev].event_sources)
            t.rows.push_back({"event:" + g[ev].type, g[a].name, g[*b].name, num(g[ev].event_sources.size()), s.doc,
                              num(s.sentence), quote(Evidence{s.doc, s.dct, s.sentence, s.sentence_span, s.text, s.rule, s.event})});
    }
    return t;
}

} // namespace annals
