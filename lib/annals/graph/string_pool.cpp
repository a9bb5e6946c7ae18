#include "annals/graph/string_pool.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <numeric>

namespace annals {
namespace {

constexpr std::size_t kBlock = std::size_t{1} << 20;

std::uint32_t hash_of(std::string_view s) { return static_cast<std::uint32_t>(std::hash<std::string_view>{}(s)); }

} // namespace

std::string_view StringPool::keep(std::string_view s) {
    if (s.size() > left_) {
        const std::size_t n = std::max(kBlock, s.size());
        blocks_.push_back(std::make_unique<char[]>(n));
        free_ = blocks_.back().get();
        left_ = n;
    }
    if (!s.empty()) std::memcpy(free_, s.data(), s.size());
    const std::string_view kept(free_, s.size());
    free_ += s.size();
    left_ -= s.size();
    return kept;
}

void StringPool::grow() {
    std::vector<Id> slots(std::max<std::size_t>(1024, slots_.size() * 2), kNone);
    const std::size_t mask = slots.size() - 1;
    for (Id id = 0; id < views_.size(); ++id) {
        std::size_t i = hashes_[id] & mask;
        while (slots[i] != kNone) i = (i + 1) & mask;
        slots[i] = id;
    }
    slots_.swap(slots);
}

StringPool::Id StringPool::intern(std::string_view s) {
    if (2 * (views_.size() + 1) > slots_.size()) grow();
    const std::uint32_t h = hash_of(s);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (; slots_[i] != kNone; i = (i + 1) & mask)
        if (hashes_[slots_[i]] == h && views_[slots_[i]] == s) return slots_[i];
    const Id id = static_cast<Id>(views_.size());
    views_.push_back(keep(s));
    hashes_.push_back(h);
    slots_[i] = id;
    return id;
}

StringPool::Ranks StringPool::ranks() const {
    std::vector<Id> order(views_.size());
    std::iota(order.begin(), order.end(), Id{0});
    std::sort(order.begin(), order.end(), [this](Id a, Id b) { return views_[a] < views_[b]; });
    Ranks r;
    r.rank_.resize(views_.size());
    for (std::size_t i = 0; i < order.size(); ++i) r.rank_[order[i]] = static_cast<std::uint32_t>(i + 1);
    return r;
}

} // namespace annals
