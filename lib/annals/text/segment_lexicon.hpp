#pragma once
/// The closed word lists of the segmenter: abbreviations and the words that start sentences.

#include <cstdint>
#include <string_view>

namespace annals::detail {

/// How an abbreviation followed by its period behaves at a possible sentence end.
enum class AbbrevClass : std::uint8_t {
    none,    ///< not a known abbreviation
    title,   ///< precedes a name or a figure (Mr., Gen., St., vs., e.g.): never ends a sentence
    number,  ///< an abbreviation only before a number (No. 5, pp. 12, Art. 3)
    month,   ///< Jan. ... Dec.: no end before a day number
    postfix, ///< follows a name (Inc., Jr., Calif.): ends a sentence before a sentence-starting word
    final_,  ///< closes a list (etc., et al.): ends a sentence before any capitalised word
};

/// The class of `word` (without its period). Case-sensitive, except that an ALL-CAPS word is
/// looked up in title case (MR → Mr). Dotted forms are looked up without the final period
/// (e.g → "e.g"). Pure, thread-safe.
[[nodiscard]] AbbrevClass abbreviation_class(std::string_view word) noexcept;

/// True for the capitalised (or ALL-CAPS) function words that commonly open an English
/// sentence (The, He, But, In, ...). Used after an ambiguous period (U.S., Inc., J.).
[[nodiscard]] bool is_sentence_starter(std::string_view word) noexcept;

/// True for a lower-case function word (the, of, and, to, ...): a line ending in one is a
/// wrapped line, never a headline.
[[nodiscard]] bool is_function_word(std::string_view word) noexcept;

/// True for the short words that headline (title) case leaves in lower case (of, and, in).
[[nodiscard]] bool is_title_small_word(std::string_view word) noexcept;

} // namespace annals::detail
