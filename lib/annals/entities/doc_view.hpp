#pragma once
/// The inside of the entity recognizer: a document seen as tagged words, and the name
/// candidates found in it, shared by candidates.cpp (finding), resolve.cpp (grouping into
/// entities) and entity_relations.cpp. Not part of the public interface.

#include "annals/entities/cues.hpp"
#include "annals/entities/gazetteer.hpp"
#include "annals/events/event.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace annals::detail {

/// One stretch of text that names or refers to an entity. Candidates live no longer than the
/// DocView and the Gazetteer they came from, so their strings are views: of literals, of the
/// loaded data, or of the document (its text or its lower-cased copy). A document has
/// thousands of candidates; copying strings into each was a large part of the stage's time.
struct NameCandidate {
    std::uint32_t first = 0; ///< first token
    std::uint32_t last = 0;  ///< one past the last token
    Span span;               ///< text span, a final possessive ('s) left out
    std::size_t sentence = 0;
    std::string_view kind = "name";  ///< name | nominal | demonym
    std::string_view type;           ///< entity type; empty: a single word typed later from the document
    std::string_view subtype;
    const GazEntry* entry = nullptr; ///< the dictionary or gazetteer entry it names
    std::string_view group;          ///< group entities: the canonical group name
    std::string_view role;           ///< persons: the title or office written before the name
    int represents = -1;             ///< persons: the candidate of the country or body they act for
    int member_of = -1;              ///< the candidate of the organization it is part of
    std::string_view rule;           ///< which rule made it
};

/// A document's text, tokens and tags, with the loaded resources and word-level tests. Its
/// per-token tables live in storage of the calling thread, reused from document to document:
/// a thread holds at most one DocView at a time, and views it hands out (lower(), candidates'
/// strings) end with it.
class DocView {
public:
    DocView(std::string_view text, const Segmentation& seg, const std::vector<TaggedToken>& tags,
            const Lexicon& lex, const Gazetteer& gaz, const EntityCues& cues, const std::vector<Span>& times);

    [[nodiscard]] std::string_view text() const noexcept { return text_; }
    [[nodiscard]] const Segmentation& seg() const noexcept { return seg_; }
    [[nodiscard]] const Gazetteer& gaz() const noexcept { return gaz_; }
    [[nodiscard]] const EntityCues& cues() const noexcept { return cues_; }
    [[nodiscard]] const Lexicon& lex() const noexcept { return lex_; }

    /// The token as written.
    [[nodiscard]] std::string_view token(std::uint32_t i) const noexcept { return seg_.tokens[i].span.of(text_); }
    /// The text of a span of the document in ASCII lower case (ascii_lower() without a copy).
    [[nodiscard]] std::string_view lower(Span s) const noexcept { return s.of(lowered_); }
    /// token(i) and word(i) in ASCII lower case.
    [[nodiscard]] std::string_view lower_token(std::uint32_t i) const noexcept { return lower(seg_.tokens[i].span); }
    [[nodiscard]] std::string_view lower_word(std::uint32_t i) const noexcept { return lower(cores_[i]); }
    /// The token's span without a final possessive ('s, ’s, or the ' of a plural).
    [[nodiscard]] Span core(std::uint32_t i) const noexcept { return cores_[i]; }
    /// core() of every token in order, for loops over every token.
    [[nodiscard]] const Span* core_data() const noexcept { return cores_.data(); }
    [[nodiscard]] std::string_view word(std::uint32_t i) const noexcept { return cores_[i].of(text_); }
    /// True when the token ends in a possessive, which ends any name.
    [[nodiscard]] bool possessive(std::uint32_t i) const noexcept { return cores_[i].end != seg_.tokens[i].span.end; }
    [[nodiscard]] PosTag tag(std::uint32_t i) const noexcept { return tags_.empty() ? PosTag::NN : tags_[i].tag; }
    /// The tags in token order for loops over every token, or nullptr when there are none
    /// (then tag() is NN throughout).
    [[nodiscard]] const TaggedToken* tag_data() const noexcept { return tags_.empty() ? nullptr : tags_.data(); }
    [[nodiscard]] bool is_word(std::uint32_t i) const noexcept { return seg_.tokens[i].kind == TokenKind::word; }
    /// The sentence index of every token.
    [[nodiscard]] std::size_t sentence_of(std::uint32_t i) const noexcept { return sentence_of_[i]; }

