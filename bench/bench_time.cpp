// Benchmark of the time stage alone: MB/s on one thread.
//
//   annals_bench_time [--rounds R] [--dct YYYY-MM-DD] [--data-dir DIR] INPUT...  (the DCT of texts without one)
//
// Every input (files, folders, JSON Lines) is read and segmented first; then each round runs
// TimeTagger::tag over all documents on the calling thread, and the fastest round is reported
// with the number of expressions found.
#include "bench_util.hpp"

#include "annals/pipeline.hpp"
#include "annals/time/tagger.hpp"

#include <optional>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const auto args = annals::bench::stage_args(argc, argv, "annals_bench_time", 5);
    if (!args) return 2;
    std::size_t bytes = 0;
    const auto docs = annals::bench::read_staged(args->inputs, bytes, [](annals::bench::StagedDoc&) {});
    const annals::TimeTagger tagger(args->data_dir.empty() ? annals::default_data_dir() : args->data_dir);
    const std::optional<std::string> dct(args->dct);
    annals::bench::best_of("time stage", "expressions", docs.size(), bytes, args->rounds, [&] {
        std::size_t found = 0;
        for (const auto& d : docs) {
            std::vector<annals::Diagnostic> diags;
            found += tagger.tag(d.doc.text, d.seg, d.doc.dct ? d.doc.dct : dct, annals::TimeMode::news, diags).size();
        }
        return found;
    });
    return 0;
}
