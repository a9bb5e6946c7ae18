// The event stage as a whole: coreference, relations, ids, robustness and its data files.
#include "annals/core/error.hpp"
#include "annals/events/non_triggers.hpp"
#include "annals/events/ontology.hpp"
#include "annals/events/trigger_lexicon.hpp"
#include "test_events_util.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace annals;
using namespace annals::test;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = test::scratch_dir() / ("annals_events_test_" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

std::size_t count_type(const Detected& d, const std::string& type) {
    return static_cast<std::size_t>(
        std::count_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.type == type; }));
}

} // namespace

TEST_CASE("events: mentions of one meeting merge into one event", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = detect(*stage,
                          "The ministers held a meeting in Geneva on Monday. The meeting was chaired by France. "
                          "During the meeting, the ministers approved a budget.",
                          {{"Geneva", "gpe", "city"}, {"France", "gpe", "country"}});
    REQUIRE(count_type(d, "contact.meet") == 1);
    const auto* m = d.event("meeting");
    REQUIRE(m != nullptr);
    CHECK(m->mentions.size() == 2);
    CHECK(d.args(*m, "organizer") == std::vector<std::string>{"France"});
    REQUIRE(m->place);
    CHECK(d.name(*m->place) == "Geneva");
    REQUIRE(m->time);
    CHECK(m->time->value == "2021-06-28");
    const auto* approved = d.event("approved");
    REQUIRE(approved != nullptr);
    REQUIRE(approved->time);
    CHECK(approved->time->source == "inherited");
    CHECK(approved->time->value == "2021-06-28");
}

TEST_CASE("events: different dates keep two attacks apart", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = detect(*stage, "An attack on Monday killed two guards. Another attack on Friday wounded five.");
    CHECK(count_type(d, "conflict.attack") == 2);
}

TEST_CASE("events: meetings, fights and presences state relations", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const std::vector<EntitySpec> ents{{"Russia", "gpe", "country"},
                                       {"China", "gpe", "country"},
                                       {"NATO", "organization", "intergovernmental"},
                                       {"the Taliban", "organization", "armed_group"},
                                       {"Mali", "gpe", "country"},
                                       {"ISIS", "organization", "armed_group"},
                                       {"the coalition", "organization", "", {"The coalition"}},
                                       {"troops", "group", ""}};
    auto d = detect(*stage, "Russia and China met in Beijing.", ents);
    CHECK(d.has_relation("met_with", "Russia", "China"));
    d = detect(*stage, "NATO attacked the Taliban near Kabul.", ents);
    CHECK(d.has_relation("opposes", "NATO", "the Taliban"));
    d = detect(*stage, "NATO and the Taliban clashed near Kabul.", ents);
    CHECK(d.has_relation("opposes", "NATO", "the Taliban"));
    d = detect(*stage, "More than 300 ISIS troops are present in Mali.", ents);
    CHECK(d.has_relation("present_in", "ISIS", "Mali"));
    d = detect(*stage, "The coalition against ISIS met in Rome.", ents);
    CHECK(d.has_relation("opposes", "the coalition", "ISIS"));
    // A negated fight states no opposition.
    d = detect(*stage, "NATO did not attack the Taliban.", ents);
    CHECK_FALSE(d.has_relation("opposes", "NATO", "the Taliban"));
}

TEST_CASE("events: relations point at the event that states them", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = detect(*stage, "Russia and China met in Beijing.",
                          {{"Russia", "gpe", "country"}, {"China", "gpe", "country"}});
    REQUIRE(d.relations.size() == 1);
    REQUIRE(d.relations[0].event);
    const auto* met = d.event("met");
    REQUIRE(met != nullptr);
    CHECK(*d.relations[0].event == met->id);
}

TEST_CASE("events: ids follow the events already in the record, in text order", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const std::string text = "Rebels attacked the town. The army withdrew.";
    const auto seg = segment(text);
    const auto tags = tag(text, seg, stage->lex);
    const std::vector<Entity> none;
    const std::vector<Timex> times;
    std::vector<Event> events(2);
    std::vector<Relation> relations;
    stage->detector.detect({text, seg, tags, stage->lex, none, times, std::nullopt}, events, relations);
    REQUIRE(events.size() == 4);
    CHECK(events[2].id == "V3");
    CHECK(events[2].trigger.text == "attacked");
    CHECK(events[3].id == "V4");
    CHECK(events[3].trigger.text == "withdrew");
}

TEST_CASE("events: a past event with no date is before the document date, never on it", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = detect(*stage, "The army withdrew from the border.");
    const auto* e = d.event("withdrew");
    REQUIRE(e != nullptr);
    REQUIRE(e->time);
    CHECK(e->time->source == "tense");
    CHECK(e->time->value == "PAST_REF");
    CHECK(!e->time->interval);
    CHECK(!e->time->timex);
}