    /// A word that may be (part of) a name: outside time expressions, capitalized inside a sentence, tagged a proper noun
    /// at its start, and in headlines (all capitals or all initial capitals) only when the
    /// gazetteer may start a name with it or the lexicon does not know it as a common word.
    [[nodiscard]] bool name_word(std::uint32_t i) const {
        // Decided for most tokens by the constructor; the rest need the dictionaries.
        const auto n = name_[i];
        return n < 0 ? looked_up_name_word(i) : n == 1;
    }
    /// A word a person's name is made of: unknown to the lexicon, or known as a proper noun, or
    /// an initial ("J."), or a particle.
    [[nodiscard]] bool person_word(std::uint32_t i) const;
    /// A common English word the lexicon knows ("Affairs", "State", "Cooperation").
    [[nodiscard]] bool common_word(std::string_view word) const;
    /// common_word() of a word already in ASCII lower case (lower_word(i)): no copy to lower.
    [[nodiscard]] bool common_lowered(std::string_view lower) const;
    /// True when the line (inside its sentence) holding token i is a headline: no lower-case
    /// letter, or every word of four or more letters capitalized.
    [[nodiscard]] bool in_headline(std::uint32_t i) const noexcept { return headline_[i] != 0; }

    /// True when the token lies inside a time expression.
    [[nodiscard]] bool in_time(std::uint32_t i) const noexcept { return blocked_[i] != 0; }

    /// The country whose adjective or people noun token i is ("Italian"), or nullptr; looked up
    /// once per token.
    [[nodiscard]] const CountryInfo* demonym(std::uint32_t i) const {
        return demonym_known_[i] ? demonyms_[i] : looked_up_demonym(i);
    }

    /// True when token i is a cue word of this kind (looked up once per token).
    [[nodiscard]] bool cue(std::uint32_t i, Cue c) const {
        // Asked many times per token by the name rules: the remembered answer without a call.
        const auto bits = cues_of_[i];
        return (((bits & 0x8000U) ? bits : looked_up_cues(i)) & static_cast<std::uint16_t>(c)) != 0;
    }

    /// The number of tokens of the longest gazetteer or dictionary name starting at token
    /// `first` and ending before token `limit`, or 0; `entry` receives it.
    [[nodiscard]] std::uint32_t gazetteer_match(std::uint32_t first, std::uint32_t limit, const GazEntry*& entry) const {
        // Asked again and again for the same tokens by the name rules: found once per token.
        entry = nullptr;
        if (!matched_[first]) compute_matches(first);
        const auto& slot = matches_[first];
        // Longest first: the matches are stored shortest first.
        for (auto k = slot.count; k > 0; --k) {
            const auto& m = match_pool_[slot.begin + k - 1];
            if (first + m.first > limit) continue;
            entry = m.second;
            return m.first;
        }
        return 0;
    }

private:
    void mark_headline(std::uint32_t first, std::uint32_t last);
    [[nodiscard]] bool lexicon_common_word(const std::string& lower) const;
    /// name_word() from the token's shape and place alone: 0 or 1, or -1 when the answer needs
    /// the lexicon or the gazetteer (a capitalized word in a headline or opening a sentence).
    [[nodiscard]] std::int8_t shape_name_word(std::uint32_t i) const noexcept;
    /// name_word() of a token shape_name_word() left open, remembered.
    [[nodiscard]] bool looked_up_name_word(std::uint32_t i) const;
    /// True when normalize_name() leaves the span's text as it is and folding it is ASCII
    /// lowering: no byte above 0x7F, no white space but single spaces inside, none beside a dash.
    [[nodiscard]] bool plain(Span s) const noexcept;
    /// plain(s) when the bytes of s before `from` are known to pass its byte test (a shorter
    /// window of the same start was plain and ended in no space): only the rest is read.
    [[nodiscard]] bool plain_from(Span s, std::size_t from) const noexcept;
    /// plain(core(i)), worked out once per token.
    [[nodiscard]] bool plain_token(std::uint32_t i) const noexcept;
    /// Gazetteer::may_start() of word(i), looked up once per token.
    [[nodiscard]] bool may_start(std::uint32_t i) const;
    /// cue() and demonym() of a token not looked up yet: look up and remember.
    [[nodiscard]] std::uint16_t looked_up_cues(std::uint32_t i) const;
    [[nodiscard]] const CountryInfo* looked_up_demonym(std::uint32_t i) const;
    using Match = std::pair<std::uint32_t, const GazEntry*>;
    /// Fills the slot of token `first` in matches_ with every dictionary name starting there
    /// (length in tokens, entry), shortest first, up to the sentence end.
    void compute_matches(std::uint32_t first) const;
    /// Appends the matches of token `first` to match_pool_.
    void find_matches(std::uint32_t first) const;

