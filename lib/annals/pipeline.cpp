#include "annals/pipeline.hpp"

#include "annals/entities/recognizer.hpp"
#include "annals/events/detector.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"

#include <cstdlib>
#include <future>

#ifndef ANNALS_DATA_DIR
#define ANNALS_DATA_DIR "share/annals"
#endif

namespace annals {

std::string default_data_dir() {
    if (const char* env = std::getenv("ANNALS_DATA_DIR"); env && *env) return env;
    return ANNALS_DATA_DIR;
}

struct Pipeline::Impl {
    PipelineOptions opts;
    TimeTagger time;
    Lexicon lexicon;
    EntityRecognizer entities;
    EventDetector events;
};

namespace {

LexiconOptions lexicon_options(const PipelineOptions& opts) {
    LexiconOptions lo;
    lo.data_dir = opts.data_dir;
    return lo;
}

} // namespace

Pipeline::Pipeline(PipelineOptions opts) {
    if (opts.data_dir.empty()) opts.data_dir = default_data_dir();
    // The resources load independently: on several cores start-up takes the slowest of them,
    // not their sum. A loader's exception comes out of get(); the other futures wait in their
    // destructors, so nothing outlives the constructor.
    auto lexicon = std::async(std::launch::async, [&opts] { return Lexicon(lexicon_options(opts)); });
    auto entities = std::async(std::launch::async, [&opts] { return EntityRecognizer(opts.data_dir, opts.dictionaries); });
    TimeTagger time(opts.data_dir);
    EventDetector events(opts.data_dir, opts.triggers);
    Lexicon lex = lexicon.get();
    EntityRecognizer names = entities.get();
    impl_ = std::make_unique<Impl>(
        Impl{std::move(opts), std::move(time), std::move(lex), std::move(names), std::move(events)});
}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

Extraction Pipeline::extract(Document doc) const {
    Extraction x;
    x.segmentation = segment(doc.text);
    x.timexes = impl_->time.tag(doc.text, x.segmentation, doc.dct, impl_->opts.mode, x.diagnostics);
    const auto tags = tag(doc.text, x.segmentation, impl_->lexicon);
    impl_->entities.recognize(doc.text, x.segmentation, tags, impl_->lexicon, x.timexes, x.entities, x.relations);
    // Events last: they read the entities and timexes.
    impl_->events.detect({doc.text, x.segmentation, tags, impl_->lexicon, x.entities, x.timexes, doc.dct}, x.events,
                         x.relations);
    x.doc = std::move(doc);
    return x;
}

} // namespace annals
