#pragma once
/// Sentence-boundary scoring against gold sentence spans (the `s` tags of TimeML files).

#include "annals/core/span.hpp"
#include "annals/eval/prf.hpp"
#include "annals/timeml/reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// Boundary counts. A boundary is the end offset of a sentence, white space trimmed; `all`
/// counts every boundary, `inner` leaves out the end of the document's text, which every
/// splitter finds.
struct SentenceScores {
    Prf all, inner;
    std::size_t documents = 0;
    SentenceScores& operator+=(const SentenceScores& o) noexcept;
};

/// One disagreement, for the --errors listing.
struct SentenceError {
    std::string doc;
    std::string kind;    ///< miss (a gold boundary the system lacks) | false_alarm
    std::size_t offset = 0;
    std::string context; ///< the text around the boundary, on one line, with " | " at it
};

struct SentenceEvaluation {
    SentenceScores scores;
    std::vector<SentenceError> errors;
};

/// Compares the ends of `system` with the ends of `gold`, both spans into `text`. Boundaries
/// are matched exactly, after trailing white space is trimmed from each span. Pure function.
[[nodiscard]] SentenceEvaluation score_sentence_boundaries(const std::string& doc_id, std::string_view text,
                                                           const std::vector<Span>& gold,
                                                           const std::vector<Span>& system);

/// The spans of the `s` elements of a TimeML document, in document order.
[[nodiscard]] std::vector<Span> gold_sentence_spans(const timeml::TimemlDocument& gold);

/// Segments `gold.text` with segment() and scores its sentences against the `s` elements.
/// Pure function, thread-safe.
[[nodiscard]] SentenceEvaluation score_sentences(const timeml::TimemlDocument& gold);

} // namespace annals
