#pragma once
/// How an event's time is known: on a date (with a precision), only before or after the
/// document date (from tense), or not at all.

#include "annals/graph/knowledge_graph.hpp"

#include <string>

namespace annals {

enum class DateRelation { on, before, after, undated };
enum class DatePrecision { day, week, month, quarter, year, range, none };

/// "on", "before", "after", "undated".
[[nodiscard]] const char* date_relation_name(DateRelation r) noexcept;
/// "day", "week", "month", "quarter", "year", "range", "none".
[[nodiscard]] const char* date_precision_name(DatePrecision p) noexcept;

struct EventDate {
    DateRelation relation = DateRelation::undated;
    DatePrecision precision = DatePrecision::none;
    std::string earliest, latest; ///< the interval (on), or the document date twice (before/after)
    std::string source;           ///< explicit | inherited | tense | none
    std::string label;            ///< "2014-09", "before 2021-06-30", ""
};

/// Classifies an event node. An event dated by tense alone is before (or, for FUTURE_REF,
/// after) the document date: its anchor is the end of its interval when it has one, else
/// the DCT of its first source. Thread-safe.
[[nodiscard]] EventDate event_date(const VertexBundle& event);

} // namespace annals
