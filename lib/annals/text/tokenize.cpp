#include "annals/text/tokenize.hpp"

#include "annals/text/char_class.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

// A hand-written scanner rather than ICU's word BreakIterator: news tokens need joins that
// UAX #29 does not make (U.S., 1,500, 2-1, ISIS-K, e-mail addresses, URLs) and splits it
// does not make (Daesh/ISIS), and ASCII text, nearly all of news, goes through a byte table
// without decoding. ICU classifies the code points above U+007F.

namespace annals::detail {
namespace {

constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

/// The bytes after a word that call for more than its kind: a link (:), an address (@ _ + %)
/// or an abbreviation's period.
constexpr std::array<bool, 256> kSpecialStop = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {':', '@', '_', '+', '%', '.'}) t[c] = true;
    return t;
}();

/// The bytes after a letter or digit run that joiner_end() or word() may act on: the
/// joiners (- . ' , : / & and the lead byte of the typographic apostrophe and hyphens) and
/// kSpecialStop's bytes. Every other byte ends the word as it is.
constexpr std::array<bool, 256> kMayJoin = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {'-', '.', '\'', ',', ':', '/', '&', '@', '_', '+', '%'}) t[c] = true;
    t[0xE2] = true;
    return t;
}();

static_assert(std::endian::native == std::endian::little, "words are read as little-endian");

std::uint64_t load_word(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

// How many of the eight bytes of `w` (in text order, little-endian), from the first, are
// ASCII letters or digits; adds kAlpha to `seen` when one of those is a letter. Range tests
// on all eight bytes at once: with the high bits cleared no byte carries into the next, and
// x >= lo exactly when x + (0x80 - lo) has its high bit set.
std::size_t ascii_alnum_run(std::uint64_t w, unsigned& seen) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const std::uint64_t low7 = w & ~highs;
    const std::uint64_t folded = low7 | ones * 0x20; // A-Z onto a-z; no other byte lands there
    const std::uint64_t letter = (folded + ones * (0x80 - 'a')) & ~(folded + ones * (0x7F - 'z'));
    const std::uint64_t digit = (low7 + ones * (0x80 - '0')) & ~(low7 + ones * (0x7F - '9'));
    const std::uint64_t alnum = (letter | digit) & ~w & highs;
    const std::uint64_t stop = ~alnum & highs;
    const std::uint64_t before = stop == 0 ? ~std::uint64_t{0} : (stop & (0 - stop)) - 1;
    if (letter & alnum & before) seen |= kAlpha;
    return stop == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(stop)) / 8;
}

bool is_ascii_alnum(unsigned char c) noexcept { return has_flag(c, kAlpha | kDigit); }
bool is_ascii_digit(unsigned char c) noexcept { return has_flag(c, kDigit); }
bool is_ascii_upper(unsigned char c) noexcept { return has_flag(c, kUpper); }

bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
           });
}

// U.S, e.g, a.m, Ph.D: groups of one or two ASCII letters joined by periods.
bool is_dotted_acronym(std::string_view w) noexcept {
    if (w.find('.') == std::string_view::npos) return false;
    std::size_t group = 0;
    for (const char ch : w) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '.') {
            if (group == 0) return false;
            group = 0;
        } else if (has_flag(c, kAlpha) && ++group <= 2) {
            continue;
        } else {
            return false;
        }
    }
    return group > 0;
}

// A single upper-case letter, ASCII or not: an initial (Antony J. Blinken).
bool is_initial(std::string_view w) noexcept {
    if (w.empty()) return false;
    const auto d = decode_at(w, 0);
    return d.len == w.size() && is_upper_cp(d.cp);
}

// The flag bytes a token takes from what precedes it, in the order of Token's
// space_before, newline_before and blank_line_before, so that they go into the token in one
// store with its kind (Token::kind and the three flags are four consecutive bytes).
constexpr std::uint32_t kSpaceBefore = 0x01, kNewlineBefore = 0x0100, kBlankBefore = 0x010000;
static_assert(offsetof(Token, space_before) == offsetof(Token, kind) + 1 &&
                  offsetof(Token, newline_before) == offsetof(Token, kind) + 2 &&
                  offsetof(Token, blank_line_before) == offsetof(Token, kind) + 3,
              "a token's kind and flags are four consecutive bytes");

