// Benchmark of segmentation alone (annals::segment): MB/s on one thread.
//
//   annals_bench_segment [--rounds R] INPUT...
//
// Every input (files, folders, JSON Lines) is read first; then each round segments every
// document on the calling thread, and the fastest round is reported with the number of tokens
// found and a checksum of every token and sentence, so that two builds can be compared.
#include "bench_util.hpp"

#include "annals/text/segment.hpp"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

/// FNV-1a over the spans, kinds and flags of every token and the spans of every sentence.
std::uint64_t checksum(const annals::Segmentation& seg, std::uint64_t h) {
    auto mix = [&](std::uint64_t v) {
        h ^= v;
        h *= 1099511628211ULL;
    };
    for (const auto& t : seg.tokens) {
        mix(t.span.begin);
        mix(t.span.end);
        mix(static_cast<std::uint64_t>(t.kind) | (t.space_before ? 0x100U : 0U) | (t.newline_before ? 0x200U : 0U) |
            (t.blank_line_before ? 0x400U : 0U));
    }
    for (const auto& s : seg.sentences) {
        mix(s.span.begin);
        mix(s.span.end);
        mix(s.first_token);
        mix(s.token_count);
    }
    return h;
}

} // namespace

int main(int argc, char** argv) {
    const auto args = annals::bench::stage_args(argc, argv, "annals_bench_segment", 5);
    if (!args) return 2;
    std::size_t bytes = 0;
    const auto docs = annals::bench::read_staged(args->inputs, bytes, [](annals::bench::StagedDoc&) {});
    std::uint64_t sum = 1469598103934665603ULL;
    annals::bench::best_of("segmentation", "tokens", docs.size(), bytes, args->rounds, [&] {
        std::size_t found = 0;
        sum = 1469598103934665603ULL;
        for (const auto& d : docs) {
            const auto seg = annals::segment(d.doc.text);
            found += seg.tokens.size();
            sum = checksum(seg, sum);
        }
        return found;
    });
    std::printf("  checksum %016llx\n", static_cast<unsigned long long>(sum));
    return 0;
}
