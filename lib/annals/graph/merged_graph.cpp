// MergedGraph: the compact merge turned back into strings, node by node or as a whole graph.
#include "annals/graph/merged.hpp"

namespace annals {
namespace {

std::vector<std::string> strings(const StringPool& pool, const detail::Id* ids, std::size_t n) {
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(pool.str(ids[i]));
    return out;
}

std::string text_of(const detail::DocFacts& f, std::uint32_t i) { return i == detail::kNoText ? std::string() : f.texts[i]; }

std::optional<DayInterval> interval(const StringPool& pool, detail::Id earliest, detail::Id latest) {
    if (earliest == detail::kNone) return std::nullopt;
    return DayInterval{std::string(pool.str(earliest)), std::string(pool.str(latest))};
}

} // namespace

std::string_view MergedGraph::key(std::uint32_t n) const {
    const Node& node = nodes[n];
    return node.event ? std::string_view(events[node.index].key) : pool_.str(entities[node.index].key);
}

EntitySource MergedGraph::entity_source(const Ref& r) const {
    const detail::EntityFact& s = r.doc->entities[r.index];
    return EntitySource{std::string(pool_.str(r.doc->doc)), std::string(pool_.str(s.name)), std::string(pool_.str(s.type)), pool_.opt(s.subtype), s.geo,
                        strings(pool_, r.doc->aliases.data() + s.aliases, s.alias_count)};
}

EventSource MergedGraph::event_source(const Ref& r) const {
    const detail::EventFact& e = r.doc->events[r.index];
    EventSource s;
    s.doc = pool_.str(r.doc->doc);
    s.event = pool_.str(e.at.event);
    s.dct = pool_.opt(e.at.dct);
    s.sentence = e.at.sentence;
    s.sentence_span = e.at.span;
    s.text = text_of(*r.doc, e.at.text);
    s.trigger = pool_.str(e.trigger);
    s.rule = pool_.str(e.at.rule);
    s.value = pool_.str(e.value);
    s.interval = interval(pool_, e.earliest, e.latest);
    s.time_source = pool_.str(e.time_source);
    s.modality = pool_.str(e.modality);
    s.confidence = e.confidence;
    return s;
}

Evidence MergedGraph::evidence(const Ref& r) const {
    const detail::Anchor& a = r.doc->relations[r.index].at;
    return Evidence{std::string(pool_.str(r.doc->doc)), pool_.opt(a.dct), a.sentence, a.span, text_of(*r.doc, a.text), std::string(pool_.str(a.rule)),
                    pool_.opt(a.event)};
}

VertexBundle MergedGraph::vertex(const Node& node) const {
    VertexBundle v;
    if (!node.event) {
        const Entity& n = entities[node.index];
        v.kind = n.kind;
        v.key = pool_.str(n.key);
        v.name = pool_.str(n.name);
        v.type = pool_.str(n.type);
        v.subtype = pool_.opt(n.subtype);
        v.geo = n.geo;
        v.aliases = strings(pool_, n.aliases.data(), n.aliases.size());
        v.entity_sources.reserve(n.sources.size());
        for (const Ref& r : n.sources) v.entity_sources.push_back(entity_source(r));
        v.source_count = n.source_count;
        return v;
    }
    const Event& n = events[node.index];
    v.kind = NodeKind::event;
    v.key = n.key;
    v.type = pool_.str(n.type);
    v.name = pool_.str(n.name);
    v.time_value = pool_.str(n.value);
    v.interval = interval(pool_, n.earliest, n.latest);
    v.time_source = pool_.str(n.time_source);
    v.modality = pool_.str(n.modality);
    v.event_sources.reserve(n.sources.size());
    for (const Ref& r : n.sources) v.event_sources.push_back(event_source(r));
    v.source_count = n.source_count;
    return v;
}

KnowledgeGraph MergedGraph::to_graph() const {
    KnowledgeGraph kg;
    kg.merge_window_days = window_days_;
    for (const auto& [id, f] : docs_) kg.documents.emplace(id, f.info);
    for (const Node& n : nodes) kg.add_node(vertex(n));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (!nodes[i].event) continue;
        const Event& n = events[nodes[i].index];
        const auto ev = static_cast<Vertex>(i);
        const std::size_t w = n.sources.size();
        for (const auto& [role, a] : n.participants)
            kg.add_edge(a, ev, EdgeBundle{EdgeKind::participates_in, std::string(pool_.str(role)), w, {}});
        if (n.place) kg.add_edge(ev, *n.place, EdgeBundle{EdgeKind::located_in, "located_in", w, {}});
    }
    for (const Relation& r : relations) {
        std::vector<Evidence> ev;
        ev.reserve(r.evidence.size());
        for (const Ref& x : r.evidence) ev.push_back(evidence(x));
        kg.add_edge(r.source, r.target, EdgeBundle{EdgeKind::relation, std::string(pool_.str(r.type)), r.weight, std::move(ev)});
    }
    return kg;
}

} // namespace annals
