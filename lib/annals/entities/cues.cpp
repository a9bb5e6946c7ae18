#include "annals/entities/cues.hpp"

#include "annals/core/data_file.hpp"
#include "annals/core/error.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace annals {

namespace {

constexpr std::array<std::pair<std::string_view, Cue>, 9> kinds{{
    {"honorific", Cue::honorific},
    {"role", Cue::role},
    {"role_mod", Cue::role_mod},
    {"org_head", Cue::org_head},
    {"org_first", Cue::org_first},
    {"place_head", Cue::place_head},
    {"fac_head", Cue::fac_head},
    {"particle", Cue::particle},
    {"group", Cue::group},
}};

bool has_lower(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

} // namespace


EntityCues EntityCues::load(const std::string& data_dir) {
    EntityCues cues;
    const std::string path = data_dir + "/entities/cues.tsv";
    detail::read_data_file(path, "annals.entity_cues/1", [&](const detail::DataRow& row) {
        const std::string word(row.fields[0]);
        const auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == row.fields[1]; });
        if (word.empty() || kind == kinds.end())
            throw Error(Errc::bad_data, row.where, "a cue needs a word and a known kind, got '" + std::string(row.fields[1]) + "'");
        const auto bit = static_cast<std::uint16_t>(kind->second);
        if (kind->second == Cue::group) {
            if (row.fields[2].empty()) throw Error(Errc::bad_data, row.where, "a group cue needs its canonical name");
            cues.groups_[ascii_lower(word)] = std::string(row.fields[2]);
            const auto words = static_cast<std::size_t>(std::count(word.begin(), word.end(), ' ')) + 1;
            cues.max_group_words_ = std::max(cues.max_group_words_, words);
        }
        if (has_lower(word)) cues.folded_[ascii_lower(word)] |= bit;
        else cues.exact_[word] |= bit;
    }, 3);
    return cues;
}

EntityCues::Table::const_iterator EntityCues::find_folded(std::string_view word) const {
    thread_local std::string lower;
    lower.assign(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded_.find(std::string_view(lower));
}

std::uint16_t EntityCues::bits(std::string_view word) const {
    std::uint16_t out = 0;
    if (auto it = exact_.find(word); it != exact_.end()) out |= it->second;
    if (auto it = find_folded(word); it != folded_.end()) out |= it->second;
    return out;
}

std::uint16_t EntityCues::bits(std::string_view word, std::string_view lower) const {
    std::uint16_t out = 0;
    // Exact cues have no lower-case letter: most words cannot be one.
    if (!has_lower(word))
        if (auto it = exact_.find(word); it != exact_.end()) out |= it->second;
    if (auto it = folded_.find(lower); it != folded_.end()) out |= it->second;
    return out;
}

bool EntityCues::is(std::string_view word, Cue cue) const {
    const auto bit = static_cast<std::uint16_t>(cue);
    if (auto it = exact_.find(word); it != exact_.end() && (it->second & bit)) return true;
    auto it = find_folded(word);
    return it != folded_.end() && (it->second & bit);
}

const std::string* EntityCues::group(std::string_view phrase) const {
    auto it = groups_.find(phrase);
    return it == groups_.end() ? nullptr : &it->second;
}

} // namespace annals
