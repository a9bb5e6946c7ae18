#include "annals/store/build_outputs.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/export/dot.hpp"
#include "annals/export/formats.hpp"
#include "annals/export/node_link.hpp"
#include "annals/export/render.hpp"
#include "annals/timeline/timeline.hpp"

namespace annals {

RecordMergeReport merge_record_files(const std::vector<std::string>& files, const std::string& store_path,
                                     const MergeOptions& opts, const std::function<void(RecordProblem&&)>& on_problem) {
    StoreMerge merge(store_path, opts);
    RecordMergeReport report;
    for (const auto& f : files) {
        read_records(
            f, [&](Extraction&& x, std::string_view line) { merge.add(x, content_hash(line), false); },
            [&](RecordProblem&& p) {
                ++report.rejected;
                on_problem(std::move(p));
            });
    }
    (void)merge.commit();
    static_cast<StoreMergeReport&>(report) = merge.report();
    return report;
}

std::vector<WrittenFile> write_default_exports(const KnowledgeGraph& kg, const std::filesystem::path& dir) {
    std::vector<WrittenFile> out;
    auto write = [&](const char* name, const std::string& what, const auto& fill) {
        AtomicFile f(dir / name);
        fill(f.stream());
        f.commit();
        out.push_back({(dir / name).string(), what});
    };
    const Timeline timeline = build_timeline(kg, {});
    write("graph.dot", "graph, Graphviz DOT", [&](std::ostream& s) { write_dot(kg, s); });
    const Rendered svg = render_graph(kg, ImageFormat::svg);
    write("graph.svg", "graph picture, SVG" + (svg.note.empty() ? std::string() : ": " + svg.note),
          [&](std::ostream& s) { s << svg.bytes; });
    write("graph.json", "graph, node-link JSON", [&](std::ostream& s) { s << to_node_link_json(kg); });
    write("graph.graphml", "graph, GraphML", [&](std::ostream& s) { write_graphml(kg, s); });
    write("timeline.json", "timeline, JSON", [&](std::ostream& s) { s << timeline_json(timeline); });
    write("timelinejs.json", "timeline, TimelineJS3 JSON", [&](std::ostream& s) { s << timeline_timelinejs(timeline); });
    return out;
}

KnowledgeGraph load_graph(const std::string& store_path) { return Store(store_path, false).load(); }

} // namespace annals
