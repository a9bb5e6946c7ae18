#include "annals/core/error.hpp"
#include "annals/entities/recognizer.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "annals/lexicon/tagger.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"
#include "test_entities_util.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace annals;

namespace {

const std::string& kDataDir = test::kEntitiesDataDir;

struct Found {
    std::vector<Entity> entities;
    std::vector<Relation> relations;

    /// The entity one of whose mentions is exactly `text`, or nullptr.
    const Entity* by_mention(std::string_view text) const {
        for (const auto& e : entities)
            for (const auto& m : e.mentions)
                if (m.text == text) return &e;
        return nullptr;
    }
    bool has_relation(const std::string& type, std::string_view source, std::string_view target) const {
        const auto* s = by_mention(source);
        const auto* t = by_mention(target);
        if (!s || !t) return false;
        return std::any_of(relations.begin(), relations.end(), [&](const Relation& r) {
            return r.type == type && r.source == s->id && r.target == t->id;
        });
    }
};

Found run(const std::string& text, const EntityRecognizer& rec = test::entities_recognizer()) {
    static const TimeTagger time(kDataDir);
    const auto seg = segment(text);
    const auto tags = tag(text, seg, test::entities_lexicon());
    std::vector<Diagnostic> diags;
    const auto timexes = time.tag(text, seg, std::string("2031-05-14"), TimeMode::news, diags);
    Found f;
    rec.recognize(text, seg, tags, test::entities_lexicon(), timexes, f.entities, f.relations);
    return f;
}

std::string type_of(const Found& f, std::string_view mention) {
    const auto* e = f.by_mention(mention);
    return e ? e->type : "<none>";
}

} // namespace

TEST_CASE("entities: slash-joined aliases and the short name are one actor", "[entities][recognizer]") {
    const auto f = run("Fighters of Daesh/ISIS attacked a checkpoint. Officials said ISIS had lost ground, and Daesh /ISIS "
                       "cells remain.");
    const auto* isis = f.by_mention("ISIS");
    REQUIRE(isis);
    CHECK(isis->key == "org:isis");
    CHECK(f.by_mention("Daesh") == isis);
    CHECK(std::count_if(isis->mentions.begin(), isis->mentions.end(), [](const Mention& m) { return m.text == "ISIS"; }) == 3);
}

TEST_CASE("entities: an affiliate stays apart from its parent, with the relation", "[entities][recognizer]") {
    const auto f = run("Analysts said ISIS-K had grown stronger while ISIS lost territory.");
    const auto* k = f.by_mention("ISIS-K");
    REQUIRE(k);
    CHECK(k->key == "org:isis-k");
    CHECK(f.by_mention("ISIS") != k);
    CHECK(f.has_relation("affiliate_of", "ISIS-K", "ISIS"));
}

TEST_CASE("entities: a title with a nationality gives a role and represents", "[entities][recognizer]") {
    const auto f = run("The talks were opened by the Spanish Minister of Industry and Trade Carmen Villalba Ortiz and "
                       "German Chancellor Otto Brenner.");
    const auto* carmen = f.by_mention("Carmen Villalba Ortiz");
    REQUIRE(carmen);
    CHECK(carmen->type == "person");
    CHECK(carmen->attributes.at("role") == "Minister of Industry and Trade");
    CHECK(carmen->attributes.at("country") == "ESP");
    CHECK(f.has_relation("represents", "Carmen Villalba Ortiz", "Spanish"));
    CHECK(type_of(f, "Otto Brenner") == "person");
    CHECK(f.has_relation("represents", "Otto Brenner", "German"));
}

TEST_CASE("entities: a country code before a title is who the person acts for", "[entities][recognizer]") {
    const auto f = run("UK Foreign Secretary Helen Marsh met the press.");
    CHECK(f.has_relation("represents", "Helen Marsh", "UK"));
    CHECK(f.by_mention("Helen Marsh")->attributes.at("role") == "Foreign Secretary");
}

