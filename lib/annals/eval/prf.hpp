#pragma once
/// Precision, recall and F1 from match counts.

#include <cstddef>

namespace annals {

/// Counts for one measure. Precision counts system items matched, recall gold items matched;
/// they may differ when one item overlaps several.
struct Prf {
    std::size_t system = 0;
    std::size_t gold = 0;
    std::size_t system_matched = 0;
    std::size_t gold_matched = 0;

    [[nodiscard]] double precision() const noexcept {
        return system ? 100.0 * static_cast<double>(system_matched) / static_cast<double>(system) : 0.0;
    }
    [[nodiscard]] double recall() const noexcept {
        return gold ? 100.0 * static_cast<double>(gold_matched) / static_cast<double>(gold) : 0.0;
    }
    [[nodiscard]] double f1() const noexcept {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
    Prf& operator+=(const Prf& o) noexcept {
        system += o.system;
        gold += o.gold;
        system_matched += o.system_matched;
        gold_matched += o.gold_matched;
        return *this;
    }
};

} // namespace annals
