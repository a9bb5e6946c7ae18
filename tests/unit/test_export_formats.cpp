// GraphML, GEXF, Cytoscape.js, CSV and the JSON formats: well formed, complete, and valid
// against their schemas. The real consumers (NetworkX, cytoscape, Python's csv) read them in
// the CLI tests; these check the structure without them.
#include "test_export_fixture.hpp"
#include "test_graph_util.hpp"

#include "annals/export/formats.hpp"
#include "annals/export/node_link.hpp"
#include "annals/timeline/timeline.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace annals;

namespace {

/// Validates `json` against schemas/<name>; returns "" or what failed.
std::string validate(const std::string& json, const char* name) {
    std::ifstream in(std::string(ANNALS_SCHEMA_DIR) + "/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    rapidjson::Document sd;
    sd.Parse(ss.str().c_str());
    if (sd.HasParseError()) return std::string(name) + " does not parse";
    const rapidjson::SchemaDocument schema(sd);
    rapidjson::Document d;
    d.Parse(json.c_str());
    if (d.HasParseError()) return "output does not parse";
    rapidjson::SchemaValidator v(schema);
    if (d.Accept(v)) return {};
    rapidjson::StringBuffer where;
    v.GetInvalidDocumentPointer().StringifyUriFragment(where);
    return std::string("invalid at ") + where.GetString() + " (" + v.GetInvalidSchemaKeyword() + ")";
}

template <class Write>
std::string written(const KnowledgeGraph& kg, Write write) {
    std::ostringstream s;
    write(kg, s);
    return s.str();
}

/// RFC 4180 rows (CRLF ends, quoted fields with doubled quotes).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') rows.back().emplace_back();
        else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') rows.emplace_back(1), ++i;
        else rows.back().back() += c;
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

} // namespace

TEST_CASE("export: GraphML declares a key for every value and keeps every node and edge", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const std::string xml = written(kg, write_graphml);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    const auto root = doc.child("graphml");
    std::set<std::string> keys;
    for (const auto& k : root.children("key")) CHECK(keys.insert(k.attribute("id").value()).second);
    const auto graph = root.child("graph");
    std::size_t nodes = 0, edges = 0;
    for (const auto& n : graph.children("node")) {
        REQUIRE(n.attribute("id").value() == kg[nodes].key);
        for (const auto& d : n.children("data")) CHECK(keys.count(d.attribute("key").value()) == 1);
        ++nodes;
    }
    for (const auto& e : graph.children("edge")) {
        for (const auto& d : e.children("data")) CHECK(keys.count(d.attribute("key").value()) == 1);
        ++edges;
    }
    CHECK(nodes == kg.node_count());
    CHECK(edges == kg.edge_count());
    const auto twin = graph.find_child_by_attribute("node", "id", "location:twin-harbour");
    CHECK(std::string(twin.find_child_by_attribute("data", "key", "n1").text().get()) == "Twin\nHarbour");
}

TEST_CASE("export: GEXF 1.3 is dynamic, with dates on dated nodes and edges", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const std::string xml = written(kg, write_gexf);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    const auto graph = doc.child("gexf").child("graph");
    CHECK(std::string(doc.child("gexf").attribute("version").value()) == "1.3");
    CHECK(std::string(graph.attribute("mode").value()) == "dynamic");
    std::size_t nodes = 0, edges = 0;
    for (const auto& n : graph.child("nodes").children("node")) {
        ++nodes;
        if (std::string(n.attribute("id").value()) == "person:ana-oneil") {
            CHECK(std::string(n.attribute("start").value()) == "2030-03-04");
            CHECK(std::string(n.attribute("end").value()) == "2030-03-05"); // the relation's document date
        }
    }
    for (const auto& e : graph.child("edges").children("edge")) {
        ++edges;
        CHECK_FALSE(std::string(e.attribute("kind").value()).empty());
    }
    CHECK(nodes == kg.node_count());
    CHECK(edges == kg.edge_count());
}

TEST_CASE("export: Cytoscape.js elements have ids, sources and targets that exist", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    rapidjson::Document d;
    d.Parse(to_cytoscape_json(kg).c_str());
    REQUIRE_FALSE(d.HasParseError());
    std::set<std::string> ids;
    for (const auto& n : d["elements"]["nodes"].GetArray()) {
        CHECK(ids.insert(n["data"]["id"].GetString()).second);
        CHECK(std::string(n["classes"].GetString()).find(n["data"]["kind"].GetString()) == 0);
    }
    CHECK(ids.size() == kg.node_count());
    std::size_t edges = 0;
    for (const auto& e : d["elements"]["edges"].GetArray()) {
        CHECK(ids.count(e["data"]["source"].GetString()) == 1);
        CHECK(ids.count(e["data"]["target"].GetString()) == 1);
        ++edges;
    }
    CHECK(edges == kg.edge_count());
    CHECK(d["style"].IsArray());
}

TEST_CASE("export: CSV tables hold one row per node and edge, quoted as RFC 4180 says", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const auto nodes = parse_csv(written(kg, write_nodes_csv));
    const auto edges = parse_csv(written(kg, write_edges_csv));
    REQUIRE(nodes.size() == kg.node_count() + 1);
    CHECK(edges.size() == kg.edge_count() + 1);
    CHECK(nodes[0][0] == "Id");
    CHECK(edges[0][2] == "Type");
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        CHECK(nodes[i].size() == nodes[0].size());
        CHECK(nodes[i][0] == kg[i - 1].key);
    }
    for (const auto& row : edges) CHECK(row.size() == edges[0].size());
    const auto cafe = kg.find("organization:cafe-noir");
    CHECK(nodes[*cafe + 1][1] == "Caf\xC3\xA9 \"Noir\" Collective");
}

TEST_CASE("export: node-link JSON, timeline JSON and TimelineJS JSON follow their schemas", "[export]") {
    for (const KnowledgeGraph& kg : {graph_test::graph_of({"a.jsonl", "b.jsonl"}), export_fixture::tricky_graph()}) {
        CHECK(validate(to_node_link_json(kg), "graph.schema.json") == "");
        const Timeline t = build_timeline(kg, {});
        INFO(timeline_timelinejs(t));
        CHECK(validate(timeline_json(t), "timeline.schema.json") == "");
        CHECK(validate(timeline_timelinejs(t), "timelinejs.schema.json") == "");
    }
    CHECK_FALSE(validate("{\"schema\":\"annals.graph/1\"}", "graph.schema.json").empty());
    CHECK_FALSE(validate("{\"schema\":\"annals.timeline/1\",\"entries\":[{}],\"undated\":[]}", "timeline.schema.json").empty());
    CHECK_FALSE(validate("{\"events\":[{\"text\":{\"headline\":\"x\"}}]}", "timelinejs.schema.json").empty());
    CHECK_FALSE(validate("{\"events\":[{\"start_date\":{\"year\":\"2020\"}}]}", "timelinejs.schema.json").empty());
}
