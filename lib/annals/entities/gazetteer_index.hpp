#pragma once
/// The inside of a Gazetteer: entries, countries and the name indexes, shared by the loader
/// (gazetteer_load.cpp) and the lookups (gazetteer.cpp). Not part of the public interface.

#include "annals/core/word_index.hpp"
#include "annals/entities/gazetteer.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals {

namespace detail {

/// One indexed form pointing at an entry (names) or a country (demonyms).
struct Posting {
    std::uint32_t item = 0; ///< index into entries (names) or countries (demonyms)
    std::uint32_t form = 0; ///< index into Impl::forms: the form as written, normalized
};

/// Transparent hashing so that string_view lookups need no temporary string.
struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// The name tables are asked about every word window of a text: open addressing keeps a
/// lookup to a slot and its entry, where a node-based map's bucket walks were a top cost of
/// the whole pipeline in a profile.
/// What one folded form stands for: the entries (or countries) it names, and whether it also
/// begins a longer form before a space. One table holds both, so that a window of a document
/// is looked up once to know whether it names something and whether a longer window may.
struct NameSlot {
    std::vector<Posting> postings; ///< empty for a form that only begins longer ones
    bool prefix = false;           ///< some form continues this one after a space
};
using NameIndex = WordIndex<NameSlot>;

} // namespace detail

struct Gazetteer::Impl {
    std::vector<GazEntry> entries;
    std::vector<CountryInfo> countries;
    std::vector<std::size_t> country_entry;  ///< per country: index of its entry
    std::vector<std::string> forms;          ///< normalized forms as written
    std::vector<bool> acronym;               ///< per form: no lower-case letter, so exact match only
    detail::NameIndex names;                 ///< folded form -> entries; prefix: of any name, alias or demonym
    detail::NameIndex demonyms;              ///< folded form -> countries
    std::unordered_map<std::string, std::size_t, detail::NameHash, std::equal_to<>> keys;
    std::unordered_map<std::string, std::size_t, detail::NameHash, std::equal_to<>> codes;
    detail::WordIndex<bool> first_words;
    std::size_t max_words = 0;

    /// Adds an entry; throws Error(bad_data, entry.source) when its key is already taken.
    std::size_t add_entry(GazEntry entry);
    /// add_entry() of the entry the caller has just built in place at the back of `entries`.
    std::size_t add_last_entry();
    /// Indexes the entry's name and aliases.
    void index_entry(std::size_t entry);
    /// Indexes a demonym or adjective of a country.
    void index_demonym(std::string_view form, std::size_t country);
    /// Checks parents and region countries, links countries to their entries and capitals.
    void finish();

private:
    std::uint32_t add_form(std::string_view written, detail::NameIndex& index, std::size_t item);
};

} // namespace annals
