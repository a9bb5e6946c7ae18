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
#include "annals/ingest/reader.hpp"
#include "annals/lexicon/tagger.hpp"
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
    std::vector<annals::TaggedToken> tags;
    std::vector<annals::Timex> timexes;
    std::vector<annals::Entity> entities;
};

} // namespace

int main(int argc, char** argv) {
    unsigned rounds = 3;
    std::string data_dir;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rounds" && i + 1 < argc) rounds = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (a == "--data-dir" && i + 1 < argc) data_dir = argv[++i];
        else inputs.push_back(a);
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: annals_bench_events [--rounds R] [--data-dir DIR] INPUT...\n");
        return 2;
    }
    if (data_dir.empty()) data_dir = annals::default_data_dir();
    annals::LexiconOptions lo;
    lo.data_dir = data_dir;
    const annals::Lexicon lex(lo);
    const annals::TimeTagger time(data_dir);
    const annals::EntityRecognizer rec(data_dir);
    const auto t0 = std::chrono::steady_clock::now();
    const annals::EventDetector detector(data_dir);
    const std::chrono::duration<double, std::milli> load_ms = std::chrono::steady_clock::now() - t0;

    std::vector<Doc> docs;
    std::size_t bytes = 0;
    annals::read_inputs(
        inputs, {},
        [&](annals::Document&& d) {
            bytes += d.text.size();
            Doc x{std::move(d), {}, {}, {}, {}};
            x.seg = annals::segment(x.doc.text);
            std::vector<annals::Diagnostic> diags;
            x.timexes = time.tag(x.doc.text, x.seg, x.doc.dct, annals::TimeMode::news, diags);
            x.tags = annals::tag(x.doc.text, x.seg, lex);
            std::vector<annals::Relation> relations;
            rec.recognize(x.doc.text, x.seg, x.tags, lex, x.timexes, x.entities, relations);
            docs.push_back(std::move(x));
        },
        [](annals::InputProblem&&) {});
    double best = 1e30, best_cpu = 1e30;
    std::size_t found = 0;
    for (unsigned r = 0; r < std::max(1u, rounds); ++r) {
        found = 0;
        const auto w0 = std::chrono::steady_clock::now();
        const double c0 = annals::bench::thread_cpu_seconds();
        for (const auto& d : docs) {
            std::vector<annals::Event> events;
            std::vector<annals::Relation> relations;
            detector.detect({d.doc.text, d.seg, d.tags, lex, d.entities, d.timexes, d.doc.dct}, events, relations);
            found += events.size();
        }
        const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - w0;
        best = std::min(best, dt.count());
        best_cpu = std::min(best_cpu, annals::bench::thread_cpu_seconds() - c0);
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("start-up: ontology, triggers and cues %.0f ms\n"
                "event stage: %zu documents, %.2f MB, %zu events, best of %u rounds (1 thread):\n"
                "  wall %.3f s = %.1f MB/s; thread CPU %.3f s = %.1f MB/s\n",
                load_ms.count(), docs.size(), mb, found, rounds, best, mb / best, best_cpu, mb / best_cpu);
    return 0;
}
