#include "test_graph_util.hpp"

#include "annals/core/error.hpp"
#include "annals/graph/query.hpp"
#include "annals/graph/resolve.hpp"
#include "annals/graph/table.hpp"

#include <catch2/catch.hpp>

using namespace annals;

namespace {

const KnowledgeGraph& world() {
    static const KnowledgeGraph kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    return kg;
}

std::size_t column(const Table& t, const std::string& name) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i] == name) return i;
    FAIL("no column " << name);
    return 0;
}

} // namespace

TEST_CASE("query: names resolve by name, alias or key, ignoring case", "[query]") {
    const NameIndex names(world());
    const auto ilves = world().find("person:mara-ilves");
    CHECK(names.resolve("Mara Ilves").vertex == ilves);
    CHECK(names.resolve("mara ilves").vertex == ilves);
    CHECK(names.resolve("ILVES").vertex == ilves);
    CHECK(names.resolve("person:mara-ilves").vertex == ilves);
    CHECK(names.resolve("PERSON:Mara-Ilves").vertex == ilves);
}

TEST_CASE("query: unknown names get did-you-mean suggestions", "[query]") {
    const NameIndex names(world());
    const auto r = names.resolve("Mara Ilvez");
    CHECK_FALSE(r.vertex);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(r.candidates.front() == "Mara Ilves (person:mara-ilves)");
    CHECK_THAT(resolution_message("Mara Ilvez", r), Catch::StartsWith("unknown name 'Mara Ilvez'; did you mean: Mara Ilves"));
    CHECK(names.resolve("iron gate").candidates.front() == "The \"Iron\\Gate\" <Group> (organization:iron-gate)");
    CHECK_THROWS_AS(names.require("Nobody At All"), Error);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("query: relations list evidence; with two actors, shared events too", "[query]") {
    const NameIndex names(world());
    const auto t = relations_table(world(), names.require("Northern Accord"), std::nullopt);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][0] == "opposes");
    CHECK(t.rows[0][2] == "Red Banner Front");
    CHECK(t.rows[0][column(t, "evidence")] == "[world/a1.txt sentence 0, bytes 0-75]");
    const auto pair = relations_table(world(), names.require("Ilves"), names.require("Okafor"));
    std::size_t shared = 0;
    for (const auto& r : pair.rows) shared += r[0] == "event:contact.meet";
    CHECK(shared == 3);
}

TEST_CASE("query: neighbours by relation and shared events, filtered by type and time", "[query]") {
    const NameIndex names(world());
    const auto ilves = names.require("Mara Ilves");
    const auto all = neighbors_table(world(), ilves, std::nullopt, {});
    REQUIRE(all.rows.size() == 3);
    CHECK(all.rows[0][0] == "Ansel Okafor");
    CHECK(all.rows[0][2] == "met_with");
    CHECK(all.rows[0][3] == "both");
    CHECK(neighbors_table(world(), ilves, std::string("represents"), {}).rows.size() == 1);
    DateWindow early{std::nullopt, std::string("2031-03-09")};
    CHECK(neighbors_table(world(), ilves, std::nullopt, early).rows.empty());
}

TEST_CASE("query: the shortest path goes through events and relations, not places", "[query]") {
    const NameIndex names(world());
    const auto t = path_table(world(), names.require("Ansel Okafor"), names.require("organization:iron-gate"));
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows.front()[1] == "Ansel Okafor");
    CHECK(t.rows.back()[3] == "The \"Iron\\Gate\" <Group>");
    for (const auto& r : t.rows) CHECK(r[1] != "Port Amsel");
    CHECK(path_table(world(), names.require("Kestria"), names.require("Kestria")).rows.empty());
}

TEST_CASE("query: events filter by actor, place, type family, modality and window", "[query]") {
    const NameIndex names(world());
    EventFilter f;
    CHECK(events_table(world(), f).rows.size() == 6);
    f.type = "conflict";
    CHECK(events_table(world(), f).rows.size() == 2);
    f = {};
    f.actor = names.require("Kestria");
    CHECK(events_table(world(), f).rows.size() == 3);
    f = {};
    f.place = names.require("Port Amsel");
    CHECK(events_table(world(), f).rows.size() == 1);
    f = {};
    f.modality = "reported";
    CHECK(events_table(world(), f).rows.size() == 1);
    f = {};
    f.window = DateWindow{parse_date_bound("2031-02", false), parse_date_bound("2031-02", true)};
    const auto feb = events_table(world(), f);
    REQUIRE(feb.rows.size() == 1);
    CHECK(feb.rows[0][0] == "2031-02");
    CHECK(parse_date_bound("2024-02", true) == std::string("2024-02-29"));
    CHECK_FALSE(parse_date_bound("2024-13", false));
}

TEST_CASE("query: central and components rank actors deterministically", "[query]") {
    const auto deg = central_table(world(), Centrality::degree, 3);
    REQUIRE(deg.rows.size() == 3);
    CHECK(deg.rows[0][1] == "Kestria");
    CHECK(central_table(world(), Centrality::pagerank, 3).rows[0][1] == "Kestria");
    CHECK(central_table(world(), Centrality::betweenness, 100).rows.size() == 8);
    const auto comps = components_table(world());
    REQUIRE(comps.rows.size() == 1);
    CHECK(comps.rows[0][1] == "15");
}

TEST_CASE("query: tables render as aligned text, JSON and RFC 4180 CSV", "[query]") {
    const Table t{{"name", "n"}, {false, true}, {{"a, \"b\"", "3"}, {"line\nbreak", ""}}};
    CHECK(render_csv(t) == "name,n\r\n\"a, \"\"b\"\"\",3\r\n\"line\nbreak\",\r\n");
    CHECK(render_json(t) == "[{\"name\":\"a, \\\"b\\\"\",\"n\":3},{\"name\":\"line\\nbreak\",\"n\":null}]\n");
    CHECK(render_text(t) == "name        n\n----------  -\na, \"b\"      3\nline break\n");
}
