#include "annals/eval/sentences.hpp"
#include "annals/timeml/reader.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace annals;

namespace {
// A small TimeML document written for these tests: three gold sentences, one of them a
// headline without a stop.
const char* kDoc = R"(<?xml version="1.0" ?>
<TimeML>
<DOCID>S1</DOCID>
<TEXT>
<s>Talks resume in Rome</s>

<s>Mr. Lane met Gen. Park on <TIMEX3 tid="t1" type="DATE" value="2021-06-28">Monday</TIMEX3>.</s> <s>They spoke &amp; left.</s>
</TEXT>
</TimeML>
)";
} // namespace

TEST_CASE("eval: sentence boundaries match exactly after trimming white space", "[eval]") {
    const std::string text = "One two. Three four. Five";
    const std::vector<Span> gold{{0, 9}, {9, 21}, {21, 25}}; // trailing spaces inside the gold spans
    const std::vector<Span> system{{0, 8}, {9, 25}};
    const auto ev = score_sentence_boundaries("d", text, gold, system);
    CHECK(ev.scores.all.gold == 3);
    CHECK(ev.scores.all.system == 2);
    CHECK(ev.scores.all.gold_matched == 2);
    CHECK(ev.scores.all.system_matched == 2);
    CHECK(ev.scores.inner.gold == 2);
    CHECK(ev.scores.inner.system == 1);
    REQUIRE(ev.errors.size() == 1);
    CHECK(ev.errors[0].kind == "miss");
    CHECK(ev.errors[0].offset == 20);
    CHECK(ev.errors[0].context == "One two. Three four. |  Five");
}

TEST_CASE("eval: false alarms are listed with context", "[eval]") {
    const std::string text = "Mr. Lane left.\nHe";
    const auto ev = score_sentence_boundaries("d", text, {{0, 17}}, {{0, 3}, {4, 17}});
    REQUIRE(ev.errors.size() == 1);
    CHECK(ev.errors[0].kind == "false_alarm");
    CHECK(ev.errors[0].context == "Mr. |  Lane left.\\nHe");
    CHECK(ev.scores.all.precision() == Approx(50.0));
    CHECK(ev.scores.all.recall() == Approx(100.0));
}

TEST_CASE("eval: scores the segmenter against the s tags of a TimeML document", "[eval]") {
    const auto doc = timeml::parse_timeml(kDoc, "s1.tml");
    const auto gold = gold_sentence_spans(doc);
    REQUIRE(gold.size() == 3);
    CHECK(gold[2].of(doc.text) == "They spoke & left.");
    const auto ev = score_sentences(doc);
    CHECK(ev.scores.all.gold == 3);
    CHECK(ev.scores.all.system == 3);
    CHECK(ev.scores.all.gold_matched == 3);
    CHECK(ev.errors.empty());
}

TEST_CASE("eval: sentence boundaries on TimeBank 1.2 stay above 97%", "[eval][corpus]") {
    const std::filesystem::path dir = std::filesystem::path(ANNALS_SHARED_CORPUS_DIR) / "timebank12" / "extra";
    if (!std::filesystem::exists(dir)) {
        WARN("TimeBank 1.2 corpus absent; skipped");
        return;
    }
    SentenceScores total;
    for (const auto& f : timeml::list_timeml_files({dir.string()})) total += score_sentences(timeml::read_timeml_file(f)).scores;
    CHECK(total.documents == 183);
    CHECK(total.all.precision() >= 97.0);
    CHECK(total.all.recall() >= 99.0);
}
