// annals extract: one JSON record per document, JSON Lines on stdout or in a file.
#include "cli.hpp"
#include "extraction_run.hpp"

#include "annals/core/atomic_file.hpp"

#include <iostream>
#include <memory>

namespace annals::cli {
namespace {

struct ExtractOptions {
    ExtractionFlags flags;
    std::string output;
};

int run_extract(const ExtractOptions& o) {
    if (o.output.empty() || o.output == "-") {
        std::ios::sync_with_stdio(false);
        return run_to_stream(o.flags, std::cout);
    }
    AtomicFile file(o.output);
    const int status = run_to_stream(o.flags, file.stream());
    file.commit();
    return status;
}

} // namespace

void setup_extract(CLI::App& app, Outcome& outcome) {
    auto opts = std::make_shared<ExtractOptions>();
    auto* cmd = app.add_subcommand("extract", "Extract one JSON record per document (JSON Lines)");
    add_extraction_flags(*cmd, opts->flags);
    cmd->add_option("-o,--output", opts->output, "Write the records to FILE instead of stdout");
    cmd->callback([opts, &outcome] { outcome.status = run_extract(*opts); });
}

} // namespace annals::cli
