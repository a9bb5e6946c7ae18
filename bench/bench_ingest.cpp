// Benchmark of ingest + segmentation: MB/s and documents/s on one thread and on several
// threads over documents, with the peak resident memory of the process.
//
//   annals_bench_ingest [--rounds R] [--jobs N]... [--ingest-only] INPUT...
//
// Each round reads every input with read_inputs (files, folders, JSON Lines) and segments
// each document; the fastest round of each thread count is reported. With several threads
// the documents are read in batches on the calling thread and segmented by the pool, as
// `annals extract -j N` does.
#include "annals/core/parallel.hpp"
#include "annals/ingest/reader.hpp"
#include "annals/text/segment.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Totals {
    std::size_t documents = 0, bytes = 0, tokens = 0, sentences = 0, problems = 0;
};

struct Options {
    unsigned rounds = 3;
    bool segment = true; ///< --ingest-only turns segmentation off, to see what reading costs
    std::vector<unsigned> jobs;
    std::vector<std::string> inputs;
};

// Seconds of CPU (user + system) the process has used: on a shared machine the wall clock
// also counts time spent waiting for a core.
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return sec(u.ru_utime) + sec(u.ru_stime);
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0; // kilobytes on Linux
}

void add(Totals& t, const annals::Segmentation& s) {
    t.tokens += s.tokens.size();
    t.sentences += s.sentences.size();
}

Totals run_once(const Options& o, unsigned threads) {
    Totals t;
    constexpr std::size_t kBatchPerThread = 32;
    std::vector<annals::Document> batch;
    auto flush = [&] {
        std::vector<annals::Segmentation> out(batch.size());
        annals::parallel_for(batch.size(), threads, [&](std::size_t i) { out[i] = annals::segment(batch[i].text); });
        for (const auto& s : out) add(t, s);
        batch.clear();
    };
    annals::read_inputs(
        o.inputs, {},
        [&](annals::Document&& doc) {
            ++t.documents;
            t.bytes += doc.text.size();
            if (!o.segment) return;
            if (threads == 1) return add(t, annals::segment(doc.text));
            batch.push_back(std::move(doc));
            if (batch.size() >= kBatchPerThread * threads) flush();
        },
        [&](annals::InputProblem&&) { ++t.problems; });
    if (!batch.empty()) flush();
    return t;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--ingest-only") {
            o.segment = false;
        } else if ((a == "--rounds" || a == "--jobs" || a == "-j") && i + 1 < argc) {
            const auto v = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
            if (a == "--rounds") o.rounds = std::max(1u, v);
            else o.jobs.push_back(std::max(1u, v));
        } else {
            o.inputs.push_back(a);
        }
    }
    if (o.jobs.empty()) o.jobs = {1, 2};
    return o;
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    if (o.inputs.empty()) {
        std::fprintf(stderr, "usage: annals_bench_ingest [--rounds R] [--jobs N]... [--ingest-only] INPUT...\n");
        return 2;
    }
    double single = 0;
    for (const unsigned j : o.jobs) {
        double best = 1e300, best_cpu = 1e300;
        Totals t;
        for (unsigned r = 0; r < o.rounds; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const double cpu_start = cpu_seconds();
            t = run_once(o, j);
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
            best = std::min(best, took.count());
            best_cpu = std::min(best_cpu, cpu_seconds() - cpu_start);
        }
        const double mb = static_cast<double>(t.bytes) / 1e6;
        if (j == o.jobs.front()) {
            std::printf("input: %.1f MB, %zu documents, %zu tokens, %zu sentences, %zu problems\n", mb, t.documents,
                        t.tokens, t.sentences, t.problems);
        }
        if (j == 1) single = best;
        std::printf("-j %u: %.3f s (best of %u), %.1f MB/s, %.0f documents/s, %.1f MB per CPU second, peak RSS %.1f MB",
                    j, best, o.rounds, mb / best, static_cast<double>(t.documents) / best, mb / best_cpu,
                    peak_rss_mb());
        if (j != 1 && single > 0) std::printf(", speed-up %.2fx", single / best);
        std::printf("\n");
    }
    return 0;
}
