#pragma once
/// A compact open-addressing set of strings, for the lexicon's large word tables.

#include "annals/core/word_bytes.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace annals::detail {

/// The hash of a key, eight bytes at a time (core/word_bytes.hpp): a multiplication per eight
/// bytes where a byte-at-a-time hash costs one per byte. WordNet's 150,000 lemmas are hashed at
/// every start-up, and every lookup hashes its key.
[[nodiscard]] inline std::uint64_t string_hash(std::string_view s) noexcept {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = hash_start(n);
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t x;
        std::memcpy(&x, p, 8);
        h = hash_mix(h, x);
    }
    if (n > 0) h = hash_mix(h, load_tail(p, n));
    return hash_finish(h);
}

/// Maps string keys to dense ids 0..size()-1 (insertion order). Keys are views: the caller
/// keeps their bytes alive (a mapped file or an arena) as long as the table. std::unordered_map
/// would cost a node and a heap string per key; this keeps 16 bytes per key plus 8 per slot.
/// Not thread-safe for writes; concurrent find() calls are safe.
class StringTable {
public:
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;

    void reserve(std::size_t n);
    /// The id of `key`, inserting it when absent.
    std::uint32_t insert(std::string_view key);
    /// The id of `key`, or npos.
    [[nodiscard]] std::uint32_t find(std::string_view key) const noexcept { return find(key, string_hash(key)); }
    /// The id of `key` whose string_hash() is `hash`, or npos: a caller looking one key up in several
    /// tables hashes it once.
    [[nodiscard]] std::uint32_t find(std::string_view key, std::uint64_t hash) const noexcept;
    /// Starts loading the slot `key` hashes to, so that a find() soon after does not wait on
    /// memory: a caller with several keys to look up prefetches them all first, and their
    /// cache misses overlap instead of following one another.
    void prefetch(std::string_view key) const noexcept { prefetch_hash(string_hash(key)); }
    /// prefetch() of the key whose string_hash() is `hash`.
    void prefetch_hash(std::uint64_t hash) const noexcept {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    [[nodiscard]] std::string_view key(std::uint32_t id) const noexcept { return keys_[id]; }
    [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }

private:
    struct Slot {
        std::uint32_t hash = 0; ///< low bits of the key's hash, to skip most string compares
        std::uint32_t id = npos;
    };
    void grow();

    std::vector<std::string_view> keys_;
    std::vector<Slot> slots_; ///< power-of-two size, at most half full
};

} // namespace annals::detail
