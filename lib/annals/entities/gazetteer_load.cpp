// Reads the gazetteer and actor TSV files into a Gazetteer::Impl, checking every row.

#include "annals/core/error.hpp"
#include "annals/entities/gazetteer.hpp"
#include "annals/entities/gazetteer_index.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace annals {
namespace {

/// One data row: its cells and "file:line".
struct Row {
    std::vector<std::string> cells;
    std::string where;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, path, "cannot open the data file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Checks the format line, then splits each data row on tabs; a row must have between
/// `min_cells` and `max_cells` cells (trailing optional cells may be left out).
std::vector<Row> read_table(const std::string& path, std::string_view format, std::size_t min_cells, std::size_t max_cells) {
    const std::string text = read_file(path);
    std::vector<Row> rows;
    std::size_t line_no = 0;
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::string_view line(text.data() + b, e - b);
        b = e + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string where = path + ":" + std::to_string(line_no);
        if (line_no == 1 && line != "# format: " + std::string(format))
            throw Error(Errc::bad_data, where, "expected '# format: " + std::string(format) + "'");
        if (line.empty() || line.front() == '#') continue;
        Row row{{}, where};
        for (std::size_t s = 0;;) {
            const std::size_t t = line.find('\t', s);
            row.cells.emplace_back(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
            if (t == std::string_view::npos) break;
            s = t + 1;
        }
        if (row.cells.size() < min_cells || row.cells.size() > max_cells)
            throw Error(Errc::bad_data, where, std::to_string(row.cells.size()) + " columns; expected " +
                                                   (min_cells == max_cells ? std::to_string(min_cells)
                                                                           : std::to_string(min_cells) + " to " + std::to_string(max_cells)));
        row.cells.resize(max_cells);
        rows.push_back(std::move(row));
    }
    if (line_no == 0) throw Error(Errc::bad_data, path, "empty file");
    return rows;
}

std::vector<std::string> split_bar(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < s.size();) {
        std::size_t e = s.find('|', b);
        if (e == std::string::npos) e = s.size();
        if (e > b) out.push_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

const std::string& need(const Row& r, std::size_t i, std::string_view what) {
    if (r.cells[i].empty()) throw Error(Errc::bad_data, r.where, "empty " + std::string(what));
    return r.cells[i];
}

double number(const Row& r, std::size_t i, std::string_view what, double lo, double hi) {
    const auto& s = r.cells[i];
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi)
        throw Error(Errc::bad_data, r.where, "bad " + std::string(what) + " '" + s + "'");
    return v;
}

std::uint64_t count(const Row& r, std::size_t i, std::string_view what) {
    const auto& s = r.cells[i];
    std::uint64_t v = 0;
    if (s.empty()) return 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) throw Error(Errc::bad_data, r.where, "bad " + std::string(what) + " '" + s + "'");
    return v;
}

GeoPoint point(const Row& r, std::size_t lat, std::size_t lon) {
    return {number(r, lat, "latitude", -90, 90), number(r, lon, "longitude", -180, 180)};
}

bool is_alpha3(std::string_view s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) { return std::find(set.begin(), set.end(), s) != set.end(); }

// ---- the five tables

void load_countries(Gazetteer::Impl& g, const std::string& path) {
    enum { A2, A3, NAME, OFFICIAL, ALIASES, ADJ, PEOPLE, CAPITAL, LAT, LON, CONTINENT, SUBREGION, WEIGHT, STATUS, N };
    for (const auto& r : read_table(path, "annals.gazetteer.countries/1", N, N)) {
        if (need(r, A2, "alpha2").size() != 2 || !is_alpha3(need(r, A3, "alpha3")))
            throw Error(Errc::bad_data, r.where, "bad ISO code '" + r.cells[A2] + "' / '" + r.cells[A3] + "'");
        GazEntry e{"country:" + lower(r.cells[A3]), need(r, NAME, "name"), "gpe", "country", r.cells[A3], point(r, LAT, LON),
                   count(r, WEIGHT, "weight"), "", "", split_bar(r.cells[ALIASES]), {}, {}, r.where};
        if (!r.cells[OFFICIAL].empty() && r.cells[OFFICIAL] != e.name) e.aliases.push_back(r.cells[OFFICIAL]);
        if (!r.cells[STATUS].empty()) e.flags.push_back(r.cells[STATUS]);
        const std::size_t entry = g.add_entry(std::move(e));
        g.index_entry(entry);
        const std::size_t ci = g.countries.size();
        g.countries.push_back({r.cells[A2], r.cells[A3], r.cells[OFFICIAL], r.cells[CAPITAL], "", r.cells[CONTINENT],
                               r.cells[SUBREGION], split_bar(r.cells[ADJ]), split_bar(r.cells[PEOPLE]), nullptr});
        g.country_entry.push_back(entry);
        for (const auto* code : {&r.cells[A2], &r.cells[A3]})
            if (!g.codes.emplace(*code, ci).second) throw Error(Errc::bad_data, r.where, "duplicate country code '" + *code + "'");
        for (const auto& a : g.countries[ci].adjectives) g.index_demonym(a, ci);
        for (const auto& a : g.countries[ci].demonyms) g.index_demonym(a, ci);
    }
}

/// Cities and first-level subdivisions: places located in a country.
void load_places(Gazetteer::Impl& g, const std::string& path, bool cities) {
    enum { KEY, NAME, ALIASES, COUNTRY, AREA_CODE, LAT, LON };
    const std::size_t n = cities ? 9 : 8;
    const std::string_view format = cities ? "annals.gazetteer.cities/1" : "annals.gazetteer.subdivisions/1";
    const std::string_view prefix = cities ? "city:" : "subdivision:";
    for (const auto& r : read_table(path, format, n, n)) {
        if (need(r, KEY, "key").rfind(prefix, 0) != 0) throw Error(Errc::bad_data, r.where, "key must begin with '" + std::string(prefix) + "'");
        if (!is_alpha3(r.cells[COUNTRY])) throw Error(Errc::bad_data, r.where, "bad country code '" + r.cells[COUNTRY] + "'");
        GazEntry e{r.cells[KEY], need(r, NAME, "name"), "gpe", cities ? "city" : "state", r.cells[COUNTRY], point(r, LAT, LON),
                   cities ? count(r, 7, "population") : 0, "country:" + lower(r.cells[COUNTRY]), "located_in",
                   split_bar(r.cells[ALIASES]), {}, split_bar(r.cells[n - 1]), r.where};
        g.index_entry(g.add_entry(std::move(e)));
    }
}

void load_regions(Gazetteer::Impl& g, const std::string& path) {
    enum { KEY, NAME, SUBTYPE, ALIASES, COUNTRIES, LAT, LON, PART_OF, N };
    for (const auto& r : read_table(path, "annals.gazetteer.regions/1", N - 1, N)) {
        if (!one_of(r.cells[SUBTYPE], {"continent", "region", "water"}))
            throw Error(Errc::bad_data, r.where, "subtype must be continent, region or water, not '" + r.cells[SUBTYPE] + "'");
        GazEntry e{need(r, KEY, "key"), need(r, NAME, "name"), "location", r.cells[SUBTYPE], "", point(r, LAT, LON), 0,
                   r.cells[PART_OF], r.cells[PART_OF].empty() ? "" : "part_of", split_bar(r.cells[ALIASES]),
                   split_bar(r.cells[COUNTRIES]), {}, r.where};
        if (e.countries.size() == 1) e.country = e.countries.front();
        g.index_entry(g.add_entry(std::move(e)));
    }
}

constexpr std::array<std::string_view, 6> actor_types = {"organization", "person", "group", "facility", "gpe", "location"};

void load_actors(Gazetteer::Impl& g, const std::string& path) {
    enum { ID, NAME, TYPE, SUBTYPE, COUNTRY, ALIASES, PARENT, RELATION, N };
    for (const auto& r : read_table(path, "annals.actors/1", TYPE + 1, N)) {
        const auto& id = need(r, ID, "id");
        if (id.find(':') == std::string::npos || id.find(' ') != std::string::npos)
            throw Error(Errc::bad_data, r.where, "id must look like 'org:name' with no spaces, not '" + id + "'");
        if (std::find(actor_types.begin(), actor_types.end(), r.cells[TYPE]) == actor_types.end())
            throw Error(Errc::bad_data, r.where, "unknown type '" + r.cells[TYPE] + "'");
        if (!r.cells[SUBTYPE].empty() &&
            !one_of(r.cells[SUBTYPE], {"government", "military", "intergovernmental", "armed_group", "political_party", "company",
                                       "media", "ngo", "country", "state", "city", "region", "continent", "water"}))
            throw Error(Errc::bad_data, r.where, "unknown subtype '" + r.cells[SUBTYPE] + "'");
        if (!r.cells[COUNTRY].empty() && !is_alpha3(r.cells[COUNTRY]))
            throw Error(Errc::bad_data, r.where, "country must be an ISO alpha-3 code, not '" + r.cells[COUNTRY] + "'");
        if (r.cells[PARENT].empty() != r.cells[RELATION].empty() ||
            (!r.cells[RELATION].empty() && !one_of(r.cells[RELATION], {"affiliate_of", "part_of", "member_of"})))
            throw Error(Errc::bad_data, r.where, "a parent needs a relation (affiliate_of, part_of or member_of) and the reverse");
        GazEntry e{id, need(r, NAME, "name"), r.cells[TYPE], r.cells[SUBTYPE], r.cells[COUNTRY], std::nullopt, 0,
                   r.cells[PARENT], r.cells[RELATION], split_bar(r.cells[ALIASES]), {}, {}, r.where};
        g.index_entry(g.add_entry(std::move(e)));
    }
}

} // namespace

