#include "annals/core/error.hpp"
#include "annals/eval/ecb.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace annals;

namespace {

const std::string kData = ANNALS_TEST_DATA_DIR "/eval/";

Span at(const std::string& text, std::string_view what) {
    const auto b = text.find(what);
    REQUIRE(b != std::string::npos);
    return {b, b + what.size()};
}

const Prf& row(const EcbEvaluation& ev, const char* category) {
    return ev.scores.by_category.at(category);
}

} // namespace

TEST_CASE("eval: ECB+ documents are read into text, tokens and markables", "[eval]") {
    const auto doc = ecb::read_ecb_file(kData + "9_1ecbplus.xml");
    CHECK(doc.name == "9_1ecbplus");
    CHECK(doc.text ==
          "Storm hits coast\n\nA storm flooded Port Rivera on Tuesday , officials said .\n\nNobody was hurt &");
    REQUIRE(doc.tokens.size() == 18);
    CHECK(doc.tokens[6].span.of(doc.text) == "Port");
    CHECK(doc.tokens[6].sentence == 1);
    // The anchorless instance descriptor is dropped; anchors are sorted.
    REQUIRE(doc.markables.size() == 9);
    CHECK(doc.markables[2].tag == "LOC_GEO");
    CHECK(doc.markables[2].tokens == std::vector<std::size_t>{6, 7});
}

TEST_CASE("eval: a bad ECB+ anchor names its file and line", "[eval]") {
    const std::string xml =
        "<Document>\n<token t_id=\"1\" sentence=\"0\">a</token>\n<Markables>\n"
        "<LOC_GEO m_id=\"1\">\n<token_anchor t_id=\"7\"/>\n</LOC_GEO>\n</Markables>\n</Document>\n";
    try {
        (void)ecb::parse_ecb(xml, "bad.xml");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where() == "bad.xml:5");
    }
    CHECK_THROWS_WITH(
        ecb::parse_ecb("<Document>\n<token t_id=\"1\" sentence=\"x\">a</token></Document>", "s.xml"),
        Catch::Contains("s.xml:2"));
    CHECK_THROWS_WITH(ecb::parse_ecb("<Document>\n<token>", "m.xml"), Catch::Contains("m.xml:2"));
}

TEST_CASE("eval: the sentence list is read and bad lines are reported", "[eval]") {
    const auto list = ecb::read_sentence_list(kData + "sentences.csv");
    REQUIRE(list.sentences.size() == 2);
    CHECK(list.sentences.at("9_1ecbplus") == std::set<std::size_t>{1, 2});
    CHECK(list.sentences.at("9_3ecb") == std::set<std::size_t>{0});
    REQUIRE(list.problems.size() == 2);
    CHECK(list.problems[0].where().ends_with("sentences.csv:4"));
    CHECK(list.problems[1].where().ends_with("sentences.csv:5"));
}

TEST_CASE("eval: ECB+ tags fall into four categories", "[eval]") {
    CHECK(ecb_category("ACTION_OCCURRENCE") == "ACTION");
    CHECK(ecb_category("NEG_ACTION_STATE") == "ACTION");
    CHECK(ecb_category("TIME_OF_THE_DAY") == "TIME");
    CHECK(ecb_category("LOC_FAC") == "LOC");
    CHECK(ecb_category("HUMAN_PART") == "HUMAN_PART");
    CHECK(ecb_category("HUMAN_PART_ORG") == "HUMAN_PART");
    CHECK(ecb_category("NON_HUMAN_PART").empty());
    CHECK(ecb_category("UNKNOWN_INSTANCE_TAG").empty());
}

TEST_CASE("eval: system mentions come from events, timexes and entities", "[eval]") {
    Extraction x;
    Event ev;
    ev.trigger.span = {0, 4};
    x.events.push_back(ev);
    x.timexes.push_back({"T1", {5, 9}, 0, TimexType::date, "", std::nullopt, TimexAnchor::none, ""});
    x.entities.push_back({"E1", "a", "facility", {}, "", {}, {}, {{{10, 12}, "", 0}}});
    x.entities.push_back({"E2", "b", "group", {}, "", {}, {}, {{{13, 15}, "", 0}, {{16, 18}, "", 0}}});
    x.entities.push_back({"E3", "c", "event", {}, "", {}, {}, {{{19, 20}, "", 0}}});
    const auto m = ecb_system_mentions(x);
    std::vector<std::string> categories;
    for (const auto& e : m)
        categories.push_back(e.category);
    CHECK(categories == std::vector<std::string>{"ACTION", "TIME", "LOC", "HUMAN_PART", "HUMAN_PART"});
}

