#include "annals/core/error.hpp"
#include "annals/eval/span_match.hpp"
#include "annals/eval/timeml.hpp"
#include "annals/timeml/reader.hpp"

#include <catch2/catch.hpp>

using namespace annals;

namespace {
// A small TimeML document written for these tests.
const char* kDoc = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-04" functionInDocument="CREATION_TIME">March 4</TIMEX3></DCT>
<TEXT>
The board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-03-02">Monday</TIMEX3> &amp; <EVENT eid="e2" class="REPORTING">said</EVENT> it would wait <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
)";
} // namespace

TEST_CASE("timeml: reads text, elements, links and the creation time", "[timeml]") {
    const auto doc = timeml::parse_timeml(kDoc, "t1.tml");
    CHECK(doc.id == "T1");
    REQUIRE(doc.dct);
    CHECK(*doc.dct == "2020-03-04");
    CHECK(doc.text == "\nThe board met on Monday & said it would wait two weeks.\n");
    const auto timexes = doc.all("TIMEX3");
    REQUIRE(timexes.size() == 2);
    CHECK(timexes[0]->span.of(doc.text) == "Monday");
    CHECK(timexes[1]->span.of(doc.text) == "two weeks");
    CHECK(timexes[1]->attr("value") == "P2W");
    CHECK(doc.all("EVENT").size() == 2);
    REQUIRE(doc.links.size() == 2);
    CHECK(doc.links[1].attr("relType") == "IS_INCLUDED");
}

TEST_CASE("timeml: malformed XML names the byte offset", "[timeml]") {
    CHECK_THROWS_WITH(timeml::parse_timeml("<TimeML><TEXT>a</TIMEX3></TimeML>", "bad.tml"),
                      Catch::Contains("bad.tml") && Catch::Contains("byte"));
    CHECK_THROWS_AS(timeml::parse_timeml("<TimeML></TimeML>", "none.tml"), Error);
}

TEST_CASE("eval: spans align one to one by largest overlap", "[eval]") {
    const std::vector<Span> gold{{0, 10}, {20, 30}};
    const std::vector<Span> sys{{0, 4}, {2, 10}, {25, 40}, {50, 60}};
    const auto a = align_spans(gold, sys);
    REQUIRE(a.size() == 2);
    CHECK(a[0] == std::optional<std::size_t>(1));
    CHECK(a[1] == std::optional<std::size_t>(2));
}

TEST_CASE("eval: timex scores count strict, relaxed, value and type", "[eval]") {
    const auto gold = timeml::parse_timeml(kDoc, "t1.tml");
    Extraction sys;
    sys.doc.text = gold.text;
    const auto at = [&](std::string_view s) {
        const auto b = gold.text.find(s);
        return Span{b, b + s.size()};
    };
    sys.timexes.push_back({"T1", at("on Monday"), 0, TimexType::date, "2020-03-02", std::nullopt, TimexAnchor::dct, ""});
    sys.timexes.push_back({"T2", at("two weeks"), 0, TimexType::duration, "P14D", std::nullopt, TimexAnchor::none, ""});
    sys.timexes.push_back({"T3", at("board"), 0, TimexType::date, "X", std::nullopt, TimexAnchor::none, ""});
    const auto ev = score_timexes(gold, sys);
    CHECK(ev.scores.relaxed.gold_matched == 2);
    CHECK(ev.scores.strict.gold_matched == 1);
    CHECK(ev.scores.value.gold_matched == 1);
    CHECK(ev.scores.type.gold_matched == 2);
    CHECK(ev.scores.relaxed.system == 3);
    CHECK(ev.scores.relaxed.precision() == Approx(200.0 / 3));
    CHECK(ev.errors.size() == 3); // extent, value, false alarm
}
