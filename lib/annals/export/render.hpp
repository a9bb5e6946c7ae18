#pragma once
/// Pictures of the graph, drawn in-process by Graphviz (cgraph + gvc): the DOT of dot.hpp
/// parsed by agmemread, laid out by gvLayout and rendered by gvRenderData.

#include "annals/graph/knowledge_graph.hpp"

#include <cstddef>
#include <string>

namespace annals {

enum class ImageFormat { svg, png, pdf };

/// "svg", "png", "pdf": the Graphviz renderer names.
[[nodiscard]] const char* image_format_name(ImageFormat f) noexcept;

struct RenderOptions {
    /// A graph with more nodes is cut to its most connected ones, and the picture says so.
    std::size_t max_nodes = 200;
    /// Of the edges left, at most this many (the heaviest) are drawn.
    std::size_t max_edges = 600;
    /// Up to this many nodes the hierarchical `dot` layout is used; above it `neato`, and
    /// above `neato_limit` the multiscale `sfdp`, each with overlap removal.
    std::size_t dot_limit = 40;
    std::size_t neato_limit = 120;
    /// Above this many edges, edge labels are left out (the picture says so).
    std::size_t edge_label_limit = 250;
    /// A layout engine to use whatever the size (dot, neato, sfdp, fdp, circo, twopi).
    std::string layout;
    /// A line shown under the picture (e.g. what the selection left out).
    std::string note;
};

/// A rendered picture and how it was made.
struct Rendered {
    std::string bytes;  ///< the SVG, PNG or PDF file
    std::string layout; ///< the engine used
    std::size_t nodes = 0, edges = 0; ///< drawn
    std::string note;   ///< what the picture says under it ("" when nothing)
};

/// Draws `kg`. Deterministic for the same input (Graphviz layouts are seeded). Throws
/// Error(Errc::render) with Graphviz's message when layout or rendering fails. Graphviz
/// keeps global state: calls are serialised by a process-wide lock.
[[nodiscard]] Rendered render_graph(const KnowledgeGraph& kg, ImageFormat format, const RenderOptions& opts = {});

} // namespace annals
