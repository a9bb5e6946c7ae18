// GraphBuilder: records and graphs into per-document facts with interned strings.
#include "annals/graph/merge.hpp"

#include "annals/core/date.hpp"

#include <boost/uuid/detail/sha1.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace annals {
namespace {

using detail::Anchor;
using detail::DocFacts;
using detail::EntityFact;
using detail::EventFact;
using detail::Id;
using detail::kNone;
using detail::RelationFact;

std::string fallback_key(const Entity& e) {
    std::string k = e.type + ":";
    for (unsigned char c : e.name) {
        if (c >= 'A' && c <= 'Z') k += static_cast<char>(c - 'A' + 'a');
        else if (c == ' ') k += '-';
        else k += static_cast<char>(c);
    }
    return k;
}

std::int64_t day_number(const std::string& iso, std::int64_t fallback) {
    const auto dt = parse_iso_datetime(iso);
    return dt ? days_from_civil(dt->date) : fallback;
}

/// Appends aliases (sorted, unique strings) and returns the fact's range.
void put_aliases(StringPool& pool, DocFacts& f, EntityFact& e, std::vector<std::string_view> names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    e.aliases = static_cast<std::uint32_t>(f.aliases.size());
    e.alias_count = static_cast<std::uint32_t>(names.size());
    for (const auto n : names) f.aliases.push_back(pool.intern(n));
}

/// Appends a run of (role, key) pairs in string order and returns it as the fact's range.
void put_participants(const StringPool& pool, DocFacts& f, EventFact& e, std::vector<std::pair<Id, Id>> ps, bool unique) {
    std::sort(ps.begin(), ps.end(), [&pool](const auto& a, const auto& b) {
        const int r = pool.str(a.first).compare(pool.str(b.first));
        return r != 0 ? r < 0 : pool.str(a.second) < pool.str(b.second);
    });
    if (unique) ps.erase(std::unique(ps.begin(), ps.end()), ps.end());
    e.participants = static_cast<std::uint32_t>(f.participants.size());
    e.participant_count = static_cast<std::uint32_t>(ps.size());
    f.participants.insert(f.participants.end(), ps.begin(), ps.end());
}

void set_time(StringPool& pool, EventFact& e, const std::string& value, const std::optional<DayInterval>& iv,
              const std::string& source) {
    e.value = pool.intern(value);
    e.time_source = pool.intern(source);
    e.dated = iv.has_value();
    if (!iv) return;
    e.earliest = pool.intern(iv->earliest);
    e.latest = pool.intern(iv->latest);
    e.lo = day_number(iv->earliest, 0);
    e.hi = std::max(e.lo, day_number(iv->latest, e.lo));
}

std::uint32_t put_text(DocFacts& f, const std::string& text) {
    if (text.empty()) return detail::kNoText;
    f.texts.push_back(text);
    return static_cast<std::uint32_t>(f.texts.size() - 1);
}

/// Reads one record: sentence spans and (when `has_text`) their texts, each text kept once.
class RecordReader {
public:
    RecordReader(StringPool& pool, DocFacts& f, const Extraction& x, bool has_text)
        : pool_(pool), f_(f), x_(x), has_text_(has_text), dct_(pool.intern_opt(x.doc.dct)),
          texts_(x.segmentation.sentences.size(), detail::kNoText) {}

