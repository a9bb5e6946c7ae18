#pragma once
/// A normalized temporal expression (TIMEX3).

#include "annals/core/span.hpp"

#include <optional>
#include <string>

namespace annals {

enum class TimexType { date, time, duration, set };
enum class TimexAnchor { dct, previous, absolute, none };

/// How relative expressions are anchored: on the document creation time (news), or on the
/// last explicit date before them (narrative: biographies, histories, encyclopedia text).
enum class TimeMode { news, narrative };

/// "DATE", "TIME", "DURATION", "SET".
[[nodiscard]] const char* timex_type_name(TimexType t) noexcept;
/// "dct", "previous", "absolute", "none".
[[nodiscard]] const char* timex_anchor_name(TimexAnchor a) noexcept;

/// Earliest and latest calendar day an expression can mean, as YYYY-MM-DD.
struct DayInterval {
    std::string earliest;
    std::string latest;
    friend bool operator==(const DayInterval&, const DayInterval&) = default;
};

struct Timex {
    std::string id; ///< "T1", "T2", ... in text order
    Span span;
    std::size_t sentence = 0;
    TimexType type = TimexType::date;
    std::string value;                    ///< TIMEX3 value: 2014-09, PXM, PRESENT_REF, XXXX-09 ...
    std::optional<DayInterval> interval;  ///< null when it names no stretch of calendar
    TimexAnchor anchor = TimexAnchor::none;
    std::string rule;                     ///< which pattern fired
};

} // namespace annals
