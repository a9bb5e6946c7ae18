// Benchmark of the part-of-speech tagger alone: start-up of the lexicon, then MB/s on one
// thread on a first pass (every word new to the tagger) and on a warm pass.
//
//   annals_bench_tagger [--rounds R] [--data-dir DIR] INPUT...
//
// Every input is read and segmented first. Each round loads a fresh Lexicon (timed as start-up;
// a new lexicon also starts the tagger's word cache afresh), then tags every document twice:
// the first pass meets every word for the first time, the second finds them known. The fastest
// of each is reported, with a checksum of all tags and lemmas so that two builds can be compared.
#include "bench_util.hpp"

#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/pipeline.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace {

/// FNV-1a over every tag and lemma, in document order.
std::uint64_t checksum(const std::vector<annals::TaggedToken>& tags, std::uint64_t h) {
    auto mix = [&](unsigned char c) {
        h ^= c;
        h *= 1099511628211ULL;
    };
    for (const auto& t : tags) {
        mix(static_cast<unsigned char>(t.tag));
        for (const char c : t.lemma) mix(static_cast<unsigned char>(c));
        mix(0);
    }
    return h;
}

} // namespace

int main(int argc, char** argv) {
    const auto args = annals::bench::stage_args(argc, argv, "annals_bench_tagger", 3);
    if (!args) return 2;
    annals::LexiconOptions lo;
    lo.data_dir = args->data_dir.empty() ? annals::default_data_dir() : args->data_dir;
    std::size_t bytes = 0, tokens = 0;
    const auto docs =
        annals::bench::read_staged(args->inputs, bytes, [&](annals::bench::StagedDoc& x) { tokens += x.seg.tokens.size(); });
    double best_load = 1e30, best_first = 1e30, best_warm = 1e30;
    std::uint64_t sum = 14695981039346656037ULL;
    for (unsigned r = 0; r < args->rounds; ++r) {
        const double c0 = annals::bench::thread_cpu_seconds();
        const annals::Lexicon lex(lo);
        const double c1 = annals::bench::thread_cpu_seconds();
        std::uint64_t h = 14695981039346656037ULL;
        for (const auto& d : docs) h = checksum(annals::tag(d.doc.text, d.seg, lex), h);
        const double c2 = annals::bench::thread_cpu_seconds();
        for (const auto& d : docs) (void)annals::tag(d.doc.text, d.seg, lex);
        const double c3 = annals::bench::thread_cpu_seconds();
        best_load = std::min(best_load, c1 - c0);
        best_first = std::min(best_first, c2 - c1);
        best_warm = std::min(best_warm, c3 - c2);
        sum = h;
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("tagger: %zu documents, %.2f MB, %zu tokens, checksum %016llx, best of %u rounds (1 thread, CPU):\n"
                "  start-up %.1f ms; first pass %.3f s = %.1f MB/s; warm %.3f s = %.1f MB/s\n",
                docs.size(), mb, tokens, static_cast<unsigned long long>(sum), args->rounds, best_load * 1e3,
                best_first, mb / best_first, best_warm, mb / best_warm);
    return 0;
}
