// annals build: the main job. Extracts every input, merges the records into the folder's
// store and writes the default exports, then says where it put what.
#include "cli.hpp"
#include "extraction_run.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/store/build_outputs.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace annals::cli {
namespace {

struct BuildOptions {
    ExtractionFlags flags;
    std::string out_dir = "annals-out";
    int window_days = 1;
    bool untyped_events = false;
};

/// Extracts every input; each record goes to `out` and into `merge` (with its text, so
/// evidence sentences are quoted). Returns the exit status.
int extract_into(const ExtractionFlags& flags, std::ostream& out, StoreMerge& merge) {
    LineWriter lines(out);
    return run_with_flags(flags, [&](const Extraction& x, std::string_view line) {
        lines.add(line);
        merge.add(x, content_hash(line), true);
    });
}

int run_build(const BuildOptions& o) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    if (ec) {
        say_error(o.out_dir + ": cannot create the folder: " + ec.message());
        return bad_input;
    }
    const fs::path dir(o.out_dir);
    const fs::path records = dir / "documents.jsonl";
    const fs::path store = dir / "annals.db";
    StoreMerge merge(store.string(), MergeOptions{o.window_days, o.untyped_events});
    AtomicFile file(records);
    const int status = extract_into(o.flags, file.stream(), merge);
    file.commit();
    const KnowledgeGraph kg = merge.commit();
    const auto& r = merge.report();
    std::cout << "annals: wrote " << records.string() << " (extraction records, one per document)\n";
    std::cout << "annals: " << (r.written ? "wrote " : "left unchanged ") << store.string() << " (store: "
              << kg.documents.size() << " documents, " << kg.node_count() << " nodes, " << kg.edge_count()
              << " edges; " << r.added << " added, " << r.replaced << " replaced, " << r.unchanged << " unchanged)\n";
    for (const auto& f : write_default_exports(kg, dir)) std::cout << "annals: wrote " << f.path << " (" << f.what << ")\n";
    return status;
}

} // namespace

void setup_build(CLI::App& app, Outcome& outcome) {
    auto opts = std::make_shared<BuildOptions>();
    auto* cmd = app.add_subcommand("build", "Main job: extract every input, merge into a store, write the exports");
    add_extraction_flags(*cmd, opts->flags);
    cmd->add_option("-o,--output", opts->out_dir, "Output folder")->capture_default_str();
    cmd->add_option("--window", opts->window_days, "Days within which reports of one event merge")
        ->check(CLI::Range(0, 3660))
        ->capture_default_str();
    cmd->add_flag("--untyped-events", opts->untyped_events,
                  "Put events that fit no type (type other) in the graph too; the records always keep them");
    cmd->callback([opts, &outcome] { outcome.status = run_build(*opts); });
}

} // namespace annals::cli
