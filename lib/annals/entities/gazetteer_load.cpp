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

/// One data row: views of its cells in the file's text, and where it is. Rows are handed to
/// the loader one at a time while the text lives, so a row costs no string of its own.
struct Row {
    const std::string_view* cells = nullptr; ///< max_cells views; cells left out are empty
    const std::string* path = nullptr;
    std::size_t line = 0;

    /// "file:line", for diagnostics and GazEntry::source.
    [[nodiscard]] std::string where() const {
        std::string out;
        out.reserve(path->size() + 8);
        out += *path;
        out += ':';
        out += std::to_string(line);
        return out;
    }
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Errc::io, path, "cannot open the data file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Checks the format line, then splits each data row on tabs and hands it to `row`; a row
/// must have between `min_cells` and `max_cells` cells (trailing optional cells may be left out).
template <class F>
void read_table(const std::string& path, std::string_view format, std::size_t min_cells, std::size_t max_cells, F&& row) {
    const std::string text = read_file(path);
    std::array<std::string_view, 16> cells{};
    if (max_cells > cells.size()) throw Error(Errc::bad_data, path, "too many columns asked for");
    std::size_t line_no = 0;
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::string_view line(text.data() + b, e - b);
        b = e + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const Row r{cells.data(), &path, line_no};
        if (line_no == 1 && (!line.starts_with("# format: ") || line.substr(10) != format))
            throw Error(Errc::bad_data, r.where(), "expected '# format: " + std::string(format) + "'");
        if (line.empty() || line.front() == '#') continue;
        std::size_t n = 0;
        for (std::size_t s = 0;; ++n) {
            const std::size_t t = line.find('\t', s);
            if (n < cells.size()) cells[n] = line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s);
            if (t == std::string_view::npos) break;
            s = t + 1;
        }
        ++n;
        if (n < min_cells || n > max_cells)
            throw Error(Errc::bad_data, r.where(), std::to_string(n) + " columns; expected " +
                                                       (min_cells == max_cells ? std::to_string(min_cells)
                                                                               : std::to_string(min_cells) + " to " + std::to_string(max_cells)));
        for (; n < max_cells; ++n) cells[n] = {};
        row(r);
    }
    if (line_no == 0) throw Error(Errc::bad_data, path, "empty file");
}

std::string str(std::string_view s) { return std::string(s); }

std::vector<std::string> split_bar(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t b = 0; b < s.size();) {
        std::size_t e = s.find('|', b);
        if (e == std::string_view::npos) e = s.size();
        if (e > b) out.emplace_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

std::string_view need(const Row& r, std::size_t i, std::string_view what) {
    if (r.cells[i].empty()) throw Error(Errc::bad_data, r.where(), "empty " + std::string(what));
    return r.cells[i];
}

double number(const Row& r, std::size_t i, std::string_view what, double lo, double hi) {
    const auto s = r.cells[i];
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi)
        throw Error(Errc::bad_data, r.where(), "bad " + std::string(what) + " '" + str(s) + "'");
    return v;
}

std::uint64_t count(const Row& r, std::size_t i, std::string_view what) {
    const auto s = r.cells[i];
    std::uint64_t v = 0;
    if (s.empty()) return 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) throw Error(Errc::bad_data, r.where(), "bad " + std::string(what) + " '" + str(s) + "'");
    return v;
}

GeoPoint point(const Row& r, std::size_t lat, std::size_t lon) {
    return {number(r, lat, "latitude", -90, 90), number(r, lon, "longitude", -180, 180)};
}

