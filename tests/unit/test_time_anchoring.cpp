// Anchoring checks of the time stage, one test case per class of expression: the tense
// cues that set the direction of weekdays and months, terms (by, until, payable), the
// quarter and year a report is about, and vague stretches (recent months).
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"
#include "annals/time/tense.hpp"

#include <catch2/catch.hpp>

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
    /// "value|TYPE" of the timex whose text is exactly `s`, or "missing".
    std::string of(std::string_view s) const {
        for (const auto& t : timexes)
            if (t.span.of(text) == s) return t.value + "|" + timex_type_name(t.type);
        return "missing";
    }
};

Tagged tag(std::string text, const std::string& dct) {
    Tagged r;
    r.text = std::move(text);
    std::vector<Diagnostic> diags;
    r.timexes = tagger().tag(r.text, segment(r.text), dct, TimeMode::news, diags);
    return r;
}

Tense tense_of(const std::string& s, std::string_view word) {
    const auto seg = segment(s);
    const auto at = s.find(word);
    return governing_tense(s, seg.tokens, Span{at, at + word.size()});
}

} // namespace

TEST_CASE("time: tense cues that are not the verb of the date", "[time][anchoring]") {
    // a past participle after a noun is a verb; after a determiner it is an adjective
    CHECK(tense_of("Below are remarks made Thursday by the minister.", "Thursday") == Tense::past);
    CHECK(tense_of("The bonus will go out on an as yet undisclosed date in March.", "March") == Tense::future);
    CHECK(tense_of("The fee, subject to a vote, would be paid on a still unspecified day in May.", "May") ==
          Tense::future);
    // "plans" is a noun unless "to" follows; "were planning to" looks ahead
    CHECK(tense_of("On Friday, when the mayor cancelled her holiday plans, the storm hit.", "Friday") == Tense::past);
    CHECK(tense_of("Farmers rallied in the square and were planning to march on Sunday.", "Sunday") ==
          Tense::future);
    // a plan that "had been" due is over
    CHECK(tense_of("The offer had been due to lapse on Friday.", "Friday") == Tense::past);
    // perfect with participles spelled as present forms
    CHECK(tense_of("Fuel prices have come down from their peak in October.", "October") == Tense::past);
}

TEST_CASE("time: weekdays and months follow the corrected tense", "[time][anchoring]") {
    // DCT Wednesday 2021-06-30
    const auto a = tag("Below are remarks made Thursday by the minister.", "2021-06-30");
    CHECK(a.of("Thursday") == "2021-06-24|DATE");
    const auto b = tag("Farmers rallied in the square and were planning to march on Sunday.", "2021-06-30");
    CHECK(b.of("Sunday") == "2021-07-04|DATE");
    const auto c = tag("Fuel prices have come down from their peak in October.", "2021-02-10");
    CHECK(c.of("October") == "2020-10|DATE");
}

TEST_CASE("time: a date after since lies in the past", "[time][anchoring]") {
    const auto r = tag("The ship has been at sea since March and was scheduled to dock in the autumn.", "2021-02-10");
    CHECK(r.of("March") == "2020-03|DATE");
}

TEST_CASE("time: a term is the nearest such day or month", "[time][anchoring]") {
    const auto a = tag("The dividend is payable Jan. 3 to holders of record Dec. 10.", "2021-11-15");
    CHECK(a.of("Jan. 3") == "2022-01-03|DATE");
    CHECK(a.of("Dec. 10") == "2021-12-10|DATE");
    const auto b = tag("The new board takes office effective Feb. 1.", "2021-10-20");
    CHECK(b.of("Feb. 1") == "2022-02-01|DATE");
    const auto c = tag("The bank extended its credit line through January.", "2021-10-20");
    CHECK(c.of("January") == "2022-01|DATE");
    // a day just before the DCT stays in its year, even in the future tense
    const auto d = tag("A judge ordered that the papers will be filed by Jan. 14.", "2022-01-16");
    CHECK(d.of("Jan. 14") == "2022-01-14|DATE");
}

