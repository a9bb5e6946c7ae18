#include "annals/eval/span_match.hpp"

#include <algorithm>
#include <tuple>

namespace annals {

std::vector<std::optional<std::size_t>> align_spans(const std::vector<Span>& gold, const std::vector<Span>& system) {
    struct Pair {
        std::size_t overlap, g, s;
    };
    std::vector<Pair> pairs;
    // Both lists are in text order, so a sweep finds the overlapping pairs without n*m work.
    std::size_t start = 0;
    for (std::size_t g = 0; g < gold.size(); ++g) {
        while (start < system.size() && system[start].end <= gold[g].begin) ++start;
        for (std::size_t s = start; s < system.size() && system[s].begin < gold[g].end; ++s) {
            if (!gold[g].overlaps(system[s])) continue;
            const std::size_t ov = std::min(gold[g].end, system[s].end) - std::max(gold[g].begin, system[s].begin);
            pairs.push_back({ov, g, s});
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
        return std::tie(b.overlap, a.g, a.s) < std::tie(a.overlap, b.g, b.s);
    });
    std::vector<std::optional<std::size_t>> out(gold.size());
    std::vector<bool> used(system.size(), false);
    for (const auto& p : pairs) {
        if (out[p.g] || used[p.s]) continue;
        out[p.g] = p.s;
        used[p.s] = true;
    }
    return out;
}

} // namespace annals
