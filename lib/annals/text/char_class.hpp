#pragma once
/// Character classes for the tokenizer: a byte table for ASCII and ICU for the rest.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annals::detail {

/// What a character does for tokenization.
enum class CharClass : std::uint8_t {
    space,     ///< horizontal white space, or an ignorable format character (ZWSP, BOM)
    newline,   ///< a line break
    paragraph, ///< a paragraph separator (U+2029): as a blank line
    letter,    ///< a letter, or a number that is not a decimal digit (Roman numeral, fraction)
    digit,     ///< a decimal digit
    mark,      ///< a combining mark or a joiner: it continues the character before it
    punct,     ///< punctuation (quotes, brackets, dashes, stops)
    symbol,    ///< currency, math and other symbols, emoji
};

/// Flags of the ASCII table.
enum AsciiFlag : std::uint8_t {
    kSpace = 1,
    kNewline = 2,
    kAlpha = 4,
    kDigit = 8,
    kUpper = 16,
    kLower = 32,
    kSymbol = 64, ///< ASCII punctuation that reads as a symbol ($ % + < = > ^ | ~ # @ &)
};

/// Builds the ASCII table; bytes >= 0x80 get no flags.
constexpr std::array<std::uint8_t, 256> make_ascii_flags() {
    std::array<std::uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kAlpha | kLower;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kAlpha | kUpper;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigit;
    // Control characters other than the line feed carry no text: white space.
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = kSpace;
    t[0x7F] = kSpace;
    t[static_cast<unsigned char>(' ')] = kSpace;
    t['\n'] = kNewline;
    for (unsigned char c : {'$', '%', '+', '<', '=', '>', '^', '|', '~', '#', '@', '&'}) t[c] = kSymbol;
    return t;
}

/// The ASCII table, built at compile time.
inline constexpr std::array<std::uint8_t, 256> kAsciiFlags = make_ascii_flags();

[[nodiscard]] inline bool has_flag(unsigned char c, std::uint8_t f) noexcept { return (kAsciiFlags[c] & f) != 0; }

/// The class of a code point above U+007F (ICU character properties). Thread-safe.
[[nodiscard]] CharClass classify_non_ascii(char32_t cp) noexcept;

/// Case of a code point (any range): ICU for non-ASCII. Title-case letters count as upper.
[[nodiscard]] bool is_upper_cp(char32_t cp) noexcept;
[[nodiscard]] bool is_lower_cp(char32_t cp) noexcept;

/// The code point starting at byte `pos` of valid UTF-8 and its length in bytes.
struct Decoded {
    char32_t cp = 0;
    std::size_t len = 0;
};
[[nodiscard]] Decoded decode_at(std::string_view s, std::size_t pos) noexcept;

/// The class of the character at `pos` (ASCII through the table).
[[nodiscard]] CharClass class_at(std::string_view s, std::size_t pos) noexcept;

/// True when the character at `pos` is a letter, digit or mark (continues a word).
[[nodiscard]] bool is_word_char_at(std::string_view s, std::size_t pos) noexcept;

/// True when the character at `pos` is a letter (ASCII or not).
[[nodiscard]] bool is_letter_at(std::string_view s, std::size_t pos) noexcept;

} // namespace annals::detail
