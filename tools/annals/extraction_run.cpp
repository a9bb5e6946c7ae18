#include "extraction_run.hpp"

#include "annals/runner.hpp"

#include <iostream>
#include <string>

namespace annals::cli {

void add_extraction_flags(CLI::App& cmd, ExtractionFlags& flags) {
    cmd.add_option("inputs", flags.inputs, "Files (.txt, .md, .jsonl), folders, or - for stdin")->required();
    add_dct_option(cmd, flags.dct);
    cmd.add_option("-j,--jobs", flags.threads, "Threads (output order is input order)")
        ->check(CLI::Range(1u, 256u));
    add_data_dir_option(cmd, flags.data_dir);
    cmd.add_option("--stdin-format", flags.stdin_format,
                   "How - is read: text, jsonl, or auto (JSON Lines when it starts with '{')")
        ->check(CLI::IsMember({"auto", "text", "jsonl"}));
    cmd.add_option("--mode", flags.mode,
                   "Anchor relative dates on the document date (news) or the last explicit date (narrative)")
        ->check(CLI::IsMember({"news", "narrative"}));
    cmd.add_option("--dictionary", flags.dictionaries,
                   "An actor dictionary of your own (the format of actors/actors.tsv); repeatable")
        ->check(CLI::ExistingFile);
    cmd.add_option("--triggers", flags.triggers,
                   "Event triggers of your own (the format of events/triggers.tsv), tried first; repeatable")
        ->check(CLI::ExistingFile);
}

int run_with_flags(const ExtractionFlags& flags, const std::function<void(const Extraction&, std::string_view)>& each) {
    IngestOptions ingest;
    if (!flags.dct.empty()) ingest.dct = flags.dct;
    ingest.stdin_format = flags.stdin_format == "text"    ? StdinFormat::text
                          : flags.stdin_format == "jsonl" ? StdinFormat::jsonl
                                                          : StdinFormat::auto_detect;
    const Pipeline pipeline(
        PipelineOptions{flags.data_dir, flags.mode == "narrative" ? TimeMode::narrative : TimeMode::news,
                        flags.dictionaries, flags.triggers});
    RunOptions run;
    run.threads = flags.threads;
    const bool progress = stderr_is_terminal();
    std::size_t done = 0;
    const auto stats = run_extraction(
        flags.inputs, ingest, pipeline, run,
        [&](const Extraction& x, std::string_view line) {
            each(x, line);
            if (progress && ++done % 100 == 0) std::cerr << "\rannals: " << done << " documents" << std::flush;
        },
        [](const InputProblem& p) { say_problem(p); });
    if (progress && done >= 100) std::cerr << '\n';
    if (stats.rejected > 0) {
        say_error(std::to_string(stats.rejected) + " input(s) rejected; " + std::to_string(stats.documents) +
                  " document(s) processed");
        return bad_input;
    }
    return ok;
}

int run_to_stream(const ExtractionFlags& flags, std::ostream& out) {
    // Records are gathered into writes of about 1 MiB: libstdc++'s filebuf writes anything over
    // 1 KiB with a system call of its own, one per record, and on a virtual machine those calls
    // cost as much as extracting a short document.
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    std::string pending;
    pending.reserve(kChunk + kChunk / 4);
    auto write_pending = [&] {
        out.write(pending.data(), static_cast<std::streamsize>(pending.size()));
        pending.clear();
    };
    int status = ok;
    try {
        status = run_with_flags(flags, [&](const Extraction&, std::string_view line) {
            pending.append(line);
            pending.push_back('\n');
            if (pending.size() >= kChunk) write_pending();
        });
    } catch (...) {
        write_pending(); // the records finished before the failure are kept
        throw;
    }
    write_pending();
    out.flush();
    if (!out) {
        say_error("write failed");
        return bad_input;
    }
    return status;
}

} // namespace annals::cli
