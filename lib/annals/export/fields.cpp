#include "annals/export/fields.hpp"

#include "annals/export/style.hpp"
#include "annals/graph/event_date.hpp"

#include <charconv>

namespace annals::detail {
namespace {

std::string number(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::optional<std::string> non_empty(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

} // namespace

NodeValues node_values(const VertexBundle& n, const TimeSpan& span) {
    NodeValues v;
    const NodeStyle& style = node_style(n);
    auto set = [&](std::string_view name, std::optional<std::string> value) {
        v[field_index(kNodeFields, name)] = std::move(value);
    };
    set("label", node_label(n));
    set("name", n.name);
    set("kind", std::string(node_kind_name(n.kind)));
    set("type", n.type);
    set("subtype", n.subtype);
    if (n.geo) {
        set("lat", number(n.geo->lat));
        set("lon", number(n.geo->lon));
    }
    if (!n.aliases.empty()) {
        std::string joined;
        for (const auto& a : n.aliases) joined += (joined.empty() ? "" : "; ") + a;
        set("aliases", joined);
    }
    set("sources", std::to_string(n.source_count));
    if (n.kind == NodeKind::event) {
        set("date", non_empty(event_date(n).label));
        set("modality", non_empty(n.modality));
    }
    set("earliest", non_empty(span.start));
    set("latest", non_empty(span.end));
    set("group", std::string(style.group));
    set("color", std::string(style.fill));
    set("shape", std::string(style.shape));
    return v;
}

EdgeValues edge_values(const EdgeBundle& e, const TimeSpan& span) {
    EdgeValues v;
    auto set = [&](std::string_view name, std::optional<std::string> value) {
        v[field_index(kEdgeFields, name)] = std::move(value);
    };
    set("label", edge_label(e));
    set("kind", std::string(edge_kind_name(e.kind)));
    set("type", e.type);
    set("weight", std::to_string(e.weight));
    set("earliest", non_empty(span.start));
    set("latest", non_empty(span.end));
    set("color", std::string(edge_color(e)));
    return v;
}

const char* graphml_type(FieldType t) noexcept {
    switch (t) {
    case FieldType::string: return "string";
    case FieldType::integer: return "long";
    case FieldType::real: return "double";
    }
    return "string";
}

const char* gexf_type(FieldType t) noexcept {
    switch (t) {
    case FieldType::string: return "string";
    case FieldType::integer: return "long";
    case FieldType::real: return "double";
    }
    return "string";
}

} // namespace annals::detail
