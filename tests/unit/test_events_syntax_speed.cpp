// The event stage's per-token word flags: the fast path must answer as the plain lookup
// does.
#include "annals/events/syntax.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace annals;
using namespace annals::detail;

namespace {

/// A text of the given words separated by spaces, its tokens, and their lemmas.
struct Words {
    std::string text;
    std::vector<Token> tokens;
    std::vector<TaggedToken> tags;
};

Words words(const std::vector<std::pair<std::string, std::string>>& form_lemma) {
    Words w;
    for (const auto& [form, lemma] : form_lemma) {
        if (!w.text.empty()) w.text += ' ';
        Token t;
        t.span = {w.text.size(), w.text.size() + form.size()};
        w.text += form;
        w.tokens.push_back(t);
        w.tags.push_back({PosTag::NN, lemma});
    }
    return w;
}

} // namespace

TEST_CASE("events: token flags agree with flags() for every token", "[events][speed]") {
    WordFlagTable table;
    // Words longer than a packed word, and ones that share first byte, last byte and length
    // with listed words, must still get exactly their own bits.
    table.add_form("notwithstanding-the-fact", wf_form_cue);
    table.add_lemma("reconsideration-of", wf_lemma_cue);
    table.add_form("allegedly", wf_form_cue);
    const auto w = words({{"the", "the"},
                          {"tie", "tie"},
                          {"notwithstanding-the-fact", "notwithstanding-the-fact"},
                          {"notwithstanding-the-fast", "notwithstanding-the-fast"},
                          {"reconsiderations", "reconsideration-of"},
                          {"allegedly", "allegedly"},
                          {"antiquely", "antiquely"},
                          {"wasn't", "be"},
                          {"cannot", "can"},
                          {"n't", "not"},
                          {"ant", "ant"},
                          {",", ","},
                          {"got", "get"},
                          {"Was", "Be"},
                          {"x", ""}});
    std::vector<std::uint32_t> bits;
    table.token_flags(w.text, w.tokens, w.tags, bits);
    REQUIRE(bits.size() == w.tokens.size());
    for (std::size_t i = 0; i < w.tokens.size(); ++i) {
        INFO(w.tokens[i].span.of(w.text));
        CHECK(bits[i] == table.flags(w.tokens[i].span.of(w.text), w.tags[i].lemma));
    }
    CHECK((bits[0] & wf_definite) != 0);
    CHECK(bits[1] == 0);
    CHECK((bits[2] & wf_form_cue) != 0);
    CHECK((bits[3] & wf_form_cue) == 0);
    CHECK((bits[4] & wf_lemma_cue) != 0);
    CHECK((bits[5] & wf_form_cue) != 0);
    CHECK(bits[6] == 0);
    CHECK((bits[7] & (wf_negative_contraction | wf_aux_lemma | wf_be_lemma)) ==
          (wf_negative_contraction | wf_aux_lemma | wf_be_lemma));
    CHECK((bits[8] & (wf_negative_contraction | wf_modal_contraction)) == (wf_negative_contraction | wf_modal_contraction));
    CHECK((bits[9] & wf_negative_contraction) == 0);
    CHECK((bits[9] & wf_negation) != 0);
    CHECK(bits[10] == 0);
    CHECK((bits[11] & wf_comma) != 0);
    CHECK((bits[12] & wf_get_lemma) != 0);
    CHECK((bits[13] & wf_be_lemma) == 0); // lemmas match as written
}

TEST_CASE("events: many listed words keep their bits as the table grows", "[events][speed]") {
    WordFlagTable table;
    std::vector<std::string> listed;
    for (int i = 0; i < 300; ++i) {
        listed.push_back("cue" + std::to_string(i));
        table.add_form(listed.back(), wf_form_cue);
    }
    std::vector<std::pair<std::string, std::string>> fl;
    for (const auto& s : listed) fl.emplace_back(s, s);
    fl.emplace_back("cue300", "cue300");
    const auto w = words(fl);
    std::vector<std::uint32_t> bits;
    table.token_flags(w.text, w.tokens, w.tags, bits);
    for (std::size_t i = 0; i < listed.size(); ++i) CHECK((bits[i] & wf_form_cue) != 0);
    CHECK((bits.back() & wf_form_cue) == 0);
}
