#pragma once
/// Sentences and tokens with byte spans.

#include "annals/core/span.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace annals {

enum class TokenKind : std::uint8_t {
    word,   ///< letters, with inner hyphens, apostrophes or periods (ISIS-K, Coalition's, U.S.)
    number, ///< digits with inner separators (3.5, 1,500, 2-1, 06/28/2021)
    punct,  ///< one punctuation mark or a run of the same one (..., --)
    symbol, ///< currency, math and other symbols, emoji
    url,    ///< http(s)://..., www....
    email,
};

/// One token. Spans are byte offsets into the document text.
struct Token {
    Span span;
    TokenKind kind = TokenKind::word;
    bool space_before = false; ///< white space (or the document start) precedes it
    bool newline_before = false; ///< a line break precedes it
    bool blank_line_before = false; ///< a blank line (or a paragraph separator) precedes it
};

/// One sentence: its span and the range of its tokens.
struct Sentence {
    Span span;
    std::uint32_t first_token = 0;
    std::uint32_t token_count = 0;
};

/// The segmentation of one document.
struct Segmentation {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
};

/// Splits `text` (valid UTF-8) into tokens and sentences. Sentence spans start at the first
/// token and end after the last one (closing quotes and brackets included); a paragraph
/// break (a blank line, or a line break after a headline) always ends a sentence.
/// Pure function, thread-safe.
[[nodiscard]] Segmentation segment(std::string_view text);

} // namespace annals
