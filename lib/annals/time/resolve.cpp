#include "annals/time/resolve.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <vector>

namespace annals::detail {
namespace {

/// A month named up to this many months after the anchor, or a day up to this many days
/// after it, stays in the anchor's year even in the past tense.
constexpr int near_months = 1;
constexpr int near_days = 60;
/// A day up to this many days before the anchor stays in its year in the future tense.
constexpr int near_days_future = 7;

int to_int(std::string_view s, int fallback = -1) {
    int v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size() ? v : fallback;
}

/// v in decimal, zero-padded to `width` digits (as "%0*d" prints it): called for every
/// value written, so non-negative numbers skip the printf machinery.
std::string pad(int v, int width) {
    if (v < 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%0*d", width, v);
        return buf;
    }
    char digits[12];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v > 0);
    std::string out(static_cast<std::size_t>(std::max(width, n)), '0');
    for (int k = 0; k < n; ++k) out[out.size() - 1 - static_cast<std::size_t>(k)] = digits[k];
    return out;
}

/// format_date without printf for the years of four digits (the same text).
std::string day_text(const CivilDate& d) {
    if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) return format_date(d);
    std::string out = "0000-00-00";
    const auto put = [&](std::size_t at, int v, int width) {
        for (int k = width - 1; k >= 0; --k, v /= 10) out[at + static_cast<std::size_t>(k)] = static_cast<char>('0' + v % 10);
    };
    put(0, d.year, 4);
    put(5, d.month, 2);
    put(8, d.day, 2);
    return out;
}

std::vector<std::string_view> split_dash(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == '-') {
            out.push_back(s.substr(b, i - b));
            b = i + 1;
        }
    return out;
}

CivilDate add_days(const CivilDate& d, long n) { return civil_from_days(days_from_civil(d) + n); }

std::string week_value(const CivilDate& d) {
    const auto w = iso_week(d);
    return pad(w.year, 4) + "-W" + pad(w.week, 2);
}

/// Monday of ISO week `week` of `year`.
CivilDate iso_week_monday(int year, int week) {
    const CivilDate jan4{year, 1, 4};
    return add_days(jan4, -weekday(jan4) + 7L * (week - 1));
}

int season_index(std::string_view s) { return s == "SP" ? 1 : s == "SU" ? 2 : s == "FA" ? 3 : s == "WI" ? 4 : 0; }
int season_of_month(int m) { return m >= 3 && m <= 5 ? 1 : m >= 6 && m <= 8 ? 2 : m >= 9 && m <= 11 ? 3 : m == 12 ? 4 : 0; }
int quarter_of(int m) { return (m - 1) / 3 + 1; }
char gran_rank(char g) {
    switch (g) {
    case 'Y': return 0;
    case 'H': return 1;
    case 'Q': case 'S': return 2;
    case 'M': return 3;
    case 'W': return 4;
    default: return 5;
    }
}

/// The granularity an operation on unit `u` needs from its anchor.
char needed_for_unit(std::string_view u) {
    if (u == "Y" || u == "DE" || u == "CE") return 'Y';
    if (u == "Q") return 'M';
    if (u == "M") return 'M';
    return 'D';
}

/// The X form of a value when there is no anchor.
std::string unknown_for_unit(std::string_view u) {
    if (u == "Y") return "XXXX";
    if (u == "M") return "XXXX-XX";
    if (u == "W") return "XXXX-WXX";
    if (u == "WE") return "XXXX-WXX-WE";
    if (u == "Q") return "XXXX-QX";
    if (u == "DE") return "XXX";
    if (u == "CE") return "XX";
    return "XXXX-XX-XX";
}

