#pragma once
/// Penn Treebank part-of-speech tags.

#include <cstdint>
#include <optional>
#include <string_view>

namespace annals {

/// The Penn Treebank tag set (Santorini 1990) with its punctuation tags. The `$` of PRP$ and
/// WP$ is spelled S; punctuation tags are named after their mark.
enum class PosTag : std::uint8_t {
    NN, NNS, NNP, NNPS, VB, VBD, VBG, VBN, VBP, VBZ, JJ, JJR, JJS, RB, RBR, RBS, DT, PDT, IN, CC, CD,
    PRP, PRPS, MD, TO, WDT, WP, WPS, WRB, EX, POS, RP, UH, FW, SYM, LS,
    comma,      ///< ,
    period,     ///< . ! ?
    colon,      ///< : ; - -- ...
    lrb,        ///< ( [ {
    rrb,        ///< ) ] }
    open_quote, ///< ``
    close_quote,///< ''
    dollar,     ///< $ and other currency signs
    pound,      ///< #
};
inline constexpr std::size_t pos_tag_count = static_cast<std::size_t>(PosTag::pound) + 1;

/// A set of tags as a bit mask.
using TagSet = std::uint64_t;
[[nodiscard]] constexpr TagSet tag_bit(PosTag t) noexcept { return TagSet{1} << static_cast<unsigned>(t); }
[[nodiscard]] constexpr bool has_tag(TagSet s, PosTag t) noexcept { return (s & tag_bit(t)) != 0; }

/// The tag as Penn writes it: "NN", "PRP$", ",", "``", "(".
[[nodiscard]] std::string_view pos_tag_name(PosTag tag) noexcept;
/// Parses a Penn tag name; "-LRB-"/"-RRB-" and a plain '"' are accepted too ('"' as '').
[[nodiscard]] std::optional<PosTag> parse_pos_tag(std::string_view name) noexcept;

/// Tag groups that rules and later stages ask about.
[[nodiscard]] constexpr bool is_noun(PosTag t) noexcept { return t <= PosTag::NNPS; }
[[nodiscard]] constexpr bool is_verb(PosTag t) noexcept { return t >= PosTag::VB && t <= PosTag::VBZ; }
[[nodiscard]] constexpr bool is_adjective(PosTag t) noexcept { return t >= PosTag::JJ && t <= PosTag::JJS; }
[[nodiscard]] constexpr bool is_adverb(PosTag t) noexcept { return t >= PosTag::RB && t <= PosTag::RBS; }
[[nodiscard]] constexpr bool is_punctuation(PosTag t) noexcept { return t >= PosTag::comma; }

/// The open-class tags an unknown word may take.
inline constexpr TagSet open_class_tags =
    tag_bit(PosTag::NN) | tag_bit(PosTag::NNS) | tag_bit(PosTag::NNP) | tag_bit(PosTag::NNPS) |
    tag_bit(PosTag::VB) | tag_bit(PosTag::VBD) | tag_bit(PosTag::VBG) | tag_bit(PosTag::VBN) |
    tag_bit(PosTag::VBP) | tag_bit(PosTag::VBZ) | tag_bit(PosTag::JJ) | tag_bit(PosTag::JJR) |
    tag_bit(PosTag::JJS) | tag_bit(PosTag::RB) | tag_bit(PosTag::CD) | tag_bit(PosTag::FW);

} // namespace annals
