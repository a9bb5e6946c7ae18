// The selection flags every export shares: focus and hops, kinds, event type, time window,
// edge weight and the most central actors.
#include "test_export_fixture.hpp"
#include "test_graph_util.hpp"

#include "annals/export/node_link.hpp"
#include "annals/export/select.hpp"
#include "annals/store/build_outputs.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace annals;

namespace {

std::set<std::string> keys_of(const KnowledgeGraph& kg) {
    std::set<std::string> out;
    for (Vertex v = 0; v < kg.node_count(); ++v) out.insert(kg[v].key);
    return out;
}

std::size_t count_kind(const KnowledgeGraph& kg, NodeKind k) {
    std::size_t n = 0;
    for (Vertex v = 0; v < kg.node_count(); ++v) n += kg[v].kind == k ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("export: an empty selection keeps everything in the same order", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const GraphSelection s;
    CHECK_FALSE(s.active());
    const KnowledgeGraph out = select_graph(kg, s);
    REQUIRE(out.node_count() == kg.node_count());
    CHECK(out.edge_count() == kg.edge_count());
    for (Vertex v = 0; v < kg.node_count(); ++v) CHECK(out[v].key == kg[v].key);
    CHECK(out.documents.size() == 2);
}

TEST_CASE("export: focus and hops keep the neighbourhood of an actor", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    GraphSelection s;
    s.focus = *kg.find("person:ana-oneil");
    s.hops = 0;
    CHECK(keys_of(select_graph(kg, s)) == std::set<std::string>{"person:ana-oneil"});
    // One step: her relations, and her events with everyone in them.
    s.hops = 1;
    CHECK(keys_of(select_graph(kg, s)) == std::set<std::string>{"person:ana-oneil", "organization:rd-board",
                                                                "event:world/tricky \"one\".txt#V4",
                                                                "organization:cafe-noir"});
    s.hops = 2;
    const auto two = keys_of(select_graph(kg, s));
    CHECK(two.count("organization:bold-front") == 1);
    CHECK(two.count("gpe:sao-tome") == 1); // the place of the Collective's meeting
    CHECK(two.count("group:rocket-club") == 0);
    s.focus = *kg.find("group:rocket-club");
    s.hops = 1;
    CHECK(keys_of(select_graph(kg, s)).count("location:twin-harbour") == 1);
    CHECK(keys_of(select_graph(kg, s)).count("organization:backslash-union") == 1);
}

TEST_CASE("export: kinds, event type and time window", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    GraphSelection s;
    s.events = false;
    const KnowledgeGraph no_events = select_graph(kg, s);
    CHECK(count_kind(no_events, NodeKind::event) == 0);
    CHECK(no_events.node_count() == kg.node_count() - count_kind(kg, NodeKind::event));
    s = {};
    s.type = "contact";
    const KnowledgeGraph contact = select_graph(kg, s);
    for (Vertex v = 0; v < contact.node_count(); ++v)
        if (contact[v].kind == NodeKind::event) CHECK(type_in_family(contact[v].type, "contact"));
    CHECK(keys_of(contact).count("group:rocket-club") == 1); // still linked by a relation
    s = {};
    s.window.from = "2030-03-04";
    s.window.to = "2030-03-04";
    const KnowledgeGraph day = select_graph(kg, s);
    CHECK(count_kind(day, NodeKind::event) == 1);
    CHECK(keys_of(day).count("person:ana-oneil") == 1);
}

TEST_CASE("export: min weight and the most central actors", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    GraphSelection s;
    s.min_weight = 2;
    const KnowledgeGraph heavy = select_graph(kg, s);
    for (Vertex v = 0; v < heavy.node_count(); ++v)
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, heavy.graph()))) CHECK(heavy[e].weight >= 2);
    CHECK(keys_of(heavy).count("organization:cafe-noir") == 1);
    CHECK(keys_of(heavy).count("person:ana-oneil") == 0);
    s = {};
    s.top = 1;
    const KnowledgeGraph top = select_graph(kg, s);
    CHECK(count_kind(top, NodeKind::actor) == 1);
    CHECK(keys_of(top).count("organization:cafe-noir") == 1);
    CHECK(count_kind(top, NodeKind::event) == 3); // every event the Collective is in
}

