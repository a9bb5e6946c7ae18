#pragma once
/// Synthetic extraction records for benchmarks and stress tests: deterministic documents
/// with actors, places, dated events and relations drawn from fixed pools.

#include "annals/record/extraction.hpp"

#include <cstddef>
#include <cstdint>

namespace annals {

struct SyntheticOptions {
    std::size_t actors = 2000;
    std::size_t places = 200;
    std::size_t events_per_doc = 10;
    std::uint64_t seed = 1;
};

/// Document `i` of the synthetic corpus (its text, sentences, entities, events with a day
/// each, one relation per event). The same i and options give the same document. Thread-safe.
[[nodiscard]] Extraction synthetic_document(std::size_t i, const SyntheticOptions& opts);

} // namespace annals
