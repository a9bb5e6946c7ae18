#pragma once
/// The event stage: event mentions the way TimeML marks them (main verbs, event nouns, state
/// adjectives) with their TimeML class, typed from the ontology through the trigger lexicon,
/// with arguments from shallow syntax, modality, time, coreference inside the document and the
/// relations events state.

#include "annals/entities/entity.hpp"
#include "annals/events/event.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/timex.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

namespace detail {
struct EventResources;
}

/// What the event stage reads of a document: the earlier stages' results.
struct EventInput {
    std::string_view text;
    const Segmentation& seg;
    const std::vector<TaggedToken>& tags; ///< the tagger's tags for seg.tokens (same length)
    const Lexicon& lex;
    const std::vector<Entity>& entities;  ///< may be empty: events then carry no arguments
    const std::vector<Timex>& timexes;
    std::optional<std::string> dct;       ///< ISO date or date-time of the document, if known
};

/// Loaded once; detect() is const and thread-safe.
class EventDetector {
public:
    /// Loads the ontology, the trigger lexicon (then `extra_triggers`, a user's files in the same
    /// format) and the modality cues from `<data_dir>/events`. Throws Error(Errc::io) for a file
    /// that cannot be read and Error(Errc::bad_data, "file:line") for a malformed one.
    explicit EventDetector(const std::string& data_dir, const std::vector<std::string>& extra_triggers = {});
    ~EventDetector();
    EventDetector(EventDetector&&) noexcept;
    EventDetector& operator=(EventDetector&&) noexcept;

    /// Appends the document's events (ids V1, V2, ... in text order of their first mention) to
    /// `events` and the relations they state to `relations` (after the ones already there).
    /// Arguments and places are ids of `in.entities`. Never throws on odd text.
    void detect(const EventInput& in, std::vector<Event>& events, std::vector<Relation>& relations) const;

private:
    std::unique_ptr<detail::EventResources> res_;
};

} // namespace annals
