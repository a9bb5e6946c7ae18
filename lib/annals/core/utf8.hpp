#pragma once
/// UTF-8 validation and decoding, and ASCII case folding.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annals {

/// A copy with the ASCII capitals lowered and every other byte kept: how cue words, names and
/// query strings are compared without case.
[[nodiscard]] std::string ascii_lower(std::string_view s);

/// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
/// (overlongs, surrogates and code points above U+10FFFF are ill-formed), or nullopt.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;

/// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
[[nodiscard]] char32_t decode_utf8(std::string_view s, std::size_t& pos) noexcept;

} // namespace annals
