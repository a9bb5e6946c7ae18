#pragma once
/// The entity stage: people, organizations, places and groups named in a document, each with
/// all its mentions and a key that merges it across documents, and the relations the names
/// themselves state ("Italian Minister ... Luigi Di Maio" represents Italy) or the
/// dictionaries know (ISIS-K affiliate_of ISIS, Rome located_in Italy).

#include "annals/entities/cues.hpp"
#include "annals/entities/entity.hpp"
#include "annals/entities/gazetteer.hpp"
#include "annals/events/event.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/timex.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// Loaded once; recognize() is const and thread-safe.
class EntityRecognizer {
public:
    /// Loads the gazetteer, the actor dictionaries (plus each of `dictionaries`, in the actors
    /// format) and the cue words from data_dir. Throws Error(Errc::io) for a file that cannot be
    /// read and Error(Errc::bad_data, "file:line") for a malformed one.
    explicit EntityRecognizer(const std::string& data_dir, const std::vector<std::string>& dictionaries = {});

    /// Appends the document's entities (ids continue after those already in `entities`) and
    /// their relations. `tags` are the tagger's tags for `seg` (same length); words inside
    /// `timexes` are never names ("Monday", "May 2020"). Never throws on odd text.
    void recognize(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
                   const Lexicon& lex, const std::vector<Timex>& timexes, std::vector<Entity>& entities,
                   std::vector<Relation>& relations) const;

    [[nodiscard]] const Gazetteer& gazetteer() const noexcept { return gaz_; }

private:
    Gazetteer gaz_;
    EntityCues cues_;
};

} // namespace annals
