#pragma once
/// Every export format behind one call: what `annals export` and `annals build` use.

#include "annals/export/render.hpp"
#include "annals/export/timeml.hpp"
#include "annals/graph/knowledge_graph.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace annals {

enum class ExportFormat { dot, svg, png, pdf, graphml, gexf, json, cytoscape, csv, timeml };

/// Format names as typed on the command line: "dot", "svg", ..., "timeml".
[[nodiscard]] const std::map<std::string, ExportFormat>& export_formats();
[[nodiscard]] const char* export_format_name(ExportFormat f) noexcept;
/// True for the formats written as several files (csv: two tables; timeml: one per document).
[[nodiscard]] bool writes_several_files(ExportFormat f) noexcept;
/// True for binary formats (png, pdf).
[[nodiscard]] bool is_binary(ExportFormat f) noexcept;

struct ExportRequest {
    ExportFormat format = ExportFormat::dot;
    /// A file; for csv a folder (nodes.csv, edges.csv in it) or a prefix (<prefix>_nodes.csv,
    /// <prefix>_edges.csv); for timeml a folder (one .tml per document). Empty: a single-file
    /// format goes to the stream given to export_graph. Missing parent folders are created.
    std::string path;
    RenderOptions render;       ///< svg, png, pdf
    TimexFinder find_timexes;   ///< timeml: required
    EventClassOf class_of;      ///< timeml: optional
};

/// A file written and what it holds.
struct ExportedFile {
    std::string path;
    std::string what;
};

struct ExportReport {
    std::vector<ExportedFile> files;
    std::string note;               ///< what a picture says was left out, or ""
    std::size_t without_text = 0;   ///< timeml: documents whose sentences the store lacks
};

/// Writes `kg` in the requested format. Every file appears whole or not at all. Throws
/// Error(Errc::io) when a file or folder cannot be written, Error(Errc::render) when Graphviz
/// fails, Error(Errc::bad_usage) for csv or timeml without a path or timeml without a
/// timex finder. Deterministic; thread-safe (rendering is serialised).
ExportReport export_graph(const KnowledgeGraph& kg, const ExportRequest& request, std::ostream& out);

} // namespace annals
