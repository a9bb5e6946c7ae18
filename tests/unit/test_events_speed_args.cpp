// The event stage's shallow parse, argument lookups and cue matching, checked on the forms that
// the faster code paths take: one block per sentence for the group indexes, entity and place
// lists written into a caller's vector, cue rows matched from their second word.
#include "annals/events/detector_detail.hpp"
#include "test_events_util.hpp"

#include <catch2/catch.hpp>

using namespace annals;
using namespace annals::test;

namespace {

/// A sentence's parse with the document context it was made from.
struct Parsed {
    std::string text;
    Segmentation seg;
    std::vector<TaggedToken> tags;
    std::vector<Entity> entities;
    std::vector<Timex> timexes;
    detail::DocContext doc;
    std::vector<detail::SentenceSyntax> sentences;
};

std::unique_ptr<Parsed> parse(const EventStage& st, const std::string& text, const std::vector<EntitySpec>& specs) {
    auto p = std::make_unique<Parsed>();
    p->text = text;
    p->seg = segment(p->text);
    p->tags = tag(p->text, p->seg, st.lex);
    p->entities = make_entities(p->text, specs);
    const detail::WordFlagTable flags;
    p->doc = detail::make_context(p->text, p->seg, p->tags, st.lex, p->entities, p->timexes, std::nullopt, flags);
    const detail::SyntaxInput in{p->text, &p->seg, &p->tags, &p->doc.name_end, &p->doc.word_flags};
    for (const auto& s : p->seg.sentences) p->sentences.push_back(detail::parse_sentence(in, s));
    return p;
}

int token_of(const Parsed& p, std::string_view word) {
    for (std::size_t i = 0; i < p.seg.tokens.size(); ++i)
        if (p.seg.tokens[i].span.of(p.text) == word) return static_cast<int>(i);
    return detail::none;
}

} // namespace

TEST_CASE("events: a parse indexes its noun and verb groups by token", "[events][speed]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto p = parse(*stage, "The two armies will meet near the border. Their leaders signed a truce.", {});
    REQUIRE(p->sentences.size() == 2);
    for (const auto& syn : p->sentences) {
        REQUIRE(syn.group_of.size() == 2 * static_cast<std::size_t>(syn.count));
        for (std::uint32_t t = syn.first; t < syn.first + syn.count; ++t) {
            // A token lies in at most one group, and that group spans it.
            CHECK_FALSE((syn.noun_at(t) != detail::none && syn.verb_at(t) != detail::none));
            if (const int n = syn.noun_at(t); n != detail::none) {
                const auto& g = syn.nouns[static_cast<std::size_t>(n)];
                CHECK((g.first <= t && t <= g.last));
            }
            if (const int v = syn.verb_at(t); v != detail::none) {
                const auto& g = syn.verbs[static_cast<std::size_t>(v)];
                CHECK((g.first <= t && t <= g.last));
            }
        }
    }
    const auto& first = p->sentences[0];
    const int meet = token_of(*p, "meet");
    REQUIRE(meet != detail::none);
    const int v = first.verb_at(static_cast<std::uint32_t>(meet));
    REQUIRE(v != detail::none);
    const auto& g = first.verbs[static_cast<std::size_t>(v)];
    CHECK(g.tense == detail::GroupTense::future);
    REQUIRE(g.subject != detail::none);
    CHECK(first.nouns[static_cast<std::size_t>(g.subject)].head == static_cast<std::uint32_t>(token_of(*p, "armies")));
    const int signed_at = token_of(*p, "signed");
    const auto& second = p->sentences[1];
    REQUIRE(second.verb_at(static_cast<std::uint32_t>(signed_at)) != detail::none);
    CHECK(second.noun_at(static_cast<std::uint32_t>(signed_at)) == detail::none);
}

TEST_CASE("events: entity and place lists written into a vector match the returned ones", "[events][speed]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto p = parse(*stage,
                         "Officials of Norway and Chile met the ministers of the coalition in Lima and Quito. "
                         "Peruvian troops left the eastern provinces of Ecuador.",
                         {{"Norway", "gpe", "country"},
                          {"Chile", "gpe", "country"},
                          {"Lima", "gpe", "city"},
                          {"Quito", "gpe", "city"},
                          {"Ecuador", "gpe", "country"},
                          {"Peruvian", "gpe", "country"}});
    std::vector<int> into;
    std::size_t with_entities = 0, with_places = 0;
    for (const auto& syn : p->sentences)
        for (std::size_t n = 0; n < syn.nouns.size(); ++n) {
            const int ng = static_cast<int>(n);
            into.clear();
            detail::entities_into(p->doc, syn, ng, into);
            CHECK(into == detail::entities_of(p->doc, syn, ng));
            with_entities += into.empty() ? 0 : 1;
            into.clear();
            detail::places_into(p->doc, syn, ng, into);
            CHECK(into == detail::places_of(p->doc, syn, ng));
            with_places += into.empty() ? 0 : 1;
        }
    CHECK(with_entities >= 4);
    CHECK(with_places >= 3);
    // "the eastern provinces of Ecuador": the places of the of-phrase.
    const auto& syn = p->sentences[1];
    const int provinces = syn.noun_at(static_cast<std::uint32_t>(token_of(*p, "provinces")));
    REQUIRE(provinces != detail::none);
    const auto places = detail::places_of(p->doc, syn, provinces);
    REQUIRE(places.size() == 1);
    CHECK(p->entities[static_cast<std::size_t>(places[0])].name == "Ecuador");
}

TEST_CASE("events: cues of several words match whole, from their first word on", "[events][speed]") {
    ANNALS_NEED_EVENT_STAGE();
    // Each cue's first word also appears alone, where no cue may match.
    const auto d = detect(*stage,
                          "The rebels refused to surrender. The rebels refused the offer and attacked the town. "
                          "An assault on the port cannot be ruled out. The court ruled that the arrest was legal.");
    const auto* surrender = d.event("surrender");
    REQUIRE(surrender != nullptr);
    CHECK(surrender->modality == "negated");
    const auto* attacked = d.event("attacked");
    REQUIRE(attacked != nullptr);
    CHECK(attacked->modality == "asserted");
    const auto* assault = d.event("assault");
    REQUIRE(assault != nullptr);
    CHECK(assault->modality == "hypothetical");
    const auto* arrest = d.event("arrest");
    REQUIRE(arrest != nullptr);
    CHECK(arrest->modality != "negated");
}

TEST_CASE("events: a nominal event finds its earlier mention past other events", "[events][speed]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = detect(*stage,
                          "The summit opened in Vienna. Rebels attacked a convoy and the army said it would respond. "
                          "A protest followed the attack. The summit ended after two days.",
                          {{"Vienna", "gpe", "city"}});
    std::size_t summits = 0;
    for (const auto& e : d.events)
        if (e.trigger.text == "summit") {
            ++summits;
            CHECK(e.mentions.size() == 1);
        }
    CHECK(summits == 1);
    const auto* attacked = d.event("attacked");
    REQUIRE(attacked != nullptr);
    const auto* protest = d.event("protest");
    REQUIRE(protest != nullptr);
    CHECK(protest != attacked);
}
