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

/// For strings of at most 16 bytes (nine in ten of a record's): copies `n` bytes from `in` to
/// `out` and says whether none of them needs escaping. Two words are loaded and stored, the
/// second overlapping the first, never past `n`, so there is no loop and no call.
inline bool copy_short(const char* in, std::size_t n, char* out) noexcept {
    std::uint64_t bits = 0;
    if (n >= 8) {
        const std::uint64_t first = load8(in), last = load8(in + n - 8);
        std::memcpy(out, &first, 8);
        std::memcpy(out + n - 8, &last, 8);
        bits = escape_bits(first) | escape_bits(last);
    } else if (n >= 4) {
        const std::uint32_t lo = load4(in), hi = load4(in + n - 4);
        std::memcpy(out, &lo, 4);
        std::memcpy(out + n - 4, &hi, 4);
        bits = escape_bits(lo | std::uint64_t{hi} << 32);
    } else if (n > 0) {
        // The first, middle and last byte cover one to three bytes; the rest of the word is
        // filled with a byte that needs no escape.
        const auto a = static_cast<unsigned char>(in[0]), m = static_cast<unsigned char>(in[n / 2]),
                   z = static_cast<unsigned char>(in[n - 1]);
        out[0] = in[0];
        out[n / 2] = in[n / 2];
        out[n - 1] = in[n - 1];
        bits = escape_bits((kOnes * 'a' & ~std::uint64_t{0xFFFFFF}) | a | std::uint64_t{m} << 8 |
                           std::uint64_t{z} << 16);
    }
    return (bits & kHighs) == 0;
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

    /// An unsigned integer in decimal.
    void uint(std::uint64_t u) {
        reserve(20);
        cur_ = std::to_chars(cur_, cur_ + 20, u).ptr;
    }

    /// A double as RapidJSON writes it (shortest form that reads back the same). A NaN or
    /// an infinity, which JSON cannot spell, is written as null.
    void number(double d) {
        if (!std::isfinite(d)) {
            null();
            return;
        }
        reserve(25);
        cur_ = rapidjson::internal::dtoa(d, cur_);
    }

    /// `null`.
    void null() { raw("null"); }

    /// What was written so far; valid until the next write.
    [[nodiscard]] std::string_view view() const noexcept {
        return {storage_.data(), static_cast<std::size_t>(cur_ - storage_.data())};
    }

private:
    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(end_ - cur_) < n) grow(n);
    }

    void grow(std::size_t n);
    void string_general(std::string_view s);

    std::string& storage_;
    char* cur_ = nullptr;
    char* end_ = nullptr;
};

} // namespace annals::json
