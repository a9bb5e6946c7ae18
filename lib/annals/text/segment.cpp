#include "annals/text/segment.hpp"

#include "annals/text/char_class.hpp"
#include "annals/text/segment_lexicon.hpp"
#include "annals/text/tokenize.hpp"

#include <algorithm>
#include <array>

// Sentences are cut by rules over the tokens, in the manner of Punkt (Kiss and Strunk 2006)
// with its statistics replaced by closed lists: a period after a known abbreviation, an
// initial or a dotted acronym ends a sentence only before a word that commonly opens one; a
// lower-case word after a stop never starts a sentence; closing quotes and brackets stay with
// the sentence they close. ICU's sentence BreakIterator is not used: it breaks after every
// initial (Antony J. | Blinken) and after abbreviations its list lacks, knows nothing of
// headlines and datelines standing on their own line, and runs several times slower than
// this scan.

namespace annals {
namespace {

using detail::AbbrevClass;

/// The first bytes a terminal mark can have (see is_terminal): a stop, or the lead byte of
/// HORIZONTAL ELLIPSIS and INTERROBANG. A terminal word ends with its period.
constexpr std::array<bool, 256> kTerminalFirstByte = [] {
    std::array<bool, 256> t{};
    for (const char c : std::string_view(".!?\xE2")) t[static_cast<unsigned char>(c)] = true;
    return t;
}();

class Splitter {
public:
    Splitter(std::string_view text, std::vector<Token>&& tokens) : s_(text) { seg_.tokens = std::move(tokens); }

    Segmentation run();

private:
    std::string_view s_;
    std::size_t width_ = 0;         // the text's usual line length, once needed
    Segmentation seg_;
    std::size_t start_ = 0;         // first token of the open sentence
    bool broke_line_ = false;       // the open sentence already spans a line break

    [[nodiscard]] const Token& tok(std::size_t i) const { return seg_.tokens[i]; }
    [[nodiscard]] std::string_view text(std::size_t i) const { return tok(i).span.of(s_); }
    [[nodiscard]] char32_t first_cp(std::size_t i) const { return detail::decode_at(s_, tok(i).span.begin).cp; }
    [[nodiscard]] bool starts_lower(std::size_t i) const { return detail::is_lower_cp(first_cp(i)); }
    [[nodiscard]] bool starts_upper(std::size_t i) const { return detail::is_upper_cp(first_cp(i)); }

