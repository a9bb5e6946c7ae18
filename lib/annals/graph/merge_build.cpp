// GraphBuilder::build: votes entity fields, clusters event reports, assembles the graph in
// key order. Everything here iterates sorted containers, so the result depends only on the
// set of documents.
#include "annals/core/date.hpp"
#include "annals/graph/merge.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace annals {
namespace {

using EventMention = GraphBuilder::EventMention;
using RelationMention = GraphBuilder::RelationMention;

/// The value seen most often; ties go to the smallest, so order never matters.
template <class T>
T vote(const std::map<T, std::size_t>& counts) {
    T best{};
    std::size_t n = 0;
    for (const auto& [v, c] : counts)
        if (c > n) best = v, n = c;
    return best;
}

std::int64_t day_number(const std::string& iso, std::int64_t fallback) {
    const auto dt = parse_iso_datetime(iso);
    return dt ? days_from_civil(dt->date) : fallback;
}

VertexBundle entity_node(const std::string& key, std::vector<EntitySource> sources, bool acting) {
    std::sort(sources.begin(), sources.end(), [](const EntitySource& a, const EntitySource& b) { return a.doc < b.doc; });
    std::map<std::string, std::size_t> names, types, subtypes;
    std::set<std::string> aliases, docs;
    VertexBundle n;
    for (const EntitySource& s : sources) {
        ++names[s.name];
        ++types[s.type];
        if (s.subtype) ++subtypes[*s.subtype];
        if (s.geo && !n.geo) n.geo = s.geo; // from the first document (by id) that places it
        aliases.insert(s.aliases.begin(), s.aliases.end());
        docs.insert(s.doc);
    }
    n.key = key;
    n.name = vote(names);
    n.type = vote(types);
    if (!subtypes.empty()) n.subtype = vote(subtypes);
    const bool placeish = n.type == "location" || n.type == "facility" || (n.type == "gpe" && !acting);
    n.kind = placeish ? NodeKind::place : NodeKind::actor;
    n.aliases.assign(aliases.begin(), aliases.end());
    n.entity_sources = std::move(sources);
    n.source_count = docs.size();
    return n;
}

/// A report with its interval as day numbers, for clustering.
struct Timed {
    const EventMention* m;
    bool dated;
    std::int64_t lo, hi;
};

auto signature(const EventMention& m) { return std::tie(m.type, m.participants, m.place); }

bool timed_less(const Timed& a, const Timed& b) {
    if (signature(*a.m) != signature(*b.m)) return signature(*a.m) < signature(*b.m);
    return std::tie(a.dated, a.lo, a.hi, a.m->source.doc, a.m->source.event) <
           std::tie(b.dated, b.lo, b.hi, b.m->source.doc, b.m->source.event);
}

/// Sorted reports cut into events: same signature, and each report's interval reaches
/// within `window` days of the cluster so far (undated reports of a signature form one).
std::vector<std::vector<const Timed*>> cluster(const std::vector<Timed>& ts, int window) {
    std::vector<std::vector<const Timed*>> out;
    std::int64_t hi = 0;
    for (const Timed& t : ts) {
        bool join = false;
        if (!out.empty()) {
            const Timed& prev = *out.back().front();
            join = signature(*prev.m) == signature(*t.m) && prev.dated == t.dated && (!t.dated || t.lo <= hi + window);
        }
        if (!join) {
            out.emplace_back();
            hi = t.hi;
        }
        out.back().push_back(&t);
        hi = std::max(hi, t.hi);
    }
    return out;
}

VertexBundle event_node(const std::vector<const Timed*>& members) {
    const EventMention& first = *members.front()->m;
    VertexBundle n;
    n.kind = NodeKind::event;
    n.key = "event:" + first.source.doc + "#" + first.source.event;
    n.type = first.type;
    n.name = first.name;
    // The most precise date any report gives: the shortest interval, then the earliest.
    const Timed* best = members.front();
    for (const Timed* t : members)
        if (t->dated && (!best->dated || t->hi - t->lo < best->hi - best->lo)) best = t;
    n.time_value = best->m->source.value;
    n.interval = best->m->source.interval;
    n.time_source = best->m->source.time_source;
    std::map<std::string, std::size_t> modalities;
    std::set<std::string> docs;
    for (const Timed* t : members) {
        ++modalities[t->m->source.modality];
        docs.insert(t->m->source.doc);
        n.event_sources.push_back(t->m->source);
    }
    n.modality = vote(modalities);
    std::sort(n.event_sources.begin(), n.event_sources.end(), [](const EventSource& a, const EventSource& b) {
        return std::tie(a.doc, a.event) < std::tie(b.doc, b.event);
    });
    n.source_count = docs.size();
    return n;
}

bool evidence_less(const Evidence& a, const Evidence& b) {
    return std::tie(a.doc, a.sentence, a.sentence_span, a.rule, a.event) <
           std::tie(b.doc, b.sentence, b.sentence_span, b.rule, b.event);
}

std::size_t distinct_sentences(const std::vector<Evidence>& ev) {
    std::set<std::pair<std::string, std::size_t>> s;
    for (const Evidence& e : ev) s.emplace(e.doc, e.sentence);
    return s.size();
}

} // namespace

