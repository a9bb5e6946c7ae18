// The JSON timeline formats: the project's own, TimelineJS3 and vis-timeline.
#include "annals/core/date.hpp"
#include "annals/timeline/timeline.hpp"

#include "annals/core/json_out.hpp"

#include <cctype>
#include <set>

namespace annals {
namespace {

using json::key;
using json::put;
using json::Writer;
void put_or_null(Writer& w, const std::string& s) {
    if (s.empty()) w.Null();
    else put(w, s);
}

std::string finish(const rapidjson::StringBuffer& buf) { return std::string(buf.GetString(), buf.GetSize()) + "\n"; }

/// Both tools render text as HTML: escape what HTML would read as markup.
std::string html(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string headline(const TimelineEntry& e) {
    std::string h = e.type + " (" + e.trigger + ")";
    for (std::size_t i = 0; i < e.actors.size(); ++i) h += (i ? ", " : ": ") + e.actors[i];
    if (!e.place.empty()) h += " in " + e.place;
    return h;
}

void put_entry(Writer& w, const TimelineEntry& e) {
    w.StartObject();
    key(w, "event"); put(w, e.key);
    key(w, "type"); put(w, e.type);
    key(w, "trigger"); put(w, e.trigger);
    key(w, "date");
    w.StartObject();
    key(w, "label"); put(w, e.date.label);
    key(w, "relation"); put(w, date_relation_name(e.date.relation));
    key(w, "precision"); put(w, date_precision_name(e.date.precision));
    key(w, "source"); put(w, e.date.source);
    key(w, "earliest"); put_or_null(w, e.date.earliest);
    key(w, "latest"); put_or_null(w, e.date.latest);
    w.EndObject();
    key(w, "actors");
    w.StartArray();
    for (const auto& a : e.actors) put(w, a);
    w.EndArray();
    key(w, "place"); put_or_null(w, e.place);
    key(w, "modality"); put(w, e.modality);
    key(w, "sources"); w.Uint64(e.sources);
    key(w, "evidence");
    w.StartObject();
    key(w, "doc"); put(w, e.evidence.doc);
    key(w, "sentence"); w.Uint64(e.evidence.sentence);
    key(w, "span");
    w.StartArray();
    w.Uint64(e.evidence.sentence_span.begin);
    w.Uint64(e.evidence.sentence_span.end);
    w.EndArray();
    key(w, "text"); put_or_null(w, e.evidence.text);
    w.EndObject();
    w.EndObject();
}

/// A TimelineJS date object down to the entry's precision.
void put_tjs_date(Writer& w, const std::string& iso, DatePrecision p, const std::string& display) {
    const auto d = parse_iso_datetime(iso);
    w.StartObject();
    if (d) {
        key(w, "year"); w.Int(d->date.year);
        if (p != DatePrecision::year) { key(w, "month"); w.Int(d->date.month); }
        if (p != DatePrecision::year && p != DatePrecision::month) { key(w, "day"); w.Int(d->date.day); }
    }
    if (!display.empty()) { key(w, "display_date"); put(w, display); }
    w.EndObject();
}

std::string html_id(std::string_view key) {
    std::string out = "e-";
    for (const char c : key) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    return out;
}

std::string next_day(const std::string& iso) {
    const auto d = parse_iso_datetime(iso);
    return d ? format_date(civil_from_days(days_from_civil(d->date) + 1)) : iso;
}

} // namespace

std::string timeline_json(const Timeline& t) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    key(w, "schema"); put(w, kTimelineSchema);
    key(w, "entries");
    w.StartArray();
    for (const auto& e : t.dated) put_entry(w, e);
    w.EndArray();
    key(w, "undated");
    w.StartArray();
    for (const auto& e : t.undated) put_entry(w, e);
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string timeline_timelinejs(const Timeline& t) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    key(w, "events");
    w.StartArray();
    for (const auto& e : t.dated) {
        const bool relative = e.date.relation != DateRelation::on;
        w.StartObject();
        key(w, "start_date"); put_tjs_date(w, e.date.earliest, e.date.precision, relative ? e.date.label : "");
        if (e.date.precision == DatePrecision::range) {
            key(w, "end_date"); put_tjs_date(w, e.date.latest, DatePrecision::day, "");
        }
        key(w, "text");
        w.StartObject();
        key(w, "headline"); put(w, html(headline(e)));
        key(w, "text");
        put(w, html((relative ? e.date.label + ". " : "") + e.evidence.text + (e.evidence.doc.empty() ? "" : " (" + e.evidence.doc + ")")));
        w.EndObject();
        key(w, "group"); put(w, e.type);
        key(w, "unique_id"); put(w, html_id(e.key));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string timeline_vis(const Timeline& t) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    std::set<std::string> groups;
    w.StartObject();
    key(w, "items");
    w.StartArray();
    for (const auto& e : t.dated) {
        const bool relative = e.date.relation != DateRelation::on;
        groups.insert(e.type);
        w.StartObject();
        key(w, "id"); put(w, e.key);
        key(w, "content"); put(w, html((relative ? e.date.label + ": " : "") + headline(e)));
        key(w, "start"); put(w, e.date.earliest);
        if (!relative && e.date.precision != DatePrecision::day) {
            key(w, "end"); put(w, next_day(e.date.latest));
        }
        key(w, "type"); put(w, relative ? "point" : e.date.precision == DatePrecision::day ? "box" : "range");
        key(w, "group"); put(w, e.type);
        key(w, "title"); put(w, html(e.evidence.text));
        w.EndObject();
    }
    w.EndArray();
    key(w, "groups");
    w.StartArray();
    for (const auto& g : groups) {
        w.StartObject();
        key(w, "id"); put(w, g);
        key(w, "content"); put(w, html(g));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

} // namespace annals
