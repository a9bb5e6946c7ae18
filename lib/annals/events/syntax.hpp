#pragma once
/// Shallow syntax for the event stage: noun groups, verb groups (with voice, tense, negation and
/// modal read off the group), prepositional attachments and the subject, object and
/// prepositional phrases of each verb, after Abney's cascaded chunking. Internal to the event
/// stage.

#include "annals/events/syntax_word_set.hpp"
#include "annals/events/word_map.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"

#include <array>
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
    /// Per token of the sentence (index - first): its noun group or none; then, from `count`
    /// on, its verb group or none. One block, so that a sentence's parse costs one allocation
    /// fewer.
    std::vector<int> group_of;

    [[nodiscard]] int noun_at(std::uint32_t token) const noexcept { return group_of[token - first]; }
    [[nodiscard]] int verb_at(std::uint32_t token) const noexcept { return group_of[count + (token - first)]; }
};

/// Closed-class words, punctuation and lemmas the chunker, the cue scopes and the mention
/// finder test, as bits of one word per token: computed once per document (word_flags), so
/// the tests inside the parse loops cost a load and a mask instead of string comparisons.
enum WordFlag : std::uint32_t {
    wf_negation = 1u << 0,             ///< not, n't, never, no longer
    wf_modal_contraction = 1u << 1,    ///< cannot, can't, won't, wouldn't ...
    wf_negative_contraction = 1u << 2, ///< cannot, or a word of more than three letters ending in n't
    wf_than = 1u << 3,
    wf_more_less = 1u << 4,            ///< more, less, fewer
    wf_hyphen_slash = 1u << 5,         ///< - or /
    wf_definite = 1u << 6,             ///< the, this, that, these, those
    wf_pure_subordinator = 1u << 7,    ///< because, although, if, whether, that, ... (pure_subordinator)
    wf_clause_prep = 1u << 8,          ///< after, before, since, until, as
    wf_clause_word = 1u << 9,          ///< the words that end a clause when tagged IN (ends_clause)
    wf_clause_punct = 1u << 10,        ///< ; : --
    wf_comma = 1u << 11,
    wf_future_modal = 1u << 12,        ///< will, 'll, shall, wo
    wf_and_or = 1u << 13,              ///< and, or, &
    wf_semicolon_colon = 1u << 14,     ///< ; :
    wf_form_cue = 1u << 15,            ///< the first word of a modality cue matched by form
    wf_terminator = 1u << 16,          ///< the first word of a scope terminator
    wf_lemma_cue = 1u << 17,           ///< the lemma is the first word of a cue matched by lemma
    // Bits of the token's lemma.
    wf_aux_lemma = 1u << 20,           ///< be, have, do (is_auxiliary_lemma)
    wf_get_lemma = 1u << 21,           ///< get
    wf_copula_lemma = 1u << 22,        ///< be, become, remain, seem, appear, stay, look, sound, prove
    wf_have_lemma = 1u << 23,
    wf_be_lemma = 1u << 24,
};

/// The words behind the WordFlag bits: the chunker's own, plus those the loaded lists add (the
/// first words of cues and terminators). Built once with the detector; const members are
/// thread-safe.
class WordFlagTable {
public:
    /// The chunker's closed-class words and lemmas.
    WordFlagTable();
    /// Adds `bits` to a lower-case word or to a lemma.
    void add_form(std::string_view form, std::uint32_t bits) {
        forms_[form] |= bits;
        packed_forms_.add(form, bits);
    }
    void add_lemma(std::string_view lemma, std::uint32_t bits) {
        lemmas_[lemma] |= bits;
        packed_lemmas_.add(lemma, bits);
    }
    /// The bits of a token from its lower-case text and its lemma.
    [[nodiscard]] std::uint32_t flags(std::string_view lower_form, std::string_view lemma) const noexcept;
    /// flags() of every token into `out` (resized to tokens.size()): token t's lower-case text
    /// is its span of `lower_text`, its lemma tags[t].lemma (tags.size() >= tokens.size()).
    /// Thread-safe.
    void token_flags(std::string_view lower_text, const std::vector<Token>& tokens, const std::vector<TaggedToken>& tags,
                     std::vector<std::uint32_t>& out) const;

private:
    /// The full lists (they answer for words longer than PackedWordBits packs) and their
    /// packed copies, which answer for every token.
    WordIndex<std::uint32_t> forms_, lemmas_;
    PackedWordBits packed_forms_, packed_lemmas_;
};

/// What the chunker reads of the document.
struct SyntaxInput {
    std::string_view text;
    const Segmentation* seg = nullptr;
    const std::vector<TaggedToken>* tags = nullptr;
    /// Per token: the end token (exclusive) of the multi-word name starting there, else 0.
    /// A name is never split between groups ("Global Coalition to Defeat Daesh").
    const std::vector<std::uint32_t>* name_end = nullptr;
    /// Per token: its WordFlagTable::flags(). Required.
    const std::vector<std::uint32_t>* flags = nullptr;
};

/// Parses sentence `s` of `in`. Pure function; never throws on odd text.
[[nodiscard]] SentenceSyntax parse_sentence(const SyntaxInput& in, const Sentence& s);

/// "don't", "can't", "wasn't", "cannot": an auxiliary or modal and a negation in one token.
[[nodiscard]] bool is_negative_contraction(std::string_view w);

/// True for the forms of be, have and do and the modals (the words that open verb groups).
[[nodiscard]] bool is_auxiliary_lemma(std::string_view lemma) noexcept;

} // namespace annals::detail
