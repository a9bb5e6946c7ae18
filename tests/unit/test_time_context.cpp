// Focused checks of the time stage: what is not a time, anchoring (news, narrative, no DCT),
// intervals, the tense detector, the table loader, and the seed article.
#include "annals/core/error.hpp"
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"
#include "annals/time/tense.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace annals;

namespace {

const TimeTagger& tagger() {
    static const TimeTagger t(std::string(ANNALS_SOURCE_DIR) + "/lib/data");
    return t;
}

struct Tagged {
    std::string text;
    std::vector<Timex> timexes;
    std::vector<Diagnostic> diags;
    /// The timex whose text is exactly `s`, or null.
    const Timex* find(std::string_view s) const {
        for (const auto& t : timexes)
            if (t.span.of(text) == s) return &t;
        return nullptr;
    }
};

Tagged tag(std::string text, std::optional<std::string> dct = "2021-06-30", TimeMode mode = TimeMode::news) {
    Tagged r;
    r.text = std::move(text);
    r.timexes = tagger().tag(r.text, segment(r.text), dct, mode, r.diags);
    return r;
}

bool no_time_in(const Tagged& r, std::string_view word) {
    const auto at = r.text.find(word);
    REQUIRE(at != std::string::npos);
    const Span w{at, at + word.size()};
    for (const auto& t : r.timexes)
        if (t.span.overlaps(w)) return false;
    return true;
}

} // namespace

TEST_CASE("time: may the modal and May the month", "[time]") {
    CHECK(no_time_in(tag("Talks may resume soon."), "may"));
    CHECK(no_time_in(tag("Prime Minister Theresa May met the envoys."), "May"));
    const auto r = tag("The accord expires on May 5.");
    REQUIRE(r.find("May 5"));
    CHECK(r.find("May 5")->value == "2021-05-05");
}

TEST_CASE("time: March the verb and fall the verb are not times", "[time]") {
    CHECK(no_time_in(tag("Veterans march to the memorial each year."), "march"));
    CHECK(no_time_in(tag("The Long March ended in the north."), "March"));
    CHECK(no_time_in(tag("Shares could fall further."), "fall"));
    CHECK(no_time_in(tag("After the fall of the capital, the rebels fled."), "fall"));
    const auto r = tag("The talks broke down last fall.");
    REQUIRE(r.find("last fall"));
    CHECK(r.find("last fall")->value == "2020-FA");
}

TEST_CASE("time: second the ordinal is not a unit", "[time]") {
    CHECK(no_time_in(tag("The second round starts in the evening."), "second"));
    CHECK(no_time_in(tag("She came second behind the champion."), "second"));
    const auto r = tag("The jet crossed the line in a second.");
    REQUIRE(r.find("a second"));
    CHECK(r.find("a second")->value == "PT1S");
}

TEST_CASE("time: a weekday inside a newspaper name is not a date", "[time]") {
    CHECK(no_time_in(tag("The Sunday Times published the letter."), "Sunday"));
    CHECK(no_time_in(tag("According to the Sunday Telegraph, the deal is off."), "Sunday"));
    const auto r = tag("On Sunday Times Square was empty.");
    REQUIRE(r.find("Sunday"));
    CHECK(r.find("Sunday")->value == "2021-06-27");
}

TEST_CASE("time: quantities, phone numbers, scores and sections are not years", "[time]") {
    CHECK(no_time_in(tag("The alliance sent 2,000 troops."), "2,000"));
    CHECK(no_time_in(tag("Some 1,500 people marched."), "1,500"));
    CHECK(no_time_in(tag("About 1999 people signed the petition."), "1999"));
    CHECK(no_time_in(tag("Readers can call 202-555-0143 for tickets."), "202-555-0143"));
    CHECK(no_time_in(tag("The visitors won 3-2 on penalties."), "3-2"));
    CHECK(no_time_in(tag("The ruling cites Article 2001 of the code."), "2001"));
    CHECK(no_time_in(tag("Prices rose 2010% in a decade of inflation."), "2010"));
    const auto r = tag("The 2008 crisis hit banks, and in 2009 growth stopped.");
    REQUIRE(r.find("2008"));
    REQUIRE(r.find("2009"));
    CHECK(r.find("2009")->value == "2009");
}

TEST_CASE("time: news mode anchors on the DCT in the direction of the tense", "[time]") {
    const auto r = tag("The envoys met on Monday. They will meet again on Monday.");
    REQUIRE(r.timexes.size() == 2);
    CHECK(r.timexes[0].value == "2021-06-28");
    CHECK(r.timexes[0].anchor == TimexAnchor::dct);
    CHECK(r.timexes[1].value == "2021-07-05");
    const auto m = tag("The law took effect in October. A new law will take effect in February.");
    REQUIRE(m.timexes.size() == 2);
    CHECK(m.timexes[0].value == "2020-10");
    CHECK(m.timexes[1].value == "2022-02");
}

TEST_CASE("time: narrative mode anchors on the last explicit date", "[time]") {
    const std::string text = "In 1944 the army crossed the river. In June the bridge fell. Two days later it rained.";
    const auto n = tag(text, "2021-06-30", TimeMode::narrative);
    REQUIRE(n.find("June"));
    CHECK(n.find("June")->value == "1944-06");
    CHECK(n.find("June")->anchor == TimexAnchor::previous);
    CHECK(n.find("1944")->anchor == TimexAnchor::absolute);
    const auto news = tag(text, "2021-06-30", TimeMode::news);
    CHECK(news.find("June")->value == "2021-06");
    CHECK(news.find("June")->anchor == TimexAnchor::dct);
    const auto days = tag("On 3 March 1990 the strike began. Two days later it ended.", "2021-06-30", TimeMode::narrative);
    REQUIRE(days.find("Two days later"));
    CHECK(days.find("Two days later")->value == "1990-03-05");
}