Gazetteer Gazetteer::load(const std::string& data_dir, const std::vector<std::string>& dictionaries) {
    namespace fs = std::filesystem;
    Gazetteer gaz;
    Impl& g = *gaz.impl_;
    // Sized for the shipped data, so that loading does not rehash or move entries as it grows.
    g.entries.reserve(12000);
    g.forms.reserve(16000);
    g.acronym.reserve(16000);
    g.names.reserve(16000);
    g.keys.reserve(12000);
    g.first_words.reserve(12000);
    const fs::path dir = fs::path(data_dir) / "gazetteer";
    load_countries(g, (dir / "countries.tsv").string());
    load_regions(g, (dir / "regions.tsv").string());
    load_places(g, (dir / "cities.tsv").string(), true);
    load_places(g, (dir / "subdivisions.tsv").string(), false);
    std::vector<std::string> actor_files;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(fs::path(data_dir) / "actors", ec))
        if (f.path().extension() == ".tsv") actor_files.push_back(f.path().string());
    if (ec) throw Error(Errc::io, (fs::path(data_dir) / "actors").string(), "cannot list the actor dictionaries");
    std::sort(actor_files.begin(), actor_files.end());
    actor_files.insert(actor_files.end(), dictionaries.begin(), dictionaries.end());
    for (const auto& f : actor_files) load_actors(g, f);
    g.finish();
    return gaz;
}

} // namespace annals