/// Where a word ends and what it is.
struct WordEnd {
    std::size_t end;
    TokenKind kind;
};

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : s_(text) { out_.reserve(text.size() / 5 + 8); }

    // The position and the pending flags stay in locals here: the members are in memory (the
    // other member functions see the object), and a store and reload of each around every
    // token was a tenth of the tokenizer's instructions. Words, most tokens, are emitted here;
    // the rest go through step() with the state handed over in the members.
    std::vector<Token> run() {
        const char* const p = s_.data();
        const std::size_t n = s_.size();
        std::size_t i = 0;
        std::uint32_t pending = kSpaceBefore;
        while (i < n) {
            const auto c = static_cast<unsigned char>(p[i]);
            if (c == ' ') { // the usual byte between tokens, before the general dispatch
                pending |= kSpaceBefore;
                ++i;
                continue;
            }
            if (has_flag(c, kAlpha | kDigit)) { // an ASCII letter or digit starts a word
                const WordEnd w = word(i);
                push(i, w.end, w.kind, pending);
                pending = 0;
                i = w.end;
                continue;
            }
            i_ = i;
            pending_ = pending;
            step();
            i = i_;
            pending = pending_;
        }
        return std::move(out_);
    }

private:
    std::string_view s_;
    std::vector<Token> out_;
    std::size_t i_ = 0;              // the position, while step() runs
    std::uint32_t pending_ = 0;      // the next token's flag bytes, while step() runs

    [[nodiscard]] unsigned char at(std::size_t p) const noexcept {
        return p < s_.size() ? static_cast<unsigned char>(s_[p]) : 0;
    }

    void step() {
        const unsigned char c = at(i_);
        if (c < 0x80) {
            const auto f = kAsciiFlags[c];
            if (f & kNewline) return line_break(i_ + 1, 1);
            if (c == '\r') return line_break(at(i_ + 1) == '\n' ? i_ + 2 : i_ + 1, 1);
            if (f & kSpace) {
                pending_ |= kSpaceBefore;
                ++i_;
                return;
            }
            return ascii_mark(c);
        }
        const auto d = decode_at(s_, i_);
        switch (classify_non_ascii(d.cp)) {
        case CharClass::space: pending_ |= kSpaceBefore; i_ += d.len; return;
        case CharClass::newline: return line_break(i_ + d.len, 1);
        case CharClass::paragraph: return line_break(i_ + d.len, 2);
        case CharClass::letter: case CharClass::digit: {
            const WordEnd w = word(i_);
            return emit(i_, w.end, w.kind);
        }
        case CharClass::mark: return lone_mark(d.len);
        case CharClass::punct: return same_run(d.cp, d.len, TokenKind::punct);
        case CharClass::symbol: return symbol(d.len);
        }
    }

    void push(std::size_t b, std::size_t e, TokenKind kind, std::uint32_t flags) {
        Token t;
        t.span = {b, e};
        const std::uint32_t tail = static_cast<std::uint32_t>(kind) | flags << 8;
        std::memcpy(reinterpret_cast<unsigned char*>(&t) + offsetof(Token, kind), &tail, sizeof tail);
        out_.push_back(t);
    }

    void emit(std::size_t b, std::size_t e, TokenKind kind) {
        push(b, e, kind, pending_);
        pending_ = 0;
        i_ = e;
    }

    // A second line break, or a paragraph separator, makes a blank line.
    void line_break(std::size_t next, int weight) {
        const std::uint32_t blank = weight > 1 ? kBlankBefore : (pending_ & kNewlineBefore) << 8;
        pending_ |= kSpaceBefore | kNewlineBefore | blank;
        i_ = next;
    }

    // Runs of the same mark are one token: ..., --, ``, '', **, ==, __.
    void ascii_mark(unsigned char c) {
        std::size_t e = i_ + 1;
        if (c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=' || c == '_' || c == '`' ||
            c == '\'' || c == '~')
            while (at(e) == c) ++e;
        emit(i_, e, has_flag(c, kSymbol) ? TokenKind::symbol : TokenKind::punct);
    }

    void same_run(char32_t cp, std::size_t len, TokenKind kind) {
        std::size_t e = i_ + len;
        while (e < s_.size() && static_cast<unsigned char>(s_[e]) >= 0x80 && decode_at(s_, e).cp == cp) e += len;
        emit(i_, e, kind);
    }

    // A symbol with what completes it: combining marks, variation selectors, skin tones,
    // the second regional indicator of a flag, and emoji joined by ZERO WIDTH JOINER.
    void symbol(std::size_t len) {
        const char32_t first = decode_at(s_, i_).cp;
        std::size_t e = i_ + len;
        bool joined = false;
        while (e < s_.size() && static_cast<unsigned char>(s_[e]) >= 0x80) {
            const auto d = decode_at(s_, e);
            const auto k = classify_non_ascii(d.cp);
            const bool skin = d.cp >= 0x1F3FB && d.cp <= 0x1F3FF;
            const bool flag = first >= 0x1F1E6 && first <= 0x1F1FF && d.cp >= 0x1F1E6 && d.cp <= 0x1F1FF &&
                              e == i_ + len;
            if (!(k == CharClass::mark || skin || flag || (joined && k == CharClass::symbol))) break;
            joined = d.cp == 0x200D;
            e += d.len;
        }
        emit(i_, e, TokenKind::symbol);
    }

    // A combining mark with no word before it joins the token it touches, else stands alone.
    void lone_mark(std::size_t len) {
        if (!out_.empty() && !(pending_ & kSpaceBefore) && out_.back().span.end == i_) {
            out_.back().span.end = i_ + len;
            i_ += len;
            return;
        }
        emit(i_, i_ + len, TokenKind::symbol);
    }

    // Letters, digits and marks from `j`; sets `alpha` when a letter is seen. Nearly every
    // byte of a word is an ASCII letter or digit: eight bytes are classified at a time while
    // eight remain (ascii_alnum_run), then one table load and test each, the flags gathered
    // without a branch (bytes >= 0x80 have none and take the slow path).
    std::size_t scan_run(std::size_t j, bool& alpha) const noexcept {
        const char* const p = s_.data();
        const std::size_t n = s_.size();
        unsigned seen = 0;
        bool open = true; // the run may go on
        while (j + 8 <= n) {
            const std::size_t run = ascii_alnum_run(load_word(p + j), seen);
            j += run;
            if (run == 8) continue;
            open = static_cast<unsigned char>(p[j]) >= 0x80 && non_ascii_continues(j, seen);
            if (!open) break;
        }
        while (open && j < n) {
            const auto c = static_cast<unsigned char>(p[j]);
            const unsigned f = kAsciiFlags[c];
            if (f & (kAlpha | kDigit)) {
                seen |= f;
                ++j;
                continue;
            }
            if (c < 0x80 || !non_ascii_continues(j, seen)) break;
        }
        if (seen & kAlpha) alpha = true;
        return j;
    }

    // Whether the non-ASCII character at `j` continues a word (a letter, digit or mark); if so
    // steps `j` past it and notes a letter in `seen`.
    bool non_ascii_continues(std::size_t& j, unsigned& seen) const noexcept {
        const auto d = decode_at(s_, j);
        const auto k = classify_non_ascii(d.cp);
        if (k == CharClass::letter) seen |= kAlpha;
        else if (k != CharClass::digit && k != CharClass::mark) return false;
        j += d.len;
        return true;
    }

    [[nodiscard]] bool letter_before(std::size_t j) const noexcept {
        const auto c = at(j - 1);
        return c >= 0x80 || has_flag(c, kAlpha); // a non-ASCII byte here ends a letter or mark
    }

    // The end of the joiner at `j` when it joins the word [b, j) to what follows, else `j`.
    std::size_t joiner_end(std::size_t j, bool alpha) const noexcept {
        const unsigned char c = at(j);
        if (has_flag(c, kSpace | kNewline)) return j; // the usual case, first
        const unsigned char prev = at(j - 1);
        switch (c) {
        case '-': case '.': return is_word_char_at(s_, j + 1) ? j + 1 : j;
        case '\'': return letter_before(j) && is_letter_at(s_, j + 1) ? j + 1 : j;
        case ',': // thousands: 1,500 but not "1,2"
            return !alpha && is_ascii_digit(prev) && is_ascii_digit(at(j + 1)) && is_ascii_digit(at(j + 2)) &&
                           is_ascii_digit(at(j + 3)) && !is_ascii_digit(at(j + 4))
                       ? j + 1
                       : j;
        case ':': case '/': return !alpha && is_ascii_digit(prev) && is_ascii_digit(at(j + 1)) ? j + 1 : j;
        case '&': return is_ascii_upper(prev) && is_ascii_upper(at(j + 1)) ? j + 1 : j; // AT&T, S&P
        case 0xE2:
            if (at(j + 1) != 0x80) return j;
            if (at(j + 2) == 0x99) // RIGHT SINGLE QUOTATION MARK as an apostrophe: Coalition’s
                return letter_before(j) && is_letter_at(s_, j + 3) ? j + 3 : j;
            if (at(j + 2) == 0x90 || at(j + 2) == 0x91) // HYPHEN, NON-BREAKING HYPHEN
                return is_word_char_at(s_, j + 3) ? j + 3 : j;
            return j;
        default: return j;
        }
    }

    // Inlined into the dispatch: a word is most tokens, and a call saved and restored six
    // registers around each (a tenth of the tokenizer's instructions).
    [[gnu::always_inline]] WordEnd word(std::size_t b) const noexcept {
        bool alpha = false;
        std::size_t j = scan_run(b, alpha);
        // Most words stop at a byte that neither joins them to more nor calls for more than
        // their kind (a space, a line break, a closing mark; a comma after letters): one table
        // test, and no bounds checks, for them; a run that may begin a "www." link takes the
        // long way below. `b` is inside the text.
        const char* const p = s_.data();
        if (j < s_.size()) {
            const unsigned char c = static_cast<unsigned char>(p[j]);
            if ((!kMayJoin[c] || (c == ',' && alpha)) && !(j - b > 4 && (p[b] | 0x20) == 'w'))
                return {j, alpha && !has_flag(static_cast<unsigned char>(p[b]), kDigit) ? TokenKind::word
                                                                                       : word_kind(b, j, alpha)};
        }
        for (std::size_t k = joiner_end(j, alpha); j < s_.size() && k != j; k = joiner_end(j, alpha))
            j = scan_run(k, alpha);
        const unsigned char stop = at(j);
        const bool www = j - b > 4 && (at(b) | 0x20) == 'w';
        // most words stop at a space or a comma: one table test skips links, addresses and
        // abbreviation periods
        if (!kSpecialStop[stop] && !www) return {j, word_kind(b, j, alpha)};
        if (stop == ':' || www)
            if (const auto e = link_end(b, j); e != kNoMatch) return {e, TokenKind::url};
        if (stop == '@' || stop == '_' || stop == '+' || stop == '%')
            if (const auto e = email_end(b, j); e != kNoMatch) return {e, TokenKind::email};
        const TokenKind kind = word_kind(b, j, alpha);
        if (kind == TokenKind::word && stop == '.' && at(j + 1) != '.' && takes_period(s_.substr(b, j - b), j + 1))
            ++j;
        return {j, kind};
    }

    // 1990s, 10th, 5km are numbers with a unit or ordinal suffix; 4x4 and G7 are words.
    [[nodiscard]] TokenKind word_kind(std::size_t b, std::size_t e, bool alpha) const noexcept {
        if (!alpha) return TokenKind::number;
        if (!is_ascii_digit(at(b))) return TokenKind::word;
        std::size_t k = e;
        while (k > b && has_flag(at(k - 1), kAlpha)) --k;
        if (e - k > 3) return TokenKind::word;
        for (std::size_t p = b; p < k; ++p)
            if (at(p) >= 0x80 || has_flag(at(p), kAlpha)) return TokenKind::word;
        return TokenKind::number;
    }

    [[nodiscard]] bool takes_period(std::string_view w, std::size_t after) const noexcept {
        const auto cls = abbreviation_class(w);
        if (cls == AbbrevClass::number) {
            while (at(after) == ' ') ++after;
            return is_ascii_digit(at(after));
        }
        return cls != AbbrevClass::none || is_initial(w) || is_dotted_acronym(w);
    }

    // http://..., https://..., ftp://..., www....: the end of the link, or kNoMatch.
    [[nodiscard]] std::size_t link_end(std::size_t b, std::size_t j) const noexcept {
        const auto w = s_.substr(b, j - b);
        const bool scheme = at(j) == ':' && at(j + 1) == '/' && at(j + 2) == '/' &&
                            (iequals(w, "http") || iequals(w, "https") || iequals(w, "ftp"));
        const bool www = w.size() > 4 && iequals(w.substr(0, 4), "www.");
        if (!scheme && !www) return kNoMatch;
        std::size_t e = scheme ? j + 3 : b;
        while (e < s_.size()) {
            const unsigned char c = at(e);
            if (c < 0x80) {
                if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`') break;
                ++e;
                continue;
            }
            const auto d = decode_at(s_, e);
            const auto k = classify_non_ascii(d.cp);
            if (k != CharClass::letter && k != CharClass::digit && k != CharClass::mark && k != CharClass::symbol)
                break;
            e += d.len;
        }
        e = trim_link(b, e);
        return scheme && e <= j + 3 ? kNoMatch : e;
    }

    // Drops the sentence punctuation a link is followed by, and a closing bracket it did not open.
    [[nodiscard]] std::size_t trim_link(std::size_t b, std::size_t e) const noexcept {
        while (e > b) {
            const char c = s_[e - 1];
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '*') {
                --e;
            } else if (c == ')' || c == ']') {
                const auto part = s_.substr(b, e - b);
                const char open = c == ')' ? '(' : '[';
                if (std::count(part.begin(), part.end(), open) >= std::count(part.begin(), part.end(), c)) break;
                --e;
            } else {
                break;
            }
        }
        return e;
    }

    // local@domain.tld from `b`, when the word [b, j) stops at a character of an address.
    [[nodiscard]] std::size_t email_end(std::size_t b, std::size_t j) const noexcept {
        const unsigned char stop = at(j);
        if (stop != '@' && stop != '_' && stop != '+' && stop != '%') return kNoMatch;
        auto local = [](unsigned char c) {
            return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
        };
        std::size_t e = b;
        while (local(at(e))) ++e;
        if (at(e) != '@' || e == b) return kNoMatch;
        const std::size_t d = e + 1;
        e = d;
        while (is_ascii_alnum(at(e)) || at(e) == '-' || at(e) == '.') ++e;
        while (e > d && (at(e - 1) == '.' || at(e - 1) == '-')) --e;
        const auto domain = s_.substr(d, e - d);
        const auto dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || !has_flag(at(d + dot + 1), kAlpha)) return kNoMatch;
        return e;
    }
};

} // namespace

std::vector<Token> tokenize(std::string_view text) { return Tokenizer(text).run(); }

AbbrevClass period_class(std::string_view text, const Token& t) noexcept {
    if (t.kind != TokenKind::word || t.span.size() < 2 || text[t.span.end - 1] != '.') return AbbrevClass::none;
    const auto w = text.substr(t.span.begin, t.span.size() - 1);
    const auto cls = abbreviation_class(w);
    return cls != AbbrevClass::none ? cls : AbbrevClass::postfix;
}

} // namespace annals::detail