TEST_CASE("entities: a surname alone is the person named before", "[entities][recognizer]") {
    const auto f = run("Deputy Secretary of State Mark T. Ellison arrived on Tuesday. Ellison said the visit was "
                       "useful, and Mr. Ellison left at noon.");
    const auto* p = f.by_mention("Mark T. Ellison");
    REQUIRE(p);
    CHECK(p->attributes.at("role") == "Deputy Secretary of State");
    CHECK(f.by_mention("Ellison") == p);
    CHECK(p->mentions.size() == 3);
}

TEST_CASE("entities: an acronym defined in brackets names the same body", "[entities][recognizer]") {
    const auto f = run("The Northern Grain Traders Association (NGTA) raised prices. The NGTA blamed the drought.");
    const auto* a = f.by_mention("Northern Grain Traders Association");
    REQUIRE(a);
    CHECK(a->type == "organization");
    CHECK(f.by_mention("NGTA") == a);
}

TEST_CASE("entities: a company's first word alone is the company", "[entities][recognizer]") {
    const auto f = run("Talvik Holdings Ltd. agreed to buy a rival. Talvik said the deal would close in June.");
    const auto* c = f.by_mention("Talvik Holdings Ltd.");
    REQUIRE(c);
    CHECK(f.by_mention("Talvik") == c);
}

TEST_CASE("entities: a lower-case head noun refers to the one organization it heads", "[entities][recognizer]") {
    const auto f = run("The Global Coalition to Defeat ISIS met in Paris. The coalition, a broad coalition of states, "
                       "said the Coalition would stay.");
    const auto* c = f.by_mention("Global Coalition to Defeat ISIS");
    REQUIRE(c);
    CHECK(f.by_mention("coalition") == c);
    CHECK(f.by_mention("Coalition") == c);
    const auto nominal = std::count_if(c->mentions.begin(), c->mentions.end(), [](const Mention& m) { return m.kind == "nominal"; });
    CHECK(nominal == 1); // "a broad coalition" is another coalition
}

TEST_CASE("entities: place and organization heads type unknown names", "[entities][recognizer]") {
    const auto f = run("Flooding hit Valdera Province after the Morrow River burst its banks, and the Valdera Farmers "
                       "Union asked the Bank of Valdera for help.");
    CHECK(type_of(f, "Valdera Province") == "location");
    CHECK(type_of(f, "Morrow River") == "location");
    CHECK(type_of(f, "Valdera Farmers Union") == "organization");
    CHECK(type_of(f, "Bank of Valdera") == "organization");
}

TEST_CASE("entities: a city takes the country the document names", "[entities][recognizer]") {
    const auto f = run("Protests spread from Alexandria to other cities in Egypt.");
    const auto* city = f.by_mention("Alexandria");
    REQUIRE(city);
    CHECK(city->attributes.at("country") == "EGY");
    REQUIRE(city->geo);
    CHECK(f.has_relation("located_in", "Alexandria", "Egypt"));
}

TEST_CASE("entities: coordinates come with places in the gazetteer", "[entities][recognizer]") {
    const auto f = run("Ministers met in Rome, Italy.");
    const auto* rome = f.by_mention("Rome");
    REQUIRE(rome);
    REQUIRE(rome->geo);
    CHECK(rome->geo->lat == Approx(41.89).margin(0.1));
    CHECK(rome->geo->lon == Approx(12.48).margin(0.1));
    CHECK(f.has_relation("located_in", "Rome", "Italy"));
}

TEST_CASE("entities: sentence starts, time words and adjectives are no names", "[entities][recognizer]") {
    const auto f = run("However, the talks ended on Monday. According to aides, its Valdic philosophy and Asian "
                       "partners matter. May was quiet.");
    CHECK(f.by_mention("However") == nullptr);
    CHECK(f.by_mention("According") == nullptr);
    CHECK(f.by_mention("Monday") == nullptr);
    CHECK(f.by_mention("Valdic") == nullptr);
    CHECK(f.by_mention("Asian") == nullptr);
    CHECK(f.by_mention("May") == nullptr);
}

TEST_CASE("entities: unnamed collectives are groups", "[entities][recognizer]") {
    const auto f = run("Security forces and civilians fled as foreign fighters advanced, analysts said.");
    const auto* sf = f.by_mention("Security forces");
    REQUIRE(sf);
    CHECK(sf->type == "group");
    CHECK(sf->key == "group:security-forces");
    CHECK(sf->mentions.front().kind == "nominal");
    CHECK(type_of(f, "civilians") == "group");
    CHECK(type_of(f, "foreign fighters") == "group");
    CHECK(type_of(f, "analysts") == "group");
}