TEST_CASE("time: without a DCT relative dates stay underspecified with a diagnostic", "[time]") {
    const auto r = tag("The envoys met on Monday, in September 2014 and yesterday.", std::nullopt);
    REQUIRE(r.find("Monday"));
    CHECK(r.find("Monday")->value == "XXXX-WXX-1");
    CHECK(r.find("Monday")->anchor == TimexAnchor::none);
    CHECK_FALSE(r.find("Monday")->interval);
    CHECK(r.find("September 2014")->value == "2014-09");
    CHECK(r.find("September 2014")->anchor == TimexAnchor::absolute);
    CHECK(r.find("yesterday")->value == "XXXX-XX-XX");
    REQUIRE(r.diags.size() == 2);
    CHECK(r.diags[0].code == DiagCode::unresolved_time);
}

TEST_CASE("time: intervals give the first and last day", "[time]") {
    const auto r = tag("In September 2014, in the 1990s, in 2021-SU terms, in Q3 2013 and last week.");
    const auto* sep = r.find("September 2014");
    REQUIRE(sep);
    REQUIRE(sep->interval);
    CHECK(sep->interval->earliest == "2014-09-01");
    CHECK(sep->interval->latest == "2014-09-30");
    const auto* dec = r.find("the 1990s");
    REQUIRE(dec);
    CHECK(dec->interval->earliest == "1990-01-01");
    CHECK(dec->interval->latest == "1999-12-31");
    const auto* q = r.find("Q3 2013");
    REQUIRE(q);
    CHECK(q->interval->latest == "2013-09-30");
    const auto* w = r.find("last week");
    REQUIRE(w);
    CHECK(w->value == "2021-W25");
    CHECK(w->interval->earliest == "2021-06-21");
    CHECK(w->interval->latest == "2021-06-27");
    const auto d = tag("The war lasted three years.");
    CHECK_FALSE(d.find("three years")->interval);
}

TEST_CASE("time: ids are in text order and output is deterministic", "[time]") {
    const std::string text = "Yesterday the council met; on Friday it will vote, and next year it dissolves.";
    const auto a = tag(text), b = tag(text);
    REQUIRE(a.timexes.size() == 3);
    CHECK(a.timexes[0].id == "T1");
    CHECK(a.timexes[2].id == "T3");
    for (std::size_t i = 0; i < a.timexes.size(); ++i) {
        CHECK(a.timexes[i].value == b.timexes[i].value);
        CHECK(a.timexes[i].span == b.timexes[i].span);
    }
}

TEST_CASE("time: the tense detector reads auxiliaries, -ed forms and irregular pasts", "[time]") {
    auto tense_of = [](const std::string& s, std::string_view word) {
        const auto seg = segment(s);
        const auto at = s.find(word);
        return governing_tense(s, seg.tokens, Span{at, at + word.size()});
    };
    CHECK(tense_of("The talks will resume on Monday.", "Monday") == Tense::future);
    CHECK(tense_of("They'll vote on Monday.", "Monday") == Tense::future);
    CHECK(tense_of("The board is going to decide on Monday.", "Monday") == Tense::future);
    CHECK(tense_of("The firm plans to list its shares in May.", "May") == Tense::future);
    CHECK(tense_of("The talks resumed on Monday.", "Monday") == Tense::past);
    CHECK(tense_of("The envoy met the king on Monday.", "Monday") == Tense::past);
    CHECK(tense_of("The army had left by Monday.", "Monday") == Tense::past);
    CHECK(tense_of("The dividend will be paid on Monday.", "Monday") == Tense::future);
    CHECK(tense_of("The market is open on Monday.", "Monday") == Tense::present);
    CHECK(tense_of("Monday.", "Monday") == Tense::unknown);
    CHECK(tense_of("The United Nations session on Monday.", "Monday") == Tense::unknown);
}

TEST_CASE("time: a broken table is reported with its file and line", "[time]") {
    namespace fs = std::filesystem;
    const fs::path src = fs::path(ANNALS_SOURCE_DIR) / "lib" / "data" / "time";
    const fs::path dir = test::scratch_dir() / "annals_time_table_test";
    fs::remove_all(dir);
    fs::create_directories(dir / "time");
    for (const auto& e : fs::directory_iterator(src)) fs::copy_file(e.path(), dir / "time" / e.path().filename());
    {
        std::ofstream out(dir / "time" / "units.tsv", std::ios::app);
        out << "fortnight\tNOSUCHCLASS\tW\n";
    }
    try {
        TimeTagger broken(dir.string());
        FAIL("a bad row must throw");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        CHECK(e.where().find("units.tsv:") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("time: the seed article's dates", "[time][seed]") {
    const std::string path = std::string(ANNALS_SHARED_CORPUS_DIR) + "/seed/coalition-rome.txt";
    std::ifstream in(path);
    if (!in) {
        WARN("seed article absent; skipped");
        return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const auto r = tag(ss.str(), "2021-06-30");
    auto value_of = [&](std::string_view s) -> std::string {
        const auto* t = r.find(s);
        return t ? t->value + "|" + timex_type_name(t->type) : std::string("missing");
    };
    CHECK(value_of("Monday") == "2021-06-28|DATE");
    CHECK(value_of("September 2014") == "2014-09|DATE");
    CHECK(value_of("recent months") == "PXM|DURATION");
    CHECK(value_of("days to come") == "FUTURE_REF|DATE");
    CHECK(value_of("right now") == "PRESENT_REF|DATE");
    CHECK(value_of("future") == "FUTURE_REF|DATE");
    CHECK(value_of("the past") == "PAST_REF|DATE");
}
