#pragma once
/// Interned strings for the merge: each distinct string is stored once and named by a small
/// number, so documents hold numbers instead of copies and compare them without touching
/// text.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// Numbers follow first use, so they depend on the order strings arrived; anything that
/// reaches output must be ordered by ranks() (byte order) instead. The text lives in large
/// blocks and the lookup table is open-addressed: one probe sequence and no allocation per
/// string. Not thread-safe for interning; const use is thread-safe.
class StringPool {
public:
    using Id = std::uint32_t;
    /// Stands for "no string" (an empty optional); ranks before every string.
    static constexpr Id kNone = ~Id{0};

    /// The number of `s`, adding it on first use.
    Id intern(std::string_view s);
    /// kNone for an empty optional.
    Id intern_opt(const std::optional<std::string>& s) { return s ? intern(std::string_view(*s)) : kNone; }

    /// The string numbered `id` (not kNone); stays valid while the pool lives.
    [[nodiscard]] std::string_view str(Id id) const { return views_[id]; }
    /// kNone as an empty optional.
    [[nodiscard]] std::optional<std::string> opt(Id id) const {
        return id == kNone ? std::nullopt : std::optional<std::string>(views_[id]);
    }
    [[nodiscard]] std::size_t size() const noexcept { return views_.size(); }

    /// The byte order of the strings: rank(id) is the 1-based position of string id, and
    /// rank(kNone) is 0. Numbers compare like the strings they stand for.
    class Ranks {
    public:
        [[nodiscard]] std::uint32_t operator()(Id id) const { return id == kNone ? 0 : rank_[id]; }

    private:
        friend class StringPool;
        std::vector<std::uint32_t> rank_;
    };
    /// Sorts the strings once; O(n log n).
    [[nodiscard]] Ranks ranks() const;

private:
    std::string_view keep(std::string_view s);
    void grow();

    std::vector<std::unique_ptr<char[]>> blocks_;
    char* free_ = nullptr;
    std::size_t left_ = 0;
    std::vector<std::string_view> views_;
    std::vector<std::uint32_t> hashes_; ///< low bits of each string's hash
    std::vector<Id> slots_;             ///< open addressing, linear probing; kNone is empty
};

} // namespace annals