    Anchor anchor(std::size_t sentence, const std::string& rule, Id event) {
        Anchor a;
        a.dct = dct_;
        a.rule = pool_.intern(rule);
        a.event = event;
        a.sentence = sentence;
        const auto& ss = x_.segmentation.sentences;
        if (sentence >= ss.size()) return a;
        a.span = ss[sentence].span;
        if (!has_text_ || a.span.end > x_.doc.text.size()) return a;
        if (texts_[sentence] == detail::kNoText) texts_[sentence] = put_text(f_, std::string(a.span.of(x_.doc.text)));
        a.text = texts_[sentence];
        return a;
    }

private:
    StringPool& pool_;
    DocFacts& f_;
    const Extraction& x_;
    bool has_text_;
    Id dct_;
    std::vector<std::uint32_t> texts_;
};

EventFact event_fact(StringPool& pool, DocFacts& f, RecordReader& rr, const Event& e,
                     const std::unordered_map<std::string_view, Id>& keys) {
    EventFact m;
    m.type = pool.intern(e.type);
    std::vector<std::pair<Id, Id>> ps;
    for (const Argument& a : e.arguments) {
        const auto it = keys.find(a.entity);
        if (it != keys.end()) ps.emplace_back(pool.intern(a.role), it->second);
    }
    put_participants(pool, f, m, std::move(ps), true);
    if (e.place) {
        const auto it = keys.find(*e.place);
        if (it != keys.end()) m.place = it->second;
    }
    m.trigger = pool.intern(e.trigger.text.empty() ? e.trigger.lemma : e.trigger.text);
    m.at = rr.anchor(e.sentence, e.rule, pool.intern(e.id));
    if (e.time) set_time(pool, m, e.time->value, e.time->interval, e.time->source);
    else set_time(pool, m, "", std::nullopt, "none");
    m.modality = pool.intern(e.modality);
    m.confidence = e.confidence;
    return m;
}

Anchor anchor_of(StringPool& pool, DocFacts& f, const std::optional<std::string>& dct, std::size_t sentence,
                 const Span& span, const std::string& text, const std::string& rule, const std::optional<std::string>& event) {
    Anchor a;
    a.dct = pool.intern_opt(dct);
    a.rule = pool.intern(rule);
    a.event = pool.intern_opt(event);
    a.sentence = sentence;
    a.span = span;
    a.text = put_text(f, text);
    return a;
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

bool is_symmetric_relation(std::string_view type) noexcept { return type == "allied_with" || type == "met_with"; }

bool is_spatial_relation(std::string_view type) noexcept {
    return type == "located_in" || type == "present_in" || type == "part_of";
}

detail::DocFacts& GraphBuilder::document(const std::string& id) {
    DocFacts& f = docs_[id];
    if (f.doc == kNone) f.doc = pool_.intern(id);
    return f;
}

AddOutcome GraphBuilder::add(const Extraction& x, const std::string& hash, bool has_text) {
    const auto old = docs_.find(x.doc.id);
    if (old != docs_.end() && old->second.info.hash == hash) return AddOutcome::unchanged;
    const AddOutcome outcome = old == docs_.end() ? AddOutcome::added : AddOutcome::replaced;
    DocFacts f;
    f.info = DocInfo{x.doc.id, hash, x.doc.dct, x.doc.title, x.doc.url};
    f.doc = pool_.intern(x.doc.id);
    RecordReader rr(pool_, f, x, has_text);
    std::unordered_map<std::string_view, Id> keys;
    for (const Entity& e : x.entities) {
        EntityFact ef;
        ef.key = pool_.intern(e.key.empty() ? fallback_key(e) : e.key);
        keys.emplace(e.id, ef.key);
        ef.name = pool_.intern(e.name);
        ef.type = pool_.intern(e.type);
        ef.subtype = pool_.intern_opt(e.subtype);
        ef.geo = e.geo;
        std::vector<std::string_view> names{e.name};
        for (const Mention& m : e.mentions) names.push_back(m.text);
        put_aliases(pool_, f, ef, std::move(names));
        f.entities.push_back(ef);
    }
    for (const Event& e : x.events)
        if (opts_.untyped_events || e.type != "other") f.events.push_back(event_fact(pool_, f, rr, e, keys));
    for (const Relation& r : x.relations) {
        const auto s = keys.find(r.source), t = keys.find(r.target);
        if (s == keys.end() || t == keys.end()) continue;
        RelationFact m{pool_.intern(r.type), s->second, t->second, {}};
        if (is_symmetric_relation(r.type) && pool_.str(m.target) < pool_.str(m.source)) std::swap(m.source, m.target);
        m.at = rr.anchor(r.sentence, r.rule, pool_.intern_opt(r.event));
        f.relations.push_back(m);
    }
    docs_[x.doc.id] = std::move(f);
    return outcome;
}

bool GraphBuilder::has(const std::string& doc_id, const std::string& hash) const {
    const auto it = docs_.find(doc_id);
    return it != docs_.end() && it->second.info.hash == hash;
}

void GraphBuilder::add_graph(const KnowledgeGraph& kg) {
    for (const auto& [id, info] : kg.documents) document(id).info = info;
    const Graph& g = kg.graph();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const VertexBundle& n = g[v];
        if (n.kind != NodeKind::event) {
            for (const EntitySource& s : n.entity_sources) {
                DocFacts& f = document(s.doc);
                EntityFact ef{pool_.intern(n.key), pool_.intern(s.name), pool_.intern(s.type), pool_.intern_opt(s.subtype), s.geo, 0, 0};
                put_aliases(pool_, f, ef, std::vector<std::string_view>(s.aliases.begin(), s.aliases.end()));
                f.entities.push_back(ef);
            }
            continue;
        }
        std::vector<std::pair<Id, Id>> participants;
        Id place = kNone;
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
            if (g[e].kind == EdgeKind::participates_in)
                participants.emplace_back(pool_.intern(g[e].type), pool_.intern(g[boost::source(e, g)].key));
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (g[e].kind == EdgeKind::located_in) place = pool_.intern(g[boost::target(e, g)].key);
        for (const EventSource& s : n.event_sources) {
            DocFacts& f = document(s.doc);
            EventFact m;
            m.type = pool_.intern(n.type);
            put_participants(pool_, f, m, participants, false);
            m.place = place;
            m.trigger = pool_.intern(s.trigger);
            m.at = anchor_of(pool_, f, s.dct, s.sentence, s.sentence_span, s.text, s.rule, s.event);
            set_time(pool_, m, s.value, s.interval, s.time_source);
            m.modality = pool_.intern(s.modality);
            m.confidence = s.confidence;
            f.events.push_back(m);
        }
    }
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
        if (g[e].kind != EdgeKind::relation) continue;
        const Id type = pool_.intern(g[e].type), src = pool_.intern(g[boost::source(e, g)].key),
                 tgt = pool_.intern(g[boost::target(e, g)].key);
        for (const Evidence& ev : g[e].evidence) {
            DocFacts& f = document(ev.doc);
            f.relations.push_back(
                RelationFact{type, src, tgt, anchor_of(pool_, f, ev.dct, ev.sentence, ev.sentence_span, ev.text, ev.rule, ev.event)});
        }
    }
}

} // namespace annals
