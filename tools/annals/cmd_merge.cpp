// annals merge: extraction records (JSON Lines) into a store, in one transaction.
#include "cli.hpp"

#include "annals/record/json_reader.hpp"
#include "annals/store/store.hpp"

#include <iostream>
#include <memory>

namespace annals::cli {
namespace {

struct MergeCliOptions {
    std::vector<std::string> files;
    std::string store;
    int window_days = 1;
    bool untyped_events = false;
};

/// Merges straight into the store: the merged graph is never built in memory.
int run_merge(const MergeCliOptions& o) {
    StoreMerge merge(o.store, MergeOptions{o.window_days, o.untyped_events});
    std::size_t rejected = 0;
    for (const auto& f : o.files)
        read_records(
            f, [&](Extraction&& x, std::string_view line) { merge.add(x, content_hash(line), false); },
            [&](RecordProblem&& p) {
                ++rejected;
                say_error(p.message);
            });
    const StoreMergeReport& r = merge.write();
    std::cout << "annals: " << (r.written ? "wrote " : "left unchanged ") << o.store << " (" << r.added << " added, "
              << r.replaced << " replaced, " << r.unchanged << " unchanged";
    if (rejected > 0) std::cout << ", " << rejected << " rejected";
    std::cout << ")\n";
    return rejected > 0 ? bad_input : ok;
}

} // namespace

void setup_merge(CLI::App& app, Outcome& outcome) {
    auto opts = std::make_shared<MergeCliOptions>();
    auto* cmd = app.add_subcommand("merge", "Merge extraction records (JSON Lines) into a store");
    cmd->add_option("files", opts->files, "Record files (.jsonl), or - for stdin")->required();
    cmd->add_option("-o,--output", opts->store, "The store (created when missing)")->required();
    cmd->add_option("--window", opts->window_days, "Days within which reports of one event merge")
        ->check(CLI::Range(0, 3660))
        ->capture_default_str();
    cmd->add_flag("--untyped-events", opts->untyped_events,
                  "Put events that fit no type (type other) in the graph too; the records always keep them");
    cmd->callback([opts, &outcome] { outcome.status = run_merge(*opts); });
}

} // namespace annals::cli
