#include "annals/core/error.hpp"
#include "annals/lexicon/tagger.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

using namespace annals;

namespace {

const Lexicon* lexicon() {
    static const std::unique_ptr<Lexicon> lex = []() -> std::unique_ptr<Lexicon> {
        if (!std::filesystem::exists(default_wordnet_dir() + "/index.noun")) return nullptr;
        return std::make_unique<Lexicon>(LexiconOptions{std::string(ANNALS_SOURCE_DIR) + "/lib/data", {}});
    }();
    return lex.get();
}

/// Tokens split on spaces (the test sentences are written with spaces around every token),
/// one sentence.
Segmentation spaced(std::string_view text) {
    Segmentation seg;
    for (std::size_t i = 0; i < text.size();) {
        const auto e = std::min(text.find(' ', i), text.size());
        seg.tokens.push_back({{i, e}, TokenKind::word, true, false});
        i = e + 1;
    }
    seg.sentences.push_back({{0, text.size()}, 0, static_cast<std::uint32_t>(seg.tokens.size())});
    return seg;
}

std::string tags_of(std::string_view text) {
    const auto seg = spaced(text);
    const auto tagged = tag(text, seg, *lexicon());
    std::ostringstream out;
    for (std::size_t i = 0; i < tagged.size(); ++i) out << (i ? " " : "") << pos_tag_name(tagged[i].tag);
    return out.str();
}

std::string lemmas_of(std::string_view text) {
    const auto seg = spaced(text);
    const auto tagged = tag(text, seg, *lexicon());
    std::ostringstream out;
    for (std::size_t i = 0; i < tagged.size(); ++i) out << (i ? " " : "") << tagged[i].lemma;
    return out.str();
}

} // namespace

TEST_CASE("lexicon: tags simple news sentences", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(tags_of("The ministers held a meeting in Rome on Monday .") == "DT NNS VBD DT NN IN NNP IN NNP .");
    CHECK(tags_of("She said that the army would withdraw its troops .") == "PRP VBD IN DT NN MD VB PRP$ NNS .");
    CHECK(tags_of("The talks have been called off .") == "DT NNS VBP VBN VBN RP .");
    CHECK(tags_of("They plan to attack the city .") == "PRP VBP TO VB DT NN .");
    CHECK(tags_of("He has visited 12 countries since 2019 .") == "PRP VBZ VBN CD NNS IN CD .");
    CHECK(tags_of("The coalition was formed by 83 members .") == "DT NN VBD VBN IN CD NNS .");
    // After a determiner a past tense is a participle when the word has one, else the noun.
    CHECK(tags_of("The saw was old .") == "DT NN VBD JJ .");
    CHECK(tags_of("The injured were taken away .") == "DT VBN VBD VBN RB .");
}

TEST_CASE("lexicon: tags closed-class words by context", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(tags_of("There is a plan that was approved .") == "EX VBZ DT NN WDT VBD VBN .");
    CHECK(tags_of("He gave her a book about 40 pages long .") == "PRP VBD PRP DT NN RB CD NNS JJ .");
    CHECK(tags_of("It 's the company 's decision .") == "PRP VBZ DT NN POS NN .");
}

TEST_CASE("lexicon: lemmas follow the tag", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(lemmas_of("The fighters went home after the meetings .") == "the fighter go home after the meeting .");
    CHECK(lemmas_of("Talks were held in Geneva .") == "talk be hold in Geneva .");
    CHECK(lexicon()->lemma("better", PosTag::JJR) == "good");
    CHECK(lexicon()->lemma("found", PosTag::VBD) == "find");
    CHECK(lexicon()->lemma("found", PosTag::VB) == "found");
}

TEST_CASE("lexicon: shapes of unknown words", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(tags_of("Officials from Zorvania arrived quickly .") == "NNS IN NNP VBD RB .");
    CHECK(tags_of("A 10-year plan costs $ 1,500 .") == "DT JJ NN VBZ $ CD .");
}

TEST_CASE("lexicon: a broken data file is an Error with its line", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    const auto dir = test::scratch_dir() / "annals-lexicon-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "lexicon");
    std::filesystem::copy(std::string(ANNALS_SOURCE_DIR) + "/lib/data/lexicon", dir / "lexicon",
                          std::filesystem::copy_options::recursive);
    {
        std::ofstream out(dir / "lexicon" / "suffixes.tsv", std::ios::app);
        out << "ness\tNOTATAG\n";
    }
    try {
        const Lexicon broken(LexiconOptions{dir.string(), {}});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        CHECK(e.where().find("suffixes.tsv:") != std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("lexicon: a sentence longer than 64 tokens is tagged like its parts", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    // Short sentences take the rule engine's bit-mask path, long ones the plain sweep: both
    // must give the same tags.
    const std::string part = "the army said that its troops would withdraw from the border towns ,";
    const std::string short_tags = tags_of(part + " .");
    std::string long_text, expected;
    for (int i = 0; i < 6; ++i) {
        long_text += part + " ";
        expected += short_tags.substr(0, short_tags.size() - 2) + " ";
    }
    long_text += ".";
    expected += ".";
    REQUIRE(spaced(long_text).tokens.size() > 64);
    CHECK(tags_of(long_text) == expected);
}

TEST_CASE("lexicon: the word cache gives the same tags on a second pass", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    const std::string text = "Rebels attacked the convoy near Homs , and the government condemned the attack .";
    const auto first = tags_of(text);
    CHECK(tags_of(text) == first);
    CHECK(lemmas_of(text) == "rebel attack the convoy near Homs , and the government condemn the attack .");
}

TEST_CASE("lexicon: one form with two tags in a text gets the lemma of each", "[lexicon]") {
    if (lexicon() == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    // A form remembers the lemma it was last given, for the tag it had then: the verb after
    // the noun must not take the noun's lemma, nor the noun the verb's on a second pass.
    const std::string text = "The leaves fell , and she leaves today .";
    REQUIRE(tags_of(text) == "DT NNS VBD , CC PRP VBZ NN .");
    for (int pass = 0; pass < 2; ++pass)
        CHECK(lemmas_of(text) == "the leaf fall , and she leave today .");
}
