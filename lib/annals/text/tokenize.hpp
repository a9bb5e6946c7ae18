#pragma once
/// The tokenizer under segment(): a byte scanner with an ASCII fast path.

#include "annals/text/segment.hpp"
#include "annals/text/segment_lexicon.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace annals::detail {

/// Splits `text` (valid UTF-8) into tokens; white space belongs to no token. A period joins
/// the word before it when that word is a known abbreviation (Mr., Inc., Jan.), an initial
/// (J.) or a dotted acronym (U.S., a.m.). Pure, thread-safe.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

/// How the period that ends word token `t` behaves at a possible sentence end: the class of
/// the abbreviation, or `postfix` for initials and dotted acronyms; `none` when `t` does not
/// end with a period of its own.
[[nodiscard]] AbbrevClass period_class(std::string_view text, const Token& t) noexcept;

} // namespace annals::detail
