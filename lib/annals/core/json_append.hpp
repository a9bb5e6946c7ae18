#pragma once
/// A JSON writer that appends straight into a char buffer, for the extraction records.
///
/// Why not RapidJSON's Writer, which the other JSON writers use: records are ten times the
/// size of their text, and writing them through it was an eighth of `annals extract` (400 M
/// of 3.14 G instructions on a benchmark of news text), much of it the writer's per-value
/// bookkeeping (a level stack, Prefix() before every value, a capacity check per byte) rather
/// than the bytes themselves. Here the caller writes braces, commas and keys from the structure
/// it knows, usually as one literal such as `,"name":`, and the buffer is checked once per
/// piece; that halved the instructions of writing the records (396 M to 198 M on that
/// benchmark, a sixth of the rest being the final copy of each record). Strings are escaped
/// exactly as RapidJSON's UTF-8 writer escapes them and doubles go through RapidJSON's own
/// dtoa, so the bytes are the same (tests/unit/test_core_json_out.cpp compares every byte
/// value at every position).

#include <rapidjson/internal/dtoa.h>

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annals::json {

namespace detail {

inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kHighs = 0x8080808080808080u;

/// Nonzero in a byte's high bit when some byte of `v` is one that JSON escapes (a control
/// character, quote or backslash); the classic "has a zero / a byte below n" bit tricks, exact
/// as a yes-or-no answer. The high bits are only meaningful after `& kHighs`.
constexpr std::uint64_t escape_bits(std::uint64_t v) noexcept {
    const std::uint64_t quote = v ^ (kOnes * '"'), slash = v ^ (kOnes * '\\');
    return ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | ((v - kOnes * 0x20) & ~v);
}

inline std::uint64_t load8(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
inline std::uint32_t load4(const char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

#if defined(__SSE2__)
/// Nonzero when one of the sixteen bytes of `v` is one that JSON escapes: three byte compares
/// over the sixteen at once, where the word-at-a-time test takes a dozen operations per eight
/// bytes. Unsigned saturating subtraction finds the control characters.
inline int escape_mask(__m128i v) noexcept {
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i slash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i control = _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8(0x1F)), _mm_setzero_si128());
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, slash), control));
}

/// Whether one of the sixteen bytes of `first` and `last` is one that JSON escapes.
inline bool escapes_in(std::uint64_t first, std::uint64_t last) noexcept {
    return escape_mask(_mm_set_epi64x(static_cast<long long>(last), static_cast<long long>(first))) != 0;
}
#else
inline bool escapes_in(std::uint64_t first, std::uint64_t last) noexcept {
    return ((escape_bits(first) | escape_bits(last)) & kHighs) != 0;
}
#endif

/// For strings of at most 16 bytes (nine in ten of a record's): copies `n` bytes from `in` to
/// `out` and says whether none of them needs escaping. Two words are loaded and stored, the
/// second overlapping the first, never past `n`, so there is no loop and no call.
[[gnu::always_inline]] inline bool copy_short(const char* in, std::size_t n, char* out) noexcept {
    std::uint64_t first = 0, last = 0;
    if (n >= 8) {
        first = load8(in);
        last = load8(in + n - 8);
        std::memcpy(out, &first, 8);
        std::memcpy(out + n - 8, &last, 8);
    } else if (n >= 4) {
        const std::uint32_t lo = load4(in), hi = load4(in + n - 4);
        std::memcpy(out, &lo, 4);
        std::memcpy(out + n - 4, &hi, 4);
        first = last = lo | std::uint64_t{hi} << 32;
    } else if (n > 0) {
        // The first, middle and last byte cover one to three bytes; the rest of the word is
        // filled with a byte that needs no escape.
        const auto a = static_cast<unsigned char>(in[0]), m = static_cast<unsigned char>(in[n / 2]),
                   z = static_cast<unsigned char>(in[n - 1]);
        out[0] = in[0];
        out[n / 2] = in[n / 2];
        out[n - 1] = in[n - 1];
        first = last = (kOnes * 'a' & ~std::uint64_t{0xFFFFFF}) | a | std::uint64_t{m} << 8 | std::uint64_t{z} << 16;
    } else {
        return true;
    }
    return !escapes_in(first, last);
}

