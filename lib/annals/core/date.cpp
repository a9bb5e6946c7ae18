#include "annals/core/date.hpp"

#include <charconv>
#include <cstdio>

namespace annals {

std::int64_t days_from_civil(const CivilDate& d) noexcept {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

int weekday(const CivilDate& d) noexcept {
    const std::int64_t z = days_from_civil(d); // 1970-01-01 was a Thursday (3)
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

int days_in_month(int year, int month) noexcept {
    static constexpr int table[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : table[month - 1];
}

IsoWeek iso_week(const CivilDate& d) noexcept {
    // The ISO week-year is the year of the Thursday of the same week.
    const std::int64_t days = days_from_civil(d);
    const std::int64_t thursday = days - weekday(d) + 3;
    const CivilDate t = civil_from_days(thursday);
    const std::int64_t jan1 = days_from_civil({t.year, 1, 1});
    return {t.year, static_cast<int>((thursday - jan1) / 7 + 1)};
}

namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) noexcept {
    if (pos + len > s.size()) return false;
    for (std::size_t i = pos; i < pos + len; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return std::from_chars(s.data() + pos, s.data() + pos + len, out).ec == std::errc{};
}

bool valid_zone(std::string_view rest) noexcept {
    if (rest.empty() || rest == "Z") return true;
    if (rest[0] != '+' && rest[0] != '-') return false;
    int h = 0, m = 0;
    if (rest.size() == 3) return read_int(rest, 1, 2, h) && h < 24;
    if (rest.size() == 6 && rest[3] == ':') return read_int(rest, 1, 2, h) && read_int(rest, 4, 2, m) && h < 24 && m < 60;
    if (rest.size() == 5) return read_int(rest, 1, 2, h) && read_int(rest, 3, 2, m) && h < 24 && m < 60;
    return false;
}

} // namespace

std::optional<DateTime> parse_iso_datetime(std::string_view s) noexcept {
    DateTime out;
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!read_int(s, 0, 4, out.date.year) || !read_int(s, 5, 2, out.date.month) ||
        !read_int(s, 8, 2, out.date.day))
        return std::nullopt;
    if (out.date.month < 1 || out.date.month > 12 || out.date.day < 1 ||
        out.date.day > days_in_month(out.date.year, out.date.month))
        return std::nullopt;
    if (s.size() == 10) return out;
    if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
    int h = 0, m = 0;
    if (!read_int(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !read_int(s, 14, 2, m)) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    out.hour = h;
    out.minute = m;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        int sec = 0;
        if (!read_int(s, pos + 1, 2, sec) || sec > 60) return std::nullopt;
        out.second = sec;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') { // fractional seconds are accepted and dropped
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        }
    }
    if (!valid_zone(s.substr(pos))) return std::nullopt;
    return out;
}

std::string format_date(const CivilDate& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

} // namespace annals
