// annals build: the main job. Extracts every input and writes the outputs that exist so
// far into one folder, then says where it put what.
#include "cli.hpp"
#include "extraction_run.hpp"

#include "annals/core/atomic_file.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace annals::cli {
namespace {

struct BuildOptions {
    ExtractionFlags flags;
    std::string out_dir = "annals-out";
};

int run_build(const BuildOptions& o) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(o.out_dir, ec);
    if (ec) {
        say_error(o.out_dir + ": cannot create the folder: " + ec.message());
        return bad_input;
    }
    const fs::path records = fs::path(o.out_dir) / "documents.jsonl";
    AtomicFile file(records);
    const int status = run_to_stream(o.flags, file.stream());
    file.commit();
    std::cout << "annals: wrote " << records.string() << " (extraction records, one per document)\n";
    return status;
}

} // namespace

void setup_build(CLI::App& app, Outcome& outcome) {
    auto opts = std::make_shared<BuildOptions>();
    auto* cmd = app.add_subcommand("build", "Main job: extract every input and write the outputs into a folder");
    add_extraction_flags(*cmd, opts->flags);
    cmd->add_option("-o,--output", opts->out_dir, "Output folder")->capture_default_str();
    cmd->callback([opts, &outcome] { outcome.status = run_build(*opts); });
}

} // namespace annals::cli