TEST_CASE("time: the quarter a report is about", "[time][anchoring]") {
    const std::string text =
        "After a weak second quarter, the mill posted higher third-quarter profit. In the quarter, sales rose 4%. "
        "Costs were lower than in the year-ago period. Results for the quarter a year ago included a charge. "
        "Sales for last year's quarter were flat, as they were in the corresponding period last year. "
        "The mill expects a loss in the fourth quarter.";
    const auto r = tag(text, "2021-10-28");
    CHECK(r.of("third-quarter") == "2021-Q3|DATE");
    CHECK(r.of("the quarter") == "2021-Q3|DATE");
    CHECK(r.of("the year-ago period") == "2020-Q3|DATE");
    CHECK(r.of("the quarter a year ago") == "2020-Q3|DATE");
    CHECK(r.of("last year's quarter") == "2020-Q3|DATE");
    CHECK(r.of("the corresponding period last year") == "2020-Q3|DATE");
    CHECK(r.of("the fourth quarter") == "2021-Q4|DATE");
    // a quarter named by the day it ended; "the 2020 period" is that quarter a year back
    const auto e = tag("In the quarter ended July 31, the retailer lost money. In the 2020 period it earned more.",
                       "2021-09-15");
    CHECK(e.of("the quarter") == "2021-Q2|DATE");
    CHECK(e.of("the 2020 period") == "2020-Q2|DATE");
    // with no quarter named, "the quarter" of a past verb is the one just ended
    const auto f = tag("Shipments fell in the quarter.", "2021-10-28");
    CHECK(f.of("the quarter") == "2021-Q3|DATE");
}

TEST_CASE("time: the year of the document and years ending on a day", "[time][anchoring]") {
    const auto r = tag("For the year, volume was flat. The stock hit a high for the full year in June. "
                       "In the year ended March 31, revenue rose. Sales in the current fiscal year will grow. "
                       "The sale should close by year end.",
                       "2021-10-28");
    CHECK(r.of("the year") == "2021|DATE");
    CHECK(r.of("the full year") == "2021|DATE");
    CHECK(r.of("the current fiscal year") == "2021|DATE");
    CHECK(r.of("year end") == "2021|DATE");
    const auto d = tag("In the year ended March 31, revenue rose.", "2021-10-28");
    CHECK(d.of("the year") == "P1Y|DURATION");
    // "the year before" and "the year-earlier" are other expressions
    const auto b = tag("Costs rose from the year-earlier level.", "2021-10-28");
    CHECK(b.of("the year") == "missing");
}

TEST_CASE("time: recent and coming stretches are vague durations", "[time][anchoring]") {
    const auto r = tag("Prices have risen in recent weeks and may fall over the next few days or in coming months.",
                       "2021-06-30");
    CHECK(r.of("recent weeks") == "PXW|DURATION");
    CHECK(r.of("the next few days") == "PXD|DURATION");
    CHECK(r.of("coming months") == "FUTURE_REF|DATE");
    const auto p = tag("Prices rose over the last few months and in recent years.", "2021-06-30");
    CHECK(p.of("the last few months") == "PAST_REF|DATE");
    CHECK(p.of("recent years") == "PAST_REF|DATE");
    // a term in the future tense looks ahead
    const auto f = tag("The firm said it would repay the loan by June 2.", "2021-06-30");
    CHECK(f.of("June 2") == "2022-06-02|DATE");
}

TEST_CASE("time: ages and fractions are not durations", "[time][anchoring]") {
    const auto r = tag("Ms. Lind, 47 years old, sold three-quarters of her shares and more than a quarter of the bonds.",
                       "2021-06-30");
    CHECK(r.of("47 years") == "missing");
    CHECK(r.of("quarters") == "missing");
    CHECK(r.of("more than a quarter") == "missing");
    CHECK(tag("At high noon the square was empty.", "2021-06-30").of("noon") == "missing");
}

