// Table-driven checks of the event stage on hand-written sentences: trigger, type, TimeML
// class, arguments, place, modality and time of one event per case.
#include "test_events_util.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace annals;
using namespace annals::test;

namespace {

struct Arg {
    std::string role, name;
};

struct Case {
    std::string text;
    std::vector<EntitySpec> entities;
    std::string trigger;
    std::string type;      ///< "" = any
    std::string cls;       ///< "" = any
    std::vector<Arg> args; ///< each must be present
    std::string place;     ///< "" = any; "-" = none
    std::string modality;  ///< "" = any
    std::string time_source, time_value; ///< "" = any
};

const EntitySpec rebels{"rebels", "group", ""};
const EntitySpec russia{"Russia", "gpe", "country"};
const EntitySpec china{"China", "gpe", "country"};
const EntitySpec france{"France", "gpe", "country"};
const EntitySpec germany{"Germany", "gpe", "country"};
const EntitySpec mali{"Mali", "gpe", "country"};
const EntitySpec kabul{"Kabul", "gpe", "city"};
const EntitySpec paris{"Paris", "gpe", "city"};
const EntitySpec geneva{"Geneva", "gpe", "city"};
const EntitySpec nato{"NATO", "organization", "intergovernmental"};
const EntitySpec army{"the army", "organization", "military", {"The army"}};
const EntitySpec police{"police", "group", "", {"Police"}};
const EntitySpec smith{"Anna Smith", "person", ""};
const EntitySpec lopez{"Carlos Lopez", "person", ""};
const EntitySpec acme{"Acme Corp", "organization", "company"};

std::vector<Case> cases() {
    return {
        // Verbal triggers and their types.
        {"Rebels attacked a convoy near Kabul on Tuesday.", {{"Rebels", "group", ""}, kabul}, "attacked", "conflict.attack",
         "OCCURRENCE", {{"agent", "Rebels"}}, "Kabul", "asserted", "explicit", "2021-06-29"},
        {"The army shelled the town for hours.", {army}, "shelled", "conflict.attack", "OCCURRENCE", {{"agent", "the army"}},
         "-", "asserted", "tense", "PAST_REF"},
        {"Police arrested Carlos Lopez in Paris.", {police, lopez, paris}, "arrested", "justice.arrest", "OCCURRENCE",
         {{"agent", "police"}, {"person", "Carlos Lopez"}}, "Paris", "asserted", "tense", "PAST_REF"},
        {"Carlos Lopez was arrested by police in Paris.", {police, lopez, paris}, "arrested", "justice.arrest", "",
         {{"agent", "police"}, {"person", "Carlos Lopez"}}, "Paris", "asserted", "", ""},
        {"Russia and China met in Geneva last week.", {russia, china, geneva}, "met", "contact.meet", "OCCURRENCE",
         {{"participant", "Russia"}, {"participant", "China"}}, "Geneva", "asserted", "explicit", ""},
        {"France met with Germany in Paris.", {france, germany, paris}, "met", "contact.meet", "",
         {{"participant", "France"}, {"participant", "Germany"}}, "Paris", "asserted", "", ""},
        {"The coalition was formed in September 2014.", {{"coalition", "organization", "intergovernmental"}}, "formed",
         "org.formation", "OCCURRENCE", {}, "-", "asserted", "explicit", "2014-09"},
        {"She formed an opinion about the film.", {}, "formed", "other", "", {}, "", "asserted", "", ""},
        {"Acme Corp acquired a small bank for two billion dollars.", {acme}, "acquired", "business.acquire", "",
         {{"agent", "Acme Corp"}}, "", "asserted", "", ""},
        {"NATO deployed troops to Mali.", {nato, mali}, "deployed", "movement.deploy", "", {{"agent", "NATO"}}, "",
         "asserted", "tense", "PAST_REF"},
        {"The minister resigned on Friday.", {}, "resigned", "personnel.end_position", "", {}, "", "asserted", "explicit",
         ""},
        {"Anna Smith said the talks had failed.", {smith}, "said", "contact.statement", "REPORTING",
         {{"agent", "Anna Smith"}}, "", "asserted", "tense", "PAST_REF"},
        {"Germany condemned the shelling of the town.", {germany}, "condemned", "policy.accuse", "",
         {{"agent", "Germany"}}, "", "asserted", "", ""},
        {"Thousands of people protested in Paris.", {paris}, "protested", "conflict.protest", "", {}, "Paris", "asserted",
         "", ""},
        {"The rebels seized the airport.", {rebels}, "seized", "conflict.occupy", "", {{"agent", "rebels"}}, "", "", "", ""},
        // Nominal triggers.
        {"The US withdrawal from Kabul ended twenty years of war.",
         {{"US", "gpe", "country"}, kabul}, "withdrawal", "movement.withdraw", "OCCURRENCE",
         {{"agent", "US"}, {"origin", "Kabul"}}, "Kabul", "asserted", "tense", "PAST_REF"},
        {"Germany's withdrawal from Mali surprised nobody.", {germany, mali}, "withdrawal", "movement.withdraw", "",
         {{"agent", "Germany"}, {"origin", "Mali"}}, "Mali", "", "", ""},
        {"The attack on the embassy killed four guards.", {}, "attack", "conflict.attack", "OCCURRENCE", {}, "", "asserted",
         "none", ""},
        {"An explosion hit the market.", {}, "explosion", "", "OCCURRENCE", {}, "", "", "", ""},
        {"The election was held in May 2019.", {}, "election", "personnel.elect", "OCCURRENCE", {}, "", "asserted",
         "explicit", "2019-05"},
        {"Talks between Russia and China resumed.", {russia, china}, "Talks", "contact.meet", "",
         {{"participant", "Russia"}, {"participant", "China"}}, "", "", "", ""},
        {"The formation of the alliance took two years.", {{"alliance", "organization", ""}}, "formation", "org.formation",
         "", {}, "", "", "", ""},
        {"France announced a fight against smugglers.", {france, {"smugglers", "group", ""}}, "fight", "conflict.fight", "",
         {{"target", "smugglers"}}, "", "", "", ""},
        // Light verbs hand their event over to the noun.
        {"The ministers held a meeting in Geneva on Monday.", {geneva}, "meeting", "contact.meet", "OCCURRENCE", {},
         "Geneva", "asserted", "explicit", "2021-06-28"},
        {"The ministers held a meeting in Geneva on Monday.", {geneva}, "held", "other", "OCCURRENCE", {}, "", "", "", ""},
        {"France convened a summit in Paris.", {france, paris}, "summit", "contact.meet", "",
         {{"organizer", "France"}}, "Paris", "asserted", "", ""},
        {"The summit was organized by France and Germany.", {france, germany}, "summit", "contact.meet", "",
         {{"organizer", "France"}, {"organizer", "Germany"}}, "", "", "", ""},
        {"Rebels launched an attack on the base.", {{"Rebels", "group", ""}}, "attack", "conflict.attack", "",
         {{"agent", "Rebels"}}, "", "asserted", "tense", "PAST_REF"},
        {"Russia and China resumed talks in Geneva.", {russia, china, geneva}, "talks", "contact.meet", "",
         {{"participant", "Russia"}, {"participant", "China"}}, "Geneva", "", "", ""},
        {"Russia and China resumed talks in Geneva.", {russia, china, geneva}, "resumed", "other", "ASPECTUAL", {}, "", "",
         "", ""},
        // TimeML classes.
        {"Officials believe the plan will work.", {}, "believe", "", "I_STATE", {}, "", "", "", ""},
        {"The army tried to retake the city.", {army}, "tried", "", "I_ACTION", {}, "", "", "", ""},
        {"The fighting began on Sunday.", {}, "began", "", "ASPECTUAL", {}, "", "", "", ""},
        {"Witnesses saw the helicopters land.", {}, "saw", "", "PERCEPTION", {}, "", "", "", ""},
        {"The government announced new elections.", {}, "announced", "contact.statement", "REPORTING", {}, "", "", "", ""},
        {"The decision to withdraw surprised analysts.", {}, "decision", "", "I_ACTION", {}, "", "", "", ""},
        {"The decision surprised analysts.", {}, "decision", "", "OCCURRENCE", {}, "", "", "", ""},
        {"The statement was issued in Paris.", {paris}, "statement", "", "OCCURRENCE", {}, "", "", "", ""},
        {"Foreign troops are present in Mali.", {mali}, "present", "presence", "STATE", {}, "Mali", "asserted", "", ""},
        {"According to witnesses, the army fired on protesters.", {army}, "According", "", "REPORTING", {}, "", "", "", ""},
        // Modality and polarity.
        {"The army did not attack the village.", {army}, "attack", "conflict.attack", "", {}, "", "negated", "none", ""},
        {"The army didn't attack the village.", {army}, "attack", "conflict.attack", "", {}, "", "negated", "", ""},
        {"Russia never signed the treaty.", {russia}, "signed", "", "", {}, "", "negated", "", ""},
        {"The rebels could attack the capital.", {rebels}, "attack", "conflict.attack", "", {}, "", "hypothetical", "none",
         ""},
        {"NATO may withdraw its troops from Mali.", {nato, mali}, "withdraw", "movement.withdraw", "",
         {{"agent", "NATO"}}, "", "hypothetical", "", ""},
        {"If the talks fail, the army would attack.", {army}, "attack", "conflict.attack", "", {}, "", "hypothetical", "",
         ""},
        {"France will host the summit in Paris.", {france, paris}, "summit", "contact.meet", "", {{"host", "France"}},
         "Paris", "future", "tense", "FUTURE_REF"},
        {"Germany plans to withdraw from Mali.", {germany, mali}, "withdraw", "movement.withdraw", "", {}, "", "future", "",
         ""},
        {"The army attacked the village, officials said.", {army}, "attacked", "conflict.attack", "", {}, "", "reported",
         "", ""},
        {"According to witnesses, the army attacked the village.", {army}, "attacked", "conflict.attack", "", {}, "",
         "reported", "", ""},
        {"An attack on the capital cannot be ruled out.", {}, "attack", "conflict.attack", "", {}, "", "hypothetical", "",
         ""},
        {"Without any warning, the army attacked, and the rebels fled.", {army, rebels}, "fled", "", "", {}, "", "asserted",
         "", ""},
        {"The rebels failed to capture the town.", {rebels}, "failed", "", "", {}, "", "asserted", "", ""},
        // Time.
        {"During the summit, the leaders signed an agreement.", {}, "signed", "", "", {}, "", "", "", ""},
        {"The summit opened in Paris on Monday. During the summit, the leaders signed an agreement.", {paris}, "signed", "",
         "", {}, "", "asserted", "inherited", "2021-06-28"},
        {"The meeting took place on Monday. The meeting approved a budget.", {}, "approved", "", "", {}, "", "",
         "inherited", "2021-06-28"},
        {"Troops left the city.", {}, "left", "", "", {}, "", "asserted", "tense", "PAST_REF"},
        {"The talks will resume.", {}, "resume", "", "", {}, "", "future", "tense", "FUTURE_REF"},
        {"The ceasefire is holding.", {}, "holding", "", "", {}, "", "", "none", ""},
        {"The talks ended without a deal.", {}, "ended", "", "", {}, "", "", "tense", "PAST_REF"},
        {"The coalition, which was formed in 2014, dismantled the network.", {{"coalition", "organization", ""}},
         "dismantled", "conflict.attack", "", {{"agent", "coalition"}}, "", "asserted", "tense", "PAST_REF"},
        {"Rebels attacked the town yesterday.", {{"Rebels", "group", ""}}, "attacked", "", "", {}, "", "", "explicit",
         "2021-06-29"},
        // Nouns after a bare preposition or before another event noun, adjectives of result.
        {"A cargo ship came under attack near the port.", {}, "attack", "conflict.attack", "", {}, "", "", "", ""},
        {"The gunman faces murder charges.", {}, "murder", "life.die", "", {}, "", "", "", ""},
        {"The blast left a guard dead.", {}, "dead", "life.die", "STATE", {}, "", "", "", ""},
        {"Two dead after storm hits island.", {}, "dead", "life.die", "", {}, "", "", "", ""},
        {"Woman Killed In Harbour Crash, Driver Charged", {}, "Killed", "life.die", "", {}, "", "", "", ""},
        // What is not an event.
        {"The army has been in the region for years.", {army}, "has", "", "", {}, "", "", "", ""},
    };
}

/// Words that name no event in their sentence: a noun of kind before a noun that is no event,
/// or a noun that names a group of people.
const std::vector<std::pair<std::string, std::string>> non_events = {
    {"Aid groups say the road is closed.", "Aid"},
    {"Opposition lawmakers questioned the cost.", "Opposition"},
};

std::string describe(const Detected& d) {
    std::ostringstream out;
    out << "events:";
    for (const auto& e : d.events) {
        out << "\n  " << e.trigger.text << " " << e.type << " " << e.timeml_class << " " << e.modality << " [";
        for (const auto& a : e.arguments) out << a.role << "=" << d.name(a.entity) << " ";
        out << "] place=" << (e.place ? d.name(*e.place) : "-");
        if (e.time) out << " time=" << e.time->source << ":" << e.time->value;
    }
    return out.str();
}

} // namespace

