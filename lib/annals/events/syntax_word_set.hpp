#pragma once
/// A small set of words with bits for each, made for one question asked of every token of a
/// document: "which bits has this word?", where the answer is nearly always "none". Internal
/// to the event stage.

#include "annals/events/word_map.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace annals::detail {

/// Words (of any length; those of at most ShortWord::max_size bytes packed) and their bits. A
/// bit per (first byte, last byte, length) rejects most words with three loads and a shift;
/// the rest cost a probe of a packed table small enough to stay in cache. Longer words are
/// asked of a WordIndex the owner keeps (see find()). Const members are thread-safe.
class PackedWordBits {
public:
    /// Adds `bits` to word `w` (non-empty).
    void add(std::string_view w, std::uint32_t bits) {
        if (w.empty()) return;
        filter_[filter_row(w)] |= std::uint64_t{1} << (w.size() % 64);
        ShortWord k;
        if (!ShortWord::pack(w, k)) {
            has_long_ = true;
            return;
        }
        if (4 * (used_ + 1) > slots_.size()) grow();
        Slot& s = slot_of(k);
        if (s.size == 0) {
            s.a = k.a;
            s.b = k.b;
            s.size = k.size;
            ++used_;
        }
        s.bits |= bits;
    }

    /// The bits of `w`; words longer than ShortWord::max_size are looked up in `long_words`
    /// (a map holding at least the long words added here), only when such a word was added.
    template <class Index>
    [[nodiscard]] std::uint32_t find(std::string_view w, const Index& long_words) const noexcept {
        const std::size_t n = w.size();
        if (n == 0) return 0;
        if (((filter_[filter_row(w)] >> (n % 64)) & 1) == 0) return 0;
        ShortWord k;
        if (!ShortWord::pack(w, k)) {
            if (!has_long_) return 0;
            const auto* v = long_words.find(w);
            return v == nullptr ? 0 : *v;
        }
        const Slot& s = slot_of(k);
        return s.bits; // an empty slot holds no bits
    }

private:
    struct Slot {
        std::uint64_t a = 0, b = 0;
        std::uint32_t size = 0; ///< 0: empty (no word is empty)
        std::uint32_t bits = 0;
    };
    static constexpr std::size_t filter_rows = 512;

    /// The filter's row of a word from its first and last bytes; its bit there is its length
    /// (mod 64). Letters differ in their low five bits, so shifting one of them keeps both.
    static std::size_t filter_row(std::string_view w) noexcept {
        const auto first = static_cast<std::size_t>(static_cast<unsigned char>(w[0]));
        const auto last = static_cast<std::size_t>(static_cast<unsigned char>(w[w.size() - 1]));
        return (first ^ (last << 4)) % filter_rows;
    }
    std::size_t home(const ShortWord& k) const noexcept {
        const auto h = ((k.a * 0x9E3779B97F4A7C15ULL) ^ (k.b * 0xFF51AFD7ED558CCDULL) ^ k.size) * 0xC2B2AE3D27D4EB4FULL;
        return static_cast<std::size_t>(h >> 40) & (slots_.size() - 1);
    }
    /// The slot of `k`, or the empty one where it belongs (the table is at most a quarter full).
    template <class Self>
    static auto& slot_in(Self& self, const ShortWord& k) noexcept {
        const auto mask = self.slots_.size() - 1;
        for (auto i = self.home(k);; i = (i + 1) & mask) {
            auto& s = self.slots_[i];
            if (s.size == 0 || (s.a == k.a && s.b == k.b && s.size == k.size)) return s;
        }
    }
    Slot& slot_of(const ShortWord& k) noexcept { return slot_in(*this, k); }
    const Slot& slot_of(const ShortWord& k) const noexcept { return slot_in(*this, k); }
    void grow() {
        auto old = std::move(slots_);
        slots_.assign(old.empty() ? 256 : 2 * old.size(), Slot{});
        for (const auto& s : old)
            if (s.size != 0) slot_of(ShortWord{s.a, s.b, s.size}) = s;
    }

    std::array<std::uint64_t, filter_rows> filter_{};
    std::vector<Slot> slots_ = std::vector<Slot>(256); ///< a power of two in size
    std::size_t used_ = 0;
    bool has_long_ = false;
};

} // namespace annals::detail
