#pragma once
// How values are written in the store's columns, shared by saving, loading and queries.

#include "annals/entities/entity.hpp"
#include "annals/graph/knowledge_graph.hpp"
#include "annals/store/sqlite.hpp"
#include "annals/time/timex.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::detail {

/// Aliases are one column, separated by the unit separator (never in names).
inline constexpr char kAliasSep = '\x1f';

/// Joins `aliases` into `out` (replacing it).
inline void join_aliases(const std::vector<std::string_view>& aliases, std::string& out) {
    out.clear();
    for (const auto a : aliases) {
        if (!out.empty()) out += kAliasSep;
        out += a;
    }
}

inline std::vector<std::string> split_aliases(const std::string& s) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(kAliasSep, start);
        out.push_back(s.substr(start, pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

inline std::size_t uz(std::int64_t v) { return static_cast<std::size_t>(v); }

inline std::optional<GeoPoint> read_geo(const Stmt& st, int i) {
    if (st.is_null(i)) return std::nullopt;
    return GeoPoint{st.real(i), st.real(i + 1)};
}

inline std::optional<DayInterval> read_interval(const Stmt& st, int i) {
    if (st.is_null(i)) return std::nullopt;
    return DayInterval{st.text(i), st.text(i + 1)};
}

/// Column lists of the row readers below, in their order.
inline constexpr const char* kEntityColumns = "key, kind, name, type, subtype, lat, lon, aliases, source_count";
inline constexpr const char* kEventColumns = "key, type, name, value, earliest, latest, time_source, modality, place, source_count";
inline constexpr const char* kEventSourceColumns =
    "doc, id, dct, sentence, sent_begin, sent_end, text, trigger, rule, value, earliest, latest, time_source, modality, confidence";
inline constexpr const char* kEvidenceColumns = "doc, dct, sentence, sent_begin, sent_end, text, rule, event";

/// An entity node from kEntityColumns starting at column `c` (without its sources).
[[nodiscard]] VertexBundle read_entity(const Stmt& st, int c);
/// An event node from kEventColumns starting at `c` (without its sources); the place
/// column is left to the caller.
[[nodiscard]] VertexBundle read_event(const Stmt& st, int c);
[[nodiscard]] EventSource read_event_source(const Stmt& st, int c);
[[nodiscard]] Evidence read_evidence(const Stmt& st, int c);

} // namespace annals::detail
