#pragma once
/// The gazetteer and the actor dictionaries: every known place and named organization with its
/// aliases, merge key, coordinates and parent, loaded from the data files of lib/data/gazetteer
/// and lib/data/actors (and user dictionaries in the actors format), with lookups by name.

#include "annals/entities/entity.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// How a lookup compares letter case. In every mode an alias with no lower-case letter (an
/// acronym such as "US", "IS", "WHO", "U.S.") matches only its exact form, so "us", "is" and
/// "who" never match.
enum class MatchCase {
    name,  ///< the exact form, or any case when the query has an upper-case letter ("ITALY",
           ///< "Al-qaeda"); an all lower-case query ("nice", "mobile") matches only exactly
    exact, ///< the exact form only
    any,   ///< any case
};

/// One known place or actor.
struct GazEntry {
    std::string key;     ///< stable merge key: "country:ita", "city:3169070", "subdivision:IT.07",
                         ///< "region:middle-east", "continent:europe", "water:red-sea", "org:isis"
    std::string name;    ///< canonical name
    std::string type;    ///< gpe | location | organization | person | group | facility
    std::string subtype; ///< country | state | city | continent | region | water | armed_group | ...
    std::string country; ///< ISO 3166-1 alpha-3 it belongs to or acts for; empty if none or several
    std::optional<GeoPoint> geo;       ///< coordinates of places; empty for actors
    std::uint64_t population = 0;      ///< cities: population; countries: a ranking weight
    std::string parent;                ///< key of the parent entry, or empty
    std::string relation;              ///< to the parent: located_in | part_of | affiliate_of | member_of
    std::vector<std::string> aliases;  ///< other names, as written in the data
    std::vector<std::string> countries;///< regions: the countries they cover (alpha-3), if listed
    std::vector<std::string> flags;    ///< "capital", "word" (also an ordinary word), "independent"
    std::string source;                ///< "file:line" of its row, for diagnostics

    [[nodiscard]] bool has_flag(std::string_view f) const;
};

/// What the countries table adds to a country's entry.
struct CountryInfo {
    std::string alpha2;
    std::string alpha3;
    std::string official;                 ///< "Italian Republic"
    std::string capital;                  ///< capital's name ("Rome")
    std::string capital_key;              ///< its cities.tsv key, or empty when not in the table
    std::string continent;                ///< "Europe", "North America", ...
    std::string subregion;                ///< "Southern Europe", ...
    std::vector<std::string> adjectives;  ///< "Italian", "US", "U.S."
    std::vector<std::string> demonyms;    ///< people nouns: "Italians", "Briton"
    const GazEntry* entry = nullptr;      ///< the country's entry (type gpe, subtype country)
};

/// Loaded data with lookups. Build it once with load(); afterwards every member is const and
/// safe to call from any number of threads. Returned pointers live as long as the Gazetteer.
class Gazetteer {
public:
    /// Reads data_dir/gazetteer/{countries,subdivisions,cities,regions}.tsv, every
    /// data_dir/actors/*.tsv (in name order) and then each of `dictionaries` (actors format).
    /// Throws Error(Errc::io) when a file cannot be read and Error(Errc::bad_data, "file:line")
    /// for a wrong format line, a malformed row, a duplicate key or a parent that is not loaded.
    [[nodiscard]] static Gazetteer load(const std::string& data_dir,
                                        const std::vector<std::string>& dictionaries = {});

    Gazetteer();
    ~Gazetteer();
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;

    /// Every entry whose name or alias is `text`, best first: exact-case matches, then actors,
    /// countries, regions, cities and subdivisions, larger population first within a kind.
    /// `text` is compared after collapsing white space and unifying apostrophes and dashes.
    [[nodiscard]] std::vector<const GazEntry*> find(std::string_view text, MatchCase mode = MatchCase::name) const;

    /// The best entry of find(), or nullptr.
    [[nodiscard]] const GazEntry* find_best(std::string_view text, MatchCase mode = MatchCase::name) const;