TEST_CASE("export: most_connected cuts nodes and edges deterministically", "[export]") {
    const KnowledgeGraph kg = export_fixture::synthetic_graph(300, 40, 8);
    std::string note;
    const KnowledgeGraph same = most_connected(kg, kg.node_count(), kg.edge_count(), note);
    CHECK(note.empty());
    CHECK(same.edge_count() == kg.edge_count());
    const KnowledgeGraph cut = most_connected(kg, 50, 70, note);
    CHECK(cut.node_count() <= 50);
    CHECK(cut.node_count() >= 40);
    CHECK(cut.edge_count() == 70);
    CHECK(note.find("cut to the 50 most connected of") == 0);
    CHECK(note.find("the 70 heaviest of") != std::string::npos);
    for (Vertex v = 0; v < cut.node_count(); ++v)
        CHECK(boost::out_degree(v, cut.graph()) + boost::in_degree(v, cut.graph()) > 0);
    std::string again;
    const KnowledgeGraph cut2 = most_connected(kg, 50, 70, again);
    CHECK(keys_of(cut2) == keys_of(cut));
    // Links between hubs come first: every actor with a relation fits in 50 and is kept.
    const auto kept = keys_of(most_connected(kg, 50, kg.edge_count(), again));
    for (Vertex v = 0; v < kg.node_count(); ++v)
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, kg.graph())))
            if (kg[e].kind == EdgeKind::relation) CHECK(kept.count(kg[v].key) == 1);
}

TEST_CASE("export: the top actors read from the store are what selecting them from the whole graph keeps", "[export]") {
    for (const bool synthetic : {false, true}) {
        const KnowledgeGraph kg = synthetic ? export_fixture::synthetic_graph(600, 50, 10) : export_fixture::tricky_graph();
        const std::string path = graph_test::fresh_path(synthetic ? "top-synthetic.db" : "top-tricky.db");
        Store(path, true).save(kg);
        const KnowledgeGraph whole = load_graph(path);
        for (const std::size_t top : {1, 3, 10, 1000}) {
            INFO("synthetic " << synthetic << ", top " << top);
            GraphSelection s;
            s.top = top;
            const KnowledgeGraph fast = load_top_actors(path, top);
            CHECK(fast.node_count() > 0);
            CHECK(to_node_link_json(fast) == to_node_link_json(select_graph(whole, s)));
        }
    }
}

TEST_CASE("export: a place within reach comes with the places that contain it", "[export]") {
    KnowledgeGraph kg;
    auto node = [&](NodeKind kind, const std::string& key) {
        VertexBundle n;
        n.kind = kind;
        n.key = n.name = key;
        return kg.add_node(std::move(n));
    };
    auto edge = [&](Vertex a, Vertex b, EdgeKind kind, const std::string& type) {
        EdgeBundle e;
        e.kind = kind;
        e.type = type;
        e.weight = 1;
        kg.add_edge(a, b, std::move(e));
    };
    const Vertex actor = node(NodeKind::actor, "person:ada"), meeting = node(NodeKind::event, "event:m");
    // A city that acts somewhere in the store is an actor node; it still brings its country.
    const Vertex city = node(NodeKind::actor, "gpe:lyon"), country = node(NodeKind::place, "gpe:france");
    const Vertex continent = node(NodeKind::place, "location:europe"), far = node(NodeKind::actor, "person:far");
    edge(actor, meeting, EdgeKind::participates_in, "participant");
    edge(meeting, city, EdgeKind::located_in, "located_in");
    edge(city, country, EdgeKind::relation, "located_in");
    edge(country, continent, EdgeKind::relation, "located_in");
    edge(far, country, EdgeKind::relation, "represents");
    GraphSelection s;
    s.focus = actor;
    s.hops = 1;
    CHECK(keys_of(select_graph(kg, s)) ==
          std::set<std::string>{"person:ada", "event:m", "gpe:lyon", "gpe:france", "location:europe"});
    s.places = false;
    CHECK(keys_of(select_graph(kg, s)) == std::set<std::string>{"person:ada", "event:m", "gpe:lyon"});
}
