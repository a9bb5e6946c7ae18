#pragma once
/// A string-keyed hash index for word lists and name tables that are asked about every token
/// of a text. Internal to the library.

#include "annals/core/word_bytes.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals::detail {

/// Hashes std::string and std::string_view alike, so a lookup by a token's text copies nothing.
/// Words are short: the bytes are read eight at a time, and the last (or only) 1-8 bytes in at
/// most two overlapping loads, which costs a few instructions where a byte-at-a-time hash
/// (FNV-1a, the usual choice) costs about four per byte. Not for hashing untrusted keys of a
/// long-lived table: it makes no claim against chosen collisions.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        const char* p = s.data();
        std::size_t n = s.size();
        std::uint64_t h = hash_start(n + 1);
        for (; n > 8; p += 8, n -= 8) h = hash_mix(h, load_bytes(p, 8, true));
        std::uint64_t x = 0;
        if (n >= 4) x = load4(p) | (load4(p + n - 4) << 32);
        else if (n > 0)
            x = std::uint64_t{byte(p[0])} | (std::uint64_t{byte(p[n / 2])} << 8) | (std::uint64_t{byte(p[n - 1])} << 16);
        return static_cast<std::size_t>(hash_finish(hash_mix(h, x)));
    }

private:
    static unsigned char byte(char c) noexcept { return static_cast<unsigned char>(c); }
    static std::uint64_t load4(const char* p) noexcept {
        std::uint32_t x = 0;
        std::memcpy(&x, p, 4);
        return x;
    }
};

/// A word list asked about every token of a text. Most tokens are in no list, so before hashing
/// it checks a table of the (first byte, length) pairs of its keys, which turns most of them
/// away for the price of one load. The rest probe an open-addressing table of entry numbers
/// with a part of each key's hash beside them: one cache line per lookup as a rule, where a
/// node-based map walks a bucket list (a profile showed those walks among the top costs of the
/// event stage). Entries live in insertion order; a reference into the index lasts until the
/// next insertion.
template <class V>
class WordIndex {
public:
    /// The value of `key`, inserted (value-initialized) when absent.
    V& operator[](std::string_view key) {
        const auto h = WordHash{}(key);
        if (const auto at = find_entry(key, h); at != kNone) return entries_[at].second;
        return insert(key, h, V{});
    }
    /// Inserts `key` unless present; true when inserted.
    bool emplace(std::string_view key, V value) {
        const auto h = WordHash{}(key);
        if (find_entry(key, h) != kNone) return false;
        insert(key, h, std::move(value));
        return true;
    }
    /// The value of `key`, or nullptr.
    [[nodiscard]] const V* find(std::string_view key) const noexcept {
        if ((shapes_[shape_row(key)] & shape_bit(key)) == 0) return nullptr;
        const auto at = find_entry(key, WordHash{}(key));
        return at == kNone ? nullptr : &entries_[at].second;
    }
    /// Inserts `key` with a value-initialized value unless present (a set's insert).
    void insert(std::string_view key) { (void)(*this)[key]; }
    /// Whether `key` is present.
    [[nodiscard]] bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
    /// Room for `n` entries without growing.
    void reserve(std::size_t n) {
        entries_.reserve(n);
        std::size_t slots = 16;
        while (slots < 2 * n) slots *= 2;
        if (slots > slots_.size()) {
            slots_.assign(slots, 0);
            for (std::size_t e = 0; e < entries_.size(); ++e) place(e, WordHash{}(entries_[e].first));
        }
    }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    /// Every entry as (key, value), in insertion order.
    [[nodiscard]] auto begin() noexcept { return entries_.begin(); }
    [[nodiscard]] auto end() noexcept { return entries_.end(); }

private:
    static constexpr std::size_t kNone = ~std::size_t{0};

    static std::size_t shape_row(std::string_view key) noexcept {
        return key.empty() ? 0 : static_cast<unsigned char>(key.front());
    }
    static std::uint64_t shape_bit(std::string_view key) noexcept {
        return std::uint64_t{1} << std::min<std::size_t>(key.size(), 63);
    }
    // A slot holds the entry number + 1 in its low half (0: empty) and the hash's high half.
    static std::uint64_t slot_of(std::size_t entry, std::size_t hash) noexcept {
        return (static_cast<std::uint64_t>(hash) & 0xffffffff00000000ULL) | (entry + 1);
    }
    static std::size_t start_of(std::size_t hash, std::size_t mask) noexcept { return (hash ^ (hash >> 29)) & mask; }

    [[nodiscard]] std::size_t find_entry(std::string_view key, std::size_t hash) const noexcept {
        if (slots_.empty()) return kNone;
        const auto mask = slots_.size() - 1;
        const auto high = static_cast<std::uint64_t>(hash) & 0xffffffff00000000ULL;
        for (auto i = start_of(hash, mask);; i = (i + 1) & mask) {
            const auto slot = slots_[i];
            if (slot == 0) return kNone;
            const auto entry = static_cast<std::size_t>(slot & 0xffffffffULL) - 1;
            if ((slot & 0xffffffff00000000ULL) == high && entries_[entry].first == key) return entry;
        }
    }
    V& insert(std::string_view key, std::size_t hash, V value) {
        shapes_[shape_row(key)] |= shape_bit(key);
        // At most half full, so that probe runs stay short and a miss ends at an empty slot.
        if (2 * (entries_.size() + 1) > slots_.size()) grow();
        entries_.emplace_back(std::string(key), std::move(value));
        place(entries_.size() - 1, hash);
        return entries_.back().second;
    }
    void place(std::size_t entry, std::size_t hash) {
        const auto mask = slots_.size() - 1;
        auto i = start_of(hash, mask);
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = slot_of(entry, hash);
    }
    void grow() {
        slots_.assign(std::max<std::size_t>(16, slots_.size() * 2), 0);
        for (std::size_t e = 0; e < entries_.size(); ++e) place(e, WordHash{}(entries_[e].first));
    }

    std::array<std::uint64_t, 256> shapes_{}; ///< per first byte: a bit for each key length
    std::vector<std::pair<std::string, V>> entries_;
    std::vector<std::uint64_t> slots_; ///< a power of two in size
};

} // namespace annals::detail
