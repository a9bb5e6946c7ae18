#pragma once
/// TempEval-3 Task B scoring of event triggers against the EVENT tags of TimeML gold.

#include "annals/core/span.hpp"
#include "annals/eval/prf.hpp"
#include "annals/record/extraction.hpp"
#include "annals/timeml/reader.hpp"

#include <string>
#include <vector>

namespace annals {

/// An event trigger with its TimeML class (OCCURRENCE, REPORTING, ...), gold or system.
struct ClassedSpan {
    Span span;
    std::string cls;
};

/// The TempEval-3 event figures: extent in strict (same span) and relaxed (overlapping span)
/// match, and the class right on a relaxed match counted over system and gold totals (the
/// class F1 TempEval-3 reports). `accuracy()` is the class right over matched pairs only.
struct EventScores {
    Prf strict, relaxed, cls;
    std::size_t documents = 0;
    [[nodiscard]] double accuracy() const noexcept {
        return relaxed.gold_matched
                   ? 100.0 * static_cast<double>(cls.gold_matched) / static_cast<double>(relaxed.gold_matched)
                   : 0.0;
    }
    EventScores& operator+=(const EventScores& o) noexcept;
};

/// One disagreement, for the --errors listing.
struct EventError {
    std::string kind; ///< event_miss | event_false_alarm | event_extent | event_class
    Span gold_span, system_span;
    std::string gold_class, system_class;
};

struct EventEvaluation {
    EventScores scores;
    std::vector<EventError> errors; ///< in the order: gold events in text order, then false alarms
};

/// The EVENT elements of a TimeML document with their class, in text order.
[[nodiscard]] std::vector<ClassedSpan> gold_events(const timeml::TimemlDocument& doc);

/// The trigger span and TimeML class of every event of an extraction, in text order.
[[nodiscard]] std::vector<ClassedSpan> system_events(const Extraction& x);

/// Aligns system to gold events one to one by largest overlap (as the TempEval-3 scorer does)
/// and counts. Both lists are sorted here; any order is accepted. Pure function.
[[nodiscard]] EventEvaluation score_events(std::vector<ClassedSpan> gold, std::vector<ClassedSpan> system);

} // namespace annals