TEST_CASE("entities: office holders of a body are members of it", "[entities][recognizer]") {
    const auto f = run("The Ministers of the Arctic Council met on Friday.");
    CHECK(type_of(f, "Ministers") == "group");
    CHECK(type_of(f, "Arctic Council") == "organization");
    CHECK(f.has_relation("member_of", "Ministers", "Arctic Council"));
}

TEST_CASE("entities: names joined by and stay apart", "[entities][recognizer]") {
    const auto f = run("Troops were sent to Iraq and Syria by Jordan.");
    CHECK(type_of(f, "Iraq") == "gpe");
    CHECK(type_of(f, "Syria") == "gpe");
    CHECK(type_of(f, "Jordan") == "gpe");
}

TEST_CASE("entities: a possessive ends the name and stays out of it", "[entities][recognizer]") {
    const auto f = run("Hezbollah\u2019s leaders denied it; the Taliban's envoy agreed.");
    CHECK(type_of(f, "Hezbollah") == "organization");
    CHECK(type_of(f, "Taliban") == "organization");
}

TEST_CASE("entities: a headline in capitals keeps only real names", "[entities][recognizer]") {
    const auto f = run("KENYA AND SOMALIA SIGN BORDER DEAL\n\nNairobi and Mogadishu agreed on Monday.");
    CHECK(type_of(f, "KENYA") == "gpe");
    CHECK(type_of(f, "SOMALIA") == "gpe");
    CHECK(f.by_mention("SIGN") == nullptr);
    CHECK(f.by_mention("BORDER DEAL") == nullptr);
}

TEST_CASE("entities: keys are stable and ids follow first mentions", "[entities][recognizer]") {
    const auto f = run("Helen Marsh visited Norway. Marsh later flew to Oslo.");
    REQUIRE(f.entities.size() >= 3);
    CHECK(f.entities[0].id == "E1");
    CHECK(f.entities[0].key == "person:helen-marsh");
    CHECK(f.entities[1].key == "country:nor");
    const auto again = run("Helen Marsh visited Norway. Marsh later flew to Oslo.");
    REQUIRE(again.entities.size() == f.entities.size());
    for (std::size_t i = 0; i < f.entities.size(); ++i) CHECK(again.entities[i].key == f.entities[i].key);
}

TEST_CASE("entities: a user dictionary adds actors with aliases", "[entities][recognizer]") {
    namespace fs = std::filesystem;
    const auto path = test::scratch_dir() / "annals_user_actors.tsv";
    std::ofstream(path) << "# format: annals.actors/1\n"
                           "org:blue-heron\tBlue Heron Brigade\torganization\tarmed_group\t\tBHB|the Herons\torg:isis\taffiliate_of\n";
    const EntityRecognizer rec(kDataDir, {path.string()});
    const auto f = run("The BHB claimed the raid, and ISIS praised Blue Heron Brigade fighters.", rec);
    fs::remove(path);
    const auto* b = f.by_mention("BHB");
    REQUIRE(b);
    CHECK(b->key == "org:blue-heron");
    CHECK(f.by_mention("Blue Heron Brigade") == b);
    CHECK(f.has_relation("affiliate_of", "BHB", "ISIS"));
}

TEST_CASE("entities: a broken user dictionary names its line", "[entities][recognizer]") {
    namespace fs = std::filesystem;
    const auto path = test::scratch_dir() / "annals_bad_actors.tsv";
    std::ofstream(path) << "# format: annals.actors/1\norg:x\tX\n";
    try {
        const EntityRecognizer rec(kDataDir, {path.string()});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        CHECK(std::string(e.what()).find("annals_bad_actors.tsv:2") != std::string::npos);
    }
    fs::remove(path);
}

TEST_CASE("entities: odd text gives no entity and no error", "[entities][recognizer]") {
    CHECK(run("").entities.empty());
    CHECK(run("\n\n   \n").entities.empty());
    CHECK_NOTHROW(run("((( /// ))) ' \u2019s 's A. B. C. of the and & - --"));
}
