#include "annals/core/error.hpp"
#include "annals/events/modality_cues.hpp"
#include "annals/events/ontology.hpp"
#include "annals/events/trigger_lexicon.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace annals;

namespace {

const std::string data_dir = std::string(ANNALS_SOURCE_DIR) + "/lib/data";

// The 33 event subtypes of the ACE 2005 English events guidelines.
const std::vector<std::string> ace_2005_subtypes{
    "Life:Be-Born", "Life:Marry", "Life:Divorce", "Life:Injure", "Life:Die", "Movement:Transport",
    "Transaction:Transfer-Ownership", "Transaction:Transfer-Money", "Business:Start-Org", "Business:Merge-Org",
    "Business:Declare-Bankruptcy", "Business:End-Org", "Conflict:Attack", "Conflict:Demonstrate", "Contact:Meet",
    "Contact:Phone-Write", "Personnel:Start-Position", "Personnel:End-Position", "Personnel:Nominate",
    "Personnel:Elect", "Justice:Arrest-Jail", "Justice:Release-Parole", "Justice:Trial-Hearing",
    "Justice:Charge-Indict", "Justice:Sue", "Justice:Convict", "Justice:Sentence", "Justice:Fine",
    "Justice:Execute", "Justice:Extradite", "Justice:Acquit", "Justice:Appeal", "Justice:Pardon"};

// The 16 event types of the PLOVER codebook as used by POLECAT.
const std::vector<std::string> plover_types{"AGREE",  "CONSULT", "SUPPORT", "CONCEDE",  "COOPERATE", "AID",
                                            "RETREAT", "REQUEST", "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
                                            "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

// Writes `text` to a fresh file under the temp directory and returns its path.
std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = test::scratch_dir() / ("annals_test_" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

// The Error a call throws, or nothing (then the check fails).
template <class F>
std::string error_where(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        return e.where();
    }
    FAIL("no Error thrown");
    return {};
}

} // namespace

TEST_CASE("events: the ontology covers every ACE 2005 subtype and PLOVER type", "[events]") {
    const auto onto = Ontology::load(data_dir);
    std::set<std::string> ace, plover;
    for (const auto& t : onto.types()) {
        if (!t.ace.empty()) ace.insert(t.ace);
        if (!t.plover.empty()) plover.insert(t.plover);
    }
    for (const auto& s : ace_2005_subtypes) CHECK(ace.count(s) == 1);
    for (const auto& s : plover_types) CHECK(plover.count(s) == 1);
    // Nothing outside the published lists.
    for (const auto& s : ace) CHECK(std::count(ace_2005_subtypes.begin(), ace_2005_subtypes.end(), s) == 1);
    for (const auto& s : plover) CHECK(std::count(plover_types.begin(), plover_types.end(), s) == 1);
}

TEST_CASE("events: type codes have the published shapes", "[events]") {
    const auto onto = Ontology::load(data_dir);
    std::set<std::string> cameo;
    for (const auto& t : onto.types()) {
        if (t.cameo.empty()) continue;
        REQUIRE(t.cameo.size() == 2);
        const int n = std::stoi(t.cameo);
        CHECK((n >= 1 && n <= 20));
        cameo.insert(t.cameo);
    }
    CHECK(cameo.size() == 20); // every CAMEO root code has a type
    const auto* meet = onto.find("contact.meet");
    REQUIRE(meet);
    CHECK(meet->codes() == std::map<std::string, std::string>{{"ace", "Contact:Meet"}, {"cameo", "04"}, {"plover", "CONSULT"}});
    CHECK(std::count(meet->roles.begin(), meet->roles.end(), "participant") == 1);
    for (const char* name : {"org.formation", "contact.statement", "movement.withdraw", "conflict.fight", "presence", "other"})
        CHECK(onto.find(name) != nullptr);
    CHECK(onto.find("contact.statement")->timeml_class == "REPORTING");
    CHECK(onto.find("no.such_type") == nullptr);
}

TEST_CASE("events: every trigger names a known type and class", "[events]") {
    const auto onto = Ontology::load(data_dir);
    const auto lex = TriggerLexicon::load(onto, data_dir);
    CHECK(lex.entries().size() > 800);
    std::set<std::string> typed;
    for (const auto& e : lex.entries()) {
        CHECK(onto.find(e.type) != nullptr);
        CHECK(Ontology::is_timeml_class(e.timeml_class));
        typed.insert(e.type);
    }
    for (const auto& t : onto.types()) CHECK(typed.count(t.name) == 1); // every type has a trigger
}

TEST_CASE("events: no built-in trigger row is shadowed by an unconstrained one", "[events]") {
    const auto onto = Ontology::load(data_dir);
    const auto lex = TriggerLexicon::load(onto, data_dir);
    for (const auto& e : lex.entries()) {
        const auto& rows = lex.find(e.lemma, e.pos);
        REQUIRE_FALSE(rows.empty());
        // The first row wins, so only the last row of a word may be without constraints.
        for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
            INFO(rows[i]->where << " shadows " << rows[i + 1]->where);
            CHECK_FALSE(rows[i]->constraints.empty());
        }
    }
}