    /// find_best() for a caller that has folded the text already: `text` must be in normal form
    /// (normalize_name(text) == text) and `folded` must be fold_name(text). Allocates nothing,
    /// so a caller can try every window of a document cheaply.
    [[nodiscard]] const GazEntry* find_best_folded(std::string_view text, std::string_view folded,
                                                   MatchCase mode = MatchCase::name) const;
    /// find_best_folded(), setting `continues` to may_continue_folded(folded): both answers
    /// from one lookup, for a caller growing a window word by word.
    [[nodiscard]] const GazEntry* find_best_folded(std::string_view text, std::string_view folded, bool& continues,
                                                   MatchCase mode = MatchCase::name) const;

    /// Cities named `text`, most populous first ("Alexandria": Egypt, then Virginia ...), so a
    /// caller can prefer the one in the document's country.
    [[nodiscard]] std::vector<const GazEntry*> cities(std::string_view text, MatchCase mode = MatchCase::name) const;

    /// The first of cities(text, mode) whose country is one of `countries`, or nullptr; builds
    /// no list, so a caller can ask it for every city a document names.
    [[nodiscard]] const GazEntry* city_in(std::string_view text, std::span<const std::string> countries,
                                          MatchCase mode = MatchCase::name) const;

    /// Countries whose adjective or people noun is `word` ("Italian", "Afghans", "US", "Briton"),
    /// best first (independent countries and larger weight first: "Dominican" gives the
    /// Dominican Republic before Dominica).
    [[nodiscard]] std::vector<const CountryInfo*> countries_by_demonym(std::string_view word,
                                                                       MatchCase mode = MatchCase::name) const;

    /// The best of countries_by_demonym(), or nullptr.
    [[nodiscard]] const CountryInfo* country_by_demonym(std::string_view word, MatchCase mode = MatchCase::name) const;

    /// country_by_demonym() for a caller that has folded the word already, on the terms of
    /// find_best_folded(); allocates nothing.
    [[nodiscard]] const CountryInfo* country_by_demonym_folded(std::string_view word, std::string_view folded,
                                                               MatchCase mode = MatchCase::name) const;

    /// A country by ISO alpha-2 or alpha-3 code in upper case ("IT", "ITA"), or nullptr.
    [[nodiscard]] const CountryInfo* country(std::string_view code) const;

    /// The entry with this key, or nullptr.
    [[nodiscard]] const GazEntry* by_key(std::string_view key) const;

    /// The entry's parent, or nullptr.
    [[nodiscard]] const GazEntry* parent_of(const GazEntry& e) const;

    /// True when some name, alias or demonym begins with this word (any case): a cheap test
    /// before trying longer spans.
    [[nodiscard]] bool may_start(std::string_view word) const;

    /// True when some name, alias or demonym continues `text` after a space ("New" and "New
    /// York" continue, "New Yorkers" does not): where growing a window can stop.
    [[nodiscard]] bool may_continue(std::string_view text) const;

    /// may_start() and may_continue() of a text already folded with fold_name().
    [[nodiscard]] bool may_start_folded(std::string_view folded) const;
    [[nodiscard]] bool may_continue_folded(std::string_view folded) const;

    /// The largest number of space-separated words in any name, alias or demonym.
    [[nodiscard]] std::size_t max_words() const;

    /// All entries, in load order (gazetteer files, then dictionaries).
    [[nodiscard]] const std::vector<GazEntry>& entries() const;

    /// Number of distinct lookup forms (names, aliases and demonyms) indexed.
    [[nodiscard]] std::size_t form_count() const;

    struct Impl; ///< defined in gazetteer.cpp; the loader fills it
private:
    std::unique_ptr<Impl> impl_;
};

/// Collapses white space runs to one space, trims, turns curly apostrophes into "'" and dashes
/// into "-" with no spaces around them: the form names are compared in.
[[nodiscard]] std::string normalize_name(std::string_view text);

/// normalize_name() folded to lower case (full Unicode case folding).
[[nodiscard]] std::string fold_name(std::string_view text);

} // namespace annals