TEST_CASE("events: hand-written sentences give the expected trigger, type, class, arguments, modality and time",
          "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    for (const auto& c : cases()) {
        const auto d = detect(*stage, c.text, c.entities);
        INFO(c.text << " / " << c.trigger << "\n" << describe(d));
        const auto* e = d.event(c.trigger);
        if (c.trigger == "has") {
            CHECK(e == nullptr);
            continue;
        }
        REQUIRE(e != nullptr);
        if (!c.type.empty()) CHECK(e->type == c.type);
        if (!c.cls.empty()) CHECK(e->timeml_class == c.cls);
        for (const auto& a : c.args) {
            const auto got = d.args(*e, a.role);
            CHECK(std::find(got.begin(), got.end(), a.name) != got.end());
        }
        if (c.place == "-") CHECK(!e->place);
        else if (!c.place.empty()) CHECK((e->place && d.name(*e->place) == c.place));
        if (!c.modality.empty()) CHECK(e->modality == c.modality);
        if (!c.time_source.empty()) {
            REQUIRE(e->time);
            CHECK(e->time->source == c.time_source);
            if (!c.time_value.empty()) CHECK(e->time->value == c.time_value);
        }
    }
}

TEST_CASE("events: kinds, fixed phrases and names are not events", "[events]") {
    ANNALS_NEED_EVENT_STAGE();
    for (const auto& [text, word] : non_events) {
        const auto d = detect(*stage, text, {});
        INFO(text << " / " << word << "\n" << describe(d));
        CHECK(d.event(word) == nullptr);
    }
}
