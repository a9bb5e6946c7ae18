#pragma once
/// The hash maps the event stage's word lists are indexed by, and the packed form of a short
/// word its per-thread memos are keyed by. Internal to the event stage.

#include "annals/core/word_bytes.hpp"
#include "annals/core/word_index.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace annals::detail {

/// A map from a word (or a phrase) to what a list says of it. Nothing iterates it in an order
/// that reaches the output.
template <class V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;

/// A word of at most 16 bytes as two machine words and its length: compared in three
/// instructions where a string comparison calls memcmp. Built from loads inside the word
/// only (overlapping ones: load_tail in core/word_bytes.hpp), so any view will do, and two
/// words of the same length pack alike only when their bytes are alike.
struct ShortWord {
    std::uint64_t a = 0, b = 0;
    std::uint32_t size = 0;

    static constexpr std::size_t max_size = 16;

    /// Packs `w`; false (and `out` unchanged) when it is longer than max_size.
    static bool pack(std::string_view w, ShortWord& out) noexcept {
        const std::size_t n = w.size();
        if (n > max_size) return false;
        const char* p = w.data();
        ShortWord k;
        k.size = static_cast<std::uint32_t>(n);
        if (n > 8) {
            std::memcpy(&k.a, p, 8);
            std::memcpy(&k.b, p + n - 8, 8);
        } else {
            k.a = load_tail(p, n);
        }
        out = k;
        return true;
    }
    /// A hash of the word (mixed further by callers that combine several).
    [[nodiscard]] std::uint64_t hash() const noexcept { return hash_mix(hash_mix(hash_start(size + 1), a), b); }

    friend bool operator==(const ShortWord& x, const ShortWord& y) noexcept {
        return x.a == y.a && x.b == y.b && x.size == y.size;
    }
};

/// A per-thread memo from short words to what a slower lookup said of them: an open-addressing
/// table of packed words, so that a word met before costs a probe and three comparisons.
/// Holds at most max_entries words (then starts afresh). Not thread-safe: one per thread.
template <class V>
class ShortWordMemo {
public:
    static constexpr std::size_t max_entries = std::size_t{1} << 17;
    static_assert(2 * max_entries <= (std::size_t{1} << 24), "slot_of() takes 24 bits of the hash");

    /// The value remembered for `w`, else make() (remembered from now on). The reference
    /// lasts until the next call.
    template <class F>
    const V& get(const ShortWord& w, F&& make) {
        if (!slots_.empty()) {
            Slot& s = slot_of(w);
            if (s.used) return s.value;
        }
        V v = make();
        if (used_ >= max_entries) clear();
        if (2 * (used_ + 1) > slots_.size()) grow();
        Slot& s = slot_of(w);
        s = {w, std::move(v), true};
        ++used_;
        return s.value;
    }
    /// Forgets every word.
    void clear() {
        slots_.clear();
        used_ = 0;
    }

private:
    struct Slot {
        ShortWord key;
        V value{};
        bool used = false;
    };

    /// The slot of `w`, or the empty slot where it belongs (the table is at most half full).
    Slot& slot_of(const ShortWord& w) noexcept {
        const auto mask = slots_.size() - 1;
        // The top bits of a product depend on every bit of its factors; the low ones do not.
        const auto top = static_cast<std::size_t>((w.hash() * 0x9E3779B97F4A7C15ULL) >> 40);
        for (auto i = top & mask;; i = (i + 1) & mask)
            if (!slots_[i].used || slots_[i].key == w) return slots_[i];
    }
    void grow() {
        auto old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(1024, 2 * old.size()), Slot{});
        for (auto& s : old)
            if (s.used) slot_of(s.key) = std::move(s);
    }

    std::vector<Slot> slots_; ///< a power of two in size
    std::size_t used_ = 0;
};

} // namespace annals::detail
