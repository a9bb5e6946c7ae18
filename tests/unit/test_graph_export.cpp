#include "test_graph_util.hpp"

#include "annals/graph/export.hpp"
#include "annals/timeline/timeline.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <fstream>
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

} // namespace

TEST_CASE("export: node-link JSON and timeline JSON follow their schemas", "[graph]") {
    const auto kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    CHECK(validate(to_node_link_json(kg), "graph.schema.json").empty());
    CHECK(validate(timeline_json(build_timeline(kg, {})), "timeline.schema.json").empty());
    CHECK_FALSE(validate("{\"schema\":\"annals.graph/1\"}", "graph.schema.json").empty());
    CHECK_FALSE(validate("{\"schema\":\"annals.timeline/1\",\"entries\":[{}],\"undated\":[]}", "timeline.schema.json").empty());
}

TEST_CASE("export: DOT parses with Graphviz and keeps labels with quotes and backslashes", "[graph]") {
    const auto kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    std::ostringstream dot;
    write_dot(kg, dot);
    const DotSummary s = read_dot_summary(dot.str());
    CHECK(s.nodes == kg.node_count());
    CHECK(s.edges == kg.edge_count());
    const auto v = kg.find("organization:iron-gate");
    REQUIRE(v);
    REQUIRE(s.labels.size() == kg.node_count());
    CHECK(s.labels[*v] == dot_safe(kg[*v].name));
    CHECK(dot_safe("a\\") == "a\\\\ ");
    CHECK(dot_safe("x\ny\t") == "x\\ny ");
}
