#include "test_graph_util.hpp"

#include "annals/timeline/timeline.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

using namespace annals;

namespace {

const Timeline& world_timeline() {
    static const KnowledgeGraph kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    static const Timeline t = build_timeline(kg, {});
    return t;
}

} // namespace

TEST_CASE("timeline: dated events in interval order with precision and source", "[timeline]") {
    const auto& t = world_timeline();
    REQUIRE(t.dated.size() == 5);
    std::vector<std::string> labels;
    for (const auto& e : t.dated) labels.push_back(e.date.label);
    CHECK(labels == std::vector<std::string>{"2019-05", "2031-01-20", "2031-02", "2031-03-10", "before 2031-03-15"});
    CHECK(t.dated[0].date.precision == DatePrecision::month);
    CHECK(t.dated[0].date.source == "explicit");
    CHECK(t.dated[3].date.precision == DatePrecision::day);
    CHECK(t.dated[3].sources == 3);
}

TEST_CASE("timeline: an event known only to precede the DCT is never on it", "[timeline]") {
    const auto& w = world_timeline().dated.back();
    CHECK(w.type == "movement.withdraw");
    CHECK(w.date.relation == DateRelation::before);
    CHECK(w.date.source == "tense");
    CHECK(w.date.label == "before 2031-03-15");
    const std::string text = timeline_text(world_timeline());
    CHECK(text.find("\n2031-03-15") == std::string::npos);
    CHECK(text.find("before 2031-03-15 [day, tense]  movement.withdraw") != std::string::npos);
}

TEST_CASE("timeline: undated events are listed apart", "[timeline]") {
    const auto& t = world_timeline();
    REQUIRE(t.undated.size() == 1);
    CHECK(t.undated[0].type == "cooperation.agree");
    CHECK(timeline_text(t).find("\nUndated:\nundated  cooperation.agree") != std::string::npos);
}

TEST_CASE("timeline: TimelineJS3 and vis-timeline shapes", "[timeline]") {
    rapidjson::Document tjs;
    tjs.Parse(timeline_timelinejs(world_timeline()).c_str());
    REQUIRE(tjs.IsObject());
    const auto& events = tjs["events"];
    REQUIRE(events.Size() == 5);
    CHECK(events[0]["start_date"]["year"].GetInt() == 2019);
    CHECK(events[0]["start_date"]["month"].GetInt() == 5);
    CHECK_FALSE(events[0]["start_date"].HasMember("day"));
    CHECK(std::string(events[4]["start_date"]["display_date"].GetString()) == "before 2031-03-15");
    CHECK(std::string(events[1]["text"]["headline"].GetString()).find("&quot;Iron\\Gate&quot; &lt;Group&gt;") !=
          std::string::npos);
    rapidjson::Document vis;
    vis.Parse(timeline_vis(world_timeline()).c_str());
    REQUIRE(vis.IsObject());
    CHECK(vis["items"].Size() == 5);
    CHECK(std::string(vis["items"][0]["start"].GetString()) == "2019-05-01");
    CHECK(std::string(vis["items"][0]["end"].GetString()) == "2019-06-01");
    CHECK(std::string(vis["items"][4]["type"].GetString()) == "point");
    CHECK(vis["groups"].Size() == 5);
}

TEST_CASE("timeline: filters narrow it and CSV has one row per event", "[timeline]") {
    const KnowledgeGraph kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    EventFilter f;
    f.type = "contact";
    const auto t = build_timeline(kg, f);
    CHECK(t.dated.size() == 1);
    CHECK(t.undated.empty());
    const auto all = build_timeline(kg, {});
    const std::string csv = timeline_csv(all);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 7);
}

TEST_CASE("timeline: the CSV sentence column holds the sentence as written", "[timeline]") {
    Timeline t;
    TimelineEntry plain, quoted;
    plain.key = "event:a#V1";
    plain.evidence.text = "The ministers met in Lisbon.";
    quoted.key = "event:a#V2";
    quoted.evidence.text = "He said \"no\", twice.";
    t.undated = {plain, quoted};
    const std::string csv = timeline_csv(t);
    CHECK(csv.find(",The ministers met in Lisbon.,event:a#V1") != std::string::npos);
    CHECK(csv.find(",\"He said \"\"no\"\", twice.\",event:a#V2") != std::string::npos);
}
