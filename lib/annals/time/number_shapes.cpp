// Number atoms by their shape: integers, decimals, ordinals, decades, clock times, ISO and
// slashed dates, year spans. Split from atoms.cpp; the atomizer calls classify_number() once
// per number atom.
#include "annals/time/atoms.hpp"

#include "annals/core/date.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace annals::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::string pad2(int v) {
    // Appended rather than "0" + to_string(v): GCC 12 reports a false -Wrestrict on that
    // concatenation once it is inlined here.
    std::string out(v < 10 ? "0" : "");
    out += std::to_string(v);
    return out;
}

int expand_two_digit_year(int yy) { return yy <= 30 ? 2000 + yy : 1900 + yy; }

bool valid_day(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

/// The value of a run of digits; s holds at most 18 of them.
long long digits_value(std::string_view s) {
    long long v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

/// Splits digits by one kind of separator into `out` (a buffer reused from number to
/// number); empty when another character appears.
const std::vector<std::string_view>& parts_by(std::string_view s, char sep, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t b = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && is_digit(s[i])) continue;
        if (i < s.size() && s[i] != sep) {
            out.clear();
            return out;
        }
        out.push_back(s.substr(b, i - b));
        b = i + 1;
    }
    return out;
}

} // namespace

void classify_number(std::string_view s, Atom& a, std::string& value) {
    thread_local std::vector<std::string_view> parts;
    const std::size_t ap = apostrophe_len(s, 0);
    if (ap) { // '90s, '91
        const auto d = s.substr(ap);
        if (d.size() == 2 && is_digit(d[0]) && is_digit(d[1])) {
            a.classes |= cls_bit(Cls::YEAR);
            value = std::to_string(expand_two_digit_year(to_int(d)));
        } else if (d.size() == 3 && d[2] == 's' && d[1] == '0') {
            a.classes |= cls_bit(Cls::DECADE);
            value = std::to_string(expand_two_digit_year(to_int(d.substr(0, 2))) / 10);
        }
        return;
    }
    std::size_t n = 0;
    while (n < s.size() && is_digit(s[n])) ++n;
    const auto digits = s.substr(0, n);
    const auto rest = s.substr(n);
    if (rest.empty()) {
        a.classes |= cls_bit(Cls::INT);
        a.number = n <= 12 ? digits_value(digits) : -1;
        value = digits;
        return;
    }
    if (rest == "s" && (n == 4 || n == 2) && digits.back() == '0') {
        a.classes |= cls_bit(Cls::DECADE);
        value = n == 4 ? std::string(digits.substr(0, 3)) : std::to_string(expand_two_digit_year(to_int(digits)) / 10);
        return;
    }
    if ((rest == "st" || rest == "nd" || rest == "rd" || rest == "th") && n <= 3) {
        a.classes |= cls_bit(Cls::ORDNUM);
        a.number = to_int(digits);
        value = std::to_string(a.number);
        return;
    }
    if (const auto& p = parts_by(s, ',', parts); p.size() >= 2 && p[0].size() <= 3 && p[0].size() >= 1 &&
        std::all_of(p.begin() + 1, p.end(), [](auto x) { return x.size() == 3; })) {
        a.classes |= cls_bit(Cls::INT);
        a.comma_number = true;
        for (auto x : p) value += x;
        a.number = value.size() <= 12 ? digits_value(value) : -1;
        return;
    }
    if (const auto& p = parts_by(s, '.', parts); p.size() == 2 && !p[0].empty() && !p[1].empty()) {
        a.classes |= cls_bit(Cls::DEC);
        value = s;
        return;
    }
    if (const auto& p = parts_by(s, ':', parts); (p.size() == 2 || p.size() == 3) && p[0].size() <= 2 && p[1].size() == 2) {
        const int h = to_int(p[0]), m = to_int(p[1]);
        if (h <= 24 && m < 60 && (p.size() == 2 || p[2].size() == 2)) {
            a.classes |= cls_bit(Cls::CLOCK);
            value = pad2(h) + ":" + pad2(m);
            if (p.size() == 3) value += ":" + std::string(p[2]);
        }
        return;
    }
    if (const auto& p = parts_by(s, '-', parts); p.size() == 3 && p[0].size() == 4 && p[1].size() == 2 && p[2].size() == 2) {
        const int y = to_int(p[0]), m = to_int(p[1]), d = to_int(p[2]);
        if (valid_day(y, m, d)) {
            a.classes |= cls_bit(Cls::ISODATE);
            value = std::string(s);
        }
        return;
    }
    if (const auto& p = parts_by(s, '-', parts); p.size() == 2 && p[0].size() == 4 && (p[1].size() == 2 || p[1].size() == 4)) {
        const int y = to_int(p[0]);
        int y2 = to_int(p[1]);
        if (p[1].size() == 2) y2 += y / 100 * 100;
        if (y >= 1000 && y <= 2099 && y2 > y && y2 - y <= 10) {
            a.classes |= cls_bit(Cls::YEARSPAN);
            value = std::to_string(y);
        }
        return;
    }
    if (const auto& p = parts_by(s, '/', parts); p.size() == 3) {
        int y, m, d;
        if (p[0].size() == 4) {
            y = to_int(p[0]), m = to_int(p[1]), d = to_int(p[2]);
        } else if (p[2].size() == 4 || p[2].size() == 2) {
            y = p[2].size() == 4 ? to_int(p[2]) : expand_two_digit_year(to_int(p[2]));
            m = to_int(p[0]), d = to_int(p[1]);
            if (m > 12 && d <= 12) std::swap(m, d); // day first, as outside the US
        } else {
            return;
        }
        if (p[0].size() <= 4 && p[1].size() <= 2 && valid_day(y, m, d)) {
            a.classes |= cls_bit(Cls::SLASHDATE);
            value = std::to_string(y) + "-" + pad2(m) + "-" + pad2(d);
        }
    }
}

} // namespace annals::detail
