// The per-thread memos of the event stage's mention finder answer exactly what the lookups
// they stand in front of answer.
#include "annals/events/ontology.hpp"
#include "annals/events/syntax.hpp"
#include "annals/events/trigger_lexicon.hpp"
#include "annals/events/word_map.hpp"
#include "annals/text/segment.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace annals;
using namespace annals::detail;

namespace {

const std::string data_dir = std::string(ANNALS_SOURCE_DIR) + "/lib/data";

ShortWord packed(std::string_view w) {
    ShortWord k;
    REQUIRE(ShortWord::pack(w, k));
    return k;
}

/// The lower case of ASCII letters, as the detector's document context writes it.
std::string lowered(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

} // namespace

TEST_CASE("events: short words pack alike only when their bytes are alike", "[events][speed]") {
    // Every length up to the limit, and words that differ in one byte anywhere.
    const std::string base = "abcdefghijklmnop";
    for (std::size_t n = 0; n <= ShortWord::max_size; ++n) {
        const auto w = base.substr(0, n);
        CHECK(packed(w) == packed(std::string(w)));
        for (std::size_t i = 0; i < n; ++i) {
            auto v = w;
            v[i] = 'Z';
            CHECK_FALSE(packed(w) == packed(v));
        }
        if (n > 0) CHECK_FALSE(packed(w) == packed(base.substr(0, n - 1)));
    }
    ShortWord k;
    CHECK_FALSE(ShortWord::pack("internationalization", k));
    // A word read out of a longer text packs like the same word on its own.
    const std::string text = "the withdrawal began";
    CHECK(packed(std::string_view(text).substr(4, 10)) == packed("withdrawal"));
}

TEST_CASE("events: a short-word memo remembers each word's own answer", "[events][speed]") {
    ShortWordMemo<std::size_t> memo;
    std::vector<std::string> words;
    for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i * 7919));
    int made = 0;
    for (int round = 0; round < 2; ++round)
        for (const auto& w : words) {
            const auto v = memo.get(packed(w), [&] {
                ++made;
                return w.size() * 31 + static_cast<std::size_t>(w.back());
            });
            CHECK(v == w.size() * 31 + static_cast<std::size_t>(w.back()));
        }
    // Asked twice, computed once: the table grew without losing a word.
    CHECK(made == static_cast<int>(words.size()));
    memo.clear();
    CHECK(memo.get(packed(words[0]), [] { return std::size_t{7}; }) == 7);
}

TEST_CASE("events: the flags of a document's tokens are the table's flags of each word", "[events][speed]") {
    WordFlagTable table;
    const std::string text = "They cannot stay, and he won't say whether THE talks that began will end; or not.";
    const auto seg = segment(text);
    const auto lower = lowered(text);
    std::vector<TaggedToken> tags(seg.tokens.size());
    for (std::size_t t = 0; t < seg.tokens.size(); ++t) {
        const auto form = seg.tokens[t].span.of(lower);
        // Lemmas of the copula and of a verb whose lemma differs from its form.
        tags[t].lemma = form == "began" ? "begin" : form == "is" ? "be" : std::string(form);
    }
    tags.back().lemma = "be"; // a lemma flag on a token whose text has none
    auto check_all = [&] {
        std::vector<std::uint32_t> out;
        // Twice: the second pass answers from the memo.
        for (int pass = 0; pass < 2; ++pass) {
            table.token_flags(lower, seg.tokens, tags, out);
            REQUIRE(out.size() == seg.tokens.size());
            for (std::size_t t = 0; t < seg.tokens.size(); ++t)
                CHECK(out[t] == table.flags(seg.tokens[t].span.of(lower), tags[t].lemma));
        }
        return out;
    };
    auto out = check_all();
    std::size_t comma = 0;
    while (seg.tokens[comma].span.of(text) != ",") ++comma;
    CHECK((out[comma] & wf_comma) != 0);
    CHECK((out.back() & wf_be_lemma) != 0);
    // A word added after the memo learnt the old answer: the memo must not keep it.
    std::size_t say = 0;
    while (seg.tokens[say].span.of(text) != "say") ++say;
    CHECK((out[say] & wf_terminator) == 0);
    table.add_form("say", wf_terminator);
    out = check_all();
    CHECK((out[say] & wf_terminator) != 0);
}

TEST_CASE("events: one trigger lookup gives what the four lexicon lookups give", "[events][speed]") {
    const auto onto = Ontology::load(data_dir);
    const auto lex = TriggerLexicon::load(onto, data_dir);
    std::set<std::string> words{"", "zzyzx", "meeting", "pull", "carry", "hold", "a-very-long-word-beyond-sixteen-bytes"};
    for (const auto& e : lex.entries()) {
        words.insert(e.lemma);
        words.insert(e.words.front());
    }
    for (const auto& v : lex.light_verbs()) {
        words.insert(v.lemma);
        words.insert(v.words.front());
    }
    // Twice: the second round answers from the memo.
    for (int round = 0; round < 2; ++round)
        for (const auto& w : words) {
            const auto& t = lex.lookup(w);
            for (const auto pos : {TriggerPos::verb, TriggerPos::noun, TriggerPos::adj})
                CHECK(&t.find(pos) == &lex.find(w, pos));
            CHECK(t.phrases == &lex.phrases_starting_with(w));
            CHECK(t.light == lex.light_verb(w));
            CHECK(t.light_phrases == &lex.light_phrases_starting_with(w));
        }
    CHECK_FALSE(lex.lookup("meeting").find(TriggerPos::noun).empty());
    CHECK(lex.lookup("hold").light != nullptr);
}
