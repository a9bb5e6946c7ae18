#include "annals/pipeline.hpp"

#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"

#include <cstdlib>

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
};

Pipeline::Pipeline(PipelineOptions opts) {
    if (opts.data_dir.empty()) opts.data_dir = default_data_dir();
    TimeTagger time(opts.data_dir);
    impl_ = std::make_unique<Impl>(Impl{std::move(opts), std::move(time)});
}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

Extraction Pipeline::extract(Document doc) const {
    Extraction x;
    x.segmentation = segment(doc.text);
    x.timexes = impl_->time.tag(doc.text, x.segmentation, doc.dct, impl_->opts.mode, x.diagnostics);
    x.doc = std::move(doc);
    return x;
}

} // namespace annals
