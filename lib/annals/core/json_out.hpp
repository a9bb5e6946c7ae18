#pragma once
/// Small helpers shared by every JSON writer of the project (records, graph, timelines).

#include "annals/core/span.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>

namespace annals::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

/// A string value; any bytes, RapidJSON escapes them.
inline void put(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
/// An object key.
inline void key(Writer& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
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
