#pragma once
/// Small helpers shared by every JSON writer of the project (records, graph, timelines).

#include "annals/core/span.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace annals::json {

/// RapidJSON's writer with a fast path for strings that need no escaping, which is nearly
/// every string of a record. RapidJSON looks each byte up in its escape table and appends it
/// on its own; records are ten times the size of their text, so that loop was a sixth of
/// `annals extract`. Strings with a quote, a backslash or a control character still go
/// through RapidJSON's escaping, so the output is the same byte for byte.
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

private:
    // The bytes RapidJSON's UTF-8 writer escapes: control characters, quote, backslash. The
    // loop has no early exit so the compiler can vectorize it.
    static bool needs_escape(std::string_view s) {
        unsigned bad = 0;
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            bad |= static_cast<unsigned>(c < 0x20) | static_cast<unsigned>(c == '"') | static_cast<unsigned>(c == '\\');
        }
        return bad != 0;
    }
};

/// A string value; any bytes, escaped as JSON needs.
inline void put(Writer& w, std::string_view s) { w.string(s); }
/// An object key.
inline void key(Writer& w, std::string_view k) { w.string(k); }
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
