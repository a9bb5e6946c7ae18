#pragma once
/// The part-of-speech tagger: Penn Treebank tags and lemmas for the tokens of a segmentation.

#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/pos_tag.hpp"
#include "annals/text/segment.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The tag and lemma of one token (same index as in Segmentation::tokens).
struct TaggedToken {
    PosTag tag = PosTag::NN;
    std::string lemma; ///< lower case, except for proper nouns (as written)
};

/// Tags every token of `seg` (a segmentation of `text`), sentence by sentence, Brill-style: the
/// lexicon's most likely tag (shape and suffix guesses for unknown words, NNP for capitalized
/// words inside a sentence), then the context rules. Tokens outside every sentence are tagged
/// alone. Never throws on odd text. Thread-safe; `lex` is only read.
[[nodiscard]] std::vector<TaggedToken> tag(std::string_view text, const Segmentation& seg, const Lexicon& lex);

namespace detail {
/// The tag of a token with no letters and no digits (punctuation and symbols); `open` says a
/// quote mark opens (it follows a space and precedes a non-space).
[[nodiscard]] PosTag punctuation_tag(std::string_view token, bool open) noexcept;
} // namespace detail

} // namespace annals
