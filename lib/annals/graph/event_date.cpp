#include "annals/graph/event_date.hpp"

#include <cctype>

namespace annals {
namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

DatePrecision precision_of(std::string_view value, const DayInterval& iv) {
    if (value.size() >= 10 && digits(value, 0, 4) && value[4] == '-' && digits(value, 5, 2) && value[7] == '-' &&
        digits(value, 8, 2))
        return DatePrecision::day;
    if (value.size() == 7 && digits(value, 0, 4) && value[4] == '-' && digits(value, 5, 2)) return DatePrecision::month;
    if (value.size() == 8 && digits(value, 0, 4) && value.substr(4, 2) == "-W") return DatePrecision::week;
    if (value.size() == 7 && digits(value, 0, 4) && value.substr(4, 2) == "-Q") return DatePrecision::quarter;
    if (value.size() == 4 && digits(value, 0, 4)) return DatePrecision::year;
    return iv.earliest == iv.latest ? DatePrecision::day : DatePrecision::range;
}

std::string on_label(DatePrecision p, const std::string& value, const DayInterval& iv) {
    switch (p) {
    case DatePrecision::day: return iv.earliest;
    case DatePrecision::month: return iv.earliest.substr(0, 7);
    case DatePrecision::year: return iv.earliest.substr(0, 4);
    case DatePrecision::week:
    case DatePrecision::quarter: return value;
    case DatePrecision::range:
    case DatePrecision::none: break;
    }
    return iv.earliest + ".." + iv.latest;
}

std::string first_dct(const VertexBundle& n) {
    for (const auto& s : n.event_sources)
        if (s.dct) return s.dct->substr(0, 10);
    return {};
}

} // namespace

const char* date_relation_name(DateRelation r) noexcept {
    switch (r) {
    case DateRelation::on: return "on";
    case DateRelation::before: return "before";
    case DateRelation::after: return "after";
    case DateRelation::undated: return "undated";
    }
    return "undated";
}

const char* date_precision_name(DatePrecision p) noexcept {
    switch (p) {
    case DatePrecision::day: return "day";
    case DatePrecision::week: return "week";
    case DatePrecision::month: return "month";
    case DatePrecision::quarter: return "quarter";
    case DatePrecision::year: return "year";
    case DatePrecision::range: return "range";
    case DatePrecision::none: return "none";
    }
    return "none";
}

EventDate event_date(const VertexBundle& n) {
    EventDate d;
    d.source = n.time_source;
    const bool tense = n.time_source == "tense" || n.time_value == "PAST_REF" || n.time_value == "FUTURE_REF";
    if (tense) {
        const std::string anchor = n.interval ? n.interval->latest : first_dct(n);
        if (anchor.empty()) return d;
        d.relation = n.time_value == "FUTURE_REF" ? DateRelation::after : DateRelation::before;
        d.precision = DatePrecision::day;
        d.earliest = d.latest = n.time_value == "FUTURE_REF" && n.interval ? n.interval->earliest : anchor;
        d.label = std::string(date_relation_name(d.relation)) + " " + d.earliest;
        return d;
    }
    if (!n.interval) return d;
    d.relation = DateRelation::on;
    d.precision = precision_of(n.time_value, *n.interval);
    d.earliest = n.interval->earliest;
    d.latest = n.interval->latest;
    d.label = on_label(d.precision, n.time_value, *n.interval);
    return d;
}

} // namespace annals
