#include "annals/time/atoms.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace annals::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// ASCII letters lower-cased, 0 for every other byte: one load per byte of a plain word.
constexpr std::array<char, 256> kLowerLetter = [] {
    std::array<char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
    return t;
}();

bool is_non_ascii_letter_start(std::string_view s, std::size_t i) {
    // Non-ASCII bytes count as letters, except the typographic quotes and dashes.
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return false;
    if (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return false;
    return c >= 0xC0;
}


/// The high bit of every byte of a word.
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

class Atomizer {
public:
    /// `out.lower` must hold text.size() + 8 bytes: the atoms are disjoint pieces of the text
    /// and never grow when lowered, so their lower-case forms fit, and the eight bytes of slack
    /// let words be written and hashed eight bytes at a time; finish() trims it.
    Atomizer(std::string_view text, const TimeTables& t, AtomText& out) : text_(text), t_(t), out_(out) {}

    void finish() { out_.lower.resize(lower_used_); }

    void token(const Token& tok, std::uint32_t sentence) {
        const std::size_t b = tok.span.begin, e = tok.span.end;
        if (e == b + 1 && static_cast<unsigned char>(text_[b]) < 0x80 && !is_digit(text_[b])) {
            // one ASCII byte (a comma, a period, "a"): one atom, as span() would find
            const auto first = static_cast<unsigned char>(text_[b]);
            auto& m = out_.memo.single[first];
            if (m.len != 0) return emit(m, b, e, sentence);
            const char c = lower(text_[b]);
            out_.lower[lower_used_] = c;
            const Atom& a = add(b, e, sentence, 1, hash_finish(hash_mix(hash_start(1), static_cast<unsigned char>(c))));
            m = WordMemo::slot_of(first, 1, static_cast<unsigned char>(c), a, noted(a));
            return;
        }
        const std::size_t n = e - b;
        if (n - 1 < 8 && b + 8 <= text_.size()) {
            // A short token seen before: its lower case and entry are remembered.
            std::uint64_t raw;
            std::memcpy(&raw, text_.data() + b, 8);
            raw = low_bytes(raw, n);
            const auto len = static_cast<std::uint32_t>(n);
            if (const auto* m = out_.memo.find(raw, len)) return emit(*m, b, e, sentence);
            const auto before = out_.atoms.size();
            if (!plain_word(b, e, sentence)) {
                span(b, e, sentence);
                // Only a token that made one atom is remembered; its last byte is ASCII, so
                // that span() read no byte past it. What that atom is depends on the token's
                // bytes alone (a number's shape and value too).
                if (out_.atoms.size() != before + 1 || static_cast<unsigned char>(text_[e - 1]) >= 0x80) return;
            }
            const Atom& a = out_.atoms.back();
            std::uint64_t lowered;
            std::memcpy(&lowered, out_.lower.data() + a.lower_off, 8);
            out_.memo.insert(raw, len, low_bytes(lowered, a.lower_len), a, noted(a),
                             std::string_view(out_.shapes).substr(a.shape_off, a.shape_len));
            return;
        }
        if (!plain_word(b, e, sentence)) span(b, e, sentence);
    }

    /// Asks for the memory slot of a short token that token() will look up soon.
    [[gnu::always_inline]] void prefetch(const Token& tok) const noexcept {
        const std::size_t b = tok.span.begin, n = tok.span.end - b;
        if (n - 1 < 8 && b + 8 <= text_.size()) {
            std::uint64_t raw;
            std::memcpy(&raw, text_.data() + b, 8);
            out_.memo.prefetch(low_bytes(raw, n));
        }
    }

    /// Atoms of the bytes [b, e), which lie inside one sentence.
    void span(std::size_t b, std::size_t e, std::uint32_t sentence) {
        std::size_t i = b;
        while (i < e) {
            if (is_digit(text_[i]) || (apostrophe_len(text_, i) && i + 2 < e && is_digit(text_[i + apostrophe_len(text_, i)])))
                i = number(i, e, sentence);
            else if (letter_len(i, e))
                i = word(i, e, sentence);
            else
                i = punct(i, e, sentence);
        }
    }

private:
    /// The atom a remembered token makes, at this place.
    void emit(const WordMemo::Slot& m, std::size_t b, std::size_t e, std::uint32_t sentence) {
        std::memcpy(out_.lower.data() + lower_used_, &m.lower, 8);
        Atom& a = out_.atoms.emplace_back(m.atom);
        a.begin = static_cast<std::uint32_t>(b);
        a.end = static_cast<std::uint32_t>(e);
        a.sentence = sentence;
        a.lower_off = static_cast<std::uint32_t>(lower_used_);
        lower_used_ += m.atom.lower_len;
        if (m.atom.shape_len != 0) { // a number's value: into this document's buffer
            a.shape_off = static_cast<std::uint32_t>(out_.shapes.size());
            out_.shapes.append(out_.memo.shapes, m.atom.shape_off, m.atom.shape_len);
        }
        if (m.context) [[unlikely]]
            note_context();
    }

    /// Whether the last atom `a` is listed for apply_context().
    bool noted(const Atom& a) const {
        return !out_.context.empty() && out_.context.back() == static_cast<std::uint32_t>(&a - out_.atoms.data());
    }

    std::size_t number(std::size_t b, std::size_t e, std::uint32_t sentence) {
        std::size_t i = b + apostrophe_len(text_, b);
        while (i < e) {
            if (is_digit(text_[i])) { ++i; continue; }
            const char c = text_[i];
            if ((c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && i + 1 < e && is_digit(text_[i + 1])) { i += 2; continue; }
            break;
        }
        // suffixes: 1990s, 28th (most numbers end their token: nothing to compare)
        if (i < e)
            for (std::string_view suf : {"st", "nd", "rd", "th", "s"}) {
                if (i + suf.size() <= e && text_[i] == suf[0] && (suf.size() == 1 || text_[i + 1] == suf[1]) &&
                    (i + suf.size() == e || !is_letter(static_cast<unsigned char>(text_[i + suf.size()])))) {
                    i += suf.size();
                    break;
                }
            }
        Atom& a = push(b, i, sentence);
        value_.clear();
        classify_number(text_.substr(b, i - b), a, value_);
        if (a.classes & cls_bit(Cls::INT)) note_context();
        if (!value_.empty()) {
            a.shape_off = static_cast<std::uint32_t>(out_.shapes.size());
            a.shape_len = static_cast<std::uint32_t>(value_.size());
            out_.shapes += value_;
        }
        return i;
    }

    /// Byte length of the letter at i (ASCII or non-ASCII), 0 when it is not a letter.
    std::size_t letter_len(std::size_t i, std::size_t e) const {
        const auto c = static_cast<unsigned char>(text_[i]);
        if (c < 0x80) return is_letter(c) ? 1 : 0;
        if (!is_non_ascii_letter_start(text_, i)) return 0;
        const std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        return std::min(len, e - i);
    }

    std::size_t word(std::size_t b, std::size_t e, std::uint32_t sentence) {
        std::size_t i = b;
        bool dotted = false;
        while (i < e) {
            if (is_ascii_letter(text_[i])) { ++i; continue; } // the common case, before the general tests
            if (const auto len = letter_len(i, e)) { i += len; continue; }
            if (is_digit(text_[i])) { ++i; continue; }
            if (text_[i] == '.' && i + 1 < e && letter_len(i + 1, e)) { dotted = true; ++i; continue; }
            if (const auto ap = apostrophe_len(text_, i); ap && i + ap < e && letter_len(i + ap, e)) {
                // o'clock stays whole; 's becomes an atom of its own
                const auto after = i + ap;
                const bool clitic_s = (text_[after] == 's' || text_[after] == 'S') &&
                                      (after + 1 == e || !letter_len(after + 1, e));
                if (clitic_s) break;
                i = after;
                continue;
            }
            break;
        }
        // a trailing period belongs to a known abbreviation (Sept., p.m.)
        std::size_t end = i;
        if (i < e && text_[i] == '.') {
            std::string probe = lowered(b, i + 1);
            if (dotted || t_.find(probe)) end = i + 1;
        }
        // letters glued to digits (FY2021) split unless the whole is a known word (Q3)
        std::size_t first_digit = b;
        while (first_digit < end && !is_digit(text_[first_digit])) ++first_digit;
        if (first_digit < end && !t_.find(lowered(b, end))) {
            push(b, first_digit, sentence);
            return first_digit;
        }
        push(b, end, sentence);
        return end;
    }

    std::size_t punct(std::size_t b, std::size_t e, std::uint32_t sentence) {
        std::size_t i = b;
        if (const auto ap = apostrophe_len(text_, i); ap && i + ap < e && (text_[i + ap] == 's' || text_[i + ap] == 'S')) {
            push(b, i + ap + 1, sentence); // 's
            return i + ap + 1;
        }
        const auto c = static_cast<unsigned char>(text_[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        i = std::min(e, i + len);
        push(b, i, sentence);
        return i;
    }

    std::string lowered(std::size_t b, std::size_t e) const {
        std::string s;
        append_lowered(s, b, e);
        return s;
    }

    /// Appends the bytes [b, e) lower-cased, with typographic apostrophes as '.
    void append_lowered(std::string& s, std::size_t b, std::size_t e) const {
        for (std::size_t i = b; i < e; ++i) {
            if (text_[i] == '\xE2' && apostrophe_len(text_, i) == 3) {
                s += '\'';
                i += 2;
                continue;
            }
            s += lower(text_[i]);
        }
    }

    /// Most tokens are ASCII letters only, and such a token is one atom (what span() would
    /// find): it is lowered, hashed and looked up in one pass, eight bytes at a time. False,
    /// with nothing added, for any other token.
    bool plain_word(std::size_t b, std::size_t e, std::uint32_t sentence) {
        if (b >= e) return false;
        // local pointers: the stores through char* could alias the members otherwise
        char* const start = out_.lower.data() + lower_used_;
        const char* const src = text_.data() + b;
        const std::size_t n = e - b;
        if (b + ((n + 7) & ~std::size_t{7}) > text_.size()) return plain_word_bytes(b, e, sentence);
        // Whole words: the last one may reach past the token (never past the text), and its
        // lower-case copy past the atom (into the buffer's slack, which later atoms overwrite).
        std::uint64_t hash = hash_start(n);
        for (std::size_t o = 0; o < n; o += 8) {
            std::uint64_t x;
            std::memcpy(&x, src + o, 8);
            x = low_bytes(x, n - o);
            const std::uint64_t used = low_bytes(~std::uint64_t{0}, n - o) & high_bits;
            // ASCII bytes only; then, with the case bit set, every byte in 'a'..'z'
            if ((x & high_bits) != 0) return false;
            const std::uint64_t y = x | (used >> 2); // 0x20 in every used byte: lower case
            const std::uint64_t at_least_a = y + 0x1F1F1F1F1F1F1F1FULL;  // high bit: y >= 'a'
            const std::uint64_t past_z = y + 0x0505050505050505ULL;      // high bit: y > 'z'
            if ((at_least_a & ~past_z & used) != used) return false;
            std::memcpy(start + o, &y, 8);
            hash = hash_mix(hash, y);
        }
        add(b, e, sentence, n, hash_finish(hash));
        return true;
    }

    /// plain_word() near the end of the text, where whole words cannot be read: byte by byte.
    bool plain_word_bytes(std::size_t b, std::size_t e, std::uint32_t sentence) {
        char* const start = out_.lower.data() + lower_used_;
        const char* const src = text_.data() + b;
        const std::size_t n = e - b;
        for (std::size_t k = 0; k < n; ++k) {
            const char c = kLowerLetter[static_cast<unsigned char>(src[k])];
            if (c == 0) return false;
            start[k] = c;
        }
        add(b, e, sentence, n, StringHash::of_padded(start, n));
        return true;
    }

    /// Adds the atom [b, e): its lower-cased text goes straight into the document's buffer
    /// (which never needs to grow past the text's size and its slack) and is looked up once.
    Atom& push(std::size_t b, std::size_t e, std::uint32_t sentence) {
        char* const start = out_.lower.data() + lower_used_;
        char* p = start;
        for (std::size_t i = b; i < e; ++i) {
            char c = text_[i];
            if (c == '\xE2' && apostrophe_len(text_, i) == 3) {
                c = '\'';
                i += 2;
            } else {
                c = lower(c);
            }
            *p++ = c;
        }
        const auto len = static_cast<std::size_t>(p - start);
        return add(b, e, sentence, len, StringHash::of_padded(start, len));
    }

    /// The atom [b, e) whose lower-cased form of `len` bytes (hashed: `hash`) has just been
    /// written at the end of the buffer.
    Atom& add(std::size_t b, std::size_t e, std::uint32_t sentence, std::size_t len, std::uint64_t hash) {
        const WordInfo* info = nullptr;
        if (len <= 24) {
            // the buffer's slack lets the first eight bytes be read as one word
            const char* const start = out_.lower.data() + lower_used_;
            std::uint64_t head;
            std::memcpy(&head, start, 8);
            head = low_bytes(head, len);
            info = t_.find(std::string_view(start, len), static_cast<std::size_t>(hash), head);
        }
        return add_found(b, e, sentence, len, info);
    }

    /// add() with the table entry of the word (or nullptr) already known.
    Atom& add_found(std::size_t b, std::size_t e, std::uint32_t sentence, std::size_t len, const WordInfo* info) {
        Atom& a = out_.atoms.emplace_back();
        a.begin = static_cast<std::uint32_t>(b);
        a.end = static_cast<std::uint32_t>(e);
        a.sentence = sentence;
        a.lower_off = static_cast<std::uint32_t>(lower_used_);
        a.lower_len = static_cast<std::uint32_t>(len);
        lower_used_ += len;
        a.alpha = is_letter(static_cast<unsigned char>(text_[b]));
        a.cap = is_upper(text_[b]);
        if (info) {
            a.info = info;
            a.classes = info->classes;
            a.literal = info->literal;
        }
        // The context decisions that need no neighbours are taken here, while the atom is at
        // hand; apply_context() then visits only the atoms listed in `context`.
        if ((a.classes & cls_bit(Cls::TITLEHEAD)) && !a.cap) a.classes &= ~cls_bit(Cls::TITLEHEAD);
        if (a.alpha && !a.cap && !(a.classes & cls_bit(Cls::CLOSED))) a.classes |= cls_bit(Cls::CONTENT);
        if ((a.classes & cls_bit(Cls::REL)) || (a.info && a.info->ambiguous)) [[unlikely]]
            note_context();
        return a;
    }

    /// Lists the last atom for apply_context(); out of line, for few atoms need it.
    [[gnu::noinline]] void note_context() {
        const auto index = static_cast<std::uint32_t>(out_.atoms.size() - 1);
        if (out_.context.empty() || out_.context.back() != index) out_.context.push_back(index);
    }

    std::string_view text_;
    const TimeTables& t_;
    AtomText& out_;
    std::string value_; ///< a number's value being classified
    std::size_t lower_used_ = 0; ///< bytes of out_.lower written so far
};

} // namespace

std::string_view AtomText::value(std::size_t i, Cls c) const {
    const Atom& a = atoms[i];
    if (c >= first_shape_cls) return std::string_view(shapes).substr(a.shape_off, a.shape_len);
    if (a.info)
        for (const auto& e : a.info->entries)
            if (e.cls == c) return e.value;
    return {};
}

void atomize(std::string_view text, const Segmentation& seg, const TimeTables& tables, AtomText& out) {
    out.clear();
    out.atoms.reserve(seg.tokens.size() + seg.tokens.size() / 4);
    out.lower.resize(text.size() + 8);
    out.memo.prepare(tables);
    Atomizer az(text, tables, out);
    // Locals, and a copy of each sentence: the atomizer writes lower-case bytes through a char
    // pointer, which may alias anything, so members read in the loop would be read again
    // after every token.
    const Token* const tokens = seg.tokens.data();
    // The memory of words is bigger than the processor's caches: its slot for a token a few
    // tokens ahead is asked for early, so that the lookup does not wait for it.
    constexpr std::size_t ahead = 8;
    const Token* const prefetch_end = tokens + (seg.tokens.size() > ahead ? seg.tokens.size() - ahead : 0);
    const Sentence* const sentences = seg.sentences.data();
    const auto sentence_count = static_cast<std::uint32_t>(seg.sentences.size());
    for (std::uint32_t s = 0; s < sentence_count; ++s) {
        const Sentence sent = sentences[s];
        const Token* const first = tokens + sent.first_token;
        for (std::uint32_t k = 0; k < sent.token_count; ++k) {
            const Token& tok = first[k];
            if (&tok < prefetch_end) az.prefetch(*(&tok + ahead));
            // an apostrophe split from the digits it shortens ('90s, '91) goes back with them
            if ((tok.span.size() == 1 || tok.span.size() == 3) && k + 1 < sent.token_count &&
                apostrophe_len(text, tok.span.begin) == tok.span.size()) {
                const Token& next = first[k + 1];
                if (next.span.begin == tok.span.end && is_digit(text[next.span.begin])) {
                    az.span(tok.span.begin, next.span.end, s);
                    ++k;
                    continue;
                }
            }
            az.token(tok, s);
        }
    }
    az.finish();
}

} // namespace annals::detail
