#include "annals/text/char_class.hpp"

#include "annals/core/utf8.hpp"

#include <unicode/uchar.h>

namespace annals::detail {

CharClass classify_non_ascii(char32_t cp) noexcept {
    switch (cp) {
    case 0x85: case 0x2028: return CharClass::newline;
    case 0x2029: return CharClass::paragraph;
    case 0x200B: case 0x2060: case 0xFEFF: return CharClass::space;
    case 0xAD: return CharClass::mark; // soft hyphen: invisible, inside a word
    default: break;
    }
    const auto c = static_cast<UChar32>(cp);
    if (u_isUWhiteSpace(c)) return CharClass::space;
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        return CharClass::letter;
    case U_DECIMAL_DIGIT_NUMBER: return CharClass::digit;
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK: case U_FORMAT_CHAR:
        return CharClass::mark;
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION: case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
        return CharClass::punct;
    case U_CONTROL_CHAR: return CharClass::space;
    default: return CharClass::symbol;
    }
}

bool is_upper_cp(char32_t cp) noexcept {
    if (cp < 0x80) return has_flag(static_cast<unsigned char>(cp), kUpper);
    return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_lower_cp(char32_t cp) noexcept {
    if (cp < 0x80) return has_flag(static_cast<unsigned char>(cp), kLower);
    return u_islower(static_cast<UChar32>(cp));
}

Decoded decode_at(std::string_view s, std::size_t pos) noexcept {
    std::size_t p = pos;
    const char32_t cp = decode_utf8(s, p);
    return {cp, p - pos};
}

CharClass class_at(std::string_view s, std::size_t pos) noexcept {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
        const auto f = kAsciiFlags[c];
        if (f & kAlpha) return CharClass::letter;
        if (f & kDigit) return CharClass::digit;
        if (f & kNewline) return CharClass::newline;
        if (f & kSpace) return CharClass::space;
        if (f & kSymbol) return CharClass::symbol;
        return CharClass::punct;
    }
    return classify_non_ascii(decode_at(s, pos).cp);
}

bool is_word_char_at(std::string_view s, std::size_t pos) noexcept {
    if (pos >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return has_flag(c, kAlpha | kDigit);
    const auto k = class_at(s, pos);
    return k == CharClass::letter || k == CharClass::digit || k == CharClass::mark;
}

bool is_letter_at(std::string_view s, std::size_t pos) noexcept {
    if (pos >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return has_flag(c, kAlpha);
    return class_at(s, pos) == CharClass::letter;
}

} // namespace annals::detail
