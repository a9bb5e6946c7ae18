#include "annals/core/json_append.hpp"

#include <algorithm>

namespace annals::json {

// Out of line: both are rare (growing; strings longer than 16 bytes or with a byte to escape),
// and keeping them out of the inlined calls keeps those small.

void Appender::grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(cur_ - storage_.data());
    storage_.resize(std::max(storage_.size() * 2, used + n + 256));
    cur_ = storage_.data() + used;
    end_ = storage_.data() + storage_.size();
}

void Appender::string_general(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    reserve(2 + s.size() * 6); // every byte may become \u00XX
    *cur_++ = '"';
    // Whole words while no byte needs escaping (most long strings have none); the rest, and
    // any word with a byte to escape, byte by byte.
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        const std::uint64_t v = detail::load8(s.data() + i);
        if (detail::escape_bits(v) & detail::kHighs) break;
        std::memcpy(cur_, &v, 8);
        cur_ += 8;
    }
    s.remove_prefix(i);
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *cur_++ = ch;
            continue;
        }
        *cur_++ = '\\';
        switch (c) {
        case '"': *cur_++ = '"'; break;
        case '\\': *cur_++ = '\\'; break;
        case '\b': *cur_++ = 'b'; break;
        case '\f': *cur_++ = 'f'; break;
        case '\n': *cur_++ = 'n'; break;
        case '\r': *cur_++ = 'r'; break;
        case '\t': *cur_++ = 't'; break;
        default:
            *cur_++ = 'u';
            *cur_++ = '0';
            *cur_++ = '0';
            *cur_++ = hex[c >> 4];
            *cur_++ = hex[c & 0xF];
        }
    }
    *cur_++ = '"';
}

} // namespace annals::json
