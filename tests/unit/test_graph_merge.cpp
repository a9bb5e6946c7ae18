#include "test_graph_util.hpp"

#include "annals/export/node_link.hpp"

#include <catch2/catch.hpp>

using namespace annals;
using graph_test::graph_of;

namespace {

const VertexBundle& node(const KnowledgeGraph& kg, const std::string& key) {
    const auto v = kg.find(key);
    REQUIRE(v);
    return kg[*v];
}

std::size_t events_of_type(const KnowledgeGraph& kg, const std::string& type) {
    std::size_t n = 0;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(kg.graph()))) n += kg[v].type == type;
    return n;
}

} // namespace

TEST_CASE("graph: entities merge by key and keep every source", "[graph]") {
    const auto kg = graph_of({"a.jsonl", "b.jsonl"});
    CHECK(kg.documents.size() == 4);
    const auto& ilves = node(kg, "person:mara-ilves");
    CHECK(ilves.kind == NodeKind::actor);
    CHECK(ilves.source_count == 3);
    CHECK(ilves.aliases == std::vector<std::string>{"Ilves", "Mara Ilves"});
    CHECK(node(kg, "gpe:port-amsel").kind == NodeKind::place); // a city that never acts
    CHECK(node(kg, "gpe:kestria").kind == NodeKind::actor);
    REQUIRE(node(kg, "gpe:kestria").geo);
}

TEST_CASE("graph: reports of one event merge within the time window", "[graph]") {
    const auto kg = graph_of({"a.jsonl", "b.jsonl"});
    REQUIRE(events_of_type(kg, "contact.meet") == 1);
    const auto& meet = node(kg, "event:world/a1.txt#V2");
    CHECK(meet.source_count == 3);
    CHECK(meet.event_sources.size() == 3);
    REQUIRE(meet.interval);
    CHECK(meet.interval->earliest == "2031-03-10");
    // Without a window, the report dated a day later is another event.
    const auto strict = graph_of({"a.jsonl", "b.jsonl"}, 0);
    CHECK(events_of_type(strict, "contact.meet") == 2);
}

TEST_CASE("graph: relations carry weight and evidence; symmetric ones are stored once", "[graph]") {
    const auto kg = graph_of({"a.jsonl", "b.jsonl"});
    const Graph& g = kg.graph();
    std::size_t met_with = 0;
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
        if (g[e].kind != EdgeKind::relation || g[e].type != "met_with") continue;
        ++met_with;
        CHECK(g[e].weight == 2);
        CHECK(g[e].evidence.size() == 2);
        CHECK(g[boost::source(e, g)].key < g[boost::target(e, g)].key);
    }
    CHECK(met_with == 1);
}

TEST_CASE("graph: merging is order-independent and associative", "[graph]") {
    const std::string ab = to_node_link_json(graph_of({"a.jsonl", "b.jsonl"}));
    CHECK(to_node_link_json(graph_of({"b.jsonl", "a.jsonl"})) == ab);
    // (A + B) rebuilt from the graph, then nothing, equals A + B.
    GraphBuilder again;
    again.add_graph(graph_of({"a.jsonl"}));
    graph_test::add_files(again, {"b.jsonl"});
    CHECK(to_node_link_json(again.build()) == ab);
    GraphBuilder reverse;
    reverse.add_graph(graph_of({"b.jsonl"}));
    graph_test::add_files(reverse, {"a.jsonl"});
    CHECK(to_node_link_json(reverse.build()) == ab);
}

TEST_CASE("graph: the same document twice changes nothing; new content replaces it", "[graph]") {
    GraphBuilder b;
    graph_test::add_files(b, {"a.jsonl"});
    const std::string once = to_node_link_json(b.build());
    read_records(
        graph_test::record_file("a.jsonl"),
        [&](Extraction&& x, std::string_view line) { CHECK(b.add(x, content_hash(line), false) == AddOutcome::unchanged); },
        [](RecordProblem&&) {});
    CHECK(to_node_link_json(b.build()) == once);
    Extraction changed;
    changed.doc.id = "world/a2.txt";
    CHECK(b.add(changed, content_hash("other"), false) == AddOutcome::replaced);
    CHECK(b.build().find("organization:red-banner-front")); // still known from a1
    CHECK(b.document_count() == 2);
}

TEST_CASE("graph: content hashes are SHA-1 hex", "[graph]") {
    CHECK(content_hash("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
}
