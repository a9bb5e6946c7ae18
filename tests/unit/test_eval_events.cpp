#include "annals/eval/events.hpp"
#include "annals/timeml/reader.hpp"

#include <catch2/catch.hpp>

using namespace annals;

namespace {
const std::string kData = ANNALS_TEST_DATA_DIR "/eval/";

Event event(Span span, std::string cls) {
    Event e;
    e.trigger.span = span;
    e.timeml_class = std::move(cls);
    return e;
}
} // namespace

TEST_CASE("eval: TimeML EVENT tags are read with their class", "[eval]") {
    const auto doc = timeml::read_timeml_file(kData + "names.tml");
    const auto events = gold_events(doc);
    REQUIRE(events.size() == 4);
    CHECK(events[0].span.of(doc.text) == "said");
    CHECK(events[0].cls == "REPORTING");
    CHECK(events[3].span.of(doc.text) == "worries");
    CHECK(events[3].cls == "I_STATE");
}

TEST_CASE("eval: system events are their trigger spans and TimeML classes, in text order", "[eval]") {
    Extraction x;
    x.events = {event({10, 14}, "STATE"), event({2, 5}, "OCCURRENCE"), event({7, 7}, "OCCURRENCE")};
    const auto s = system_events(x);
    REQUIRE(s.size() == 2); // an empty trigger is no prediction
    CHECK(s[0].span == Span{2, 5});
    CHECK(s[1].cls == "STATE");
}

TEST_CASE("eval: event triggers score strict, relaxed and class as TempEval-3 does", "[eval]") {
    const std::vector<ClassedSpan> gold = {
        {{0, 5}, "OCCURRENCE"}, {{10, 15}, "REPORTING"}, {{20, 25}, "STATE"}, {{30, 35}, "OCCURRENCE"}};
    const std::vector<ClassedSpan> system = {
        {{50, 55}, "STATE"},      // false alarm
        {{0, 5}, "OCCURRENCE"},   // exact, class right
        {{10, 14}, "OCCURRENCE"}, // overlap, class wrong
        {{30, 40}, "OCCURRENCE"}, // overlap, class right
    };
    const auto ev = score_events(gold, system);
    const auto& s = ev.scores;
    CHECK(s.strict.gold == 4);
    CHECK(s.strict.system == 4);
    CHECK(s.strict.gold_matched == 1);
    CHECK(s.relaxed.gold_matched == 3);
    CHECK(s.relaxed.precision() == Approx(75.0));
    CHECK(s.cls.gold_matched == 2);
    CHECK(s.cls.f1() == Approx(50.0));
    CHECK(s.accuracy() == Approx(200.0 / 3));
    std::vector<std::string> kinds;
    for (const auto& e : ev.errors)
        kinds.push_back(e.kind);
    CHECK(kinds == std::vector<std::string>{"event_extent", "event_class", "event_miss", "event_extent",
                                            "event_false_alarm"});
    CHECK(ev.errors[1].gold_class == "REPORTING");
    CHECK(ev.errors[1].system_class == "OCCURRENCE");
}

TEST_CASE("eval: one system trigger matches one gold event only", "[eval]") {
    const std::vector<ClassedSpan> gold = {{{0, 4}, "OCCURRENCE"}, {{5, 9}, "OCCURRENCE"}};
    const auto ev = score_events(gold, {{{0, 9}, "OCCURRENCE"}});
    CHECK(ev.scores.relaxed.gold_matched == 1);
    CHECK(ev.scores.relaxed.recall() == Approx(50.0));
    CHECK(ev.scores.relaxed.precision() == Approx(100.0));
    CHECK(ev.scores.strict.gold_matched == 0);
    EventScores total;
    total += ev.scores;
    total += ev.scores;
    CHECK(total.documents == 2);
    CHECK(total.accuracy() == Approx(100.0));
}

TEST_CASE("eval: malformed TimeML names its line", "[eval]") {
    CHECK_THROWS_WITH(timeml::parse_timeml("<TimeML>\n<TEXT>\na</TIMEX3></TimeML>", "bad.tml"),
                      Catch::Contains("bad.tml:3") && Catch::Contains("byte"));
}