/// The value of `unit` shifted by n from the anchor day.
std::string shift(const CivilDate& d, std::string_view unit, int n) {
    if (unit == "Y") return pad(d.year + n, 4);
    if (unit == "M") {
        const int idx = d.year * 12 + (d.month - 1) + n;
        return pad(idx / 12, 4) + "-" + pad(idx % 12 + 1, 2);
    }
    if (unit == "W") return week_value(add_days(d, 7L * n));
    if (unit == "WE") return week_value(add_days(d, 7L * n)) + "-WE";
    if (unit == "Q") {
        const int idx = d.year * 4 + quarter_of(d.month) - 1 + n;
        return pad(idx / 4, 4) + "-Q" + std::to_string(idx % 4 + 1);
    }
    if (unit == "DE") return pad(d.year / 10 + n, 3);
    if (unit == "CE") return pad(d.year / 100 + n, 2);
    if (unit == "D") return day_text(add_days(d, n));
    return day_text(d); // hours, minutes: the anchor day
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
CivilDate easter_sunday(int y) {
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return {y, month, day};
}

/// The k-th (k < 0: the last) weekday `wd` (0 = Monday) of a month.
CivilDate nth_weekday(int year, int month, int wd, int k) {
    if (k < 0) {
        const CivilDate last{year, month, days_in_month(year, month)};
        return add_days(last, -((weekday(last) - wd + 7) % 7));
    }
    const CivilDate first{year, month, 1};
    return add_days(first, (wd - weekday(first) + 7) % 7 + 7L * (k - 1));
}

/// How far the month or day named by `parts` (year-MM[-DD]) lies after `d` in d's year, in
/// months or days; `far` for quarters, halves and seasons (no window for them).
constexpr int far = 1000;
int ahead_of(const std::vector<std::string_view>& parts, const CivilDate& d) {
    const auto p1 = parts[1];
    if (p1.empty() || p1[0] < '0' || p1[0] > '9') return far;
    const int m = to_int(p1);
    if (parts.size() <= 2) return m - d.month;
    const int day = to_int(parts[2]);
    if (m < 1 || m > 12 || day < 1 || day > days_in_month(d.year, m)) return far;
    return static_cast<int>(days_from_civil({d.year, m, day}) - days_from_civil(d));
}

/// The distance within which a month (in months) or a day (in days) stays in the anchor's
/// year against the past tense.
int near_window(const std::vector<std::string_view>& parts) { return parts.size() <= 2 ? near_months : near_days; }

} // namespace

std::optional<Point> parse_point(std::string_view v) {
    if (v.size() < 4) return std::nullopt;
    const int y = to_int(v.substr(0, 4));
    if (y < 0) return std::nullopt;
    if (v.size() == 4) return Point{{y, 1, 1}, 'Y'};
    if (v[4] != '-' || v.size() < 7) return std::nullopt;
    const auto rest = v.substr(5);
    if (rest[0] == 'W') {
        const int w = to_int(rest.substr(1, 2));
        if (w < 1 || w > 53) return std::nullopt;
        return Point{iso_week_monday(y, w), 'W'};
    }
    if (rest[0] == 'Q' && rest.size() == 2) {
        const int q = to_int(rest.substr(1));
        if (q < 1 || q > 4) return std::nullopt;
        return Point{{y, (q - 1) * 3 + 1, 1}, 'Q'};
    }
    if (rest[0] == 'H' && rest.size() == 2) {
        const int h = to_int(rest.substr(1));
        if (h < 1 || h > 2) return std::nullopt;
        return Point{{y, h == 1 ? 1 : 7, 1}, 'H'};
    }
    if (const int s = season_index(rest); s > 0) return Point{{y, s == 4 ? 12 : s * 3, 1}, 'S'};
    const int m = to_int(rest.substr(0, 2));
    if (m < 1 || m > 12) return std::nullopt;
    if (rest.size() == 2) return Point{{y, m, 1}, 'M'};
    if (rest.size() < 5 || rest[2] != '-') return std::nullopt;
    const int d = to_int(rest.substr(3, 2));
    if (d < 1 || d > days_in_month(y, m)) return std::nullopt;
    if (rest.size() > 5 && rest[5] != 'T') return std::nullopt;
    return Point{{y, m, d}, 'D'};
}

