#include "annals/record/json_writer.hpp"

#include "annals/core/json_out.hpp"

namespace annals {
namespace {

using json::key;
using json::put;
using json::put_opt;
using json::put_span;
using json::Writer;

void put_interval(Writer& w, const std::optional<DayInterval>& iv) {
    if (!iv) {
        w.Null();
        return;
    }
    w.StartArray();
    put(w, iv->earliest);
    put(w, iv->latest);
    w.EndArray();
}

void put_doc(Writer& w, const Document& d) {
    w.StartObject();
    key(w, "id"); put(w, d.id);
    key(w, "title"); put_opt(w, d.title);
    key(w, "url"); put_opt(w, d.url);
    key(w, "dct"); put_opt(w, d.dct);
    w.EndObject();
}

void put_sentences(Writer& w, const Segmentation& seg) {
    w.StartArray();
    for (const auto& s : seg.sentences) {
        w.StartObject();
        key(w, "span"); put_span(w, s.span);
        w.EndObject();
    }
    w.EndArray();
}

void put_entity(Writer& w, const Entity& e) {
    w.StartObject();
    key(w, "id"); put(w, e.id);
    key(w, "name"); put(w, e.name);
    key(w, "type"); put(w, e.type);
    key(w, "subtype"); put_opt(w, e.subtype);
    key(w, "key"); put(w, e.key);
    key(w, "attributes");
    w.StartObject();
    for (const auto& [k, v] : e.attributes) { key(w, k); put(w, v); }
    w.EndObject();
    key(w, "geo");
    json::put_geo(w, e.geo);
    key(w, "mentions");
    w.StartArray();
    for (const auto& m : e.mentions) {
        w.StartObject();
        key(w, "span"); put_span(w, m.span);
        key(w, "text"); put(w, m.text);
        key(w, "sentence"); w.Uint64(m.sentence);
        key(w, "kind"); put(w, m.kind);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void put_timex(Writer& w, const Timex& t, std::string_view text) {
    w.StartObject();
    key(w, "id"); put(w, t.id);
    key(w, "span"); put_span(w, t.span);
    key(w, "text"); put(w, t.span.of(text));
    key(w, "type"); put(w, timex_type_name(t.type));
    key(w, "value"); put(w, t.value);
    key(w, "interval"); put_interval(w, t.interval);
    key(w, "anchor"); put(w, timex_anchor_name(t.anchor));
    key(w, "sentence"); w.Uint64(t.sentence);
    key(w, "rule"); put(w, t.rule);
    w.EndObject();
}

void put_event_time(Writer& w, const std::optional<EventTime>& t) {
    if (!t) {
        w.Null();
        return;
    }
    w.StartObject();
    key(w, "timex"); put_opt(w, t->timex);
    key(w, "value"); put(w, t->value);
    key(w, "interval"); put_interval(w, t->interval);
    key(w, "source"); put(w, t->source);
    w.EndObject();
}

void put_event(Writer& w, const Event& e, std::string_view text) {
    w.StartObject();
    key(w, "id"); put(w, e.id);
    key(w, "type"); put(w, e.type);
    key(w, "sentence"); w.Uint64(e.sentence);
    key(w, "trigger");
    w.StartObject();
    key(w, "span"); put_span(w, e.trigger.span);
    key(w, "text"); put(w, e.trigger.span.of(text));
    key(w, "lemma"); put(w, e.trigger.lemma);
    w.EndObject();
    key(w, "class"); put(w, e.timeml_class);
    key(w, "arguments");
    w.StartArray();
    for (const auto& a : e.arguments) {
        w.StartObject();
        key(w, "role"); put(w, a.role);
        key(w, "entity"); put(w, a.entity);
        w.EndObject();
    }
    w.EndArray();
    key(w, "place"); put_opt(w, e.place);
    key(w, "time"); put_event_time(w, e.time);
    key(w, "modality"); put(w, e.modality);
    key(w, "codes");
    w.StartObject();
    for (const auto& [k, v] : e.codes) { key(w, k); put(w, v); }
    w.EndObject();
    key(w, "confidence"); w.Double(e.confidence);
    key(w, "rule"); put(w, e.rule);
    w.EndObject();
}

void put_relation(Writer& w, const Relation& r) {
    w.StartObject();
    key(w, "type"); put(w, r.type);
    key(w, "source"); put(w, r.source);
    key(w, "target"); put(w, r.target);
    key(w, "sentence"); w.Uint64(r.sentence);
    key(w, "event"); put_opt(w, r.event);
    key(w, "rule"); put(w, r.rule);
    w.EndObject();
}

void put_diagnostic(Writer& w, const Diagnostic& d) {
    w.StartObject();
    key(w, "code"); put(w, diag_code_name(d.code));
    key(w, "span");
    if (d.span) put_span(w, *d.span);
    else w.Null();
    key(w, "message"); put(w, d.message);
    w.EndObject();
}

template <class T, class F>
void put_array(Writer& w, std::string_view name, const std::vector<T>& items, F&& each) {
    key(w, name);
    w.StartArray();
    for (const auto& item : items) each(item);
    w.EndArray();
}

constexpr std::size_t kKeptBufferBytes = 16u << 20;

} // namespace

std::string to_json(const Extraction& x) {
    // One buffer per thread, kept between documents: a record is about ten times the size of
    // its text, and growing a fresh buffer to that size cost a tenth of the writing.
    thread_local rapidjson::StringBuffer buf;
    buf.Clear();
    Writer w(buf);
    w.StartObject();
    key(w, "schema"); put(w, kDocumentSchema);
    key(w, "doc"); put_doc(w, x.doc);
    key(w, "sentences"); put_sentences(w, x.segmentation);
    put_array(w, "entities", x.entities, [&](const Entity& e) { put_entity(w, e); });
    put_array(w, "timexes", x.timexes, [&](const Timex& t) { put_timex(w, t, x.doc.text); });
    put_array(w, "events", x.events, [&](const Event& e) { put_event(w, e, x.doc.text); });
    put_array(w, "relations", x.relations, [&](const Relation& r) { put_relation(w, r); });
    put_array(w, "diagnostics", x.diagnostics, [&](const Diagnostic& d) { put_diagnostic(w, d); });
    w.EndObject();
    std::string out(buf.GetString(), buf.GetSize());
    if (out.size() > kKeptBufferBytes) { // an unusually long document does not pin its memory
        buf.Clear();
        buf.ShrinkToFit();
    }
    return out;
}

} // namespace annals
