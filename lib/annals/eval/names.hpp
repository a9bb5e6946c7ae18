#pragma once
/// Exact-span scoring of named entities, CoNLL-2003 style: a prediction is right when its span
/// and its label (PER, ORG, LOC) both equal a gold name's.

#include "annals/core/span.hpp"
#include "annals/eval/conll_reader.hpp"
#include "annals/eval/prf.hpp"
#include "annals/record/extraction.hpp"
#include "annals/timeml/reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// A span of a document's text with a label: a gold name or a system prediction.
struct LabeledSpan {
    Span span;
    std::string label;
    friend bool operator==(const LabeledSpan&, const LabeledSpan&) = default;
    friend auto operator<=>(const LabeledSpan&, const LabeledSpan&) = default;
};

/// The gold names of one document. Names under `ignore` (MISC) are not scored: a prediction
/// that overlaps one counts neither right nor wrong.
struct GoldNames {
    std::vector<LabeledSpan> names;
    std::vector<Span> ignore;
};

/// The labels scored, in the order they are printed.
inline constexpr std::string_view kNameLabels[] = {"PER", "ORG", "LOC"};

/// The label an entity type is scored as: person -> PER; organization -> ORG; gpe, location,
/// facility -> LOC; "" for group and any other type (not scored).
[[nodiscard]] std::string_view name_label(std::string_view entity_type) noexcept;

/// The label of a TimeML ENAMEX TYPE: PERSON -> PER, ORGANIZATION -> ORG, LOCATION -> LOC;
/// "" otherwise.
[[nodiscard]] std::string_view enamex_label(std::string_view enamex_type) noexcept;

/// Every name mention (Mention::kind "name": not nominals such as "the bank", nor demonyms)
/// of every entity whose type is scored, as a prediction; sorted, duplicates (same span and
/// label) dropped. Pure function.
[[nodiscard]] std::vector<LabeledSpan> system_names(const Extraction& x);

/// The names of a CoNLL-2003 document from its NER column. IOB1 and IOB2 are both read: a
/// name starts at B-X, or at I-X when the previous tag is O or of another type. PER, ORG and
/// LOC names are scored, MISC (and any other type) names go to `ignore`. Pure function.
[[nodiscard]] GoldNames conll_names(const conll::ConllDocument& doc);

/// The ENAMEX elements of a TimeML document (nested ones too) as gold names; types other
/// than PERSON, ORGANIZATION and LOCATION go to `ignore`. Pure function.
[[nodiscard]] GoldNames enamex_names(const timeml::TimemlDocument& doc);

/// Counts per label and overall.
struct NameScores {
    std::map<std::string, Prf, std::less<>> by_label;
    Prf overall;
    std::size_t documents = 0;
    std::size_t ignored = 0; ///< predictions left out because they overlap an ignored span
    NameScores& operator+=(const NameScores& o);
};

/// One disagreement. A wrong type is a gold name whose exact span was predicted with another
/// label; it counts as a miss of the gold label and a false alarm of the predicted one.
struct NameError {
    enum class Kind { miss, false_alarm, wrong_type } kind = Kind::miss;
    std::optional<LabeledSpan> gold, system;
    /// Where it is, for sorting: the gold span, else the system one.
    [[nodiscard]] const Span& span() const noexcept { return gold ? gold->span : system->span; }
};

/// "miss", "false_alarm", "wrong_type".
[[nodiscard]] const char* name_error_kind(NameError::Kind k) noexcept;

struct NameEvaluation {
    NameScores scores;
    std::vector<NameError> errors; ///< in text order
};

/// Scores `system` against `gold`, both spans into one text. A prediction counts once even if
/// listed twice. Pure function.
[[nodiscard]] NameEvaluation score_names(const GoldNames& gold, const std::vector<LabeledSpan>& system);

/// The figures as a table for a terminal: a header, one row per label of kNameLabels and an
/// "overall" row, each with gold and system counts and P, R, F1 in percent. Pure function.
[[nodiscard]] std::string format_name_scores(const NameScores& scores);

} // namespace annals