TEST_CASE("events: form is an org.formation only with a passive organization subject or an organization object", "[events]") {
    const auto onto = Ontology::load(data_dir);
    const auto lex = TriggerLexicon::load(onto, data_dir);
    const auto& rows = lex.find("form", TriggerPos::verb);
    REQUIRE_FALSE(rows.empty());
    bool passive_org = false;
    for (const auto* e : rows) {
        CHECK_FALSE(e->constraints.empty()); // "formed an opinion" must not be an event
        if (e->type != "org.formation") continue;
        const bool passive = std::any_of(e->constraints.begin(), e->constraints.end(),
                                         [](const auto& c) { return c.kind == TriggerConstraint::Kind::passive; });
        const bool org_subject = std::any_of(e->constraints.begin(), e->constraints.end(), [](const auto& c) {
            return c.kind == TriggerConstraint::Kind::subject && !c.values.empty() && c.values[0].name == "organization";
        });
        passive_org = passive_org || (passive && org_subject);
    }
    CHECK(passive_org);
    // "fire" is an attack with a weapon object and a dismissal with a person object.
    std::set<std::string> fire_types;
    for (const auto* e : lex.find("fire", TriggerPos::verb)) fire_types.insert(e->type);
    CHECK(fire_types.count("conflict.attack") == 1);
    CHECK(fire_types.count("personnel.end_position") == 1);
    REQUIRE(lex.find("meeting", TriggerPos::noun).size() == 1);
    CHECK(lex.find("meeting", TriggerPos::noun)[0]->type == "contact.meet");
    CHECK(lex.find("meeting", TriggerPos::noun)[0]->rule == "trigger/noun/meeting");
    CHECK(lex.find("meeting", TriggerPos::verb).empty());
}

TEST_CASE("events: multi-word triggers and light verbs load", "[events]") {
    const auto onto = Ontology::load(data_dir);
    const auto lex = TriggerLexicon::load(onto, data_dir);
    const auto& pulls = lex.phrases_starting_with("pull");
    CHECK(std::any_of(pulls.begin(), pulls.end(), [](const auto* e) { return e->lemma == "pull out" && e->type == "movement.withdraw"; }));
    for (const char* v : {"hold", "have", "make", "take", "give", "conduct", "launch", "stage"}) {
        const auto* lv = lex.light_verb(v);
        REQUIRE(lv);
        CHECK(lv->timeml_class.empty());
    }
    CHECK(lex.light_verb("carry out") != nullptr);
    CHECK(lex.light_phrases_starting_with("carry").front()->lemma == "carry out");
    CHECK(lex.light_verb("resume")->timeml_class == "ASPECTUAL");
    CHECK(lex.light_verb("attack") == nullptr);
}

TEST_CASE("events: a user's trigger file extends the lexicon", "[events]") {
    const auto onto = Ontology::load(data_dir);
    const auto extra = write_temp("extra_triggers.tsv", "# format: annals.events.triggers/1\n"
                                                        "parley\tnoun\tcontact.meet\tOCCURRENCE\t-\tuser/parley\n"
                                                        "parley\tverb\tcontact.meet\tOCCURRENCE\tprep=with\tuser/parley/v\n");
    const auto lex = TriggerLexicon::load(onto, data_dir, {extra});
    REQUIRE(lex.find("parley", TriggerPos::noun).size() == 1);
    // A user's row is tried before the built-in rows of the same word.
    const auto refine = write_temp("refine_triggers.tsv", "# format: annals.events.triggers/1\n"
                                                          "meeting\tnoun\tother\tOCCURRENCE\tsubject=company\tuser/meeting\n");
    const auto lex2 = TriggerLexicon::load(onto, data_dir, {refine});
    REQUIRE(lex2.find("meeting", TriggerPos::noun).size() == 2);
    CHECK(lex2.find("meeting", TriggerPos::noun)[0]->rule == "user/meeting");
    CHECK(lex2.find("meeting", TriggerPos::noun)[1]->rule == "trigger/noun/meeting");
    CHECK(lex.find("parley", TriggerPos::verb)[0]->constraints[0].words == std::vector<std::string>{"with"});
}