/// "00" to "99", two bytes each.
inline constexpr char kDigitPairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                      "8081828384858687888990919293949596979899";

/// Writes `u` (below 100) in decimal at `p`; returns the end.
inline char* put_below_100(char* p, std::uint32_t u) noexcept {
    if (u < 10) {
        *p = static_cast<char>('0' + u);
        return p + 1;
    }
    std::memcpy(p, kDigitPairs + 2 * u, 2);
    return p + 2;
}

/// Writes `u` in decimal at `p` (room for 20 bytes); returns the end. Record numbers are byte
/// offsets and indices, nearly all below a million: two digits at a time with no length loop,
/// where std::to_chars first counts the digits.
inline char* put_uint(char* p, std::uint64_t u) noexcept {
    if (u < 100) return put_below_100(p, static_cast<std::uint32_t>(u));
    if (u < 10000) {
        const auto v = static_cast<std::uint32_t>(u);
        p = put_below_100(p, v / 100);
        std::memcpy(p, kDigitPairs + 2 * (v % 100), 2);
        return p + 2;
    }
    if (u < 1000000) {
        const auto v = static_cast<std::uint32_t>(u);
        const std::uint32_t low = v % 10000;
        p = put_below_100(p, v / 10000);
        std::memcpy(p, kDigitPairs + 2 * (low / 100), 2);
        std::memcpy(p + 2, kDigitPairs + 2 * (low % 100), 2);
        return p + 4;
    }
    return std::to_chars(p, p + 20, u).ptr;
}

} // namespace detail

/// Appends JSON pieces to a buffer it grows as needed. It keeps no nesting state: the caller
/// writes braces, commas and keys itself, so it promises nothing about well-formedness beyond
/// each piece. Not thread-safe; one per thread (or per call).
class Appender {
public:
    /// Writes into `storage` from its start, first growing it to at least `expected` bytes.
    /// The storage's size is the capacity (it is never shrunk here); size() is what was written.
    explicit Appender(std::string& storage, std::size_t expected = 0) : storage_(storage) {
        if (storage_.size() < expected) storage_.resize(expected);
        cur_ = storage_.data();
        end_ = cur_ + storage_.size();
    }

    /// Bytes spelled in the source, copied as they are: punctuation and keys (`,"name":`).
    template <std::size_t N>
    void raw(const char (&s)[N]) {
        reserve(N - 1);
        std::memcpy(cur_, s, N - 1);
        cur_ += N - 1;
    }
    /// One byte, copied as it is.
    void raw(char c) {
        reserve(1);
        *cur_++ = c;
    }

    /// A quoted string; any bytes, escaped as RapidJSON's UTF-8 writer does (control
    /// characters, quote and backslash; other bytes, UTF-8 or not, as they are).
    void string(std::string_view s) {
        // Long strings, strings to escape and growing the buffer are rare: out of line, so
        // that this stays small enough to inline.
        if (s.size() > 16 || static_cast<std::size_t>(end_ - cur_) < 18 ||
            !detail::copy_short(s.data(), s.size(), cur_ + 1)) {
            string_general(s);
            return;
        }
        cur_[0] = '"';
        cur_[s.size() + 1] = '"';
        cur_ += s.size() + 2;
    }

    /// `key` as raw() writes it, then `s` as string() does: one test of the room left for
    /// both, as a record is mostly such pairs.
    template <std::size_t N>
    [[gnu::always_inline]] void field(const char (&key)[N], std::string_view s) {
        if (s.size() > 16 || static_cast<std::size_t>(end_ - cur_) < N + 17 ||
            !detail::copy_short(s.data(), s.size(), cur_ + N)) {
            raw(key);
            string_general(s);
            return;
        }
        std::memcpy(cur_, key, N - 1);
        cur_ += N - 1;
        cur_[0] = '"';
        cur_[s.size() + 1] = '"';
        cur_ += s.size() + 2;
    }

