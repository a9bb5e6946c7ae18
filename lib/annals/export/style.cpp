#include "annals/export/style.hpp"

#include "annals/graph/event_date.hpp"

#include <array>
#include <set>
#include <string_view>

namespace annals {
namespace {

// Entity styles first, then event families, then the fallbacks: the legend follows this order.
// Fills are light so black labels stay readable on them.
constexpr std::array<NodeStyle, 21> kStyles{{
    {"person", "ellipse", "#9fc5e8"},
    {"organization", "hexagon", "#b4a7d6"},
    {"group", "octagon", "#d5a6bd"},
    {"gpe", "house", "#93c47d"},
    {"location", "invhouse", "#b6d7a8"},
    {"facility", "cylinder", "#a2c4c9"},
    {"other entity", "ellipse", "#d9d9d9"},
    {"conflict", "box", "#f4cccc"},
    {"contact", "box", "#fff2cc"},
    {"cooperation", "box", "#d9ead3"},
    {"movement", "box", "#d0e0e3"},
    {"justice", "box", "#d9d2e9"},
    {"policy", "box", "#fce5cd"},
    {"life", "box", "#ead1dc"},
    {"disaster", "box", "#e6b8af"},
    {"business", "box", "#c9daf8"},
    {"transaction", "box", "#c9daf8"},
    {"org", "box", "#c9daf8"},
    {"personnel", "box", "#cfe2f3"},
    {"presence", "box", "#f3f3f3"},
    {"other event", "box", "#eeeeee"},
}};

constexpr std::size_t kOtherEntity = 6;
constexpr std::size_t kFirstEvent = 7;
constexpr std::size_t kOtherEvent = kStyles.size() - 1;

std::size_t style_index(const VertexBundle& n) noexcept {
    const std::string_view type = n.type;
    if (n.kind != NodeKind::event) {
        for (std::size_t i = 0; i < kOtherEntity; ++i)
            if (type == kStyles[i].group) return i;
        return kOtherEntity;
    }
    const std::string_view family = type.substr(0, type.find('.'));
    for (std::size_t i = kFirstEvent; i < kOtherEvent; ++i)
        if (family == kStyles[i].group) return i;
    return kOtherEvent;
}

int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

const NodeStyle& node_style(const VertexBundle& n) noexcept { return kStyles[style_index(n)]; }

std::vector<const NodeStyle*> legend_styles(const KnowledgeGraph& kg) {
    std::set<std::size_t> used;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(kg.graph()))) used.insert(style_index(kg[v]));
    std::vector<const NodeStyle*> out;
    for (const std::size_t i : used) out.push_back(&kStyles[i]);
    return out;
}

const char* edge_color(const EdgeBundle& e) noexcept {
    if (e.kind != EdgeKind::relation) return "#808080";
    const std::string_view t = e.type;
    if (t == "opposes") return "#cc0000";
    if (t == "allied_with" || t == "met_with") return "#38761d";
    if (t == "member_of" || t == "affiliate_of" || t == "part_of") return "#674ea7";
    if (t == "represents" || t == "leads") return "#1155cc";
    return "#444444";
}

std::string node_label(const VertexBundle& n) {
    if (n.kind != NodeKind::event) return n.name;
    const EventDate d = event_date(n);
    return n.type + "\n" + n.name + (d.label.empty() ? "" : "\n" + d.label);
}

std::string edge_label(const EdgeBundle& e) {
    std::string out;
    if (e.kind == EdgeKind::located_in) out = "in";
    else
        for (const char c : e.type) out += c == '_' ? ' ' : c;
    if (e.weight > 1) out += " (" + std::to_string(e.weight) + ")";
    return out;
}

Rgb parse_rgb(const char* hex) noexcept {
    const std::string_view s = hex;
    if (s.size() != 7 || s[0] != '#') return {};
    int v[6];
    for (std::size_t i = 0; i < 6; ++i)
        if ((v[i] = hex_digit(s[i + 1])) < 0) return {};
    return {v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]};
}

} // namespace annals
