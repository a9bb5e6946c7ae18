#pragma once
/// ISO 8601 calendar dates and date-times: parsing, validation and day arithmetic.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

/// A proleptic Gregorian calendar day.
struct CivilDate {
    int year = 1970;
    int month = 1; ///< 1..12
    int day = 1;   ///< 1..31

    friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
    friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// A date with an optional time of day, as the document creation time is given.
struct DateTime {
    CivilDate date;
    std::optional<int> hour, minute, second;
};

/// Days since 1970-01-01 (negative before); exact for any year (Howard Hinnant's algorithm).
[[nodiscard]] std::int64_t days_from_civil(const CivilDate& d) noexcept;
/// Inverse of days_from_civil.
[[nodiscard]] CivilDate civil_from_days(std::int64_t days) noexcept;
/// 0 = Monday ... 6 = Sunday.
[[nodiscard]] int weekday(const CivilDate& d) noexcept;
/// Days in a month of a year (leap years counted).
[[nodiscard]] int days_in_month(int year, int month) noexcept;
/// ISO 8601 week number and week-year of a day.
struct IsoWeek { int year; int week; };
[[nodiscard]] IsoWeek iso_week(const CivilDate& d) noexcept;

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may stand for T,
/// a trailing Z or offset is accepted and ignored). Returns nullopt for anything else,
/// including impossible days such as 2021-02-30.
[[nodiscard]] std::optional<DateTime> parse_iso_datetime(std::string_view s) noexcept;

/// `YYYY-MM-DD`.
[[nodiscard]] std::string format_date(const CivilDate& d);

} // namespace annals
