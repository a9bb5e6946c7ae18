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

std::uint16_t EntityCues::find_folded(std::string_view word) const {
    thread_local std::string lower;
    lower.assign(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const auto* bits = folded_.find(lower);
    return bits ? *bits : 0;
}

std::uint16_t EntityCues::bits(std::string_view word) const {
    std::uint16_t out = find_folded(word);
    if (const auto* b = exact_.find(word)) out |= *b;
    return out;
}

std::uint16_t EntityCues::bits(std::string_view word, std::string_view lower) const {
    std::uint16_t out = 0;
    // Exact cues have no lower-case letter: most words cannot be one.
    if (!has_lower(word))
        if (const auto* b = exact_.find(word)) out |= *b;
    if (const auto* b = folded_.find(lower)) out |= *b;
    return out;
}

bool EntityCues::is(std::string_view word, Cue cue) const {
    const auto bit = static_cast<std::uint16_t>(cue);
    if (const auto* b = exact_.find(word); b && (*b & bit)) return true;
    return (find_folded(word) & bit) != 0;
}

const std::string* EntityCues::group(std::string_view phrase) const { return groups_.find(phrase); }

} // namespace annals
