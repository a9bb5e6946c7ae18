#include "annals/export/export.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/export/dot.hpp"
#include "annals/export/formats.hpp"
#include "annals/export/node_link.hpp"

#include <filesystem>
#include <set>

namespace annals {
namespace {

namespace fs = std::filesystem;

void make_parent(const fs::path& file) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    if (ec) throw Error(Errc::io, file.parent_path().string(), "cannot create the folder: " + ec.message());
}

template <class Fill>
void write_file(const fs::path& path, const std::string& what, ExportReport& report, const Fill& fill) {
    make_parent(path);
    AtomicFile f(path);
    fill(f.stream());
    f.commit();
    report.files.push_back({path.string(), what});
}

/// The single file of `request`, or `out` when it has no path.
template <class Fill>
void write_one(const ExportRequest& r, const std::string& what, ExportReport& report, std::ostream& out, const Fill& fill) {
    if (r.path.empty()) fill(out);
    else write_file(r.path, what, report, fill);
}

void write_csv(const KnowledgeGraph& kg, const ExportRequest& r, ExportReport& report) {
    if (r.path.empty()) throw Error(Errc::bad_usage, "", "csv writes two files: give a folder or prefix with -o");
    std::error_code ec;
    const bool folder = r.path.back() == '/' || fs::is_directory(r.path, ec);
    const fs::path nodes = folder ? fs::path(r.path) / "nodes.csv" : fs::path(r.path + "_nodes.csv");
    const fs::path edges = folder ? fs::path(r.path) / "edges.csv" : fs::path(r.path + "_edges.csv");
    write_file(nodes, "graph nodes, CSV", report, [&](std::ostream& s) { write_nodes_csv(kg, s); });
    write_file(edges, "graph edges, CSV", report, [&](std::ostream& s) { write_edges_csv(kg, s); });
}

void write_timeml(const KnowledgeGraph& kg, const ExportRequest& r, ExportReport& report) {
    if (r.path.empty()) throw Error(Errc::bad_usage, "", "timeml writes one file per document: give a folder with -o");
    if (!r.find_timexes) throw Error(Errc::bad_usage, "", "timeml export needs the time stage");
    const TimemlTexts texts = timeml_texts(kg, r.find_timexes, r.class_of);
    report.without_text = texts.without_text;
    std::set<std::string> names;
    for (const TimemlText& t : texts.documents) {
        // Ids that differ only in characters a file name cannot hold get -2, -3 ...
        const std::string base = timeml_file_name(t.id);
        std::string name = base;
        for (int n = 2; !names.insert(name).second; ++n)
            name = base.substr(0, base.size() - 4) + "-" + std::to_string(n) + ".tml";
        write_file(fs::path(r.path) / name, "TimeML of " + t.id, report, [&](std::ostream& s) { s << to_timeml(t); });
    }
}

} // namespace

const std::map<std::string, ExportFormat>& export_formats() {
    static const std::map<std::string, ExportFormat> m{
        {"dot", ExportFormat::dot},         {"svg", ExportFormat::svg},   {"png", ExportFormat::png},
        {"pdf", ExportFormat::pdf},         {"graphml", ExportFormat::graphml}, {"gexf", ExportFormat::gexf},
        {"json", ExportFormat::json},       {"cytoscape", ExportFormat::cytoscape}, {"csv", ExportFormat::csv},
        {"timeml", ExportFormat::timeml}};
    return m;
}

const char* export_format_name(ExportFormat f) noexcept {
    for (const auto& [name, format] : export_formats())
        if (format == f) return name.c_str();
    return "dot";
}

bool writes_several_files(ExportFormat f) noexcept { return f == ExportFormat::csv || f == ExportFormat::timeml; }

bool is_binary(ExportFormat f) noexcept { return f == ExportFormat::png || f == ExportFormat::pdf; }

ExportReport export_graph(const KnowledgeGraph& kg, const ExportRequest& r, std::ostream& out) {
    ExportReport report;
    switch (r.format) {
    case ExportFormat::dot: write_one(r, "graph, Graphviz DOT", report, out, [&](std::ostream& s) { write_dot(kg, s); }); break;
    case ExportFormat::svg:
    case ExportFormat::png:
    case ExportFormat::pdf: {
        const ImageFormat f = r.format == ExportFormat::svg ? ImageFormat::svg
                              : r.format == ExportFormat::png ? ImageFormat::png : ImageFormat::pdf;
        const Rendered picture = render_graph(kg, f, r.render);
        report.note = picture.note;
        const std::string what = std::string("graph picture, ") + image_format_name(f) + ", layout " + picture.layout +
                                 ", " + std::to_string(picture.nodes) + " nodes, " + std::to_string(picture.edges) + " edges";
        write_one(r, what, report, out, [&](std::ostream& s) { s << picture.bytes; });
        break;
    }
    case ExportFormat::graphml: write_one(r, "graph, GraphML", report, out, [&](std::ostream& s) { write_graphml(kg, s); }); break;
    case ExportFormat::gexf: write_one(r, "graph, GEXF 1.3", report, out, [&](std::ostream& s) { write_gexf(kg, s); }); break;
    case ExportFormat::json:
        write_one(r, "graph, node-link JSON", report, out, [&](std::ostream& s) { s << to_node_link_json(kg); });
        break;
    case ExportFormat::cytoscape:
        write_one(r, "graph, Cytoscape.js JSON", report, out, [&](std::ostream& s) { s << to_cytoscape_json(kg); });
        break;
    case ExportFormat::csv: write_csv(kg, r, report); break;
    case ExportFormat::timeml: write_timeml(kg, r, report); break;
    }
    return report;
}

} // namespace annals
