#pragma once
/// One-to-one alignment of system and gold spans, as the TempEval-3 scorer does it.

#include "annals/core/span.hpp"

#include <optional>
#include <vector>

namespace annals {

/// For each gold span, the index of the system span aligned to it (or nullopt). Both lists
/// must be sorted by begin. Pairs are
/// chosen greedily by largest overlap, each span used at most once; ties go to the earlier
/// span so the result is deterministic.
[[nodiscard]] std::vector<std::optional<std::size_t>> align_spans(const std::vector<Span>& gold,
                                                                  const std::vector<Span>& system);

} // namespace annals
