#include "annals/core/error.hpp"
#include "annals/lexicon/wordnet.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>

using namespace annals;

namespace {

/// The system WordNet, loaded once for all cases; null (and the cases skip) when absent.
const WordNet* wordnet() {
    static const std::unique_ptr<WordNet> wn = [] {
        const auto dir = default_wordnet_dir();
        return std::filesystem::exists(dir + "/index.noun") ? std::make_unique<WordNet>(dir) : nullptr;
    }();
    return wn.get();
}

std::string first_lemma(const WordNet& wn, std::string_view word, WnPos pos) {
    const auto forms = wn.base_forms(word, pos);
    return forms.empty() ? std::string() : std::string(forms.begin()->lemma);
}

bool has_derivation(const WordNet& wn, std::string_view lemma, WnPos pos, std::string_view other) {
    const auto d = wn.derivations(lemma, pos);
    return std::any_of(d.begin(), d.end(), [&](const Derivation& x) { return x.lemma == other; });
}

} // namespace

TEST_CASE("lexicon: morphy finds base forms through exceptions and detachment rules", "[lexicon]") {
    const auto* wn = wordnet();
    if (wn == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(first_lemma(*wn, "meetings", WnPos::noun) == "meeting");
    CHECK(first_lemma(*wn, "fighters", WnPos::noun) == "fighter");
    CHECK(first_lemma(*wn, "was", WnPos::verb) == "be");
    CHECK(first_lemma(*wn, "held", WnPos::verb) == "hold");
    CHECK(first_lemma(*wn, "went", WnPos::verb) == "go");
    CHECK(first_lemma(*wn, "better", WnPos::adj) == "good");
    CHECK(first_lemma(*wn, "meeting", WnPos::verb) == "meet");
    CHECK(first_lemma(*wn, "churches", WnPos::noun) == "church");
    CHECK(first_lemma(*wn, "glass", WnPos::noun) == "glass");
    CHECK(wn->base_forms("xyzzyq", WnPos::noun).empty());
}

TEST_CASE("lexicon: WordNet gives sense counts per part of speech", "[lexicon]") {
    const auto* wn = wordnet();
    if (wn == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(wn->contains("attack", WnPos::noun));
    CHECK(wn->contains("attack", WnPos::verb));
    CHECK_FALSE(wn->contains("attack", WnPos::adv));
    CHECK(wn->sense_count("run", WnPos::verb) > 10);
    CHECK(wn->tagged_count("say", WnPos::verb) > wn->tagged_count("say", WnPos::noun));
}

TEST_CASE("lexicon: derivational links join verbs and their nominalizations", "[lexicon]") {
    const auto* wn = wordnet();
    if (wn == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    CHECK(has_derivation(*wn, "withdraw", WnPos::verb, "withdrawal"));
    CHECK(has_derivation(*wn, "withdrawal", WnPos::noun, "withdraw"));
    CHECK(has_derivation(*wn, "meet", WnPos::verb, "meeting"));
    CHECK(has_derivation(*wn, "meeting", WnPos::noun, "meet"));
    CHECK_FALSE(has_derivation(*wn, "meet", WnPos::verb, "withdrawal"));
}

TEST_CASE("lexicon: lexicographer files of senses", "[lexicon]") {
    const auto* wn = wordnet();
    if (wn == nullptr) {
        WARN("WordNet database absent; skipped");
        return;
    }
    const auto files = wn->lexicographer_files("meeting", WnPos::noun);
    const auto has = [&](std::string_view f) { return std::find(files.begin(), files.end(), f) != files.end(); };
    CHECK((has("noun.event") || has("noun.act")));
    const auto verb = wn->lexicographer_files("walk", WnPos::verb);
    CHECK(std::find(verb.begin(), verb.end(), "verb.motion") != verb.end());
    CHECK(wn->is_proper_noun("london"));
    CHECK_FALSE(wn->is_proper_noun("meeting"));
}

TEST_CASE("lexicon: a missing WordNet folder is an Error, not a crash", "[lexicon]") {
    const auto missing = test::scratch_dir() / "annals-no-wordnet-here";
    std::filesystem::remove_all(missing);
    CHECK_THROWS_AS(WordNet(missing.string()), Error);
    try {
        const WordNet wn(missing.string());
    } catch (const Error& e) {
        CHECK(e.code() == Errc::io);
    }
}
