// TimeML export: the project's TimeML reader reads it back with the same text, timexes,
// events and links, and the extractor scores 100 on it (the round trip `annals eval timeml`
// makes).
#include "test_export_fixture.hpp"

#include "annals/eval/timeml.hpp"
#include "annals/export/timeml.hpp"
#include "annals/pipeline.hpp"
#include "annals/timeml/reader.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace annals;

namespace {

/// A finder that knows two expressions, enough to check the writer without the time stage.
std::vector<Timex> two_timexes(const Document& d) {
    std::vector<Timex> out;
    for (const auto& [text, value] : {std::pair<std::string, std::string>{"3 March 2030", "2030-03-03"}, {"Monday", "2030-03-04"}}) {
        const std::size_t at = d.text.find(text);
        if (at == std::string::npos) continue;
        Timex t;
        t.id = "T" + std::to_string(out.size() + 1);
        t.span = {at, at + text.size()};
        t.value = value;
        out.push_back(t);
    }
    return out;
}

const TimemlText& tricky_text(const TimemlTexts& all) {
    for (const auto& t : all.documents)
        if (t.id == "world/tricky \"one\".txt") return t;
    FAIL("no TimeML text for the tricky document");
    return all.documents.front();
}

} // namespace

TEST_CASE("export: TimeML of a graph document reads back with text, TIMEX3, EVENT and TLINK", "[export]") {
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const TimemlTexts all = timeml_texts(kg, two_timexes, [](const std::string& type) {
        return type == "contact.statement" ? std::string("REPORTING") : std::string();
    });
    CHECK(all.documents.size() == 2);
    CHECK(all.without_text == 0);
    const TimemlText& t = tricky_text(all);
    CHECK(t.text.find("<b>Bold</b> Front") != std::string::npos);
    CHECK(t.text.find("Twin\nHarbour") != std::string::npos);
    const timeml::TimemlDocument back = timeml::parse_timeml(to_timeml(t), "tricky.tml");
    CHECK(back.text == t.text);
    CHECK(back.id == t.id);
    CHECK(back.dct == t.dct);
    const auto timexes = back.all("TIMEX3");
    REQUIRE(timexes.size() == 2);
    CHECK(timexes[0]->span.of(back.text) == "3 March 2030");
    CHECK(timexes[0]->attr("value") == "2030-03-03");
    const auto events = back.all("EVENT");
    std::set<std::string> triggers, classes;
    for (const auto* e : events) {
        triggers.insert(std::string(e->span.of(back.text)));
        classes.insert(std::string(e->attr("class")));
    }
    CHECK(triggers == std::set<std::string>{"met", "said", "attack", "agreed"});
    CHECK(classes == std::set<std::string>{"OCCURRENCE", "REPORTING"});
    std::set<std::string> tids{"t0"}, eiids;
    for (const auto* x : timexes) tids.insert(std::string(x->attr("tid")));
    std::map<std::string, std::string> rel; // relType by related time, one per event
    std::size_t tlinks = 0;
    for (const auto& l : back.links) {
        if (l.tag == "MAKEINSTANCE") eiids.insert(std::string(l.attr("eiid")));
        if (l.tag != "TLINK") continue;
        ++tlinks;
        CHECK(eiids.count(std::string(l.attr("eventInstanceID"))) == 1);
        CHECK(tids.count(std::string(l.attr("relatedToTime"))) == 1);
        rel[std::string(l.attr("relType"))] += std::string(l.attr("relatedToTime")) + " ";
    }
    CHECK(eiids.size() == 4);
    CHECK(tlinks == 4); // met and agreed in their timexes, said before and attack after the DCT
    CHECK(rel["BEFORE"] == "t0 ");
    CHECK(rel["AFTER"] == "t0 ");
    CHECK(rel["IS_INCLUDED"] == "t1 t2 ");
}

TEST_CASE("export: TimeML writer leaves out overlapping events and escapes the text", "[export]") {
    TimemlText t;
    t.id = "x & <y>";
    t.dct = "2030-01-02";
    t.text = "A <b> & \"c\" met on Monday.";
    Timex monday;
    monday.span = {t.text.find("Monday"), t.text.find("Monday") + 6};
    monday.value = "2030-01-06";
    t.timexes.push_back(monday);
    t.events.push_back(TimemlEvent{{t.text.find("met"), t.text.find("met") + 3}, {0, t.text.size()}, "OCCURRENCE", true,
                                   "2030-01-06", "explicit"});
    t.events.push_back(TimemlEvent{monday.span, {0, t.text.size()}, "OCCURRENCE", false, "", "none"});
    const std::string xml = to_timeml(t);
    const auto back = timeml::parse_timeml(xml, "x.tml");
    CHECK(back.text == t.text);
    CHECK(back.id == "x & <y>");
    CHECK(back.all("EVENT").size() == 1);
    CHECK(xml.find("polarity=\"NEG\"") != std::string::npos);
    CHECK(timeml_file_name("world/a b.txt") == "world_a_b.txt.tml");
    CHECK(timeml_file_name(".hidden") == "doc.hidden.tml");
}

TEST_CASE("export: the extractor scores 100 on the TimeML it exported", "[export]") {
    const Pipeline pipeline;
    const KnowledgeGraph kg = export_fixture::tricky_graph();
    const TimemlTexts all = timeml_texts(kg, [&](const Document& d) { return pipeline.extract(d).timexes; }, {});
    REQUIRE(all.documents.size() == 2);
    std::size_t timexes = 0;
    for (const TimemlText& t : all.documents) {
        const auto gold = timeml::parse_timeml(to_timeml(t), t.id);
        const auto system = pipeline.extract(Document{gold.id, gold.text, gold.dct, std::nullopt, std::nullopt});
        const TimexEvaluation e = score_timexes(gold, system);
        CHECK(e.errors.empty());
        CHECK(e.scores.strict.gold == e.scores.strict.system);
        timexes += e.scores.strict.gold;
    }
    CHECK(timexes >= 3); // 3 March 2030 twice, Monday
}