TEST_CASE("events: malformed rows and unknown names give Error with file:line", "[events]") {
    const auto onto = Ontology::load(data_dir);
    const std::string head = "# format: annals.events.triggers/1\n# comment\n";
    auto load = [&](const std::string& name, const std::string& rows) {
        const auto path = write_temp(name, head + rows);
        return error_where([&] { (void)TriggerLexicon::load_files(onto, {path}, {}); });
    };
    CHECK_THAT(load("t_type.tsv", "meet\tverb\tcontact.meat\tOCCURRENCE\t-\tr1\n"), Catch::EndsWith("t_type.tsv:3"));
    CHECK_THAT(load("t_fields.tsv", "meet\tverb\tcontact.meet\n"), Catch::EndsWith("t_fields.tsv:3"));
    CHECK_THAT(load("t_cons.tsv", "x\tverb\tcontact.meet\tOCCURRENCE\t-\tr1\nmeet\tverb\tcontact.meet\tOCCURRENCE\tloudly\tr2\n"),
               Catch::EndsWith("t_cons.tsv:4"));
    CHECK_THAT(load("t_class.tsv", "meet\tverb\tcontact.meet\tOCCURRENCE\tobject=spaceship\tr1\n"), Catch::EndsWith("t_class.tsv:3"));
    CHECK_THAT(load("t_pos.tsv", "meeting\tnoun\tcontact.meet\tOCCURRENCE\tpassive\tr1\n"), Catch::EndsWith("t_pos.tsv:3"));
    CHECK_THAT(load("t_rule.tsv", "a\tverb\tcontact.meet\tOCCURRENCE\t-\tr1\nb\tverb\tcontact.meet\tOCCURRENCE\t-\tr1\n"),
               Catch::EndsWith("t_rule.tsv:4"));
    CHECK_THAT(load("t_tml.tsv", "meet\tverb\tcontact.meet\tEVENT\t-\tr1\n"), Catch::EndsWith("t_tml.tsv:3"));

    const auto bad_format = write_temp("o_format.tsv", "# format: annals.events.ontology/0\n");
    CHECK_THAT(error_where([&] { (void)Ontology::load_files({bad_format}, {}); }), Catch::EndsWith("o_format.tsv:1"));
    const auto bad_cameo = write_temp("o_cameo.tsv", "# format: annals.events.ontology/1\n"
                                                     "other\t-\t-\t-\t-\t-\tOCCURRENCE\n"
                                                     "x.y\td\t-\t-\t21\tagent\tOCCURRENCE\n");
    CHECK_THAT(error_where([&] { (void)Ontology::load_files({bad_cameo}, {}); }), Catch::EndsWith("o_cameo.tsv:3"));
    const auto bad_cue = write_temp("m_dir.tsv", "# format: annals.events.modality/1\nnot\tnegated\tsideways\t3\tform\n");
    CHECK_THAT(error_where([&] { (void)ModalityCues::load_files({bad_cue}, {}); }), Catch::EndsWith("m_dir.tsv:2"));
}

TEST_CASE("events: modality cues load with their scopes", "[events]") {
    const auto cues = ModalityCues::load(data_dir);
    std::set<ModalityClass> classes;
    for (const auto& c : cues.cues()) classes.insert(c.cls);
    CHECK(classes.size() == 4);
    const auto& nots = cues.form_cues_starting_with("not");
    REQUIRE_FALSE(nots.empty());
    CHECK(nots.front()->cls == ModalityClass::negated);
    CHECK(nots.front()->direction == ScopeDirection::forward);
    const auto& would = cues.form_cues_starting_with("would");
    REQUIRE_FALSE(would.empty());
    CHECK(would.front()->cls == ModalityClass::hypothetical);
    CHECK(cues.form_cues_starting_with("will").front()->cls == ModalityClass::future);
    const auto& acc = cues.form_cues_starting_with("according");
    REQUIRE_FALSE(acc.empty());
    CHECK(acc.front()->words == std::vector<std::string>{"according", "to"});
    CHECK(acc.front()->cls == ModalityClass::reported);
    // Lemma cues: "plan to" covers planned to, plans to.
    const auto& plan = cues.lemma_cues_starting_with("plan");
    REQUIRE_FALSE(plan.empty());
    CHECK(plan.front()->cls == ModalityClass::future);
    // Longest first: "cannot be rule out" before a shorter cue starting with "cannot".
    const auto& cannot = cues.lemma_cues_starting_with("cannot");
    REQUIRE_FALSE(cannot.empty());
    CHECK(cannot.front()->cls == ModalityClass::hypothetical);
    const auto& but = cues.terminators_starting_with("but");
    REQUIRE(but.size() == 1);
    CHECK(but.front()->ends[static_cast<std::size_t>(ModalityClass::negated)]);
    CHECK(to_string(ModalityClass::reported) == "reported");
}
