#include "annals/lexicon/string_table.hpp"

namespace annals::detail {

void StringTable::reserve(std::size_t n) {
    keys_.reserve(n);
    std::size_t want = 16;
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) {
        slots_.assign(want, Slot{});
        for (std::uint32_t id = 0; id < keys_.size(); ++id) {
            const auto h = string_hash(keys_[id]);
            std::size_t i = h & (slots_.size() - 1);
            while (slots_[i].id != npos) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = {static_cast<std::uint32_t>(h), id};
        }
    }
}

void StringTable::grow() { reserve(slots_.empty() ? 8 : slots_.size()); }

std::uint32_t StringTable::insert(std::string_view key) {
    if (2 * (keys_.size() + 1) > slots_.size()) grow();
    const auto h = string_hash(key);
    const auto h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].id != npos) {
        if (slots_[i].hash == h32 && keys_[slots_[i].id] == key) return slots_[i].id;
        i = (i + 1) & (slots_.size() - 1);
    }
    const auto id = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back(key);
    slots_[i] = {h32, id};
    return id;
}

std::uint32_t StringTable::find(std::string_view key, std::uint64_t h) const noexcept {
    if (slots_.empty()) return npos;
    const auto h32 = static_cast<std::uint32_t>(h);
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].id != npos) {
        if (slots_[i].hash == h32 && keys_[slots_[i].id] == key) return slots_[i].id;
        i = (i + 1) & (slots_.size() - 1);
    }
    return npos;
}

} // namespace annals::detail
