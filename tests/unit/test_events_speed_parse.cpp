// The event stage's shallow parse on the paths its faster loops take: one tag-mask test before
// a token may open a group, noun groups stepped over whole by the verb-group pass, the name
// loop run only for groups that hold a name, and name ends read without a bounds test (with a
// padded copy when the input's array is short or absent).
#include "annals/events/detector_detail.hpp"
#include "test_events_util.hpp"

#include <catch2/catch.hpp>

using namespace annals;
using namespace annals::test;

namespace {

struct Doc {
    std::string text;
    Segmentation seg;
    std::vector<TaggedToken> tags;
    std::vector<std::uint32_t> flags;
};

std::unique_ptr<Doc> prepare(const EventStage& st, const std::string& text) {
    auto d = std::make_unique<Doc>();
    d->text = text;
    d->seg = segment(d->text);
    d->tags = tag(d->text, d->seg, st.lex);
    // The closed-class bits the chunker reads, from each token's lower-case form and lemma.
    const detail::WordFlagTable table;
    for (std::size_t i = 0; i < d->seg.tokens.size(); ++i) {
        std::string lower(d->seg.tokens[i].span.of(d->text));
        for (auto& c : lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        d->flags.push_back(table.flags(lower, d->tags[i].lemma));
    }
    return d;
}

std::vector<detail::SentenceSyntax> parse_all(const Doc& d, const std::vector<std::uint32_t>* name_end) {
    const detail::SyntaxInput in{d.text, &d.seg, &d.tags, name_end, &d.flags};
    std::vector<detail::SentenceSyntax> out;
    for (const auto& s : d.seg.sentences) out.push_back(detail::parse_sentence(in, s));
    return out;
}

std::uint32_t token_of(const Doc& d, std::string_view word) {
    for (std::size_t i = 0; i < d.seg.tokens.size(); ++i)
        if (d.seg.tokens[i].span.of(d.text) == word) return static_cast<std::uint32_t>(i);
    FAIL("no token " << word);
    return 0;
}

/// The groups of two parses as comparable tuples.
void check_same(const detail::SentenceSyntax& a, const detail::SentenceSyntax& b) {
    REQUIRE(a.nouns.size() == b.nouns.size());
    REQUIRE(a.verbs.size() == b.verbs.size());
    CHECK(a.group_of == b.group_of);
    for (std::size_t n = 0; n < a.nouns.size(); ++n) {
        CHECK(a.nouns[n].first == b.nouns[n].first);
        CHECK(a.nouns[n].last == b.nouns[n].last);
        CHECK(a.nouns[n].head == b.nouns[n].head);
    }
    for (std::size_t v = 0; v < a.verbs.size(); ++v) {
        CHECK(a.verbs[v].head == b.verbs[v].head);
        CHECK(a.verbs[v].subject == b.verbs[v].subject);
        CHECK(a.verbs[v].object == b.verbs[v].object);
        CHECK(a.verbs[v].pps == b.verbs[v].pps);
    }
}

} // namespace

TEST_CASE("events: a parse reads absent, short and all-zero name ends alike", "[events][speed]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = prepare(*stage, "The heavily armed rebels had quickly seized the old northern town. "
                                   "Three of the ministers will not attend the talks in the capital.");
    const std::vector<std::uint32_t> zeros(d->seg.tokens.size(), 0);
    const std::vector<std::uint32_t> short_zeros(3, 0);
    const auto full = parse_all(*d, &zeros);
    const auto absent = parse_all(*d, nullptr);
    const auto shorter = parse_all(*d, &short_zeros);
    REQUIRE(full.size() == 2);
    for (std::size_t s = 0; s < full.size(); ++s) {
        check_same(full[s], absent[s]);
        check_same(full[s], shorter[s]);
    }
    // The verb pass steps over noun groups: "seized" still opens its group after "rebels", and
    // "will not attend" is read whole after the noun group before it.
    const auto& first = full[0];
    const int seized = first.verb_at(token_of(*d, "seized"));
    REQUIRE(seized != detail::none);
    const auto& g = first.verbs[static_cast<std::size_t>(seized)];
    REQUIRE(g.subject != detail::none);
    CHECK(first.nouns[static_cast<std::size_t>(g.subject)].head == token_of(*d, "rebels"));
    REQUIRE(g.object != detail::none);
    CHECK(first.nouns[static_cast<std::size_t>(g.object)].head == token_of(*d, "town"));
    const int attend = full[1].verb_at(token_of(*d, "attend"));
    REQUIRE(attend != detail::none);
    CHECK(full[1].verbs[static_cast<std::size_t>(attend)].negated);
    CHECK(full[1].verbs[static_cast<std::size_t>(attend)].tense == detail::GroupTense::future);
}

TEST_CASE("events: a multi-word name heads its noun group, and only a group with a name moves its head",
          "[events][speed]") {
    ANNALS_NEED_EVENT_STAGE();
    const auto d = prepare(*stage, "The Northern Border Alliance troops met the Coast Guard of Lorvia in the harbor.");
    std::vector<std::uint32_t> names(d->seg.tokens.size(), 0);
    // "Northern Border Alliance" and "Coast Guard of Lorvia" as names.
    const auto northern = token_of(*d, "Northern");
    names[northern] = token_of(*d, "Alliance") + 1;
    const auto coast = token_of(*d, "Coast");
    names[coast] = token_of(*d, "Lorvia") + 1;
    const auto syn = parse_all(*d, &names);
    REQUIRE(syn.size() == 1);
    const auto& s = syn[0];
    // The name is never split: its words are all in one group.
    const int alliance_group = s.noun_at(northern);
    REQUIRE(alliance_group != detail::none);
    CHECK(s.noun_at(token_of(*d, "Alliance")) == alliance_group);
    const int guard_group = s.noun_at(coast);
    REQUIRE(guard_group != detail::none);
    const auto& guard = s.nouns[static_cast<std::size_t>(guard_group)];
    CHECK(s.noun_at(token_of(*d, "of")) == guard_group);
    CHECK(guard.last == token_of(*d, "Lorvia"));
    // A group whose last word ends a name takes that word as its head.
    CHECK(guard.head == token_of(*d, "Lorvia"));
    // A group without a name keeps its own head noun.
    const int harbor = s.noun_at(token_of(*d, "harbor"));
    REQUIRE(harbor != detail::none);
    CHECK(s.nouns[static_cast<std::size_t>(harbor)].head == token_of(*d, "harbor"));
    // The same text without names splits "Coast Guard of Lorvia" at the preposition.
    const std::vector<std::uint32_t> none_named(d->seg.tokens.size(), 0);
    const auto plain = parse_all(*d, &none_named);
    CHECK(plain[0].noun_at(token_of(*d, "of")) == detail::none);
}