bool is_alpha3(std::string_view s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// `prefix` followed by `s` in ASCII lower case: a key such as "country:ita".
std::string lower_key(std::string_view prefix, std::string_view s) {
    std::string out;
    out.reserve(prefix.size() + s.size());
    out += prefix;
    for (const char c : s) out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) { return std::find(set.begin(), set.end(), s) != set.end(); }

// ---- the five tables

void load_countries(Gazetteer::Impl& g, const std::string& path) {
    enum { A2, A3, NAME, OFFICIAL, ALIASES, ADJ, PEOPLE, CAPITAL, LAT, LON, CONTINENT, SUBREGION, WEIGHT, STATUS, N };
    read_table(path, "annals.gazetteer.countries/1", N, N, [&](const Row& r) {
        if (need(r, A2, "alpha2").size() != 2 || !is_alpha3(need(r, A3, "alpha3")))
            throw Error(Errc::bad_data, r.where(), "bad ISO code '" + str(r.cells[A2]) + "' / '" + str(r.cells[A3]) + "'");
        GazEntry e{lower_key("country:", r.cells[A3]), str(need(r, NAME, "name")), "gpe", "country", str(r.cells[A3]),
                   point(r, LAT, LON), count(r, WEIGHT, "weight"), "", "", split_bar(r.cells[ALIASES]), {}, {}, r.where()};
        if (!r.cells[OFFICIAL].empty() && r.cells[OFFICIAL] != e.name) e.aliases.emplace_back(r.cells[OFFICIAL]);
        if (!r.cells[STATUS].empty()) e.flags.emplace_back(r.cells[STATUS]);
        const std::size_t entry = g.add_entry(std::move(e));
        g.index_entry(entry);
        const std::size_t ci = g.countries.size();
        g.countries.push_back({str(r.cells[A2]), str(r.cells[A3]), str(r.cells[OFFICIAL]), str(r.cells[CAPITAL]), "",
                               str(r.cells[CONTINENT]), str(r.cells[SUBREGION]), split_bar(r.cells[ADJ]),
                               split_bar(r.cells[PEOPLE]), nullptr});
        g.country_entry.push_back(entry);
        for (const auto code : {r.cells[A2], r.cells[A3]})
            if (!g.codes.emplace(code, ci).second)
                throw Error(Errc::bad_data, r.where(), "duplicate country code '" + str(code) + "'");
        for (const auto& a : g.countries[ci].adjectives) g.index_demonym(a, ci);
        for (const auto& a : g.countries[ci].demonyms) g.index_demonym(a, ci);
    });
}

/// Cities and first-level subdivisions: places located in a country.
void load_places(Gazetteer::Impl& g, const std::string& path, bool cities) {
    enum { KEY, NAME, ALIASES, COUNTRY, AREA_CODE, LAT, LON };
    const std::size_t n = cities ? 9 : 8;
    const std::string_view format = cities ? "annals.gazetteer.cities/1" : "annals.gazetteer.subdivisions/1";
    const std::string_view prefix = cities ? "city:" : "subdivision:";
    read_table(path, format, n, n, [&](const Row& r) {
        if (!need(r, KEY, "key").starts_with(prefix))
            throw Error(Errc::bad_data, r.where(), "key must begin with '" + std::string(prefix) + "'");
        if (!is_alpha3(r.cells[COUNTRY])) throw Error(Errc::bad_data, r.where(), "bad country code '" + str(r.cells[COUNTRY]) + "'");
        // Built in place: the tables have thousands of rows, and an entry is a dozen strings.
        g.entries.emplace_back(str(r.cells[KEY]), str(need(r, NAME, "name")), "gpe", cities ? "city" : "state",
                               str(r.cells[COUNTRY]), point(r, LAT, LON), cities ? count(r, 7, "population") : 0,
                               lower_key("country:", r.cells[COUNTRY]), "located_in", split_bar(r.cells[ALIASES]),
                               std::vector<std::string>{}, split_bar(r.cells[n - 1]), r.where());
        g.index_entry(g.add_last_entry());
    });
}

void load_regions(Gazetteer::Impl& g, const std::string& path) {
    enum { KEY, NAME, SUBTYPE, ALIASES, COUNTRIES, LAT, LON, PART_OF, N };
    read_table(path, "annals.gazetteer.regions/1", N - 1, N, [&](const Row& r) {
        if (!one_of(r.cells[SUBTYPE], {"continent", "region", "water"}))
            throw Error(Errc::bad_data, r.where(), "subtype must be continent, region or water, not '" + str(r.cells[SUBTYPE]) + "'");
        GazEntry e{str(need(r, KEY, "key")), str(need(r, NAME, "name")), "location", str(r.cells[SUBTYPE]), "",
                   point(r, LAT, LON), 0, str(r.cells[PART_OF]), r.cells[PART_OF].empty() ? "" : "part_of",
                   split_bar(r.cells[ALIASES]), split_bar(r.cells[COUNTRIES]), {}, r.where()};
        if (e.countries.size() == 1) e.country = e.countries.front();
        g.index_entry(g.add_entry(std::move(e)));
    });
}

constexpr std::array<std::string_view, 6> actor_types = {"organization", "person", "group", "facility", "gpe", "location"};

void load_actors(Gazetteer::Impl& g, const std::string& path) {
    enum { ID, NAME, TYPE, SUBTYPE, COUNTRY, ALIASES, PARENT, RELATION, N };
    read_table(path, "annals.actors/1", TYPE + 1, N, [&](const Row& r) {
        const auto id = need(r, ID, "id");
        if (id.find(':') == std::string_view::npos || id.find(' ') != std::string_view::npos)
            throw Error(Errc::bad_data, r.where(), "id must look like 'org:name' with no spaces, not '" + str(id) + "'");
        if (std::find(actor_types.begin(), actor_types.end(), r.cells[TYPE]) == actor_types.end())
            throw Error(Errc::bad_data, r.where(), "unknown type '" + str(r.cells[TYPE]) + "'");
        if (!r.cells[SUBTYPE].empty() &&
            !one_of(r.cells[SUBTYPE], {"government", "military", "intergovernmental", "armed_group", "political_party", "company",
                                       "media", "ngo", "country", "state", "city", "region", "continent", "water"}))
            throw Error(Errc::bad_data, r.where(), "unknown subtype '" + str(r.cells[SUBTYPE]) + "'");
        if (!r.cells[COUNTRY].empty() && !is_alpha3(r.cells[COUNTRY]))
            throw Error(Errc::bad_data, r.where(), "country must be an ISO alpha-3 code, not '" + str(r.cells[COUNTRY]) + "'");
        if (r.cells[PARENT].empty() != r.cells[RELATION].empty() ||
            (!r.cells[RELATION].empty() && !one_of(r.cells[RELATION], {"affiliate_of", "part_of", "member_of"})))
            throw Error(Errc::bad_data, r.where(), "a parent needs a relation (affiliate_of, part_of or member_of) and the reverse");
        GazEntry e{str(id), str(need(r, NAME, "name")), str(r.cells[TYPE]), str(r.cells[SUBTYPE]), str(r.cells[COUNTRY]),
                   std::nullopt, 0, str(r.cells[PARENT]), str(r.cells[RELATION]), split_bar(r.cells[ALIASES]), {}, {},
                   r.where()};
        g.index_entry(g.add_entry(std::move(e)));
    });
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
