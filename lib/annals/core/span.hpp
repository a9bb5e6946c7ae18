#pragma once
/// Byte spans into a document's text, as read (UTF-8, no normalisation).

#include <cstddef>
#include <string_view>

namespace annals {

/// A half-open byte range [begin, end) into a document's text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;

    [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
    [[nodiscard]] constexpr bool empty() const noexcept { return end <= begin; }
    [[nodiscard]] constexpr bool contains(const Span& o) const noexcept {
        return begin <= o.begin && o.end <= end;
    }
    [[nodiscard]] constexpr bool overlaps(const Span& o) const noexcept {
        return begin < o.end && o.begin < end;
    }
    /// The text the span covers; the caller guarantees the span lies inside `text`.
    [[nodiscard]] std::string_view of(std::string_view text) const noexcept {
        return text.substr(begin, end - begin);
    }
    friend constexpr bool operator==(const Span&, const Span&) = default;
    friend constexpr auto operator<=>(const Span&, const Span&) = default;
};

} // namespace annals
