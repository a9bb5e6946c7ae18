// The TimeML writer.
#include "annals/export/timeml.hpp"

#include "annals/export/escape.hpp"

#include <algorithm>
#include <sstream>

namespace annals {
namespace {

std::string attr(std::string_view s) { return "\"" + xml_escape(s, true) + "\""; }

/// An inline element to write: a timex or an event, with its id number.
struct Mark {
    Span span;
    bool is_timex = false;
    std::size_t index = 0; ///< into timexes or events
};

/// Timexes and the events that overlap nothing before them, in text order.
std::vector<Mark> marks_of(const TimemlText& d) {
    std::vector<Mark> all;
    for (std::size_t i = 0; i < d.timexes.size(); ++i) all.push_back({d.timexes[i].span, true, i});
    for (std::size_t i = 0; i < d.events.size(); ++i) all.push_back({d.events[i].trigger, false, i});
    // Timexes win over events at the same place: they are what the round trip scores.
    std::stable_sort(all.begin(), all.end(), [](const Mark& a, const Mark& b) {
        return a.is_timex != b.is_timex ? a.is_timex : a.span.begin < b.span.begin;
    });
    std::vector<Mark> kept;
    for (const Mark& m : all) {
        if (m.span.end > d.text.size() || m.span.begin >= m.span.end) continue;
        const bool clash = std::any_of(kept.begin(), kept.end(), [&](const Mark& k) {
            return m.span.begin < k.span.end && k.span.begin < m.span.end;
        });
        if (!clash) kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(), [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });
    return kept;
}

std::string dct_day(const TimemlText& d) { return d.dct ? d.dct->substr(0, 10) : std::string(); }

/// The tid an event is anchored to and the relation, or {"", ""} for none.
std::pair<std::string, std::string> anchor_of(const TimemlText& d, const TimemlEvent& e,
                                              const std::vector<std::string>& tids) {
    if (e.time_source == "tense") {
        if (!d.dct) return {};
        if (e.time_value == "FUTURE_REF") return {"t0", "AFTER"};
        if (e.time_value == "PRESENT_REF") return {"t0", "IS_INCLUDED"};
        return {"t0", "BEFORE"};
    }
    if (e.time_source != "explicit" && e.time_source != "inherited") return {};
    std::string any;
    for (std::size_t i = 0; i < d.timexes.size(); ++i) {
        const Timex& t = d.timexes[i];
        if (t.value != e.time_value || tids[i].empty()) continue;
        if (t.span.begin >= e.sentence.begin && t.span.end <= e.sentence.end) return {tids[i], "IS_INCLUDED"};
        if (any.empty()) any = tids[i];
    }
    if (!any.empty()) return {any, "IS_INCLUDED"};
    if (!e.time_value.empty() && e.time_value == dct_day(d)) return {"t0", "IS_INCLUDED"};
    return {};
}

void write_head(const TimemlText& d, std::ostream& out) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n";
    out << "<DOCID>" << xml_escape(d.id) << "</DOCID>\n";
    if (d.dct) {
        const char* type = d.dct->size() > 10 ? "TIME" : "DATE";
        out << "<DCT><TIMEX3 tid=\"t0\" type=\"" << type << "\" value=" << attr(*d.dct)
            << " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" << xml_escape(*d.dct)
            << "</TIMEX3></DCT>\n";
    }
    if (d.title) out << "<TITLE>" << xml_escape(*d.title) << "</TITLE>\n";
}

} // namespace

std::string to_timeml(const TimemlText& d) {
    std::ostringstream out;
    write_head(d, out);
    const std::vector<Mark> marks = marks_of(d);
    std::vector<std::string> tids(d.timexes.size());
    std::vector<std::size_t> written_events; // event indexes in text order
    out << "<TEXT>";
    std::size_t at = 0, t = 0;
    for (const Mark& m : marks) {
        out << xml_escape(std::string_view(d.text).substr(at, m.span.begin - at));
        const std::string inner = xml_escape(m.span.of(d.text));
        if (m.is_timex) {
            const Timex& x = d.timexes[m.index];
            tids[m.index] = "t" + std::to_string(++t);
            out << "<TIMEX3 tid=\"" << tids[m.index] << "\" type=\"" << timex_type_name(x.type) << "\" value=" << attr(x.value);
            if (x.anchor == TimexAnchor::dct && d.dct) out << " temporalFunction=\"true\" anchorTimeID=\"t0\"";
            out << " functionInDocument=\"NONE\">" << inner << "</TIMEX3>";
        } else {
            written_events.push_back(m.index);
            out << "<EVENT eid=\"e" << written_events.size() << "\" class=" << attr(d.events[m.index].event_class) << ">"
                << inner << "</EVENT>";
        }
        at = m.span.end;
    }
    out << xml_escape(std::string_view(d.text).substr(at)) << "</TEXT>\n";
    std::size_t links = 0;
    for (std::size_t i = 0; i < written_events.size(); ++i) {
        const TimemlEvent& e = d.events[written_events[i]];
        const std::string n = std::to_string(i + 1);
        out << "<MAKEINSTANCE eventID=\"e" << n << "\" eiid=\"ei" << n << "\" tense=\"NONE\" aspect=\"NONE\" polarity=\""
            << (e.negated ? "NEG" : "POS") << "\" pos=\"UNKNOWN\"/>\n";
    }
    for (std::size_t i = 0; i < written_events.size(); ++i) {
        const auto [tid, rel] = anchor_of(d, d.events[written_events[i]], tids);
        if (tid.empty()) continue;
        out << "<TLINK lid=\"l" << ++links << "\" relType=\"" << rel << "\" eventInstanceID=\"ei" << i + 1
            << "\" relatedToTime=\"" << tid << "\"/>\n";
    }
    out << "</TimeML>\n";
    return out.str();
}

std::string timeml_file_name(const std::string& doc_id) {
    std::string out;
    for (const char c : doc_id) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        out += plain ? c : '_';
    }
    if (out.empty() || out.front() == '.') out.insert(0, "doc");
    return out + ".tml";
}

} // namespace annals