TEST_CASE("time: halves and more of a span", "[time][anchoring]") {
    const auto r = tag("They waited 3 1/2 years, then stayed for two more weeks and an extra day.", "2021-06-30");
    CHECK(r.of("3 1/2 years") == "P3Y6M|DURATION");
    CHECK(r.of("two more weeks") == "P2W|DURATION");
    CHECK(r.of("an extra day") == "P1D|DURATION");
    const auto h = tag("Profit fell in the last half of 2019 and rose in the first two quarters of 2020.", "2021-06-30");
    CHECK(h.of("the last half of 2019") == "2019-H2|DATE");
    CHECK(h.of("the first two quarters of 2020") == "2020-H1|DATE");
    const auto y = tag("Net for the year-earlier nine months included a gain.", "2021-10-28");
    CHECK(y.of("the year-earlier nine months") == "P9M|DURATION");
}

TEST_CASE("time: month names as first names and after a capitalized first word", "[time][anchoring]") {
    const auto r = tag("Ministers Ana Ruiz and Jan Novak signed the text.", "2021-06-30");
    CHECK(r.of("Jan") == "missing");
    CHECK(tag("In March, the firm got an offer.", "2021-06-30").of("March") == "2021-03|DATE");
    CHECK(tag("The March vote will decide it.", "2021-02-01").of("March") == "2021-03|DATE");
    CHECK(tag("A 2019 law banned it.", "2021-06-30").of("2019") == "2019|DATE");
    CHECK(tag("Revenue rose in the 2020 quarter.", "2021-06-30").of("the 2020 quarter") == "2020|DATE");
}

TEST_CASE("time: a named day of last year, the week of a day, weekdays counted from the day in focus",
          "[time][anchoring]") {
    // DCT Monday 2021-04-19
    const auto r = tag("The clinic was attacked last Oct. 23. A hearing is set for the week of May 3.", "2021-04-19");
    CHECK(r.of("last Oct. 23") == "2020-10-23|DATE");
    CHECK(r.of("the week of May 3") == "2021-W18|DATE");
    const auto f = tag("The talks opened on March 3, 2021. The previous Friday, both sides met in secret.", "2021-04-19");
    CHECK(f.of("The previous Friday") == "2021-02-26|DATE");
    // a weekday's possessive names a past event unless the next one is clearly nearer
    const auto p = tag("The bonds trade above Thursday's close.", "2021-04-19");
    CHECK(p.of("Thursday") == "2021-04-15|DATE");
    const auto v = tag("Ahead of Tuesday's vote, the rebels left.", "2021-04-19");
    CHECK(v.of("Tuesday") == "2021-04-20|DATE");
}

TEST_CASE("time: frequency words before nouns and vague future phrases", "[time][anchoring]") {
    const auto r = tag("In his weekly address he praised the daily rallies and hourly wages.", "2021-06-30");
    CHECK(r.of("weekly") == "P1W|SET");
    CHECK(r.of("daily") == "P1D|SET");
    CHECK(r.of("hourly") == "PT1H|SET");
    const auto f = tag("In the near term costs will rise; the rest comes at a later date, as soon as possible.", "2021-06-30");
    CHECK(f.of("the near term") == "FUTURE_REF|DATE");
    CHECK(f.of("a later date") == "FUTURE_REF|DATE");
    CHECK(f.of("as soon as possible") == "FUTURE_REF|DATE");
    CHECK(tag("Prices rose over the years.", "2021-06-30").of("the years") == "PXY|DURATION");
}

TEST_CASE("time: soon and one day after a modal look ahead", "[time][anchoring]") {
    const auto r = tag("The court may soon rule, and the firm says it soon will hire; the city will one day recover.",
                       "2021-06-30");
    CHECK(r.of("soon") == "FUTURE_REF|DATE");
    CHECK(r.of("one day") == "FUTURE_REF|DATE");
    CHECK(tag("Call us as soon as you land.", "2021-06-30").of("soon") == "missing");
    CHECK(tag("The strike lasted one day.", "2021-06-30").of("one day") == "P1D|DURATION");
}

