// Export benchmark: a synthetic store (built once, or an existing one given with --store),
// then the steps of `annals export --top N --format png` timed apart: load, selection,
// picture; and the file formats of the selection and of the whole graph.
//   annals_bench_export [--events N] [--actors A] [--places P] [--store PATH] [--top N] [--compare] [--whole]
// --compare also loads the whole store and selects from it (what any flag but --top needs);
// --whole (with --compare) times every format of the whole graph.
#include "annals/export/dot.hpp"
#include "annals/export/formats.hpp"
#include "annals/export/node_link.hpp"
#include "annals/export/render.hpp"
#include "annals/export/select.hpp"
#include "annals/graph/merge.hpp"
#include "annals/graph/synthetic.hpp"
#include "annals/store/build_outputs.hpp"
#include "annals/store/store.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double peak_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

struct Options {
    std::size_t events = 100000, actors = 0, places = 0, top = 200;
    std::string store;
    bool whole = false, compare = false;
};

void build_store(const Options& o) {
    annals::SyntheticOptions s;
    s.actors = o.actors;
    s.places = o.places;
    const auto t = Clock::now();
    annals::GraphBuilder b(annals::MergeOptions{1});
    for (std::size_t i = 0; i < o.events / s.events_per_doc; ++i)
        b.add(annals::synthetic_document(i, s), "synthetic-" + std::to_string(i), true);
    annals::Store(o.store, true).save(b.build());
    std::printf("built %s: %zu events, %zu actors, %zu places in %.1f s\n", o.store.c_str(), o.events, o.actors, o.places,
                seconds_since(t));
}

template <class F>
void timed(const char* what, F&& f) {
    const auto t = Clock::now();
    f();
    std::printf("  %-34s %8.2f s\n", what, seconds_since(t));
    std::fflush(stdout);
}

void formats_of(const annals::KnowledgeGraph& g, const char* which) {
    std::ofstream null("/dev/null");
    std::printf(" %s (%zu nodes, %zu edges):\n", which, g.node_count(), g.edge_count());
    timed("DOT", [&] { annals::write_dot(g, null); });
    timed("GraphML", [&] { annals::write_graphml(g, null); });
    timed("GEXF", [&] { annals::write_gexf(g, null); });
    timed("node-link JSON", [&] { null << annals::to_node_link_json(g); });
    timed("Cytoscape.js JSON", [&] { null << annals::to_cytoscape_json(g); });
    timed("CSV (both tables)", [&] {
        annals::write_nodes_csv(g, null);
        annals::write_edges_csv(g, null);
    });
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--events") o.events = std::stoul(next());
        else if (a == "--actors") o.actors = std::stoul(next());
        else if (a == "--places") o.places = std::stoul(next());
        else if (a == "--store") o.store = next();
        else if (a == "--top") o.top = std::stoul(next());
        else if (a == "--whole") o.whole = true;
        else if (a == "--compare") o.compare = true;
        else {
            std::fprintf(stderr, "usage: annals_bench_export [--events N] [--actors A] [--places P] [--store PATH] [--top N] [--compare] [--whole]\n");
            return 2;
        }
    }
    // The store benchmark's proportions: one actor per 20 events, one place per 500.
    if (o.actors == 0) o.actors = std::max<std::size_t>(100, o.events / 20);
    if (o.places == 0) o.places = std::max<std::size_t>(20, o.events / 500);
    if (o.store.empty()) o.store = "bench-export-" + std::to_string(o.events) + ".db";
    if (!std::filesystem::exists(o.store)) build_store(o);

    annals::KnowledgeGraph kg, selected;
    std::printf("%s, --top %zu\n", o.store.c_str(), o.top);
    annals::KnowledgeGraph top;
    const auto fast = Clock::now();
    timed("read the top actors' part", [&] { top = annals::load_top_actors(o.store, o.top); });
    timed("render PNG", [&] { (void)annals::render_graph(top, annals::ImageFormat::png); });
    std::printf("  %-34s %8.2f s\n", "annals export --top N --format png", seconds_since(fast));
    std::printf("  (%zu nodes, %zu edges)\n", top.node_count(), top.edge_count());
    if (!o.compare) {
        formats_of(top, "the selection");
        std::printf("  peak memory %.0f MB\n", peak_mb());
        return 0;
    }
    std::printf(" the same from the whole graph:\n");
    const auto total = Clock::now();
    timed("load the store", [&] { kg = annals::Store(o.store, false).load(); });
    std::printf("  (%zu nodes, %zu edges)\n", kg.node_count(), kg.edge_count());
    annals::GraphSelection s;
    s.top = o.top;
    timed("select the top actors", [&] { selected = annals::select_graph(kg, s); });
    std::printf("  (%zu nodes, %zu edges selected)\n", selected.node_count(), selected.edge_count());
    annals::Rendered png;
    timed("render PNG", [&] { png = annals::render_graph(selected, annals::ImageFormat::png); });
    std::printf("  (%s, %zu nodes, %zu edges drawn, %zu bytes; %s)\n", png.layout.c_str(), png.nodes, png.edges,
                png.bytes.size(), png.note.c_str());
    std::printf("  %-34s %8.2f s\n", "export --top --format png, total", seconds_since(total));
    std::ofstream("bench-export.png", std::ios::binary) << png.bytes;

    formats_of(selected, "the selection");
    if (o.whole) formats_of(kg, "the whole graph");
    std::printf("  peak memory %.0f MB\n", peak_mb());
    return 0;
}
