#include "annals/core/error.hpp"
#include "annals/eval/conll_reader.hpp"
#include "annals/eval/pos.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace annals;

namespace {
std::filesystem::path write_sample() {
    const auto path = test::scratch_dir() / "annals-conll-sample.txt";
    std::ofstream out(path);
    out << "-DOCSTART- -X- O O\n\n"
           "Rain NN B-NP O\nfell VBD B-VP O\nin IN B-PP O\nOslo NNP B-NP B-LOC\n. . O O\n\n"
           "It PRP B-NP O\nstopped VBD B-VP O\n. . O O\n\n"
           "-DOCSTART- -X- O O\n\n"
           "\" \" O O\nYes UH O O\n\" \" O O\n";
    return path;
}
} // namespace

TEST_CASE("eval: reads CoNLL-2003 documents with token spans", "[eval]") {
    const auto path = write_sample();
    const auto docs = conll::read_conll_file(path.string());
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].text == "Rain fell in Oslo .\nIt stopped .");
    REQUIRE(docs[0].sentences.size() == 2);
    const auto& oslo = docs[0].sentences[0].tokens[3];
    CHECK(oslo.span.of(docs[0].text) == "Oslo");
    CHECK(oslo.pos == "NNP");
    CHECK(oslo.ner == "B-LOC");
    CHECK(docs[0].sentences[1].span.of(docs[0].text) == "It stopped .");
    const auto seg = conll::gold_segmentation(docs[0]);
    CHECK(seg.tokens.size() == 8);
    CHECK(seg.sentences.size() == 2);
    CHECK(seg.sentences[1].first_token == 5);
    std::filesystem::remove(path);
}

TEST_CASE("eval: a short CoNLL line is an error with its line number", "[eval]") {
    const auto path = test::scratch_dir() / "annals-conll-bad.txt";
    {
        std::ofstream out(path);
        out << "Rain NN B-NP O\nfell VBD\n";
    }
    try {
        (void)conll::read_conll_file(path.string());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().ends_with(":2"));
    }
    std::filesystem::remove(path);
}

TEST_CASE("eval: confusions are counted and ordered", "[eval]") {
    const std::vector<PosError> errors = {
        {"a", "NN", "VB", "x"}, {"b", "NN", "VB", "y"}, {"c", "JJ", "NN", "z"}, {"d", "NN", "VB", "w"}};
    const auto table = confusions(errors, 2);
    REQUIRE(table.size() == 2);
    CHECK(table[0].gold == "NN");
    CHECK(table[0].system == "VB");
    CHECK(table[0].count == 3);
    CHECK(table[0].examples.size() == 2);
    CHECK(table[1].count == 1);
}