TEST_CASE("events: the same input gives the same events", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const std::string text = "France and Germany signed a treaty in Paris on Monday, officials said.";
    const std::vector<EntitySpec> ents{{"France", "gpe", "country"}, {"Germany", "gpe", "country"}, {"Paris", "gpe", "city"}};
    const auto a = detect(*stage, text, ents);
    const auto b = detect(*stage, text, ents);
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        CHECK(a.events[i].trigger.span == b.events[i].trigger.span);
        CHECK(a.events[i].type == b.events[i].type);
        CHECK(a.events[i].arguments.size() == b.events[i].arguments.size());
    }
    CHECK(a.relations.size() == b.relations.size());
}

TEST_CASE("events: odd input gives no events and no crash", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    CHECK(detect(*stage, "").events.empty());
    CHECK(detect(*stage, "... !!! ???").events.empty());
    // A sentence of many tokens with no verb at all.
    std::string list;
    for (int i = 0; i < 3000; ++i) list += "apples, ";
    CHECK(detect(*stage, list).events.empty());
    // Tags that do not match the segmentation are ignored.
    const std::string text = "Rebels attacked the town.";
    const auto seg = segment(text);
    const std::vector<TaggedToken> tags(1);
    const std::vector<Entity> none;
    const std::vector<Timex> times;
    std::vector<Event> events;
    std::vector<Relation> relations;
    stage->detector.detect({text, seg, tags, stage->lex, none, times, std::nullopt}, events, relations);
    CHECK(events.empty());
}

TEST_CASE("events: without a document date, tense still says before or after", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = detect(*stage, "The army will withdraw.", {}, std::nullopt);
    const auto* e = d.event("withdraw");
    REQUIRE(e != nullptr);
    REQUIRE(e->time);
    CHECK(e->time->value == "FUTURE_REF");
}

TEST_CASE("events: a user's trigger file adds a typed trigger", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto path = write_temp("triggers.tsv", "# format: annals.events.triggers/1\n"
                                                 "zorb\tverb\tconflict.attack\tOCCURRENCE\t-\tuser/zorble\n");
    const EventDetector detector(events_data_dir(), {path});
    const std::string text = "The rebels zorbed the outpost.";
    const auto seg = segment(text);
    const auto tags = tag(text, seg, stage->lex);
    const std::vector<Entity> none;
    const std::vector<Timex> times;
    std::vector<Event> events;
    std::vector<Relation> relations;
    detector.detect({text, seg, tags, stage->lex, none, times, std::nullopt}, events, relations);
    const auto it = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.rule == "user/zorble"; });
    REQUIRE(it != events.end());
    CHECK(it->type == "conflict.attack");
    CHECK(it->codes.at("cameo") == "19");
}

TEST_CASE("events: non-trigger rows are checked on load", "[events]") {
    const auto dir = test::scratch_dir() / "annals_events_test_data";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "events");
    std::ofstream(dir / "events" / "non_triggers.tsv") << "# format: annals.events.non_triggers/1\ninclude\tsometimes\n";
    try {
        (void)detail::NonTriggers::load(dir.string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        CHECK(e.where().find("non_triggers.tsv:2") != std::string::npos);
    }
    std::ofstream(dir / "events" / "non_triggers.tsv")
        << "# format: annals.events.non_triggers/1\ninclude\talways\naccord\tbefore:to|with\n";
    const auto rows = detail::NonTriggers::load(dir.string());
    CHECK(rows.excludes("include", PosTag::VBZ, "the"));
    CHECK(rows.excludes("accord", PosTag::VBG, "to"));
    CHECK_FALSE(rows.excludes("accord", PosTag::VBG, "the"));
    CHECK_FALSE(rows.excludes("attack", PosTag::VBD, "the"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("events: light verbs take object, subject or preposition complements", "[events]") {
    const auto data = events_data_dir();
    const auto onto = Ontology::load(data);
    const auto lex = TriggerLexicon::load(onto, data);
    REQUIRE(lex.light_verb("hold") != nullptr);
    CHECK(lex.light_verb("hold")->object);
    CHECK_FALSE(lex.light_verb("hold")->subject);
    REQUIRE(lex.light_verb("take place") != nullptr);
    CHECK(lex.light_verb("take place")->subject);
    REQUIRE(lex.light_verb("resume") != nullptr);
    CHECK(lex.light_verb("resume")->object);
    CHECK(lex.light_verb("resume")->subject);
    CHECK(lex.light_verb("participate")->complement_prep == "in");
    const auto bad = write_temp("light.tsv", "# format: annals.events.light_verbs/1\nhold\tobject|beside\tagent\t-\tx\n");
    CHECK_THROWS_AS(TriggerLexicon::load_files(onto, {data + "/events/triggers.tsv"}, {bad}), Error);
}
