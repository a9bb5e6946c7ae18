// Queries answered from the store, reading only what they need, must equal the same
// queries over the whole graph in memory.
#include "test_graph_util.hpp"

#include "annals/core/error.hpp"
#include "annals/graph/synthetic.hpp"
#include "annals/record/json_writer.hpp"
#include "annals/store/store.hpp"
#include "annals/store/store_query.hpp"
#include "annals/timeline/timeline.hpp"

#include <catch2/catch.hpp>

using namespace annals;

namespace {

/// Synthetic documents with few actors and near dates, so events merge and paths are short.
GraphBuilder synthetic_builder(std::size_t docs) {
    GraphBuilder b(MergeOptions{2});
    SyntheticOptions o;
    o.actors = 15;
    o.places = 4;
    o.events_per_doc = 5;
    for (std::size_t i = 0; i < docs; ++i) {
        Extraction x = synthetic_document(i, o);
        for (std::size_t k = 0; k < x.events.size(); ++k) {
            const std::string day = "2030-01-1" + std::to_string((i + k) % 10);
            if ((i + k) % 7 == 0) x.events[k].time.reset();
            else x.events[k].time = EventTime{std::nullopt, day, DayInterval{day, day}, "explicit"};
            if (k % 3 == 0) x.events[k].modality = "reported";
        }
        b.add(x, content_hash(to_json(x)), i % 2 == 0);
    }
    return b;
}

std::string saved(const GraphBuilder& b, const std::string& name) {
    const auto path = graph_test::fresh_path(name);
    Store(path, true).save(b.merge());
    return path;
}

std::vector<Vertex> entities(const KnowledgeGraph& kg) {
    std::vector<Vertex> out;
    for (const Vertex v : boost::make_iterator_range(boost::vertices(kg.graph())))
        if (kg[v].kind != NodeKind::event) out.push_back(v);
    return out;
}

/// Every query the store answers, for every entity (and a partner), both ways.
void check_same_answers(const KnowledgeGraph& kg, StoreQuery& sq) {
    CHECK(render_text(sq.actors(std::nullopt)) == render_text(actors_table(kg, std::nullopt)));
    CHECK(render_text(sq.actors(std::string("location"))) == render_text(actors_table(kg, std::string("location"))));
    const auto es = entities(kg);
    const DateWindow window{std::string("2030-01-12"), std::string("2030-01-16")};
    for (std::size_t i = 0; i < es.size(); ++i) {
        const Vertex a = es[i], b = es[(i * 7 + 3) % es.size()];
        const std::string& ka = kg[a].key;
        const std::string& kb = kg[b].key;
        INFO(ka << " / " << kb);
        CHECK(render_text(sq.neighbors(ka, std::nullopt, {})) == render_text(neighbors_table(kg, a, std::nullopt, {})));
        CHECK(render_text(sq.neighbors(ka, std::string("contact"), window)) ==
              render_text(neighbors_table(kg, a, std::string("contact"), window)));
        CHECK(render_text(sq.relations(ka, std::nullopt)) == render_text(relations_table(kg, a, std::nullopt)));
        CHECK(render_text(sq.relations(ka, kb)) == render_text(relations_table(kg, a, b)));
        CHECK(render_text(sq.path(ka, kb)) == render_text(path_table(kg, a, b)));
        EventFilter f;
        f.actor = a;
        f.window = window;
        CHECK(render_text(sq.events(EventQuery{ka, std::nullopt, std::nullopt, std::nullopt, window})) ==
              render_text(events_table(kg, f)));
        const EventSelection s = sq.select_events(EventQuery{ka, std::nullopt, std::nullopt, std::nullopt, window});
        CHECK(render_timeline(build_timeline(s.graph, s.filter), TimelineFormat::json) ==
              render_timeline(build_timeline(kg, f), TimelineFormat::json));
        EventFilter p;
        p.place = a;
        p.type = "conflict";
        CHECK(render_text(sq.events(EventQuery{std::nullopt, ka, std::string("conflict"), std::nullopt, {}})) ==
              render_text(events_table(kg, p)));
    }
    EventFilter all;
    all.type = "contact";
    all.modality = "reported";
    CHECK(render_text(sq.events(EventQuery{std::nullopt, std::nullopt, std::string("contact"), std::string("reported"), {}})) ==
          render_text(events_table(kg, all)));
}

} // namespace

TEST_CASE("store: queries from the store equal queries over the loaded graph", "[store]") {
    SECTION("hand-written records") {
        GraphBuilder b;
        graph_test::add_files(b, {"a.jsonl", "b.jsonl"});
        StoreQuery sq(saved(b, "query_records.db"));
        check_same_answers(b.build(), sq);
    }
    SECTION("synthetic documents with merged events") {
        const GraphBuilder b = synthetic_builder(120);
        StoreQuery sq(saved(b, "query_synthetic.db"));
        const KnowledgeGraph kg = b.build();
        REQUIRE(kg.node_count() > 100);
        check_same_answers(kg, sq);
    }
}

TEST_CASE("store: names resolve in the store as in the graph, with the same suggestions", "[store]") {
    GraphBuilder b;
    graph_test::add_files(b, {"a.jsonl", "b.jsonl"});
    const KnowledgeGraph kg = b.build();
    const NameIndex names(kg);
    StoreQuery sq(saved(b, "query_names.db"));
    for (const char* q : {"Mara Ilves", "ILVES", "person:mara-ilves", "Mara Ilvez", "iron gate", "Nobody At All", "kestria"}) {
        INFO(q);
        const Resolution r = names.resolve(q);
        const KeyResolution s = sq.resolve(q);
        CHECK(s.key == (r.vertex ? std::optional<std::string>(kg[*r.vertex].key) : std::nullopt));
        CHECK(s.candidates == r.candidates);
        CHECK(s.ambiguous == r.ambiguous);
    }
    CHECK_THROWS_AS(sq.require("Nobody At All"), Error);
}

TEST_CASE("store: the compact merge saves the same rows as its graph", "[store]") {
    const GraphBuilder b = synthetic_builder(60);
    const auto from_graph = graph_test::fresh_path("rows_graph.db");
    Store(from_graph, true).save(b.build());
    CHECK(Store(saved(b, "rows_merged.db"), false).dump() == Store(from_graph, false).dump());
}
