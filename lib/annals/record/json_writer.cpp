#include "annals/record/json_writer.hpp"

#include "annals/core/json_append.hpp"

#include <map>
#include <optional>
#include <string_view>
#include <vector>

// The record is written with json::Appender rather than RapidJSON's Writer: the keys and
// punctuation below come as literal pieces (`,"name":`) in the order the schema fixes, which
// costs half the instructions of the general writer (see json_append.hpp).

namespace annals {
namespace {

using json::Appender;

void put_opt(Appender& o, const std::optional<std::string>& s) {
    if (s) o.string(*s);
    else o.null();
}

void put_span(Appender& o, const Span& s) { o.uint_pair(s.begin, s.end); }

/// `[a,b,...]` with `each` writing one item.
template <class T, class F>
void put_list(Appender& o, const std::vector<T>& items, F&& each) {
    o.raw('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) o.raw(',');
        each(items[i]);
    }
    o.raw(']');
}

/// A string map as an object, in its (sorted) order.
void put_map(Appender& o, const std::map<std::string, std::string>& m) {
    o.raw('{');
    bool first = true;
    for (const auto& [k, v] : m) {
        if (!first) o.raw(',');
        first = false;
        o.strings(k, ':', v);
    }
    o.raw('}');
}

void put_interval(Appender& o, const std::optional<DayInterval>& iv) {
    if (!iv) {
        o.null();
        return;
    }
    o.raw('[');
    o.strings(iv->earliest, ',', iv->latest);
    o.raw(']');
}

void put_geo(Appender& o, const std::optional<GeoPoint>& p) {
    if (!p) {
        o.null();
        return;
    }
    o.raw(R"({"lat":)");
    o.number(p->lat);
    o.raw(R"(,"lon":)");
    o.number(p->lon);
    o.raw('}');
}

void put_doc(Appender& o, const Document& d) {
    o.field(R"({"id":)", d.id);
    o.raw(R"(,"title":)");
    put_opt(o, d.title);
    o.raw(R"(,"url":)");
    put_opt(o, d.url);
    o.raw(R"(,"dct":)");
    put_opt(o, d.dct);
    o.raw('}');
}

void put_sentence(Appender& o, const Sentence& s) {
    o.field_uint_pair(R"({"span":)", s.span.begin, s.span.end);
    o.raw('}');
}

void put_mention(Appender& o, const Mention& m) {
    o.field_uint_pair(R"({"span":)", m.span.begin, m.span.end);
    o.field(R"(,"text":)", m.text);
    o.field_uint(R"(,"sentence":)", m.sentence);
    o.field(R"(,"kind":)", m.kind);
    o.raw('}');
}

void put_entity(Appender& o, const Entity& e) {
    o.field(R"({"id":)", e.id);
    o.field(R"(,"name":)", e.name);
    o.field(R"(,"type":)", e.type);
    o.raw(R"(,"subtype":)");
    put_opt(o, e.subtype);
    o.field(R"(,"key":)", e.key);
    o.raw(R"(,"attributes":)");
    put_map(o, e.attributes);
    o.raw(R"(,"geo":)");
    put_geo(o, e.geo);
    o.raw(R"(,"mentions":)");
    put_list(o, e.mentions, [&](const Mention& m) { put_mention(o, m); });
    o.raw('}');
}

void put_timex(Appender& o, const Timex& t, std::string_view text) {
    o.field(R"({"id":)", t.id);
    o.field_uint_pair(R"(,"span":)", t.span.begin, t.span.end);
    o.field(R"(,"text":)", t.span.of(text));
    o.field(R"(,"type":)", timex_type_name(t.type));
    o.field(R"(,"value":)", t.value);
    o.raw(R"(,"interval":)");
    put_interval(o, t.interval);
    o.field(R"(,"anchor":)", timex_anchor_name(t.anchor));
    o.field_uint(R"(,"sentence":)", t.sentence);
    o.field(R"(,"rule":)", t.rule);
    o.raw('}');
}

void put_event_time(Appender& o, const std::optional<EventTime>& t) {
    if (!t) {
        o.null();
        return;
    }
    o.raw(R"({"timex":)");
    put_opt(o, t->timex);
    o.field(R"(,"value":)", t->value);
    o.raw(R"(,"interval":)");
    put_interval(o, t->interval);
    o.field(R"(,"source":)", t->source);
    o.raw('}');
}

void put_argument(Appender& o, const Argument& a) {
    o.field(R"({"role":)", a.role);
    o.field(R"(,"entity":)", a.entity);
    o.raw('}');
}

void put_event(Appender& o, const Event& e, std::string_view text) {
    o.field(R"({"id":)", e.id);
    o.field(R"(,"type":)", e.type);
    o.field_uint(R"(,"sentence":)", e.sentence);
    o.field_uint_pair(R"(,"trigger":{"span":)", e.trigger.span.begin, e.trigger.span.end);
    o.field(R"(,"text":)", e.trigger.span.of(text));
    o.field(R"(,"lemma":)", e.trigger.lemma);
    o.field(R"(},"class":)", e.timeml_class);
    o.raw(R"(,"arguments":)");
    put_list(o, e.arguments, [&](const Argument& a) { put_argument(o, a); });
    o.raw(R"(,"place":)");
    put_opt(o, e.place);
    o.raw(R"(,"time":)");
    put_event_time(o, e.time);
    o.field(R"(,"modality":)", e.modality);
    o.raw(R"(,"codes":)");
    put_map(o, e.codes);
    o.raw(R"(,"confidence":)");
    o.number(e.confidence);
    o.field(R"(,"rule":)", e.rule);
    o.raw('}');
}

void put_relation(Appender& o, const Relation& r) {
    o.field(R"({"type":)", r.type);
    o.field(R"(,"source":)", r.source);
    o.field(R"(,"target":)", r.target);
    o.field_uint(R"(,"sentence":)", r.sentence);
    o.raw(R"(,"event":)");
    put_opt(o, r.event);
    o.field(R"(,"rule":)", r.rule);
    o.raw('}');
}

void put_diagnostic(Appender& o, const Diagnostic& d) {
    o.field(R"({"code":)", diag_code_name(d.code));
    o.raw(R"(,"span":)");
    if (d.span) put_span(o, *d.span);
    else o.null();
    o.field(R"(,"message":)", d.message);
    o.raw('}');
}

// A record is about ten times the size of its text; reserving that up front spares the
// buffer's doublings on the first long document of a thread.
constexpr std::size_t kBytesPerTextByte = 12;
constexpr std::size_t kKeptBufferBytes = 16u << 20;

} // namespace

std::string_view to_json_view(const Extraction& x) {
    // One buffer per thread, kept between documents: growing a fresh buffer to the size of a
    // record cost a tenth of the writing.
    thread_local std::string storage;
    if (storage.size() > kKeptBufferBytes) { // an unusually long document does not pin its memory
        storage.clear();
        storage.shrink_to_fit();
    }
    Appender o(storage, x.doc.text.size() * kBytesPerTextByte + 1024);
    const std::string_view text = x.doc.text;
    o.field(R"({"schema":)", kDocumentSchema);
    o.raw(R"(,"doc":)");
    put_doc(o, x.doc);
    o.raw(R"(,"sentences":)");
    put_list(o, x.segmentation.sentences, [&](const Sentence& s) { put_sentence(o, s); });
    o.raw(R"(,"entities":)");
    put_list(o, x.entities, [&](const Entity& e) { put_entity(o, e); });
    o.raw(R"(,"timexes":)");
    put_list(o, x.timexes, [&](const Timex& t) { put_timex(o, t, text); });
    o.raw(R"(,"events":)");
    put_list(o, x.events, [&](const Event& e) { put_event(o, e, text); });
    o.raw(R"(,"relations":)");
    put_list(o, x.relations, [&](const Relation& r) { put_relation(o, r); });
    o.raw(R"(,"diagnostics":)");
    put_list(o, x.diagnostics, [&](const Diagnostic& d) { put_diagnostic(o, d); });
    o.raw('}');
    return o.view();
}

std::string to_json(const Extraction& x) { return std::string(to_json_view(x)); }

} // namespace annals
