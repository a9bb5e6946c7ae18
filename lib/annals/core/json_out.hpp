#pragma once
/// Small helpers shared by every JSON writer of the project (records, graph, timelines).

#include "annals/core/json_append.hpp"
#include "annals/core/span.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace annals::json {

/// RapidJSON's writer with a fast path for strings that need no escaping, which is nearly
/// every string written. RapidJSON looks each byte up in its escape table and appends it on
/// its own, which was half the cost of writing. Strings with a quote, a backslash or a control
/// character still go through RapidJSON's escaping, so the output is the same byte for byte.
/// (The extraction records, the bulk of all JSON written, use json::Appender instead.)
class Writer : public rapidjson::Writer<rapidjson::StringBuffer> {
public:
    using Base = rapidjson::Writer<rapidjson::StringBuffer>;
    using Base::Base;

    /// A string value or an object key (the writer's state knows which); any bytes.
    void string(std::string_view s) {
        if (needs_escape(s)) {
            String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
            return;
        }
        Prefix(rapidjson::kStringType);
        char* out = os_->Push(s.size() + 2);
        out[0] = '"';
        if (!s.empty()) std::memcpy(out + 1, s.data(), s.size());
        out[s.size() + 1] = '"';
        EndValue(true);
    }

    /// An object key spelled in the source: known length, nothing to escape (checked in debug
    /// builds), so the copy is a few moves instead of a call.
    template <std::size_t N>
    void literal_key(const char (&k)[N]) {
        static_assert(N > 1, "a key is not empty");
        RAPIDJSON_ASSERT(!needs_escape({k, N - 1}));
        Prefix(rapidjson::kStringType);
        char* out = os_->Push(N + 1);
        out[0] = '"';
        std::memcpy(out + 1, k, N - 1);
        out[N] = '"';
        EndValue(true);
    }

private:
    // The bytes RapidJSON's UTF-8 writer escapes: control characters, quote, backslash. Eight
    // bytes at a time with the Appender's word test, as the escape check runs over every byte
    // written.
    static bool needs_escape(std::string_view s) {
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8)
            if (detail::escape_bits(detail::load8(s.data() + i)) & detail::kHighs) return true;
        // Most keys and values are shorter than eight bytes: a table lookup per byte, no branch.
        static constexpr auto escaped = [] {
            std::array<bool, 256> t{};
            for (std::size_t c = 0; c < 0x20; ++c) t[c] = true;
            t['"'] = t['\\'] = true;
            return t;
        }();
        bool bad = false;
        for (; i < s.size(); ++i) bad |= escaped[static_cast<unsigned char>(s[i])];
        return bad;
    }
};

/// A string value; any bytes, escaped as JSON needs.
inline void put(Writer& w, std::string_view s) { w.string(s); }
/// An object key.
inline void key(Writer& w, std::string_view k) { w.string(k); }
/// An object key written as a literal in the source.
template <std::size_t N>
void key(Writer& w, const char (&k)[N]) {
    w.literal_key(k);
}
/// A string, or null when absent.
inline void put_opt(Writer& w, const std::optional<std::string>& s) {
    if (s) put(w, *s);
    else w.Null();
}
/// A span as [begin, end].
inline void put_span(Writer& w, const Span& s) {
    w.StartArray();
    w.Uint64(s.begin);
    w.Uint64(s.end);
    w.EndArray();
}

/// A point as {"lat", "lon"}, or null when absent. Any type with lat and lon members.
template <class Point>
void put_geo(Writer& w, const std::optional<Point>& p) {
    if (!p) {
        w.Null();
        return;
    }
    w.StartObject();
    key(w, "lat");
    w.Double(p->lat);
    key(w, "lon");
    w.Double(p->lon);
    w.EndObject();
}

} // namespace annals::json
