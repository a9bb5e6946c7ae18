// Benchmark of the time stage alone: MB/s on one thread.
//
//   annals_bench_time [--rounds R] [--dct YYYY-MM-DD] [--data-dir DIR] INPUT...
//
// Every input (files, folders, JSON Lines) is read and segmented first; then each round runs
// TimeTagger::tag over all documents on the calling thread, and the fastest round is reported
// with the number of expressions found.
#include "bench_util.hpp"

#include "annals/ingest/reader.hpp"
#include "annals/pipeline.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Doc {
    annals::Document doc;
    annals::Segmentation seg;
};

} // namespace

int main(int argc, char** argv) {
    unsigned rounds = 5;
    std::string dct = "2021-06-30", data_dir;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rounds" && i + 1 < argc) rounds = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (a == "--dct" && i + 1 < argc) dct = argv[++i];
        else if (a == "--data-dir" && i + 1 < argc) data_dir = argv[++i];
        else inputs.push_back(a);
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: annals_bench_time [--rounds R] [--dct DATE] [--data-dir DIR] INPUT...\n");
        return 2;
    }
    std::vector<Doc> docs;
    std::size_t bytes = 0;
    annals::read_inputs(
        inputs, {},
        [&](annals::Document&& d) {
            bytes += d.text.size();
            auto seg = annals::segment(d.text);
            docs.push_back({std::move(d), std::move(seg)});
        },
        [](annals::InputProblem&&) {});
    const annals::TimeTagger tagger(data_dir.empty() ? annals::default_data_dir() : data_dir);
    double best = 1e30, best_cpu = 1e30;
    std::size_t found = 0;
    for (unsigned r = 0; r < std::max(1u, rounds); ++r) {
        found = 0;
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = annals::bench::thread_cpu_seconds();
        for (const auto& d : docs) {
            std::vector<annals::Diagnostic> diags;
            const auto dd = d.doc.dct ? d.doc.dct : std::optional<std::string>(dct);
            found += tagger.tag(d.doc.text, d.seg, dd, annals::TimeMode::news, diags).size();
        }
        const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
        best = std::min(best, dt.count());
        best_cpu = std::min(best_cpu, annals::bench::thread_cpu_seconds() - c0);
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("time stage: %zu documents, %.2f MB, %zu expressions, best of %u rounds (1 thread):\n"
                "  wall %.3f s = %.1f MB/s; thread CPU %.3f s = %.1f MB/s\n",
                docs.size(), mb, found, rounds, best, mb / best, best_cpu, mb / best_cpu);
    return 0;
}
