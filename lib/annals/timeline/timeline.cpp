#include "annals/timeline/timeline.hpp"

#include "annals/graph/table.hpp"

#include <algorithm>
#include <tuple>

namespace annals {
namespace {

int rank(DateRelation r) {
    switch (r) {
    case DateRelation::before: return 0;
    case DateRelation::on: return 1;
    case DateRelation::after: return 2;
    case DateRelation::undated: return 3;
    }
    return 3;
}

TimelineEntry entry_of(const Graph& g, Vertex v) {
    const VertexBundle& n = g[v];
    TimelineEntry e;
    e.key = n.key;
    e.type = n.type;
    e.trigger = n.name;
    e.modality = n.modality;
    e.date = event_date(n);
    for (const Edge x : boost::make_iterator_range(boost::in_edges(v, g)))
        if (g[x].kind == EdgeKind::participates_in) e.actors.push_back(g[boost::source(x, g)].name);
    std::sort(e.actors.begin(), e.actors.end());
    e.actors.erase(std::unique(e.actors.begin(), e.actors.end()), e.actors.end());
    for (const Edge x : boost::make_iterator_range(boost::out_edges(v, g)))
        if (g[x].kind == EdgeKind::located_in) e.place = g[boost::target(x, g)].name;
    e.sources = n.source_count;
    if (!n.event_sources.empty()) {
        const EventSource& s = n.event_sources.front();
        e.evidence = Evidence{s.doc, s.dct, s.sentence, s.sentence_span, s.text, s.rule, s.event};
    }
    return e;
}

} // namespace

Timeline build_timeline(const KnowledgeGraph& kg, const EventFilter& f) {
    const Graph& g = kg.graph();
    const Table keys = events_table(kg, f); // the one place filters are applied
    Timeline t;
    for (const auto& row : keys.rows) {
        const auto v = kg.find(row.back());
        if (!v) continue;
        TimelineEntry e = entry_of(g, *v);
        (e.date.relation == DateRelation::undated ? t.undated : t.dated).push_back(std::move(e));
    }
    std::stable_sort(t.dated.begin(), t.dated.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return std::make_tuple(a.date.earliest, rank(a.date.relation), a.date.latest, a.key) <
               std::make_tuple(b.date.earliest, rank(b.date.relation), b.date.latest, b.key);
    });
    std::stable_sort(t.undated.begin(), t.undated.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.key < b.key; });
    return t;
}

std::string render_timeline(const Timeline& t, TimelineFormat f) {
    switch (f) {
    case TimelineFormat::text: return timeline_text(t);
    case TimelineFormat::json: return timeline_json(t);
    case TimelineFormat::timelinejs: return timeline_timelinejs(t);
    case TimelineFormat::vis: return timeline_vis(t);
    case TimelineFormat::csv: return timeline_csv(t);
    }
    return timeline_text(t);
}

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::vector<std::string> row_of(const TimelineEntry& e) {
    return {e.date.relation == DateRelation::undated ? "undated" : e.date.label,
            date_relation_name(e.date.relation),
            date_precision_name(e.date.precision),
            e.date.source,
            e.type,
            e.trigger,
            join(e.actors, "; "),
            e.place,
            e.modality,
            std::to_string(e.sources),
            e.evidence.doc,
            e.evidence.text, // the sentence itself: CSV quotes it where it needs to
            e.key};
}

Table table_of(const Timeline& t, bool with_undated) {
    Table tab{{"date", "relation", "precision", "time_source", "type", "trigger", "actors", "place", "modality",
               "sources", "document", "sentence", "key"},
              {false, false, false, false, false, false, false, false, false, true, false, false, false},
              {}};
    for (const auto& e : t.dated) tab.rows.push_back(row_of(e));
    if (with_undated)
        for (const auto& e : t.undated) tab.rows.push_back(row_of(e));
    return tab;
}

} // namespace

std::string timeline_csv(const Timeline& t) { return render_csv(table_of(t, true)); }

std::string timeline_text(const Timeline& t) {
    auto lines = [](const std::vector<TimelineEntry>& es) {
        std::string out;
        for (const auto& e : es) {
            out += (e.date.relation == DateRelation::undated ? "undated" : e.date.label);
            if (e.date.relation != DateRelation::undated)
                out += " [" + std::string(date_precision_name(e.date.precision)) + ", " + e.date.source + "]";
            out += "  " + e.type + " (" + e.trigger + ")";
            if (!e.actors.empty()) out += ": " + join(e.actors, ", ");
            if (!e.place.empty()) out += " in " + e.place;
            if (e.modality != "asserted") out += " {" + e.modality + "}";
            out += "  (" + std::to_string(e.sources) + (e.sources == 1 ? " source)" : " sources)") + "\n";
            if (!e.evidence.text.empty()) out += "    " + quote(e.evidence) + " - " + e.evidence.doc + "\n";
        }
        return out;
    };
    std::string out = lines(t.dated);
    if (!t.undated.empty()) out += "\nUndated:\n" + lines(t.undated);
    return out;
}

} // namespace annals
