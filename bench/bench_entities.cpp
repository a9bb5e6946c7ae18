// Benchmark of the entity stage alone: start-up with every dictionary loaded, then MB/s on one
// thread.
//
//   annals_bench_entities [--rounds R] [--data-dir DIR] INPUT...
//
// Start-up is the time to load the lexicon and the recognizer (gazetteer, actor dictionaries,
// cue words), the two resources the stage reads. Every input is then segmented, tagged and
// time-tagged first; each round runs EntityRecognizer::recognize over all documents on the
// calling thread, and the fastest round is reported with the number of entities found.
#include "annals/entities/recognizer.hpp"
#include "bench_util.hpp"

#include "annals/lexicon/tagger.hpp"
#include "annals/pipeline.hpp"
#include "annals/time/tagger.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const auto args = annals::bench::stage_args(argc, argv, "annals_bench_entities", 3);
    if (!args) return 2;
    const std::string data_dir = args->data_dir.empty() ? annals::default_data_dir() : args->data_dir;
    const auto t0 = std::chrono::steady_clock::now();
    annals::LexiconOptions lo;
    lo.data_dir = data_dir;
    const annals::Lexicon lex(lo);
    const auto t1 = std::chrono::steady_clock::now();
    const annals::EntityRecognizer rec(data_dir);
    const std::chrono::duration<double, std::milli> lex_ms = t1 - t0, rec_ms = std::chrono::steady_clock::now() - t1;

    const annals::TimeTagger time(data_dir);
    std::size_t bytes = 0;
    const auto docs = annals::bench::read_staged(args->inputs, bytes, [&](annals::bench::StagedDoc& x) {
        x.tags = annals::tag(x.doc.text, x.seg, lex);
        std::vector<annals::Diagnostic> diags;
        x.timexes = time.tag(x.doc.text, x.seg, x.doc.dct, annals::TimeMode::news, diags);
    });
    std::printf("start-up: lexicon %.0f ms + gazetteer, dictionaries and cues %.0f ms = %.0f ms\n", lex_ms.count(),
                rec_ms.count(), lex_ms.count() + rec_ms.count());
    annals::bench::best_of("entity stage", "entities", docs.size(), bytes, args->rounds, [&] {
        std::size_t found = 0;
        for (const auto& d : docs) {
            std::vector<annals::Entity> entities;
            std::vector<annals::Relation> relations;
            rec.recognize(d.doc.text, d.seg, d.tags, lex, d.timexes, entities, relations);
            found += entities.size();
        }
        return found;
    });
    return 0;
}