    /// Two quoted strings with `sep` between them (`"a":"b"` in a map, `"a","b"` in a list),
    /// under one room check when both are short.
    void strings(std::string_view a, char sep, std::string_view b) {
        if (a.size() > 16 || b.size() > 16 || static_cast<std::size_t>(end_ - cur_) < 37 ||
            !detail::copy_short(a.data(), a.size(), cur_ + 1) ||
            !detail::copy_short(b.data(), b.size(), cur_ + a.size() + 4)) {
            string(a);
            raw(sep);
            string(b);
            return;
        }
        cur_[0] = '"';
        cur_[a.size() + 1] = '"';
        cur_[a.size() + 2] = sep;
        cur_[a.size() + 3] = '"';
        cur_ += a.size() + 4 + b.size();
        *cur_++ = '"';
    }

    /// `key` as raw() writes it, then `u` as uint() does, under one room check.
    template <std::size_t N>
    void field_uint(const char (&key)[N], std::uint64_t u) {
        reserve(N - 1 + 20);
        std::memcpy(cur_, key, N - 1);
        cur_ = detail::put_uint(cur_ + N - 1, u);
    }

    /// `key` as raw() writes it, then `[a,b]` as uint_pair() does, under one room check.
    template <std::size_t N>
    void field_uint_pair(const char (&key)[N], std::uint64_t a, std::uint64_t b) {
        reserve(N - 1 + 43);
        std::memcpy(cur_, key, N - 1);
        cur_ += N - 1;
        put_uint_pair(a, b);
    }

    /// An unsigned integer in decimal.
    void uint(std::uint64_t u) {
        reserve(20);
        cur_ = detail::put_uint(cur_, u);
    }

    /// `[a,b]`, two unsigned integers in decimal (a span).
    void uint_pair(std::uint64_t a, std::uint64_t b) {
        reserve(43);
        put_uint_pair(a, b);
    }

    /// A double as RapidJSON writes it (shortest form that reads back the same). A NaN or
    /// an infinity, which JSON cannot spell, is written as null.
    void number(double d) {
        if (!std::isfinite(d)) {
            null();
            return;
        }
        reserve(kNumberBytes);
        // A record repeats a handful of values (confidences): spellings are kept in a small
        // table indexed by the value's bits, as the shortest-form search costs a few hundred
        // instructions.
        std::uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        const Spelled& n = numbers_[number_slot(bits)];
        if (n.len != 0 && n.bits == bits) {
            std::memcpy(cur_, n.text, kNumberBytes);
            cur_ += n.len;
            return;
        }
        number_new(d, bits);
    }

    /// `null`.
    void null() { raw("null"); }

    /// What was written so far; valid until the next write.
    [[nodiscard]] std::string_view view() const noexcept {
        return {storage_.data(), static_cast<std::size_t>(cur_ - storage_.data())};
    }

private:
    /// The longest spelling RapidJSON's dtoa writes ("-2.2250738585072014e-308" and the like).
    static constexpr std::size_t kNumberBytes = 25;
    static constexpr unsigned kNumberSlotBits = 4;

    /// A double and how it is spelled.
    struct Spelled {
        std::uint64_t bits = 0;
        std::size_t len = 0; ///< 0: empty
        char text[kNumberBytes] = {};
    };

    /// The table slot of a double's bits: the top bits of a Fibonacci hash.
    static std::size_t number_slot(std::uint64_t bits) noexcept {
        return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15u) >> (64 - kNumberSlotBits));
    }

    /// `[a,b]`; the caller has made room for 43 bytes.
    void put_uint_pair(std::uint64_t a, std::uint64_t b) noexcept {
        *cur_ = '[';
        cur_ = detail::put_uint(cur_ + 1, a);
        *cur_ = ',';
        cur_ = detail::put_uint(cur_ + 1, b);
        *cur_++ = ']';
    }

    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(end_ - cur_) < n) grow(n);
    }

    void grow(std::size_t n);
    void string_general(std::string_view s);
    void number_new(double d, std::uint64_t bits);

    std::string& storage_;
    char* cur_ = nullptr;
    char* end_ = nullptr;
    Spelled numbers_[std::size_t{1} << kNumberSlotBits];
};

} // namespace annals::json
