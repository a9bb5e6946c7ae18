#pragma once
/// Scoring of event, time, place and participant mentions against ECB+ markables, by token
/// overlap, on the sentences annotated with coreference.

#include "annals/core/span.hpp"
#include "annals/eval/ecb_reader.hpp"
#include "annals/eval/prf.hpp"
#include "annals/record/extraction.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The categories scored, in the order they are printed.
inline constexpr std::string_view kEcbCategories[] = {"ACTION", "TIME", "LOC", "HUMAN_PART"};

/// The category of an ECB+ markable tag: ACTION_* and NEG_ACTION_* (actions said not to
/// happen are actions too) -> ACTION; TIME_* -> TIME; LOC_* -> LOC; HUMAN_PART and
/// HUMAN_PART_* -> HUMAN_PART; "" for the rest (NON_HUMAN_PART, UNKNOWN_INSTANCE_TAG, ...).
[[nodiscard]] std::string_view ecb_category(std::string_view tag) noexcept;

/// A system mention with its category.
struct EcbMention {
    std::string category;
    Span span;
};

/// The mentions an extraction offers: ACTION = event triggers; TIME = timexes; LOC =
/// mentions of gpe, location and facility entities; HUMAN_PART = mentions of person,
/// organization and group entities. Pure function.
[[nodiscard]] std::vector<EcbMention> ecb_system_mentions(const Extraction& x);

/// Counts per category. A gold mention is found when a system mention of its category
/// shares a token with it; a system mention is right when it shares a token with a gold
/// mention of its category.
struct EcbScores {
    std::map<std::string, Prf, std::less<>> by_category;
    std::size_t documents = 0;
    std::size_t sentences = 0; ///< sentences scored
    EcbScores& operator+=(const EcbScores& o);
};

/// One miss or false alarm, for the --errors listing.
struct EcbError {
    std::string kind; ///< miss | false_alarm
    std::string category;
    std::size_t sentence = 0; ///< as numbered in the file
    Span span;                ///< from the first to the last token of the mention
};

struct EcbEvaluation {
    EcbScores scores;
    std::vector<EcbError> errors; ///< in text order
};

/// Scores `system` (spans into doc.text) against the markables of `doc`, on the sentences in
/// `sentences` only: a mention belongs to the sentence of its first token, and a system
/// mention covering no token is not scored. Duplicates (same category and tokens) count
/// once. Pure function.
[[nodiscard]] EcbEvaluation score_ecb(const ecb::EcbDocument& doc, const std::set<std::size_t>& sentences,
                                      const std::vector<EcbMention>& system);

} // namespace annals