    /// Where a token's matches lie in match_pool_: one pool per document, not a vector per token.
    struct MatchRange {
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    /// The per-token tables of one document, kept per thread and refilled for each document
    /// so that a document costs no allocation once a thread has seen a larger one.
    struct Scratch {
        // Tables read only where a per-token flag says they were filled (matches: matched,
        // demonyms: demonym_known) grow but are not cleared: clearing them cost more than
        // all the flags, one byte a token.
        std::vector<MatchRange> matches;
        std::vector<std::uint8_t> matched;
        std::vector<Match> match_pool;
        std::vector<std::int8_t> common, name, starts, plain;
        std::vector<const CountryInfo*> demonyms;
        std::vector<std::uint8_t> demonym_known;
        std::vector<std::uint8_t> headline, blocked; // bytes, not bits: read for every token
        std::vector<std::uint16_t> cues_of;
        std::vector<Span> cores;
        std::vector<std::uint32_t> sentence_of;
        std::vector<std::size_t> dashes; ///< the offsets of the text's '-' bytes, then its size
        std::string lowered;
    };
    /// This thread's scratch; a thread holds one DocView at a time.
    static Scratch& thread_scratch();

    Scratch& scratch_ = thread_scratch();
    // Caches of this one document, filled as they are asked (const members may fill them).
    std::vector<MatchRange>& matches_ = scratch_.matches;
    std::vector<std::uint8_t>& matched_ = scratch_.matched; ///< per token: compute_matches() done
    std::vector<Match>& match_pool_ = scratch_.match_pool;
    std::vector<std::int8_t>& common_ = scratch_.common; ///< per token: -1 unknown, else common_word()
    std::vector<std::int8_t>& name_ = scratch_.name;     ///< per token: -1 unknown, else name_word()
    std::vector<const CountryInfo*>& demonyms_ = scratch_.demonyms;
    std::vector<std::uint8_t>& demonym_known_ = scratch_.demonym_known;
    std::vector<std::uint16_t>& cues_of_ = scratch_.cues_of; ///< per token: 0x8000 when looked up, | cue bits
    std::vector<std::int8_t>& starts_ = scratch_.starts;     ///< per token: -1 unknown, else may_start()
    std::vector<std::int8_t>& plain_ = scratch_.plain;       ///< per token: -1 unknown, else plain(core(i))

    std::string_view text_;
    const Segmentation& seg_;
    const std::vector<TaggedToken>& tags_;
    const Lexicon& lex_;
    const Gazetteer& gaz_;
    const EntityCues& cues_;
    std::vector<Span>& cores_ = scratch_.cores;
    std::string& lowered_ = scratch_.lowered; ///< the text in ASCII lower case, byte for byte
    std::vector<std::uint32_t>& sentence_of_ = scratch_.sentence_of;
    std::vector<std::uint8_t>& headline_ = scratch_.headline; ///< per token
    std::vector<std::uint8_t>& blocked_ = scratch_.blocked;   ///< inside a time expression ("Monday", "September 2014")
};

/// Every name candidate of the document, in text order, none overlapping.
[[nodiscard]] std::vector<NameCandidate> find_candidates(const DocView& doc);

/// Groups candidates into entities (ids E1... by first mention) and writes the relations the
/// names themselves state (represents, member_of) and the dictionaries give (located_in,
/// part_of, affiliate_of).
void build_entities(const DocView& doc, std::vector<NameCandidate>& cands, std::vector<Entity>& entities,
                    std::vector<Relation>& relations);

/// The lower-case, hyphen-joined form of a name used in keys: "Luigi Di Maio" -> "luigi-di-maio".
[[nodiscard]] std::string key_slug(std::string_view name);

} // namespace annals::detail
