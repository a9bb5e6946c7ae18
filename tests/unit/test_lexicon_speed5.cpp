// The WordNet loader's quick paths: index lines read in place when laid out as WordNet writes
// them (and by the general reader otherwise), and SemCor counts whose lemma repeats on
// consecutive lines looked up once. A small hand-written database checks both give the facts
// the file states.
#include "annals/lexicon/wordnet.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace annals;

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// A database of a few invented lemmas: a licence line, lines in WordNet's own layout, and
/// lines spaced otherwise, which the general field reader must read the same way.
std::filesystem::path make_database() {
    const auto dir = test::scratch_dir() / "annals_test_lexicon_speed5";
    std::filesystem::create_directories(dir);
    write(dir / "index.noun", "  1 a licence line starts with a space\n"
                              "blorp n 3 1 @ 3 0 00000001 00000002 00000003  \n"
                              "zindle n 12 0 12 0 00000004\n"
                              "quask  n   2 0 2 0 00000005 00000006\n"
                              "wemble n 7\n"
                              "trundle_cart n 1 0 1 0 00000007  \n");
    write(dir / "index.verb", "blorp v 2 0 2 1 00000008 00000009  \n"
                              "frizzle v 40 0 40 0 00000010\n");
    write(dir / "index.adj", "zindle a 1 0 1 0 00000011  \n");
    write(dir / "index.adv", "");
    for (const auto* name : {"data.noun", "data.verb", "data.adj", "data.adv", "noun.exc", "verb.exc", "adj.exc", "adv.exc"})
        write(dir / name, "");
    // Sorted by key, as the real file is: a lemma's senses follow one another.
    write(dir / "cntlist.rev", "blorp%1:04:00:: 1 5\n"
                               "blorp%1:04:01:: 2 3\n"
                               "blorp%2:30:00:: 1 7\n"
                               "frizzle%2:35:00:: 1 2\n"
                               "gnarf%1:10:00:: 1 9\n"
                               "zindle%1:06:00:: 1 4\n"
                               "zindle%5:00:00:odd:00 1 6\n"
                               "zindle%5:00:00:odd:01 2 1\n");
    return dir;
}

} // namespace

TEST_CASE("lexicon: index lines give their sense counts in any spacing", "[lexicon][speed5]") {
    const WordNet wn(make_database().string());
    CHECK(wn.sense_count("blorp", WnPos::noun) == 3);
    CHECK(wn.sense_count("blorp", WnPos::verb) == 2);
    CHECK(wn.sense_count("zindle", WnPos::noun) == 12);
    CHECK(wn.sense_count("zindle", WnPos::adj) == 1);
    CHECK(wn.sense_count("quask", WnPos::noun) == 2);
    CHECK(wn.sense_count("wemble", WnPos::noun) == 7);
    CHECK(wn.sense_count("trundle_cart", WnPos::noun) == 1);
    CHECK(wn.sense_count("frizzle", WnPos::verb) == 40);
    CHECK(wn.sense_count("frizzle", WnPos::noun) == 0);
    CHECK_FALSE(wn.contains("licence", WnPos::noun));
}

TEST_CASE("lexicon: SemCor counts add up over a lemma's consecutive senses", "[lexicon][speed5]") {
    const WordNet wn(make_database().string());
    CHECK(wn.tagged_count("blorp", WnPos::noun) == 8);
    CHECK(wn.tagged_count("blorp", WnPos::verb) == 7);
    CHECK(wn.tagged_count("frizzle", WnPos::verb) == 2);
    // Satellite adjectives (type 5) count as adjectives.
    CHECK(wn.tagged_count("zindle", WnPos::noun) == 4);
    CHECK(wn.tagged_count("zindle", WnPos::adj) == 7);
    // A lemma missing from the index is skipped, and does not disturb the next one.
    CHECK(wn.tagged_count("gnarf", WnPos::noun) == 0);
    CHECK(wn.tagged_count("quask", WnPos::noun) == 0);
}
