#pragma once
/// The hash maps the event stage's word lists are indexed by. Internal to the event stage.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace annals::detail {

/// Hashes std::string and std::string_view alike, so a lookup by a token's text copies nothing.
/// FNV-1a: inlined, it beats the library's out-of-line hash on words of a few bytes.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        std::uint64_t h = 14695981039346656037ULL;
        for (const char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        return static_cast<std::size_t>(h);
    }
};

/// A map from a word (or a phrase) to what a list says of it. Nothing iterates it in an order
/// that reaches the output.
template <class V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

/// A WordMap asked about every token of a text. Most tokens are in no list, so before hashing
/// it checks a table of the (first byte, length) pairs of its keys, which turns most of them
/// away for the price of one load.
template <class V>
class WordIndex {
public:
    /// The value of `key`, inserted (value-initialized) when absent.
    V& operator[](std::string_view key) {
        shapes_[shape_row(key)] |= shape_bit(key);
        auto it = map_.find(key);
        if (it == map_.end()) it = map_.emplace(std::string(key), V{}).first;
        return it->second;
    }
    /// Inserts `key` unless present; true when inserted.
    bool emplace(std::string_view key, V value) {
        if (map_.find(key) != map_.end()) return false;
        shapes_[shape_row(key)] |= shape_bit(key);
        map_.emplace(std::string(key), std::move(value));
        return true;
    }
    /// The value of `key`, or nullptr.
    [[nodiscard]] const V* find(std::string_view key) const noexcept {
        if ((shapes_[shape_row(key)] & shape_bit(key)) == 0) return nullptr;
        const auto it = map_.find(key);
        return it == map_.end() ? nullptr : &it->second;
    }
    /// Every entry, in no particular order.
    [[nodiscard]] auto begin() noexcept { return map_.begin(); }
    [[nodiscard]] auto end() noexcept { return map_.end(); }

private:
    static std::size_t shape_row(std::string_view key) noexcept {
        return key.empty() ? 0 : static_cast<unsigned char>(key.front());
    }
    static std::uint64_t shape_bit(std::string_view key) noexcept {
        return std::uint64_t{1} << std::min<std::size_t>(key.size(), 63);
    }

    std::array<std::uint64_t, 256> shapes_{}; ///< per first byte: a bit for each key length
    WordMap<V> map_;
};

} // namespace annals::detail
