#pragma once
/// TimeML for temporal-NLP tools: one document per file with its text, TIMEX3 elements,
/// EVENT elements with their class, MAKEINSTANCE, and TLINKs that anchor each event to the
/// timex its date came from (or before / after the document creation time when only its
/// tense dates it). The project's own reader (annals/timeml/reader.hpp) reads it back.

#include "annals/core/document.hpp"
#include "annals/core/span.hpp"
#include "annals/graph/knowledge_graph.hpp"
#include "annals/time/timex.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace annals {

/// An event mention as TimeML shows it.
struct TimemlEvent {
    Span trigger;                         ///< into TimemlText::text
    Span sentence;                        ///< the sentence holding it, into TimemlText::text
    std::string event_class = "OCCURRENCE"; ///< OCCURRENCE, REPORTING, STATE, I_ACTION, ...
    bool negated = false;                 ///< polarity NEG
    std::string time_value;               ///< the event's time value in this document
    std::string time_source = "none";     ///< explicit | inherited | tense | none
};

/// One document's text with its timexes and events, everything the writer needs.
struct TimemlText {
    std::string id;
    std::optional<std::string> dct, title;
    std::string text;                 ///< valid UTF-8 without characters XML forbids
    std::vector<Timex> timexes;       ///< spans into text, in text order
    std::vector<TimemlEvent> events;  ///< spans into text
};

/// The TimeML document. Elements never overlap: an event whose trigger overlaps a timex or
/// an earlier event is left out. Ids t1.., e1.., ei1.., l1.. in text order; the DCT is t0.
/// TLINKs: an event dated explicitly or by inheritance IS_INCLUDED in a timex of its value
/// (in its sentence first), or in the DCT when the value is the DCT's day; an event dated by
/// tense is BEFORE the DCT (PAST_REF), AFTER it (FUTURE_REF) or IS_INCLUDED in it
/// (PRESENT_REF). Deterministic; thread-safe.
[[nodiscard]] std::string to_timeml(const TimemlText& doc);

/// Finds the timexes of a text the way the extraction does (the time stage of a Pipeline).
using TimexFinder = std::function<std::vector<Timex>(const Document&)>;
/// The TimeML class of an event type ("" when unknown: OCCURRENCE is used).
using EventClassOf = std::function<std::string(const std::string& type)>;

/// What timeml_texts made.
struct TimemlTexts {
    std::vector<TimemlText> documents;
    std::size_t without_text = 0; ///< documents of the graph whose sentences the store did not keep
};

/// One TimemlText per document of `kg` whose sentences the graph holds (event reports and
/// relation evidence carry them when the store was built with the text): the sentences in
/// document order, a blank line where sentences were skipped; the timexes found again by
/// `find_timexes` on that text (so the TIMEX3 elements are what the extractor finds in the
/// very text written); the document's event reports with their trigger found in their
/// sentence. Documents in id order. Thread-safe if the callbacks are.
[[nodiscard]] TimemlTexts timeml_texts(const KnowledgeGraph& kg, const TimexFinder& find_timexes,
                                       const EventClassOf& class_of);

/// A file name for a document id: letters, digits, '.', '-' and '_' kept, anything else
/// '_', ".tml" added; never empty, never a hidden file.
[[nodiscard]] std::string timeml_file_name(const std::string& doc_id);

} // namespace annals
