#include "annals/pipeline.hpp"

#include "annals/text/segment.hpp"

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
};

Pipeline::Pipeline(PipelineOptions opts) : impl_(std::make_unique<Impl>()) {
    if (opts.data_dir.empty()) opts.data_dir = default_data_dir();
    impl_->opts = std::move(opts);
}

Pipeline::~Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;

Extraction Pipeline::extract(Document doc) const {
    Extraction x;
    x.segmentation = segment(doc.text);
    x.doc = std::move(doc);
    return x;
}

} // namespace annals