TEST_CASE("time: parts of a day take the day in focus", "[time][anchoring]") {
    // the day named in the sentence before
    const auto r = tag("Hopes of a rally faded on Friday. Traders sold heavily in the morning.", "2021-07-05");
    CHECK(r.of("the morning") == "2021-07-02TMO|TIME");
    const auto h = tag("The convoy will leave at 5 in the morning on Thursday.", "2021-06-30");
    CHECK(h.of("5 in the morning") == "2021-07-01T05:00|TIME");
    const auto m = tag("By mid afternoon the shelling had stopped.", "2021-06-30");
    CHECK(m.of("mid afternoon") == "2021-06-30TAF|TIME");
    // a weekday's nights, again and again
    const auto s = tag("Ferries sail on Monday and Wednesday nights.", "2021-06-30");
    CHECK(s.of("Monday") == "XXXX-WXX-1TNI|SET");
    CHECK(s.of("Wednesday nights") == "XXXX-WXX-3TNI|SET");
}

TEST_CASE("time: the past year and the latest fiscal year", "[time][anchoring]") {
    const auto r = tag("Hate crimes rose over the past year; wages lagged in the last decade.", "2021-06-30");
    CHECK(r.of("the past year") == "2020|DATE");
    CHECK(r.of("the last decade") == "201|DATE");
    CHECK(tag("He has been abroad for the last week.", "2021-06-30").of("the last week") == "P1W|DURATION");
    const auto f = tag("Sales were flat in the latest fiscal year and will rise next fiscal year.", "2021-06-30");
    CHECK(f.of("the latest fiscal year") == "2020|DATE");
    CHECK(f.of("next fiscal year") == "2022|DATE");
    CHECK(tag("Growth will pick up over the next couple of years.", "2021-06-30").of("the next couple of years") ==
          "P2Y|DURATION");
}

TEST_CASE("time: more words that are or are not times", "[time][anchoring]") {
    CHECK(tag("Holders may buy at the then current price.", "2021-06-30").of("then current") == "PAST_REF|DATE");
    CHECK(tag("He would not travel at this crucial moment.", "2021-06-30").of("this crucial moment") ==
          "PRESENT_REF|DATE");
    CHECK(tag("Pilgrims arrived as Easter week began.", "2021-04-10").of("Easter week") == "2021-W13|DATE");
    // a programme's name, an age
    CHECK(tag("The minister said on the show This Week that talks would go on.", "2021-06-30").of("This Week") ==
          "missing");
    CHECK(tag("She moved to Lyon in her 30s.", "2021-06-30").of("30s") == "missing");
}

TEST_CASE("time: spans joined by or, open years, a weekday with its date", "[time][anchoring]") {
    const auto r = tag("He died within days or weeks of his arrest; profits come in 2024 and beyond.", "2021-06-30");
    CHECK(r.of("days or weeks") == "PXD|DURATION");
    CHECK(r.of("2024 and beyond") == "2024|DATE");
    const auto d = tag("The march is this coming Sunday, July 4.", "2021-06-30");
    CHECK(d.of("this coming Sunday, July 4") == "2021-07-04|DATE");
    // "likely to" looks ahead as "expected to" does
    CHECK(tense_of("Funds were likely to buy the stock on Monday.", "Monday") == Tense::future);
}

TEST_CASE("time: halves named by quarters after a hedge, a whole year as a stretch", "[time][anchoring]") {
    const auto r = tag("Losses will last through at least the first two quarters of 2022.", "2021-06-30");
    CHECK(r.of("at least the first two quarters of 2022") == "2022-H1|DATE");
    CHECK(tag("Margins should widen throughout the fiscal year.", "2021-06-30").of("the fiscal year") ==
          "P1Y|DURATION");
}