KnowledgeGraph GraphBuilder::build() const {
    KnowledgeGraph kg;
    kg.merge_window_days = opts_.window_days;
    std::map<std::string, std::vector<EntitySource>> entities;
    std::set<std::string> acting;
    std::vector<Timed> timed;
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<Evidence>> relations;
    for (const auto& [id, f] : docs_) {
        kg.documents.emplace(id, f.info);
        for (const auto& [key, s] : f.entities) entities[key].push_back(s);
        for (const EventMention& m : f.events) {
            for (const auto& p : m.participants) acting.insert(p.second);
            const auto& iv = m.source.interval;
            const std::int64_t lo = iv ? day_number(iv->earliest, 0) : 0;
            timed.push_back(Timed{&m, iv.has_value(), lo, iv ? std::max(lo, day_number(iv->latest, lo)) : 0});
        }
        for (const RelationMention& r : f.relations) {
            const bool spatial = r.type == "located_in" || r.type == "present_in" || r.type == "part_of";
            acting.insert(r.source);
            if (!spatial) acting.insert(r.target);
            relations[{r.type, r.source, r.target}].push_back(r.evidence);
        }
    }
    std::sort(timed.begin(), timed.end(), timed_less);
    const auto clusters = cluster(timed, opts_.window_days);

    // Nodes in key order: entity keys and event keys share one sorted sequence.
    std::map<std::string, VertexBundle> nodes;
    for (auto& [key, sources] : entities) nodes.emplace(key, entity_node(key, std::move(sources), acting.count(key) > 0));
    std::vector<std::string> event_keys;
    for (const auto& c : clusters) {
        VertexBundle n = event_node(c);
        event_keys.push_back(n.key);
        nodes.emplace(n.key, std::move(n));
    }
    for (auto& [key, n] : nodes) kg.add_node(std::move(n));

    // Edges: events in key order, then relations in (type, source, target) order.
    std::vector<std::size_t> order(clusters.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return event_keys[a] < event_keys[b]; });
    for (const std::size_t i : order) {
        const EventMention& m = *clusters[i].front()->m;
        const Vertex ev = *kg.find(event_keys[i]);
        const std::size_t w = kg[ev].event_sources.size();
        for (const auto& [role, key] : m.participants)
            if (auto a = kg.find(key)) kg.add_edge(*a, ev, EdgeBundle{EdgeKind::participates_in, role, w, {}});
        if (m.place)
            if (auto p = kg.find(*m.place)) kg.add_edge(ev, *p, EdgeBundle{EdgeKind::located_in, "located_in", w, {}});
    }
    for (auto& [k, ev] : relations) {
        const auto s = kg.find(std::get<1>(k)), t = kg.find(std::get<2>(k));
        if (!s || !t) continue;
        std::sort(ev.begin(), ev.end(), evidence_less);
        const std::size_t w = distinct_sentences(ev);
        kg.add_edge(*s, *t, EdgeBundle{EdgeKind::relation, std::get<0>(k), w, std::move(ev)});
    }
    return kg;
}

} // namespace annals
