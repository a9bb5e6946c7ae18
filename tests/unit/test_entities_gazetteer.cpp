#include "annals/core/error.hpp"
#include "annals/entities/gazetteer.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace annals;

namespace {

const std::string kDataDir = ANNALS_SOURCE_DIR "/lib/data";

/// Loaded once: every case reads the same shipped data.
const Gazetteer& gaz() {
    static const Gazetteer g = Gazetteer::load(kDataDir);
    return g;
}

std::string key_of(const GazEntry* e) { return e ? e->key : "<none>"; }

/// A scratch data folder holding the shipped gazetteer and one actors file with `actors`.
std::string scratch_dir(const std::string& name, const std::string& actors) {
    namespace fs = std::filesystem;
    const fs::path dir = test::scratch_dir() / ("annals_gaz_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "actors");
    fs::copy(fs::path(kDataDir) / "gazetteer", dir / "gazetteer");
    std::ofstream(dir / "actors" / "actors.tsv") << actors;
    return dir.string();
}

} // namespace

TEST_CASE("entities: Rome is a city in Italy with its coordinates", "[entities]") {
    const auto cities = gaz().cities("Rome");
    REQUIRE(!cities.empty());
    const GazEntry* rome = cities.front();
    CHECK(rome->country == "ITA");
    CHECK(rome->type == "gpe");
    CHECK(rome->subtype == "city");
    CHECK(rome->relation == "located_in");
    CHECK(rome->parent == "country:ita");
    REQUIRE(rome->geo);
    CHECK(std::abs(rome->geo->lat - 41.89) < 0.05);
    CHECK(std::abs(rome->geo->lon - 12.48) < 0.05);
    CHECK(rome->has_flag("capital"));
    CHECK(gaz().parent_of(*rome)->name == "Italy");
    CHECK(gaz().country("ITA")->capital_key == rome->key);
}

TEST_CASE("entities: demonyms and adjectives give their country", "[entities]") {
    CHECK(gaz().country_by_demonym("Italian")->alpha3 == "ITA");
    CHECK(gaz().country_by_demonym("Afghan")->alpha3 == "AFG");
    CHECK(gaz().country_by_demonym("Afghans")->alpha3 == "AFG");
    CHECK(gaz().country_by_demonym("American")->alpha3 == "USA");
    CHECK(gaz().country_by_demonym("U.S.")->alpha3 == "USA");
    CHECK(gaz().country_by_demonym("British")->alpha3 == "GBR");
    CHECK(gaz().country_by_demonym("Britons")->alpha3 == "GBR");
    CHECK(gaz().country_by_demonym("Dominican")->alpha3 == "DOM"); // before Dominica
    CHECK(gaz().country_by_demonym("ITALIAN")->alpha3 == "ITA");   // headline case
    CHECK(gaz().country_by_demonym("italian") == nullptr);         // not a name in prose
    CHECK(gaz().country_by_demonym("italian", MatchCase::any)->alpha3 == "ITA");
}

TEST_CASE("entities: US, U.S. and United States name the United States; us does not", "[entities]") {
    for (const char* name : {"US", "U.S.", "United States", "USA", "United States of America", "UNITED STATES"})
        CHECK(key_of(gaz().find_best(name)) == "country:usa");
    CHECK(gaz().find("us").empty());
    CHECK(gaz().find("us", MatchCase::any).empty()); // acronyms never match in another case
    CHECK(gaz().find("Us").empty());
    CHECK(gaz().country_by_demonym("us", MatchCase::any) == nullptr);
}

TEST_CASE("entities: ISIS aliases resolve to one key, ISIS-K is its affiliate", "[entities]") {
    for (const char* name : {"ISIS", "Daesh", "ISIL", "Islamic State", "IS", "Da’esh", "Islamic State of Iraq and the Levant"})
        CHECK(key_of(gaz().find_best(name)) == "org:isis");
    CHECK(gaz().find("is").empty());
    CHECK(gaz().find("Is").empty());
    const GazEntry* isk = gaz().find_best("ISIS-K");
    REQUIRE(isk);
    CHECK(isk->key == "org:isis-k");
    CHECK(isk->key != "org:isis");
    CHECK(isk->subtype == "armed_group");
    CHECK(isk->relation == "affiliate_of");
    CHECK(isk->parent == "org:isis");
    CHECK(key_of(gaz().find_best("Islamic State Khorasan Province")) == "org:isis-k");
    CHECK(key_of(gaz().find_best("Islamic State – Khorasan Province")) == "org:isis-k");
    CHECK(key_of(gaz().find_best("Islamic State - Khorasan Province")) == "org:isis-k");
}

TEST_CASE("entities: dictionary lookups fold case only where safe", "[entities]") {
    CHECK(key_of(gaz().find_best("al-Qaeda")) == "org:aq");
    CHECK(key_of(gaz().find_best("Al Qaida")) == "org:aq");
    CHECK(key_of(gaz().find_best("AL-QAEDA")) == "org:aq");
    CHECK(key_of(gaz().find_best("the Pentagon")) == "org:pentagon");
    // A common noun with "the" is no dictionary name: "the coalition" is resolved in the document.
    CHECK(gaz().find_best("the Coalition") == nullptr);
    CHECK(key_of(gaz().find_best("Global Coalition to Defeat Daesh/ISIS")) == "org:global-coalition");
    CHECK(gaz().find("who").empty());
    CHECK(key_of(gaz().find_best("WHO")) == "org:who");
    CHECK(gaz().find("nice").empty()); // a city that is also a word: only as written
    CHECK(!gaz().find("Nice").empty());
    CHECK(key_of(gaz().find_best("Afghan Defence Forces")) == "org:andsf");
    CHECK(gaz().find_best("Afghan Defence Forces")->country == "AFG");
    CHECK(gaz().find_best("Taliban")->subtype == "armed_group");
}

TEST_CASE("entities: ambiguous city names keep every candidate, most populous first", "[entities]") {
    const auto alex = gaz().cities("Alexandria");
    REQUIRE(alex.size() >= 2);
    CHECK(alex[0]->country == "EGY");
    for (std::size_t i = 1; i < alex.size(); ++i) CHECK(alex[i - 1]->population >= alex[i]->population);
    const auto paris = gaz().cities("Paris");
    REQUIRE(!paris.empty());
    CHECK(paris.front()->country == "FRA");
    CHECK(gaz().cities("Kiev").front()->country == "UKR");
    CHECK(gaz().cities("Sao Paulo").front()->country == "BRA"); // diacritics folded in the data
}

TEST_CASE("entities: countries, regions and water bodies", "[entities]") {
    const GazEntry* italy = gaz().find_best("Italy");
    REQUIRE(italy);
    CHECK(italy->key == "country:ita");
    CHECK(italy->subtype == "country");
    REQUIRE(italy->geo);
    CHECK(gaz().country("IT") == gaz().country("ITA"));
    CHECK(gaz().country("ITA")->entry == italy);
    CHECK(key_of(gaz().find_best("Middle East")) == "region:middle-east");
    CHECK(gaz().find_best("Middle East")->type == "location");
    CHECK(key_of(gaz().find_best("Af-Pak region")) == "region:af-pak");
    CHECK(gaz().find_best("Europe")->subtype == "continent");
    CHECK(gaz().find_best("Red Sea")->subtype == "water");
    CHECK(gaz().find_best("Georgia")->subtype == "country"); // before the US state
    CHECK(gaz().may_start("Middle"));
    CHECK(gaz().max_words() >= 5);
}

TEST_CASE("entities: a malformed row throws bad_data with file and line", "[entities]") {
    const std::string head = "# format: annals.actors/1\n# a comment\n";
    const std::string dir = scratch_dir("bad", head + "org:a\tA\torganization\tcompany\t\tAA\t\t\norg:b\tB\tbanana\n");
    try {
        (void)Gazetteer::load(dir);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        CHECK(e.where().size() > 2);
        CHECK(e.where().substr(e.where().size() - 2) == ":4");
    }
    const std::string dup = scratch_dir("dup", head + "org:a\tA\torganization\n\norg:a\tA2\torganization\n");
    CHECK_THROWS_AS(Gazetteer::load(dup), Error);
    const std::string orphan = scratch_dir("orphan", head + "org:a\tA\torganization\t\t\t\torg:missing\tpart_of\n");
    CHECK_THROWS_WITH(Gazetteer::load(orphan), Catch::Contains(":3") && Catch::Contains("org:missing"));
    const std::string format = scratch_dir("format", "# format: annals.actors/9\n");
    CHECK_THROWS_WITH(Gazetteer::load(format), Catch::Contains(":1"));
}

TEST_CASE("entities: a user dictionary adds actors with parents in the shipped ones", "[entities]") {
    namespace fs = std::filesystem;
    const fs::path file = test::scratch_dir() / "annals_gaz_user.tsv";
    std::ofstream(file) << "# format: annals.actors/1\n"
                           "org:example-cell\tExample Cell\torganization\tarmed_group\tAFG\tEC-1|the Cell\torg:isis-k\tpart_of\n";
    const Gazetteer g = Gazetteer::load(kDataDir, {file.string()});
    const GazEntry* cell = g.find_best("EC-1");
    REQUIRE(cell);
    CHECK(cell->key == "org:example-cell");
    CHECK(g.parent_of(*cell)->key == "org:isis-k");
    CHECK(g.find("ec-1").empty());
}

TEST_CASE("entities: every data file loads", "[entities]") {
    // How long it takes is the start-up benchmark's business (annals_bench_entities): a timed
    // check here would fail on a busy machine or under the sanitizers, not on slow code.
    const Gazetteer g = Gazetteer::load(kDataDir);
    CHECK(g.entries().size() > 8000);
    CHECK(g.form_count() > g.entries().size());
}

TEST_CASE("entities: the folded lookups answer as the plain ones", "[entities]") {
    const auto& g = gaz();
    // Names, aliases, demonyms, all-caps and lower-case forms, near misses and multi-word
    // windows, in both matching modes.
    const std::vector<std::string> words = {
        "Rome", "ROME", "rome", "Italy", "Italian", "Italians", "US", "U.S.", "us", "United States",
        "New York", "New", "New Yorkers", "Daesh", "ISIS", "Islamic State", "ISIS-K", "Taliban",
        "Afghan", "Afghans", "Dominican", "Briton", "Middle East", "middle east", "Alexandria",
        "São Paulo", "SÃO PAULO", "Zürich", "Nowhere Land", "the", "Gulf", "Sahel", "Balkans"};
    for (const auto mode : {MatchCase::name, MatchCase::exact, MatchCase::any}) {
        for (const auto& raw : words) {
            const std::string text = normalize_name(raw);
            const std::string folded = fold_name(text);
            INFO(raw);
            CHECK(key_of(g.find_best_folded(text, folded, mode)) == key_of(g.find_best(text, mode)));
            CHECK(g.country_by_demonym_folded(text, folded, mode) == g.country_by_demonym(text, mode));
            CHECK(g.may_start_folded(folded) == g.may_start(text));
            CHECK(g.may_continue_folded(folded) == g.may_continue(text));
        }
    }
}

TEST_CASE("entities: city_in answers as the first of cities() in the given countries", "[entities]") {
    const auto& g = gaz();
    const std::vector<std::vector<std::string>> country_sets = {
        {"EGY"}, {"USA"}, {"USA", "EGY"}, {"FRA"}, {"UKR"}, {"BRA"}, {"ITA", "USA"}, {"XXX"}, {}};
    const std::vector<std::string> names = {"Alexandria", "ALEXANDRIA", "alexandria", "Paris", "Kiev", "Sao Paulo",
                                            "São Paulo", "Rome", "Springfield", "Nowhere Land", "Italy"};
    for (const auto& countries : country_sets) {
        for (const auto mode : {MatchCase::name, MatchCase::exact, MatchCase::any}) {
            for (const auto& name : names) {
                const GazEntry* expected = nullptr;
                for (const auto* city : g.cities(name, mode)) {
                    if (std::find(countries.begin(), countries.end(), city->country) != countries.end()) {
                        expected = city;
                        break;
                    }
                }
                INFO(name);
                CHECK(key_of(g.city_in(name, countries, mode)) == key_of(expected));
            }
        }
    }
    // The case this exists for: the document's country picks among cities of one name.
    const std::vector<std::string> usa{"USA"};
    const auto* virginia = g.city_in("Alexandria", usa);
    REQUIRE(virginia != nullptr);
    CHECK(virginia->country == "USA");
}

TEST_CASE("entities: normalize_name keeps normal names and fixes the rest", "[entities]") {
    CHECK(normalize_name("Luigi Di Maio") == "Luigi Di Maio");
    CHECK(normalize_name("Al-Qaeda") == "Al-Qaeda");
    CHECK(normalize_name("") == "");
    CHECK(normalize_name("  New   York ") == "New York");
    CHECK(normalize_name("Guinea - Bissau") == "Guinea-Bissau");
    CHECK(normalize_name("Guinea -Bissau") == "Guinea-Bissau");
    CHECK(normalize_name("Côte d\u2019Ivoire") == "Côte d'Ivoire");
    CHECK(normalize_name("New\tYork") == "New York");
    CHECK(normalize_name("Timor\u2013Leste") == "Timor-Leste");
}
