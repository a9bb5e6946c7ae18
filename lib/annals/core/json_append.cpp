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

void Appender::number_new(double d, std::uint64_t bits) {
    Spelled& n = numbers_[number_slot(bits)];
    const char* const end = rapidjson::internal::dtoa(d, n.text);
    n.bits = bits;
    n.len = static_cast<std::size_t>(end - n.text);
    std::memcpy(cur_, n.text, kNumberBytes);
    cur_ += n.len;
}

void Appender::string_general(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    reserve(2 + s.size() * 6); // every byte may become \u00XX
    *cur_++ = '"';
    // Whole blocks while no byte needs escaping (most long strings have none); the rest, and
    // any block with a byte to escape, byte by byte.
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time, the last block overlapping the one before it rather than
    // leaving a tail: until a byte to escape, output offsets are input offsets.
    if (s.size() >= 16) {
        char* const out = cur_;
        while (i < s.size()) {
            const std::size_t at = std::min(i, s.size() - 16);
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
            if (detail::escape_mask(v) != 0) {
                i = at;
                break;
            }
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + at), v);
            i = at + 16;
        }
        cur_ = out + i;
    }
#else
    for (; i + 8 <= s.size(); i += 8) {
        const std::uint64_t v = detail::load8(s.data() + i);
        if (detail::escape_bits(v) & detail::kHighs) break;
        std::memcpy(cur_, &v, 8);
        cur_ += 8;
    }
#endif
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