std::optional<DayInterval> interval_of(std::string_view v) {
    auto make = [](const CivilDate& a, const CivilDate& b) { return DayInterval{day_text(a), day_text(b)}; };
    if ((v.size() == 3 || v.size() == 2) && to_int(v) >= 0) { // decade 199, century 19
        const int scale = v.size() == 3 ? 10 : 100;
        const int y = to_int(v) * scale;
        return make({y, 1, 1}, {y + scale - 1, 12, 31});
    }
    const auto p = parse_point(v);
    if (!p) return std::nullopt;
    const CivilDate& f = p->first;
    switch (p->gran) {
    case 'Y': return make(f, {f.year, 12, 31});
    case 'H': return make(f, {f.year, f.month + 5, days_in_month(f.year, f.month + 5)});
    case 'Q': return make(f, {f.year, f.month + 2, days_in_month(f.year, f.month + 2)});
    case 'M': return make(f, {f.year, f.month, days_in_month(f.year, f.month)});
    case 'S': {
        if (f.month == 12) return make(f, {f.year + 1, 2, days_in_month(f.year + 1, 2)});
        return make(f, {f.year, f.month + 2, days_in_month(f.year, f.month + 2)});
    }
    case 'W':
        if (v.size() >= 11 && v.substr(8) == "-WE") return make(add_days(f, 5), add_days(f, 6));
        return make(f, add_days(f, 6));
    default: return make(f, f);
    }
}

std::string canonical_time(std::string_view t) {
    if (t.size() < 2 || t[0] != 'T' || t[1] < '0' || t[1] > '9') return std::string(t);
    std::string_view body = t.substr(1);
    int add = 0;
    bool am = false;
    if (body.ends_with("pm")) { add = 12; body.remove_suffix(2); }
    else if (body.ends_with("am")) { am = true; body.remove_suffix(2); }
    const auto colon = body.find(':');
    int h = to_int(body.substr(0, colon), 0);
    const std::string rest = colon == std::string_view::npos ? ":00" : std::string(body.substr(colon));
    if (add && h < 12) h += 12;
    if (am && h == 12) h = 0;
    return "T" + pad(h, 2) + rest;
}

std::string canonical_duration(std::string_view v) {
    if (v.size() < 3 || v[0] != 'P' || v.starts_with("PAST") || v.starts_with("PRESENT")) return std::string(v);
    std::size_t i = 1;
    while (i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == '.' || v[i] == 'X')) ++i;
    const std::string num(v.substr(1, i - 1));
    const auto unit = v.substr(i);
    const bool vague = num == "X";
    const double x = vague ? 0 : std::strtod(num.c_str(), nullptr);
    const bool whole = x == static_cast<double>(static_cast<long long>(x));
    auto fmt = [&](double q) {
        if (q == static_cast<double>(static_cast<long long>(q))) return std::to_string(static_cast<long long>(q));
        std::string s = std::to_string(q);
        while (s.back() == '0') s.pop_back();
        return s;
    };
    if (unit == "H" || unit == "MIN" || unit == "SEC") {
        const char u = unit == "H" ? 'H' : unit == "MIN" ? 'M' : 'S';
        if (vague) return std::string("PTX") + u;
        if (!whole && u != 'S' && x * 2 == static_cast<double>(static_cast<long long>(x * 2)))
            return "PT" + (x >= 1 ? fmt(x - 0.5) + u : std::string()) + "30" + (u == 'H' ? 'M' : 'S');
        return "PT" + fmt(x) + u;
    }
    if (unit == "DE" || unit == "CE") return vague ? "PXY" : "P" + fmt(x * (unit == "DE" ? 10 : 100)) + "Y";
    // half years and half days in whole smaller units: P2Y6M, P1DT12H
    const bool half = !vague && !whole && x * 2 == static_cast<double>(static_cast<long long>(x * 2));
    if (half && unit == "Y") return "P" + (x >= 1 ? fmt(x - 0.5) + "Y" : std::string()) + "6M";
    if (half && unit == "D") return "P" + (x >= 1 ? fmt(x - 0.5) + "D" : std::string()) + "T12H";
    if (unit == "Q") return vague ? "PXM" : "P" + fmt(x * 3) + "M";
    if (unit == "WE") return vague ? "PXWE" : "P" + fmt(x * 2) + "D";
    return std::string(v);
}