    void close(std::size_t end);
    [[nodiscard]] bool is_terminal(std::size_t i) const;
    [[nodiscard]] bool is_closer(std::size_t i) const;
    [[nodiscard]] bool is_opener(std::size_t i) const;
    [[nodiscard]] bool is_bullet(std::size_t i) const;
    [[nodiscard]] bool is_dash(std::size_t i) const;
    [[nodiscard]] bool is_bracket(std::size_t i) const;
    [[nodiscard]] bool has_content(std::size_t begin, std::size_t end) const;
    [[nodiscard]] bool ends_after(std::size_t last, std::size_t next) const;
    [[nodiscard]] bool line_ends_sentence(std::size_t next);
    [[nodiscard]] std::size_t line_width();
    [[nodiscard]] std::size_t line_length_from(std::size_t pos) const;
    [[nodiscard]] bool title_like(std::size_t begin, std::size_t end) const;
    [[nodiscard]] std::string_view leading_letters(std::size_t i) const;
};

// A run of marks alone (a "---" or "* * *" line) is no sentence: it joins the one after it.
bool Splitter::has_content(std::size_t begin, std::size_t end) const {
    for (std::size_t i = begin; i < end; ++i)
        if (tok(i).kind != TokenKind::punct && tok(i).kind != TokenKind::symbol) return true;
    return false;
}

void Splitter::close(std::size_t end) {
    if (end < seg_.tokens.size() && !has_content(start_, end)) {
        broke_line_ = true;
        return;
    }
    if (end > start_) {
        Sentence s;
        s.span = {tok(start_).span.begin, tok(end - 1).span.end};
        s.first_token = static_cast<std::uint32_t>(start_);
        s.token_count = static_cast<std::uint32_t>(end - start_);
        seg_.sentences.push_back(s);
    }
    start_ = end;
    broke_line_ = false;
}

Segmentation Splitter::run() {
    const std::size_t n = seg_.tokens.size();
    // In locals: the tokens are not resized while the sentences are cut, and close() stores
    // to members, after which the compiler would read them again for every token.
    const Token* const toks = seg_.tokens.data();
    const char* const s = s_.data();
    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = toks[i];
        if (t.newline_before && i > start_) {
            if (t.blank_line_before || is_bullet(i) || (!broke_line_ && line_ends_sentence(i))) close(i);
            else broke_line_ = true;
        }
        // a byte test turns away nearly every token before is_terminal()
        if (s[t.span.end - 1] != '.' && !kTerminalFirstByte[static_cast<unsigned char>(s[t.span.begin])]) continue;
        if (!is_terminal(i)) continue;
        // Closing quotes and brackets, and further stops, that touch the stop belong to it.
        std::size_t last = i;
        std::size_t j = i + 1;
        for (; j < n && !tok(j).space_before && (is_closer(j) || is_terminal(j)); ++j)
            if (is_terminal(j)) last = j;
        if (j < n && ends_after(last, j)) close(j);
        i = j - 1;
    }
    close(n);
    return std::move(seg_);
}

bool Splitter::is_terminal(std::size_t i) const {
    const Token& t = tok(i);
    if (t.kind == TokenKind::word) return s_[t.span.end - 1] == '.';
    if (t.kind != TokenKind::punct) return false;
    const char c = s_[t.span.begin];
    if (c == '.' || c == '!' || c == '?') return true;
    if (c != '\xE2') return false;
    const auto w = text(i);
    return w.starts_with("\xE2\x80\xA6") || w == "\xE2\x80\xBD"; // ELLIPSIS, INTERROBANG
}

bool Splitter::is_closer(std::size_t i) const {
    if (tok(i).kind != TokenKind::punct) return false;
    const auto w = text(i);
    return w == "\"" || w == "'" || w == "''" || w == ")" || w == "]" || w == "}" || w == "\xE2\x80\x9D" ||
           w == "\xE2\x80\x99" || w == "\xC2\xBB" || w == "\xE2\x80\xBA"; // ” ’ » ›
}

bool Splitter::is_opener(std::size_t i) const {
    if (tok(i).kind != TokenKind::punct) return false;
    const auto w = text(i);
    return w == "\"" || w == "'" || w == "``" || w == "`" || w == "(" || w == "[" || w == "{" ||
           w == "\xE2\x80\x9C" || w == "\xE2\x80\x98" || w == "\xE2\x80\x9E" || w == "\xC2\xAB" ||
           w == "\xE2\x80\xB9"; // “ ‘ „ « ‹
}

bool Splitter::is_bullet(std::size_t i) const {
    const auto w = text(i);
    return tok(i).newline_before &&
           (w == "*" || w == "\xE2\x80\xA2" || w == "\xE2\x97\x8F" || w == "\xE2\x96\xAA" ||
            w == "\xE2\x97\xA6" || w == "\xE2\x80\xA3"); // • ● ▪ ◦ ‣
}

bool Splitter::is_bracket(std::size_t i) const {
    const char c = s_[tok(i).span.begin];
    return c == '(' || c == '[' || c == '{';
}

bool Splitter::is_dash(std::size_t i) const {
    const char c = s_[tok(i).span.begin];
    return c == '-' || c == '_' || text(i) == "\xE2\x80\x93" || text(i) == "\xE2\x80\x94"; // – —
}

// "It's" -> "It": the letters a token starts with, for the starter list.
std::string_view Splitter::leading_letters(std::size_t i) const {
    const auto w = text(i);
    std::size_t k = 0;
    while (k < w.size() && detail::has_flag(static_cast<unsigned char>(w[k]), detail::kAlpha)) ++k;
    return w.substr(0, k);
}

// Whether the sentence ends after the stop `last`, given the first token `next` after it and
// what closes it.
bool Splitter::ends_after(std::size_t last, std::size_t next) const {
    const Token& t = tok(next);
    if (!t.space_before) return false;
    if (t.blank_line_before) return true;
    const AbbrevClass cls = detail::period_class(s_, tok(last));
    // A lower-case word opens no sentence, except on a new line right after a bare period
    // (transcripts and other lower-case writing).
    if (starts_lower(next)) return cls == AbbrevClass::none && t.newline_before && next == last + 1 && text(last) == ".";
    if (cls == AbbrevClass::title || cls == AbbrevClass::number) return false;
    if (is_bullet(next)) return true;
    if (is_opener(next)) {
        // After an abbreviation only a quotation that does not go on in lower case opens a
        // sentence: "Tokyu Corp. (Japan)" and 'Coors Co. "have been' go on.
        if (cls == AbbrevClass::none) return true;
        return !is_bracket(next) && !(next + 1 < seg_.tokens.size() && starts_lower(next + 1));
    }
    // , ; : ) after a stop continue the sentence; a dash continues it too unless it opens a line
    // (a new paragraph in the "_ " or "-- " style).
    if (t.kind == TokenKind::punct) return cls == AbbrevClass::none && t.newline_before && is_dash(next);
    switch (cls) {
    case AbbrevClass::none: return true;
    case AbbrevClass::final_: return starts_upper(next);
    default: // postfix, month, initial, dotted acronym: only before a word that opens sentences
        return starts_upper(next) && detail::is_sentence_starter(leading_letters(next));
    }
}

// A line break after a line without final punctuation ends the sentence when that line is
// a whole sentence on its own that looks like a headline or a dateline: the sentence began at
// the line's start, the next line opens like a sentence, the line does not end in a function
// word or a joining mark, and it is clearly shorter than the text's usual line (a wrapped
// line is not) and no longer than the line after it.
bool Splitter::line_ends_sentence(std::size_t next) {
    if (start_ != 0 && !tok(start_).newline_before) return false;
    if (starts_lower(next)) return false;
    if (tok(next).kind == TokenKind::punct && !is_opener(next)) return false;
    const std::size_t prev = next - 1;
    const Token& p = tok(prev);
    if (is_terminal(prev)) return false; // the stop rules have already kept the sentence open
    if (p.kind == TokenKind::punct && !is_closer(prev)) return false;
    if (p.kind == TokenKind::symbol) return false;
    if (p.kind == TokenKind::word && detail::is_function_word(text(prev))) return false;
    const std::size_t length = p.span.end - tok(start_).span.begin;
    if (length > line_length_from(tok(next).span.begin)) return false;
    const std::size_t limit = title_like(start_, next) ? 8 : 7; // tenths of the usual width
    return length * 10 <= line_width() * limit;
}

// The length of the line from `pos` to its end, trailing white space left out.
std::size_t Splitter::line_length_from(std::size_t pos) const {
    std::size_t e = s_.find('\n', pos);
    if (e == std::string_view::npos) e = s_.size();
    while (e > pos && (s_[e - 1] == ' ' || s_[e - 1] == '\t' || s_[e - 1] == '\r')) --e;
    return e - pos;
}

// The 75th percentile of the lengths of the non-blank lines: the wrap width of wrapped text,
// the paragraph length of text with one paragraph a line. A few long or short lines (tables,
// headers) do not move it.
std::size_t Splitter::line_width() {
    if (width_ != 0) return width_;
    std::vector<std::size_t> lengths;
    for (std::size_t pos = 0; pos < s_.size();) {
        while (pos < s_.size() && (s_[pos] == ' ' || s_[pos] == '\t')) ++pos;
        const std::size_t len = line_length_from(pos);
        if (len > 0) lengths.push_back(len);
        const std::size_t nl = s_.find('\n', pos);
        pos = nl == std::string_view::npos ? s_.size() : nl + 1;
    }
    if (lengths.empty()) return width_ = 1;
    const auto k = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 3 / 4);
    std::nth_element(lengths.begin(), k, lengths.end());
    return width_ = std::max<std::size_t>(*k, 1);
}

// Every word capitalised, or a short word that title case leaves in lower case.
bool Splitter::title_like(std::size_t begin, std::size_t end) const {
    bool first = true;
    for (std::size_t i = begin; i < end; ++i) {
        if (tok(i).kind != TokenKind::word) continue;
        if (starts_upper(i)) {
            first = false;
            continue;
        }
        if (first || !detail::is_title_small_word(text(i))) return false;
    }
    return !first;
}

} // namespace

Segmentation segment(std::string_view text) { return Splitter(text, detail::tokenize(text)).run(); }

} // namespace annals