TEST_CASE("eval: ECB+ mentions match by a shared token in the listed sentences", "[eval]") {
    const auto doc = ecb::read_ecb_file(kData + "9_1ecbplus.xml");
    const auto& t = doc.text;
    const std::vector<EcbMention> system = {
        {"ACTION", at(t, "hits")},            // sentence 0 is not listed: not scored
        {"ACTION", at(t, "flooded")},         // right
        {"ACTION", at(t, "said")},            // right
        {"ACTION", at(t, "said")},            // the same again: counted once
        {"ACTION", at(t, "Port")},            // a place, not an action: a false alarm
        {"TIME", at(t, "Tuesday")},           // shares a token with "on Tuesday"
        {"LOC", at(t, "Rivera on")},          // shares "Rivera"
        {"HUMAN_PART", at(t, "A storm")},     // no gold person there
        {"HUMAN_PART", {t.size(), t.size()}}, // covers no token: not scored
    };
    const auto ev = score_ecb(doc, {1, 2}, system);
    CHECK(ev.scores.sentences == 2);
    CHECK(row(ev, "ACTION").gold == 3); // flooded, said (twice annotated: once), hurt (negated)
    CHECK(row(ev, "ACTION").gold_matched == 2);
    CHECK(row(ev, "ACTION").system == 3);
    CHECK(row(ev, "ACTION").system_matched == 2);
    CHECK(row(ev, "TIME").recall() == Approx(100.0));
    CHECK(row(ev, "TIME").precision() == Approx(100.0));
    CHECK(row(ev, "LOC").f1() == Approx(100.0));
    CHECK(row(ev, "HUMAN_PART").gold == 1);
    CHECK(row(ev, "HUMAN_PART").system == 1);
    CHECK(row(ev, "HUMAN_PART").gold_matched == 0);
    CHECK(row(ev, "HUMAN_PART").system_matched == 0);
    std::vector<std::string> errors;
    for (const auto& e : ev.errors)
        errors.push_back(e.kind + " " + e.category + " " + std::string(e.span.of(t)));
    CHECK(errors == std::vector<std::string>{"false_alarm HUMAN_PART A storm", "false_alarm ACTION Port",
                                             "miss HUMAN_PART officials", "miss ACTION hurt"});
}

TEST_CASE("eval: ECB+ figures add up over documents", "[eval]") {
    const auto doc = ecb::read_ecb_file(kData + "9_1ecbplus.xml");
    EcbScores total;
    total += score_ecb(doc, {1}, {}).scores;
    total += score_ecb(doc, {0, 7}, {}).scores;
    CHECK(total.documents == 2);
    CHECK(total.sentences == 2);
    CHECK(total.by_category.at("ACTION").gold == 3);
    CHECK(total.by_category.at("ACTION").recall() == Approx(0.0));
}

TEST_CASE("eval: every ECB+ document reads and the listed ones are found", "[eval][corpus]") {
    const std::filesystem::path dir = ANNALS_SHARED_CORPUS_DIR "/ecbplus";
    if (!std::filesystem::exists(dir / "ECB+")) {
        WARN("ecbplus absent; skipped");
        return;
    }
    const auto list = ecb::read_sentence_list(dir / "ECBplus_coreference_sentences.csv");
    CHECK(list.problems.empty());
    std::size_t listed = 0, markables = 0;
    for (const auto& path : ecb::list_ecb_files({(dir / "ECB+").string()})) {
        const auto doc = ecb::read_ecb_file(path);
        listed += list.sentences.contains(doc.name) ? 1 : 0;
        markables += doc.markables.size();
    }
    CHECK(listed == list.sentences.size());
    CHECK(markables > 0);
}
