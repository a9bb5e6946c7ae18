#include "annals/record/json_reader.hpp"

#include "annals/core/error.hpp"
#include "annals/record/json_writer.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fstream>
#include <iostream>

namespace annals {
namespace {

using Value = rapidjson::Value;

/// Field access that names the offending field (`events[2].trigger.span`) when it throws.
class Fields {
public:
    explicit Fields(const std::string& where) : where_(where) {}

    [[noreturn]] void fail(const std::string& path, const std::string& what) const {
        throw Error(Errc::bad_input, where_, path + ": " + what);
    }
    const Value& member(const Value& obj, const std::string& path, const char* name) const {
        if (!obj.IsObject()) fail(path, "expected an object");
        const auto it = obj.FindMember(name);
        if (it == obj.MemberEnd()) fail(path + "." + name, "missing");
        return it->value;
    }
    std::string str(const Value& v, const std::string& path) const {
        if (!v.IsString()) fail(path, "expected a string");
        return {v.GetString(), v.GetStringLength()};
    }
    std::optional<std::string> opt_str(const Value& v, const std::string& path) const {
        if (v.IsNull()) return std::nullopt;
        return str(v, path);
    }
    std::size_t uint(const Value& v, const std::string& path) const {
        if (!v.IsUint64()) fail(path, "expected an unsigned integer");
        return static_cast<std::size_t>(v.GetUint64());
    }
    double num(const Value& v, const std::string& path) const {
        if (!v.IsNumber()) fail(path, "expected a number");
        return v.GetDouble();
    }
    const Value& array(const Value& v, const std::string& path) const {
        if (!v.IsArray()) fail(path, "expected an array");
        return v;
    }
    Span span(const Value& v, const std::string& path) const {
        if (!v.IsArray() || v.Size() != 2) fail(path, "expected [begin, end]");
        const Span s{uint(v[0], path + "[0]"), uint(v[1], path + "[1]")};
        if (s.end < s.begin) fail(path, "end before begin");
        return s;
    }
    std::optional<DayInterval> interval(const Value& v, const std::string& path) const {
        if (v.IsNull()) return std::nullopt;
        if (!v.IsArray() || v.Size() != 2) fail(path, "expected [earliest, latest] or null");
        return DayInterval{str(v[0], path + "[0]"), str(v[1], path + "[1]")};
    }
    std::map<std::string, std::string> str_map(const Value& v, const std::string& path) const {
        if (!v.IsObject()) fail(path, "expected an object");
        std::map<std::string, std::string> out;
        for (const auto& m : v.GetObject()) {
            const std::string k{m.name.GetString(), m.name.GetStringLength()};
            out[k] = str(m.value, path + "." + k);
        }
        return out;
    }

private:
    const std::string& where_;
};

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

/// The text is not in the record; pieces it quotes are pasted back at their spans.
class TextRebuilder {
public:
    /// False when the piece cannot be what the span covers (its length differs).
    bool paste(const Span& s, std::string_view piece) {
        if (text_.size() < s.end) text_.resize(s.end, ' ');
        if (piece.size() != s.size()) return false;
        text_.replace(s.begin, s.size(), piece);
        return true;
    }
    void reserve_to(const Span& s) {
        if (text_.size() < s.end) text_.resize(s.end, ' ');
    }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

void read_doc(const Fields& f, const Value& v, Document& d) {
    d.id = f.str(f.member(v, "doc", "id"), "doc.id");
    d.title = f.opt_str(f.member(v, "doc", "title"), "doc.title");
    d.url = f.opt_str(f.member(v, "doc", "url"), "doc.url");
    d.dct = f.opt_str(f.member(v, "doc", "dct"), "doc.dct");
}

Entity read_entity(const Fields& f, const Value& v, const std::string& p, TextRebuilder& text) {
    Entity e;
    e.id = f.str(f.member(v, p, "id"), p + ".id");
    e.name = f.str(f.member(v, p, "name"), p + ".name");
    e.type = f.str(f.member(v, p, "type"), p + ".type");
    e.subtype = f.opt_str(f.member(v, p, "subtype"), p + ".subtype");
    e.key = f.str(f.member(v, p, "key"), p + ".key");
    e.attributes = f.str_map(f.member(v, p, "attributes"), p + ".attributes");
    const Value& geo = f.member(v, p, "geo");
    if (!geo.IsNull()) {
        e.geo = GeoPoint{f.num(f.member(geo, p + ".geo", "lat"), p + ".geo.lat"),
                         f.num(f.member(geo, p + ".geo", "lon"), p + ".geo.lon")};
    }
    const Value& ms = f.array(f.member(v, p, "mentions"), p + ".mentions");
    for (rapidjson::SizeType i = 0; i < ms.Size(); ++i) {
        const std::string mp = at(p + ".mentions", i);
        Mention m;
        m.span = f.span(f.member(ms[i], mp, "span"), mp + ".span");
        m.text = f.str(f.member(ms[i], mp, "text"), mp + ".text");
        m.sentence = f.uint(f.member(ms[i], mp, "sentence"), mp + ".sentence");
        m.kind = f.str(f.member(ms[i], mp, "kind"), mp + ".kind");
        (void)text.paste(m.span, m.text); // a mention's text is quoted as written, not cut from the span
        e.mentions.push_back(std::move(m));
    }
    return e;
}

TimexType timex_type_of(const Fields& f, const std::string& s, const std::string& p) {
    for (auto t : {TimexType::date, TimexType::time, TimexType::duration, TimexType::set})
        if (s == timex_type_name(t)) return t;
    f.fail(p, "unknown timex type '" + s + "'");
}

TimexAnchor anchor_of(const Fields& f, const std::string& s, const std::string& p) {
    for (auto a : {TimexAnchor::dct, TimexAnchor::previous, TimexAnchor::absolute, TimexAnchor::none})
        if (s == timex_anchor_name(a)) return a;
    f.fail(p, "unknown anchor '" + s + "'");
}

Timex read_timex(const Fields& f, const Value& v, const std::string& p, TextRebuilder& text) {
    Timex t;
    t.id = f.str(f.member(v, p, "id"), p + ".id");
    t.span = f.span(f.member(v, p, "span"), p + ".span");
    if (!text.paste(t.span, f.str(f.member(v, p, "text"), p + ".text")))
        f.fail(p + ".text", "length differs from its span");
    t.type = timex_type_of(f, f.str(f.member(v, p, "type"), p + ".type"), p + ".type");
    t.value = f.str(f.member(v, p, "value"), p + ".value");
    t.interval = f.interval(f.member(v, p, "interval"), p + ".interval");
    t.anchor = anchor_of(f, f.str(f.member(v, p, "anchor"), p + ".anchor"), p + ".anchor");
    t.sentence = f.uint(f.member(v, p, "sentence"), p + ".sentence");
    t.rule = f.str(f.member(v, p, "rule"), p + ".rule");
    return t;
}

std::optional<EventTime> read_event_time(const Fields& f, const Value& v, const std::string& p) {
    if (v.IsNull()) return std::nullopt;
    EventTime t;
    t.timex = f.opt_str(f.member(v, p, "timex"), p + ".timex");
    t.value = f.str(f.member(v, p, "value"), p + ".value");
    t.interval = f.interval(f.member(v, p, "interval"), p + ".interval");
    t.source = f.str(f.member(v, p, "source"), p + ".source");
    return t;
}

Event read_event(const Fields& f, const Value& v, const std::string& p, TextRebuilder& text) {
    Event e;
    e.id = f.str(f.member(v, p, "id"), p + ".id");
    e.type = f.str(f.member(v, p, "type"), p + ".type");
    e.sentence = f.uint(f.member(v, p, "sentence"), p + ".sentence");
    const Value& trig = f.member(v, p, "trigger");
    e.trigger.span = f.span(f.member(trig, p + ".trigger", "span"), p + ".trigger.span");
    e.trigger.text = f.str(f.member(trig, p + ".trigger", "text"), p + ".trigger.text");
    e.trigger.lemma = f.str(f.member(trig, p + ".trigger", "lemma"), p + ".trigger.lemma");
    if (!text.paste(e.trigger.span, e.trigger.text)) f.fail(p + ".trigger.text", "length differs from its span");
    e.timeml_class = f.str(f.member(v, p, "class"), p + ".class");
    const Value& args = f.array(f.member(v, p, "arguments"), p + ".arguments");
    for (rapidjson::SizeType i = 0; i < args.Size(); ++i) {
        const std::string ap = at(p + ".arguments", i);
        e.arguments.push_back(Argument{f.str(f.member(args[i], ap, "role"), ap + ".role"),
                                       f.str(f.member(args[i], ap, "entity"), ap + ".entity")});
    }
    e.place = f.opt_str(f.member(v, p, "place"), p + ".place");
    e.time = read_event_time(f, f.member(v, p, "time"), p + ".time");
    e.modality = f.str(f.member(v, p, "modality"), p + ".modality");
    e.codes = f.str_map(f.member(v, p, "codes"), p + ".codes");
    e.confidence = f.num(f.member(v, p, "confidence"), p + ".confidence");
    e.rule = f.str(f.member(v, p, "rule"), p + ".rule");
    return e;
}

Relation read_relation(const Fields& f, const Value& v, const std::string& p) {
    Relation r;
    r.type = f.str(f.member(v, p, "type"), p + ".type");
    r.source = f.str(f.member(v, p, "source"), p + ".source");
    r.target = f.str(f.member(v, p, "target"), p + ".target");
    r.sentence = f.uint(f.member(v, p, "sentence"), p + ".sentence");
    r.event = f.opt_str(f.member(v, p, "event"), p + ".event");
    r.rule = f.str(f.member(v, p, "rule"), p + ".rule");
    return r;
}

DiagCode diag_code_of(const Fields& f, const std::string& s, const std::string& p) {
    // The enum is contiguous from 0 and its name switch answers "unknown" past the end.
    for (int i = 0; i < 1024; ++i) {
        const auto code = static_cast<DiagCode>(i);
        const auto name = diag_code_name(code);
        if (name == "unknown") break;
        if (name == s) return code;
    }
    f.fail(p, "unknown diagnostic code '" + s + "'");
}

Diagnostic read_diagnostic(const Fields& f, const Value& v, const std::string& p, TextRebuilder& text) {
    Diagnostic d;
    d.code = diag_code_of(f, f.str(f.member(v, p, "code"), p + ".code"), p + ".code");
    const Value& span = f.member(v, p, "span");
    if (!span.IsNull()) {
        d.span = f.span(span, p + ".span");
        text.reserve_to(*d.span);
    }
    d.message = f.str(f.member(v, p, "message"), p + ".message");
    return d;
}

template <class F>
void each(const Fields& f, const Value& root, const char* name, F&& fn) {
    const Value& arr = f.array(f.member(root, "", name), name);
    for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) fn(arr[i], at(name, i));
}

} // namespace

Extraction read_json(std::string_view line, const std::string& where) {
    rapidjson::Document d;
    d.Parse<rapidjson::kParseFullPrecisionFlag>(line.data(), line.size());
    if (d.HasParseError()) {
        throw Error(Errc::bad_input, where,
                    "byte " + std::to_string(d.GetErrorOffset()) + ": " + rapidjson::GetParseError_En(d.GetParseError()));
    }
    const Fields f(where);
    if (!d.IsObject()) f.fail("record", "expected a JSON object");
    const std::string schema = f.str(f.member(d, "", "schema"), "schema");
    if (schema != kDocumentSchema) f.fail("schema", "expected '" + std::string(kDocumentSchema) + "', got '" + schema + "'");
    Extraction x;
    TextRebuilder text;
    read_doc(f, f.member(d, "", "doc"), x.doc);
    each(f, d, "sentences", [&](const Value& v, const std::string& p) {
        Sentence s;
        s.span = f.span(f.member(v, p, "span"), p + ".span");
        text.reserve_to(s.span);
        x.segmentation.sentences.push_back(std::move(s));
    });
    each(f, d, "entities", [&](const Value& v, const std::string& p) { x.entities.push_back(read_entity(f, v, p, text)); });
    each(f, d, "timexes", [&](const Value& v, const std::string& p) { x.timexes.push_back(read_timex(f, v, p, text)); });
    each(f, d, "events", [&](const Value& v, const std::string& p) { x.events.push_back(read_event(f, v, p, text)); });
    each(f, d, "relations", [&](const Value& v, const std::string& p) { x.relations.push_back(read_relation(f, v, p)); });
    each(f, d, "diagnostics",
         [&](const Value& v, const std::string& p) { x.diagnostics.push_back(read_diagnostic(f, v, p, text)); });
    x.doc.text = text.take();
    return x;
}

void read_records(const std::string& path,
                  const std::function<void(Extraction&&, std::string_view line)>& on_record,
                  const std::function<void(RecordProblem&&)>& on_problem) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) throw Error(Errc::io, path, "cannot open");
        in = &file;
    }
    std::string line;
    std::size_t n = 0;
    while (std::getline(*in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const std::string where = path + ":" + std::to_string(n);
        try {
            on_record(read_json(line, where), line);
        } catch (const Error& e) {
            if (e.code() != Errc::bad_input) throw;
            on_problem(RecordProblem{where, e.what()});
        }
    }
    if (in->bad()) throw Error(Errc::io, path, "read failed");
}

} // namespace annals
