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

namespace {
constexpr std::size_t kLineChunk = std::size_t{1} << 20;
} // namespace

LineWriter::LineWriter(std::ostream& out) : out_(out) { pending_.reserve(kLineChunk + kLineChunk / 4); }

void LineWriter::add(std::string_view line) {
    pending_.append(line);
    pending_.push_back('\n');
    if (pending_.size() >= kLineChunk) flush();
}

void LineWriter::flush() {
    out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
}

int run_to_stream(const ExtractionFlags& flags, std::ostream& out) {
    int status = ok;
    {
        LineWriter lines(out);
        status = run_with_flags(flags, [&](const Extraction&, std::string_view line) { lines.add(line); });
    }
    out.flush();
    if (!out) {
        say_error("write failed");
        return bad_input;
    }
    return status;
}

} // namespace annals::cli
