#pragma once
/// The second pass: underspecified values (UNDEF-...) resolved against an anchor date, and
/// the day interval of a TIMEX3 value.

#include "annals/core/date.hpp"
#include "annals/time/tense.hpp"
#include "annals/time/timex.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace annals::detail {

/// A resolved calendar value read back: its first day and its granularity.
struct Point {
    CivilDate first;
    char gran = 'Y'; ///< Y (year), H (half), Q (quarter), S (season), M (month), W (week), D (day)
};

/// Reads YYYY, YYYY-MM, YYYY-MM-DD(T...), YYYY-Www(-WE), YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI.
[[nodiscard]] std::optional<Point> parse_point(std::string_view value);

/// The earliest and latest day a value can mean; nullopt for durations, sets, PRESENT_REF
/// and values with X. Decades (199) and centuries (19) included.
[[nodiscard]] std::optional<DayInterval> interval_of(std::string_view value);

struct Resolved {
    std::string value;
    TimexAnchor anchor = TimexAnchor::none;
    bool unresolved = false; ///< an anchor was needed and there was none: the value has X
};

/// Resolves the first-pass values of one document in text order. News mode anchors on the
/// DCT; narrative mode on the last explicit date before the expression (then the DCT).
/// "REF" values anchor on the last date mentioned in either mode. One instance per document.
class Resolver {
public:
    Resolver(std::optional<CivilDate> dct, TimeMode mode) : dct_(dct), mode_(mode) {}

    /// What the words before an expression say about its direction.
    enum class Lead {
        none,
        term,  ///< "by", "until", "effective", "payable": the nearest such month or day
        since,      ///< "since": a time before the anchor
        possessive, ///< "Thursday's close": a weekday that names an event of its own
    };

    /// `value` is a rule's value after capture; `tense` is the tense of the governing verb.
    /// Updates the anchors for the expressions after it.
    [[nodiscard]] Resolved resolve(std::string_view value, Tense tense, std::size_t sentence, Lead lead = Lead::none);

private:
    struct Anchor {
        Point point;
        TimexAnchor kind;
    };
    [[nodiscard]] std::optional<Anchor> base_anchor(char needed) const;
    [[nodiscard]] std::optional<Anchor> ref_anchor(char needed) const;
    Resolved resolve_undef(std::string_view body, Tense tense, std::size_t sentence);
    void remember(const Resolved& r, std::size_t sentence);

    std::optional<CivilDate> dct_;
    TimeMode mode_;
    std::optional<Point> last_date_;     ///< the last date resolved (for REF)
    std::optional<Point> last_quarter_;  ///< the last quarter named: reports count a year back from it
    std::optional<Point> last_explicit_; ///< the last absolute date (narrative anchor)
    std::optional<Point> last_day_;      ///< the last day-precise date, for clock times
    std::size_t last_day_sentence_ = 0;
    Lead lead_ = Lead::none; ///< of the expression being resolved
};

/// PT3H for P3H, P20Y for P2DE, PT1H30M for P1.5H ...; other values unchanged.
[[nodiscard]] std::string canonical_duration(std::string_view v);
/// T15:00 for T3:00pm, T09:30 for T9:30; T+part-of-day codes unchanged.
[[nodiscard]] std::string canonical_time(std::string_view t);

} // namespace annals::detail
