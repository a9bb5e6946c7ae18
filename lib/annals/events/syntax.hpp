#pragma once
/// Shallow syntax for the event stage: noun groups, verb groups (with voice, tense, negation and
/// modal read off the group), prepositional attachments and the subject, object and
/// prepositional phrases of each verb, after Abney's cascaded chunking. Internal to the event
/// stage.

#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals::detail {

inline constexpr int none = -1;

/// The tense a verb group expresses.
enum class GroupTense : std::uint8_t { unknown, past, present, future };

/// A noun group: determiners, modifiers and a head noun ("the 83 members global coalition").
/// Token indices are absolute (into Segmentation::tokens), ranges inclusive.
struct NounGroup {
    std::uint32_t first = 0, last = 0, head = 0;
    int possessor = none;  ///< the noun group that possesses this one ("the coalition's efforts")
    int prep = none;       ///< the token of the preposition whose object this group is
    int attached_to = none; ///< for a prepositional object: the noun group just before the preposition
    int conj_next = none;  ///< the next group of a coordination ("Afghan forces and the Taliban")
    int conj_first = none; ///< the first group of the coordination this one belongs to
    bool definite = false; ///< the, this, that, these, those, a possessive
    bool plural = false;
    bool pronoun = false;
    bool relative = false; ///< which, who, that as a relative pronoun
};

/// A verb group: modals, auxiliaries, adverbs and a head verb ("would not have been called").
struct VerbGroup {
    std::uint32_t first = 0, last = 0, head = 0;
    bool passive = false;
    bool negated = false;
    bool infinitive = false; ///< "to" + base form
    bool perfect = false;
    bool progressive = false;
    bool copula = false;     ///< the head is a form of be, become, remain, seem ...
    GroupTense tense = GroupTense::unknown;
    int modal = none;        ///< token of the modal (would, could, will ...)
    int subject = none;      ///< noun group
    int object = none;       ///< noun group
    int complement = none;   ///< token of a predicative adjective after a copula
    int governor = none;     ///< the verb group whose complement this one is ("agreed to withdraw")
    int clause_link = none;  ///< the token that opens this group's clause (that, if, because, ...)
    bool gerund_subject = false;
    std::vector<int> pps;    ///< noun groups governed by a preposition after the verb, in order
};

/// The shallow parse of one sentence.
struct SentenceSyntax {
    std::uint32_t first = 0, count = 0; ///< the sentence's token range
    std::vector<NounGroup> nouns;
    std::vector<VerbGroup> verbs;
    std::vector<int> noun_of; ///< per token of the sentence (index - first): noun group or none
    std::vector<int> verb_of; ///< per token of the sentence: verb group or none

    [[nodiscard]] int noun_at(std::uint32_t token) const noexcept { return noun_of[token - first]; }
    [[nodiscard]] int verb_at(std::uint32_t token) const noexcept { return verb_of[token - first]; }
};

/// What the chunker reads of the document.
struct SyntaxInput {
    std::string_view text;
    const Segmentation* seg = nullptr;
    const std::vector<TaggedToken>* tags = nullptr;
    /// Per token: the end token (exclusive) of the multi-word name starting there, else 0.
    /// A name is never split between groups ("Global Coalition to Defeat Daesh").
    const std::vector<std::uint32_t>* name_end = nullptr;
};

/// Parses sentence `s` of `in`. Pure function; never throws on odd text.
[[nodiscard]] SentenceSyntax parse_sentence(const SyntaxInput& in, const Sentence& s);

/// "don't", "can't", "wasn't", "cannot": an auxiliary or modal and a negation in one token.
[[nodiscard]] bool is_negative_contraction(std::string_view w);

/// True for the forms of be, have and do and the modals (the words that open verb groups).
[[nodiscard]] bool is_auxiliary_lemma(std::string_view lemma) noexcept;

} // namespace annals::detail