std::optional<Resolver::Anchor> Resolver::base_anchor(char needed) const {
    if (mode_ == TimeMode::narrative && last_explicit_ && gran_rank(last_explicit_->gran) >= gran_rank(needed))
        return Anchor{*last_explicit_, TimexAnchor::previous};
    if (dct_) return Anchor{Point{*dct_, 'D'}, TimexAnchor::dct};
    if (mode_ == TimeMode::narrative && last_explicit_) return Anchor{*last_explicit_, TimexAnchor::previous};
    return std::nullopt;
}

std::optional<Resolver::Anchor> Resolver::ref_anchor(char needed) const {
    if (last_date_ && gran_rank(last_date_->gran) >= gran_rank(needed)) return Anchor{*last_date_, TimexAnchor::previous};
    return base_anchor(needed);
}

Resolved Resolver::resolve(std::string_view value, Tense tense, std::size_t sentence, Lead lead) {
    Resolved r;
    if (value.starts_with("UNDEF-")) {
        lead_ = lead;
        r = resolve_undef(value.substr(6), tense, sentence);
    } else if (value.starts_with("CENTURY-")) {
        r.value = pad(to_int(value.substr(8), 1) - 1, 2);
        r.anchor = TimexAnchor::absolute;
    } else if (value.starts_with("P") && !value.starts_with("PAST") && !value.starts_with("PRESENT")) {
        r.value = canonical_duration(value);
    } else {
        r.value = std::string(value);
        if (const auto t = r.value.find('T'); t != std::string::npos && t > 0 && r.value[t - 1] != 'X')
            r.value = r.value.substr(0, t) + canonical_time(std::string_view(r.value).substr(t));
        if (parse_point(r.value) || interval_of(r.value)) r.anchor = TimexAnchor::absolute;
    }
    // a date found by counting back from the last one ("a year earlier") does not move the
    // focus, so that a second "a year earlier" counts from the same date
    if (!value.starts_with("UNDEF-REF") && !value.starts_with("UNDEF-ago") && !value.starts_with("UNDEF-focus"))
        remember(r, sentence);
    return r;
}

void Resolver::remember(const Resolved& r, std::size_t sentence) {
    const auto p = parse_point(r.value);
    if (!p) return;
    last_date_ = p;
    // the quarter a report is about is the latest one it names: earlier ones are
    // comparisons ("after a flat second quarter"), and one not yet over is a forecast
    const auto qindex = [](const CivilDate& d) { return d.year * 4 + quarter_of(d.month); };
    if (p->gran == 'Q' && !(dct_ && qindex(p->first) >= qindex(*dct_)) &&
        !(last_quarter_ && qindex(last_quarter_->first) > qindex(p->first)))
        last_quarter_ = p;
    if (r.anchor == TimexAnchor::absolute) last_explicit_ = p;
    if (p->gran == 'D') {
        last_day_ = p;
        last_day_sentence_ = sentence;
    }
}

