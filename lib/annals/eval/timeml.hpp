#pragma once
/// TempEval-3 Task A scoring of temporal expressions against TimeML gold.

#include "annals/eval/prf.hpp"
#include "annals/record/extraction.hpp"
#include "annals/timeml/reader.hpp"

#include <string>
#include <vector>

namespace annals {

/// The four TIMEX3 figures of TempEval-3: extent in strict (same span) and relaxed
/// (overlapping span) match, and value and type right on a relaxed match, counted over
/// system and gold totals.
struct TimexScores {
    Prf strict, relaxed, value, type;
    std::size_t documents = 0;
    TimexScores& operator+=(const TimexScores& o) noexcept;
};

/// One disagreement, for the --errors listing.
struct TimexError {
    std::string doc;
    std::string kind; ///< miss | false_alarm | extent | value | type
    std::string gold_text, gold_value, gold_type;
    std::string system_text, system_value, system_type, system_rule;
    std::string context; ///< the text around it, on one line
};

struct TimexEvaluation {
    TimexScores scores;
    std::vector<TimexError> errors;
};

/// Scores the timexes of `system` (extracted from gold.text) against the TIMEX3 elements of
/// `gold`. Pure function.
[[nodiscard]] TimexEvaluation score_timexes(const timeml::TimemlDocument& gold, const Extraction& system);

/// Up to `width` bytes of `text` each side of `span`, on one line, cut at UTF-8 boundaries.
[[nodiscard]] std::string context_of(std::string_view text, const Span& span, std::size_t width = 60);

} // namespace annals
