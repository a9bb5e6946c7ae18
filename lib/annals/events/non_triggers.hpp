#pragma once
/// Verb forms that name no event in a given context (events/non_triggers.tsv): participles used
/// as prepositions ("according to", "including"), the "going to" future. Internal to the event
/// stage; the format is described in lib/data/events/README.md.

#include "annals/events/word_map.hpp"
#include "annals/lexicon/pos_tag.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace annals::detail {

/// One row: when a verb's form is no event.
struct NonTrigger {
    enum class When { before, gerund, gerund_before, participle, always };
    When when = When::always;
    std::vector<std::string> words; ///< the next words, for before and gerund_before
};

/// The loaded list; immutable, thread-safe to read.
class NonTriggers {
public:
    /// Reads `<data_dir>/events/non_triggers.tsv`; throws Error(Errc::io) when it cannot be read
    /// and Error(Errc::bad_data, "file:line") for a malformed row.
    [[nodiscard]] static NonTriggers load(const std::string& data_dir);

    /// True when the verb `lemma` with tag `tag`, followed by the lower-case word `next` (after
    /// adverbs; "" at the sentence end), is no event.
    [[nodiscard]] bool excludes(std::string_view lemma, PosTag tag, std::string_view next) const;

private:
    WordIndex<std::vector<NonTrigger>> rows_;
};

} // namespace annals::detail
