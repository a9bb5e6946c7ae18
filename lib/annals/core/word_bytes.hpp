#pragma once
/// Words read eight bytes at a time, and the hash built from them: one multiplication per
/// eight bytes where a byte-at-a-time hash costs one per byte. The tagger's form table and the
/// time stage's word tables hash alike with these pieces. Internal to the library.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace annals::detail {

static_assert(std::endian::native == std::endian::little, "words are read as little-endian");

/// The mask of the low n bytes of a word, for n in 0..8: a load instead of a branch and a
/// shift for every key.
inline constexpr std::array<std::uint64_t, 9> low_byte_masks = [] {
    std::array<std::uint64_t, 9> m{};
    for (std::size_t n = 1; n < 8; ++n) m[n] = (std::uint64_t{1} << (8 * n)) - 1;
    m[8] = ~std::uint64_t{0};
    return m;
}();

/// The low `n` bytes of a word (all of it when n >= 8).
constexpr std::uint64_t low_bytes(std::uint64_t x, std::size_t n) noexcept { return x & low_byte_masks[n < 8 ? n : 8]; }

/// The `n` (0..8) bytes at `p` as a little-endian word, zero padded, without reading a byte
/// past them (keys may be views that end a mapped file): two overlapping loads, or three
/// single bytes, instead of a loop.
inline std::uint64_t load_tail(const char* p, std::size_t n) noexcept {
    if (n >= 8) {
        std::uint64_t x = 0;
        std::memcpy(&x, p, 8);
        return x;
    }
    if (n >= 4) {
        std::uint32_t lo = 0, hi = 0;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return lo | (std::uint64_t{hi} << (8 * (n - 4)));
    }
    if (n == 0) return 0;
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
    return byte(0) | byte(n / 2) | byte(n - 1);
}

/// `n` (1..8) bytes at `p` as a little-endian word, zero padded; `room` says 8 bytes may be read.
inline std::uint64_t load_bytes(const char* p, std::size_t n, bool room) noexcept {
    if (!room) return load_tail(p, n < 8 ? n : 8);
    std::uint64_t x = 0;
    std::memcpy(&x, p, 8);
    return low_bytes(x, n);
}

/// The hash of a key of `n` bytes: start(n), then mix() each of its words (the last one zero
/// padded), then finish().
constexpr std::uint64_t hash_start(std::size_t n) noexcept { return n * 0x9E3779B97F4A7C15ULL; }
constexpr std::uint64_t hash_mix(std::uint64_t h, std::uint64_t word) noexcept { return (h ^ word) * 0xFF51AFD7ED558CCDULL; }
/// Tables take the low bits: fold in the high ones, which the multiplications mixed best.
constexpr std::uint64_t hash_finish(std::uint64_t h) noexcept { return h ^ (h >> 32); }

} // namespace annals::detail
