#include "annals/graph/merge.hpp"

#include <boost/uuid/detail/sha1.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace annals {
namespace {

std::string fallback_key(const Entity& e) {
    std::string k = e.type + ":";
    for (unsigned char c : e.name) {
        if (c >= 'A' && c <= 'Z') k += static_cast<char>(c - 'A' + 'a');
        else if (c == ' ') k += '-';
        else k += static_cast<char>(c);
    }
    return k;
}

std::vector<std::string> aliases_of(const Entity& e) {
    std::vector<std::string> out{e.name};
    for (const Mention& m : e.mentions) out.push_back(m.text);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

struct SentenceInfo {
    Span span;
    std::string text;
};

SentenceInfo sentence_of(const Extraction& x, std::size_t i, bool has_text) {
    const auto& ss = x.segmentation.sentences;
    if (i >= ss.size()) return {};
    const Span s = ss[i].span;
    if (!has_text || s.end > x.doc.text.size()) return {s, {}};
    return {s, std::string(s.of(x.doc.text))};
}

GraphBuilder::EventMention mention_of(const Extraction& x, const Event& e,
                                      const std::unordered_map<std::string, std::string>& keys, bool has_text) {
    GraphBuilder::EventMention m;
    m.type = e.type;
    for (const Argument& a : e.arguments) {
        const auto it = keys.find(a.entity);
        if (it != keys.end()) m.participants.emplace_back(a.role, it->second);
    }
    std::sort(m.participants.begin(), m.participants.end());
    m.participants.erase(std::unique(m.participants.begin(), m.participants.end()), m.participants.end());
    if (e.place) {
        const auto it = keys.find(*e.place);
        if (it != keys.end()) m.place = it->second;
    }
    m.name = e.trigger.text.empty() ? e.trigger.lemma : e.trigger.text;
    EventSource& s = m.source;
    s.doc = x.doc.id;
    s.event = e.id;
    s.dct = x.doc.dct;
    s.sentence = e.sentence;
    auto sent = sentence_of(x, e.sentence, has_text);
    s.sentence_span = sent.span;
    s.text = std::move(sent.text);
    s.trigger = m.name;
    s.rule = e.rule;
    if (e.time) {
        s.value = e.time->value;
        s.interval = e.time->interval;
        s.time_source = e.time->source;
    }
    s.modality = e.modality;
    s.confidence = e.confidence;
    return m;
}

} // namespace

std::string content_hash(std::string_view bytes) {
    boost::uuids::detail::sha1 h;
    h.process_bytes(bytes.data(), bytes.size());
    boost::uuids::detail::sha1::digest_type d;
    h.get_digest(d);
    char buf[41];
    for (int i = 0; i < 5; ++i) std::snprintf(buf + 8 * i, 9, "%08x", d[i]);
    return std::string(buf, 40);
}

bool is_symmetric_relation(std::string_view type) noexcept {
    return type == "allied_with" || type == "met_with";
}

AddOutcome GraphBuilder::add(const Extraction& x, const std::string& hash, bool has_text) {
    const auto old = docs_.find(x.doc.id);
    if (old != docs_.end() && old->second.info.hash == hash) return AddOutcome::unchanged;
    const AddOutcome outcome = old == docs_.end() ? AddOutcome::added : AddOutcome::replaced;
    DocFacts f;
    f.info = DocInfo{x.doc.id, hash, x.doc.dct, x.doc.title, x.doc.url};
    std::unordered_map<std::string, std::string> keys;
    for (const Entity& e : x.entities) {
        std::string key = e.key.empty() ? fallback_key(e) : e.key;
        keys.emplace(e.id, key);
        f.entities.emplace_back(std::move(key), EntitySource{x.doc.id, e.name, e.type, e.subtype, e.geo, aliases_of(e)});
    }
    for (const Event& e : x.events) f.events.push_back(mention_of(x, e, keys, has_text));
    for (const Relation& r : x.relations) {
        const auto s = keys.find(r.source), t = keys.find(r.target);
        if (s == keys.end() || t == keys.end()) continue;
        RelationMention m{r.type, s->second, t->second, {}};
        if (is_symmetric_relation(r.type) && m.target < m.source) std::swap(m.source, m.target);
        auto sent = sentence_of(x, r.sentence, has_text);
        m.evidence = Evidence{x.doc.id, x.doc.dct, r.sentence, sent.span, std::move(sent.text), r.rule, r.event};
        f.relations.push_back(std::move(m));
    }
    docs_[x.doc.id] = std::move(f);
    return outcome;
}

bool GraphBuilder::has(const std::string& doc_id, const std::string& hash) const {
    const auto it = docs_.find(doc_id);
    return it != docs_.end() && it->second.info.hash == hash;
}

void GraphBuilder::add_graph(const KnowledgeGraph& kg) {
    for (const auto& [id, info] : kg.documents) docs_[id].info = info;
    const Graph& g = kg.graph();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const VertexBundle& n = g[v];
        if (n.kind != NodeKind::event) {
            for (const EntitySource& s : n.entity_sources) docs_[s.doc].entities.emplace_back(n.key, s);
            continue;
        }
        EventMention base;
        base.type = n.type;
        base.name = n.name;
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
            if (g[e].kind == EdgeKind::participates_in) base.participants.emplace_back(g[e].type, g[boost::source(e, g)].key);
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (g[e].kind == EdgeKind::located_in) base.place = g[boost::target(e, g)].key;
        std::sort(base.participants.begin(), base.participants.end());
        for (const EventSource& s : n.event_sources) {
            EventMention m = base;
            m.name = s.trigger;
            m.source = s;
            docs_[s.doc].events.push_back(std::move(m));
        }
    }
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
        if (g[e].kind != EdgeKind::relation) continue;
        for (const Evidence& ev : g[e].evidence)
            docs_[ev.doc].relations.push_back(
                RelationMention{g[e].type, g[boost::source(e, g)].key, g[boost::target(e, g)].key, ev});
    }
}

} // namespace annals
