#pragma once
// What the benchmarks share: the thread's CPU clock, the command line of the stage benchmarks,
// their input reading and their best-of-N timing loop.

#include "annals/entities/entity.hpp"
#include "annals/ingest/reader.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/timex.hpp"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace annals::bench {

/// CPU time of the calling thread: unlike wall time, not inflated when other processes share
/// the cores.
inline double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

/// The command line of a stage benchmark: [--rounds R] [--data-dir DIR] [--dct DATE] INPUT...
struct StageArgs {
    unsigned rounds = 3;
    std::string data_dir;
    std::string dct = "2021-06-30";
    std::vector<std::string> inputs;
};

/// The arguments, or nothing (after a usage line naming `program`) when no input is given.
inline std::optional<StageArgs> stage_args(int argc, char** argv, const char* program, unsigned rounds) {
    StageArgs a;
    a.rounds = rounds;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        if (s == "--rounds" && i + 1 < argc) a.rounds = std::max(1, std::atoi(argv[++i]));
        else if (s == "--data-dir" && i + 1 < argc) a.data_dir = argv[++i];
        else if (s == "--dct" && i + 1 < argc) a.dct = argv[++i];
        else a.inputs.push_back(s);
    }
    if (a.inputs.empty()) {
        std::fprintf(stderr, "usage: %s [--rounds R] [--data-dir DIR] [--dct DATE] INPUT...\n", program);
        return std::nullopt;
    }
    return a;
}

/// A document with what the stages before the measured one made of it; a bench fills only the
/// parts its stage reads.
struct StagedDoc {
    Document doc;
    Segmentation seg;
    std::vector<TaggedToken> tags;
    std::vector<Timex> timexes;
    std::vector<Entity> entities;
};

/// Every input read and segmented, then passed to `stage_before` (which runs the stages the
/// measured one needs), outside any timing. `bytes` receives the total size of the texts.
template <class StageBefore>
std::vector<StagedDoc> read_staged(const std::vector<std::string>& inputs, std::size_t& bytes,
                                   StageBefore&& stage_before) {
    std::vector<StagedDoc> docs;
    bytes = 0;
    read_inputs(
        inputs, {},
        [&](Document&& d) {
            bytes += d.text.size();
            StagedDoc x{std::move(d), {}, {}, {}, {}};
            x.seg = segment(x.doc.text);
            stage_before(x);
            docs.push_back(std::move(x));
        },
        [](InputProblem&&) {});
    return docs;
}

/// The fastest of `rounds` runs of `round` (which returns how many things it found), in wall
/// and in thread CPU seconds, printed as MB/s over `bytes` for `stage` ("entity stage").
template <class Round>
void best_of(const char* stage, const char* things, std::size_t documents, std::size_t bytes, unsigned rounds,
             Round&& round) {
    double best = 1e30, best_cpu = 1e30;
    std::size_t found = 0;
    for (unsigned r = 0; r < rounds; ++r) {
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = thread_cpu_seconds();
        found = round();
        const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - w0;
        best = std::min(best, dt.count());
        best_cpu = std::min(best_cpu, thread_cpu_seconds() - c0);
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("%s: %zu documents, %.2f MB, %zu %s, best of %u rounds (1 thread):\n"
                "  wall %.3f s = %.1f MB/s; thread CPU %.3f s = %.1f MB/s\n",
                stage, documents, mb, found, things, rounds, best, mb / best, best_cpu, mb / best_cpu);
}

} // namespace annals::bench
