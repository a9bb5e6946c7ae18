// Benchmark of the event stage alone: MB/s on one thread.
//
//   annals_bench_events [--rounds R] [--data-dir DIR] INPUT...
//
// Every input is first segmented, time-tagged, POS-tagged and run through the entity stage,
// outside the timing; each round then runs EventDetector::detect over all documents on the
// calling thread, and the fastest round is reported with the number of events found.
#include "annals/events/detector.hpp"
#include "bench_util.hpp"

#include "annals/entities/recognizer.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/pipeline.hpp"
#include "annals/time/tagger.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const auto args = annals::bench::stage_args(argc, argv, "annals_bench_events", 3);
    if (!args) return 2;
    const std::string data_dir = args->data_dir.empty() ? annals::default_data_dir() : args->data_dir;
    annals::LexiconOptions lo;
    lo.data_dir = data_dir;
    const annals::Lexicon lex(lo);
    const annals::TimeTagger time(data_dir);
    const annals::EntityRecognizer rec(data_dir);
    const auto t0 = std::chrono::steady_clock::now();
    const annals::EventDetector detector(data_dir);
    const std::chrono::duration<double, std::milli> load_ms = std::chrono::steady_clock::now() - t0;

    std::size_t bytes = 0;
    const auto docs = annals::bench::read_staged(args->inputs, bytes, [&](annals::bench::StagedDoc& x) {
        std::vector<annals::Diagnostic> diags;
        x.timexes = time.tag(x.doc.text, x.seg, x.doc.dct, annals::TimeMode::news, diags);
        x.tags = annals::tag(x.doc.text, x.seg, lex);
        std::vector<annals::Relation> relations;
        rec.recognize(x.doc.text, x.seg, x.tags, lex, x.timexes, x.entities, relations);
    });
    std::printf("start-up: ontology, triggers and cues %.0f ms\n", load_ms.count());
    annals::bench::best_of("event stage", "events", docs.size(), bytes, args->rounds, [&] {
        std::size_t found = 0;
        for (const auto& d : docs) {
            std::vector<annals::Event> events;
            std::vector<annals::Relation> relations;
            detector.detect({d.doc.text, d.seg, d.tags, lex, d.entities, d.timexes, d.doc.dct}, events, relations);
            found += events.size();
        }
        return found;
    });
    return 0;
}