Resolved Resolver::resolve_undef(std::string_view body, Tense tense, std::size_t sentence) {
    std::string time;
    if (const auto at = body.find('@'); at != std::string_view::npos) {
        time = canonical_time(body.substr(at + 1));
        body = body.substr(0, at);
    }
    std::string append; // "+-06": text added to a resolved year (June last year)
    if (const auto plus = body.find('+'); plus != std::string_view::npos) {
        append = body.substr(plus + 1);
        body = body.substr(0, plus);
    }
    const auto parts = split_dash(body);
    const std::string_view kind = parts[0];
    Resolved r;
    auto finish = [&](std::string v, TimexAnchor a, bool unresolved = false) {
        if (!v.empty() && ((v[0] >= '0' && v[0] <= '9') || v[0] == 'X')) v += append;
        r.value = std::move(v) + time;
        r.anchor = a;
        r.unresolved = unresolved;
        return r;
    };
    const bool past = tense == Tense::past;
    const bool future = tense == Tense::future;

    if (kind == "clock") {
        // the day named in this sentence or the one before ("... dashed Friday. Dealers bought
        // in the morning")
        if (last_day_ && last_day_sentence_ + 1 >= sentence)
            return finish(day_text(last_day_->first), TimexAnchor::previous);
        const auto a = base_anchor('D');
        if (!a) return finish("", TimexAnchor::none, true);
        return finish(day_text(a->point.first), a->kind);
    }
    if (kind == "wdyear" && parts.size() == 4) { // wdyear-MM-DD-N: a date with its weekday
        const int wd = to_int(parts[3], 1) - 1;
        const std::string plain = "year-" + std::string(parts[1]) + "-" + std::string(parts[2]);
        auto out = resolve_undef(plain + (time.empty() ? "" : "@" + time), tense, sentence);
        const auto p = parse_point(out.value);
        if (!p || weekday(p->first) == wd) return out;
        // the weekday names the year: the nearest year around the chosen one where it fits
        for (const int dy : {-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6}) {
            const CivilDate c{p->first.year + dy, p->first.month, p->first.day};
            if (c.day <= days_in_month(c.year, c.month) && weekday(c) == wd) {
                out.value = day_text(c) + time;
                return out;
            }
        }
        return out;
    }
    if ((kind == "nth" && parts.size() == 4) || kind == "easter") {
        // a holiday: its date in the anchor's year decides the year as any month and day would
        const int month = kind == "easter" ? 0 : to_int(parts[1], 1);
        const int wd = kind == "easter" ? 0 : to_int(parts[2], 1) - 1;
        const int k = kind == "easter" ? 0 : parts[3] == "L" ? -1 : to_int(parts[3], 1);
        long shift_days = 0;
        if (kind == "easter" && parts.size() >= 3) shift_days = (parts[1] == "MINUS" ? -1 : 1) * to_int(parts[2], 0);
        auto day_in = [&](int y) {
            return kind == "easter" ? add_days(easter_sunday(y), shift_days) : nth_weekday(y, month, wd, k);
        };
        // without an anchor any year gives the month, which is all that is kept (XXXX-MM-XX)
        const auto a = base_anchor('Y');
        const CivilDate guess = day_in(a ? a->point.first.year : 2000);
        auto out = resolve_undef("year-" + pad(guess.month, 2) + "-" + pad(guess.day, 2) + (time.empty() ? "" : "@" + time),
                                 tense, sentence);
        if (const auto p = parse_point(out.value)) out.value = day_text(day_in(p->first.year)) + time;
        else out.value = "XXXX-" + pad(guess.month, 2) + "-XX";
        return out;
    }
    if (kind == "year" && parts.size() >= 2) { // year-MM[-DD], year-Qn, year-Hn, year-SU
        const std::string rest(body.substr(5));
        const auto a = base_anchor('Y');
        if (!a) return finish("XXXX-" + rest, TimexAnchor::none, true);
        const CivilDate& d = a->point.first;
        int year = d.year;
        if (gran_rank(a->point.gran) >= gran_rank('M')) {
            int target = 0, now = 0; // positions within the year, comparable
            const auto p1 = parts[1];
            if (p1[0] == 'Q') { target = to_int(p1.substr(1)) * 100; now = quarter_of(d.month) * 100; }
            else if (p1[0] == 'H') { target = to_int(p1.substr(1)) * 100; now = (d.month <= 6 ? 1 : 2) * 100; }
            else if (season_index(p1) > 0) { target = season_index(p1) * 100; now = season_of_month(d.month) * 100; }
            else {
                target = to_int(p1) * 100 + (parts.size() > 2 ? to_int(parts[2]) : 0);
                now = d.month * 100 + (parts.size() > 2 ? d.day : 0);
            }
            // a day or month just after the anchor stays in its year even in the past tense:
            // news names a date of last year with its year, and "was extended to Nov. 20" or
            // "stock of record Nov. 22" written a fortnight before are this year's
            if (past && target > now && (ahead_of(parts, d) > near_window(parts) || lead_ == Lead::since)) --year;
            // results "will be reported" for the quarter just ended: that quarter stays; so
            // does a day of the last week ("ordered to act by Jan. 14", written on the 16th)
            const bool last_quarter = p1[0] == 'Q' && target + 100 == now;
            const bool last_week = parts.size() > 2 && ahead_of(parts, d) >= -near_days_future;
            if (future && target < now && !last_quarter && !last_week) ++year;
            // the term of something ("payable Jan. 2", "effective June 1", "through January"):
            // the nearest such day or month, unless the verb looks ahead
            if (lead_ == Lead::term && !future && ahead_of(parts, d) != far) {
                year = d.year;
                const int ahead = ahead_of(parts, d), half = parts.size() <= 2 ? 6 : 183;
                if (ahead > half) --year;
                else if (ahead < -half) ++year;
            }
        }
        return finish(pad(year, 4) + "-" + rest, a->kind);
    }
    if ((kind == "this" || kind == "REF" || kind == "ago") && parts.size() >= 2 && parts[1] != "weekday" &&
        parts[1] != "month" && parts[1] != "season") {
        const std::string_view unit = parts[1];
        int n = 0;
        bool vague = false;
        if (parts.size() >= 4) {
            vague = parts[3] == "X";
            n = vague ? 0 : to_int(parts[3], 0);
            if (parts[2] == "MINUS") n = -n;
        }
        if (vague) return finish(parts[2] == "MINUS" ? "PAST_REF" : "FUTURE_REF", TimexAnchor::none);
        // a year back from a quarter in focus is that quarter a year earlier (a year ago)
        if (kind != "this" && unit == "Y" && n == -1 && last_quarter_)
            return finish(pad(last_quarter_->first.year + n, 4) + "-Q" + std::to_string(quarter_of(last_quarter_->first.month)),
                          TimexAnchor::previous);
        const char needed = needed_for_unit(unit);
        const auto a = kind == "REF" ? ref_anchor(needed) : base_anchor(needed);
        if (!a) return finish(unknown_for_unit(unit), TimexAnchor::none, true);
        return finish(shift(a->point.first, unit, n), a->kind);
    }
    if (parts.size() == 3 && (parts[1] == "weekday")) {
        const int t = to_int(parts[2], 1) - 1;
        // "the previous Friday", "the following Monday": counted from the day in focus
        const bool from_focus = kind == "before" || kind == "after";
        const auto a = from_focus && last_day_ ? std::optional<Anchor>(Anchor{*last_day_, TimexAnchor::previous})
                                                : base_anchor('D');
        if (!a) return finish("XXXX-WXX-" + std::to_string(t + 1), TimexAnchor::none, true);
        const CivilDate& d = a->point.first;
        const int wd = weekday(d);
        const int back = (wd - t + 7) % 7, fwd = (t - wd + 7) % 7;
        long delta = 0;
        if (kind == "last" || kind == "before") delta = back == 0 ? -7 : -back;
        else if (kind == "after") delta = fwd == 0 ? 7 : fwd;
        else if (kind == "next") delta = fwd == 0 ? 7 : fwd;
        else if (kind == "this") delta = t - wd;
        // no tense: the nearest one; "Thursday's close" names a thing that happened, so
        // the past one unless the next one is clearly nearer
        else if (tense == Tense::unknown && lead_ == Lead::possessive) delta = fwd + 1 < back ? fwd : -back;
        else if (tense == Tense::unknown) delta = fwd < back ? fwd : -back;
        else delta = (future || tense == Tense::present) ? fwd : -back;
        return finish(day_text(add_days(d, delta)), a->kind);
    }
    if (parts.size() == 3 && (parts[1] == "month" || parts[1] == "season")) {
        const bool month = parts[1] == "month";
        const auto a = base_anchor('Y');
        if (!a) return finish("XXXX-" + std::string(parts[2]), TimexAnchor::none, true);
        const CivilDate& d = a->point.first;
        const int target = month ? to_int(parts[2]) : season_index(parts[2]);
        const int now = month ? d.month : season_of_month(d.month);
        int year = d.year;
        if (gran_rank(a->point.gran) >= gran_rank('M')) {
            if (kind == "last" && target >= now) --year;
            if (kind == "next" && target <= now) ++year;
        }
        return finish(pad(year, 4) + "-" + std::string(parts[2]), a->kind);
    }
    if (kind == "focus" && parts.size() >= 2 && parts[1] == "Q") {
        // "the quarter", "that quarter", "the 1988 quarter": the quarter the text is about
        // (in the year named, if one is)
        const int year = parts.size() == 3 ? to_int(parts[2]) : -1;
        if (last_quarter_) {
            const int y = year >= 0 ? year : last_quarter_->first.year;
            return finish(pad(y, 4) + "-Q" + std::to_string(quarter_of(last_quarter_->first.month)), TimexAnchor::previous);
        }
        if (year >= 0) return finish(pad(year, 4), TimexAnchor::absolute);
        return resolve_undef("tense-Q", tense, sentence);
    }
    if (kind == "qend" && (parts.size() == 3 || parts.size() == 4)) {
        // the quarter that ends on a day: most of it lies in the calendar quarter of the day
        // six weeks before (a quarter ended July 31 is mostly May to July: Q2)
        const std::string day = std::string(parts[1]) + "-" + std::string(parts[2]);
        auto out = parts.size() == 4 ? Resolved{std::string(parts[3]) + "-" + day, TimexAnchor::absolute, false}
                                     : resolve_undef("year-" + day, tense, sentence);
        if (const auto p = parse_point(out.value); p && p->gran == 'D') {
            const CivilDate mid = add_days(p->first, -45);
            out.value = pad(mid.year, 4) + "-Q" + std::to_string(quarter_of(mid.month));
        } else {
            out.value = "XXXX-QX";
        }
        return out;
    }
    if ((kind == "last" || kind == "next") && parts.size() == 4 && parts[1] == "day") {
        // "last Oct. 23": the latest such day before the anchor; "next May 1" the first after
        const auto a = base_anchor('D');
        const std::string md = std::string(parts[2]) + "-" + std::string(parts[3]);
        if (!a) return finish("XXXX-" + md, TimexAnchor::none, true);
        const CivilDate& d = a->point.first;
        const int m = to_int(parts[2]), day = to_int(parts[3]);
        int year = d.year;
        const int target = m * 100 + day, now = d.month * 100 + d.day;
        if (kind == "last" && target >= now) --year;
        if (kind == "next" && target <= now) ++year;
        return finish(pad(year, 4) + "-" + md, a->kind);
    }
    if (kind == "weekof" && parts.size() >= 2) {
        // "the week of March 6", "Easter week": the ISO week of that day
        auto out = resolve_undef(body.substr(7), tense, sentence);
        if (const auto p = parse_point(out.value); p && p->gran == 'D') out.value = week_value(p->first);
        else out.value = "XXXX-WXX";
        return out;
    }
    if (kind == "tense" && parts.size() == 2 && (parts[1] == "Q" || parts[1] == "WE")) {
        const auto a = base_anchor(parts[1] == "Q" ? 'M' : 'D');
        if (!a) return finish(unknown_for_unit(parts[1]), TimexAnchor::none, true);
        const CivilDate& d = a->point.first;
        if (parts[1] == "Q") return finish(shift(d, "Q", past ? -1 : 0), a->kind);
        const int wd = weekday(d);
        const bool this_week = !(past || tense == Tense::unknown) || wd >= 5;
        return finish(shift(d, "WE", this_week ? 0 : -1), a->kind);
    }
    return finish("XXXX-XX-XX", TimexAnchor::none, true);
}

} // namespace annals::detail
