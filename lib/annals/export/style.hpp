#pragma once
/// How nodes and edges look in every export that carries looks (DOT, pictures, GEXF's viz,
/// Cytoscape classes): one shape and colour per entity type and per event family, so the
/// legend of a picture and the colours in Gephi or Cytoscape agree.

#include "annals/graph/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace annals {

/// The look of one class of nodes.
struct NodeStyle {
    const char* group; ///< legend entry and CSS-like class: "person", "conflict", "other event" ...
    const char* shape; ///< Graphviz shape
    const char* fill;  ///< fill colour, "#rrggbb"
};

/// The style of a node: entities by type (person, organization, group, gpe, location,
/// facility), events by family (the part of the type before the first dot). Unknown types
/// get a neutral style. Pure.
[[nodiscard]] const NodeStyle& node_style(const VertexBundle& n) noexcept;

/// The styles used by the nodes of `kg`, in a fixed order (entities, then events), each
/// once: the legend of a picture of `kg`. Thread-safe.
[[nodiscard]] std::vector<const NodeStyle*> legend_styles(const KnowledgeGraph& kg);

/// "#rrggbb" of an edge: structural edges grey, relations by kind of relation.
[[nodiscard]] const char* edge_color(const EdgeBundle& e) noexcept;

/// What a node shows: the name of an entity; an event's type, trigger and date on three
/// lines ("\n"-separated, not yet escaped for any format).
[[nodiscard]] std::string node_label(const VertexBundle& n);

/// What an edge shows: the role, "in", or the relation with '_' as spaces; a weight above
/// one is added in parentheses.
[[nodiscard]] std::string edge_label(const EdgeBundle& e);

/// "#rrggbb" as three bytes; {0,0,0} for anything else.
struct Rgb {
    int r = 0, g = 0, b = 0;
};
[[nodiscard]] Rgb parse_rgb(const char* hex) noexcept;

} // namespace annals
