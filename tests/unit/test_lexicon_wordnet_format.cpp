#include "annals/lexicon/wordnet_format.hpp"

#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

using namespace annals;
using namespace annals::detail;

namespace {

/// What parse_synset() lists as noun hypernyms, in its order.
std::vector<std::uint32_t> hypernyms_by_full_parse(std::string_view line) {
    std::vector<std::uint32_t> out;
    for (const auto& p : parse_synset(line).pointers)
        if ((p.symbol == "@" || p.symbol == "@i") && p.pos == WnPos::noun) out.push_back(p.offset);
    return out;
}

std::vector<std::uint32_t> hypernyms_by_scan(std::string_view line) {
    std::vector<std::uint32_t> out;
    append_noun_hypernyms(line, out);
    return out;
}

} // namespace

TEST_CASE("lexicon: the hypernym scan of a synset line lists what the full parse lists", "[lexicon]") {
    // Lines in the data.noun layout (offset, file, type, word count in hex, words with lex ids,
    // pointer count, pointers as symbol offset pos source/target), written for this test.
    const std::vector<std::string_view> lines = {
        "00000100 18 n 02 envoy 0 emissary 0 004 @ 00000200 n 0000 ~ 00000300 n 0000 "
        "+ 00000400 v 0101 @i 00000500 n 0000 | a diplomat",
        "00000200 18 n 01 diplomat 0 003 ~ 00000100 n 0000 ~ 00000600 n 0000 ~ 00000700 n 0000 | no hypernym",
        "00000300 18 n 01 Special_Envoy(a) 0 002 @ 00000100 n 0000 @ 00000800 v 0000 | a verb target is skipped",
        "00000400 18 n 0c a 0 b 0 c 0 d 0 e 0 f 0 g 0 h 0 i 0 j 0 k 0 l 0 001 @ 00000900 n 0000 | twelve words",
        "00000500 18 n 01 cut 0 002 @ 00000110 n 0000 @ 00000120 | the second pointer is cut short",
        "00000600 18 n 01 bad 0 002 @ 00000130 x 0000 @ 00000140 n 0000 | an unknown part of speech ends the list",
        "00000700 18 n zz",
        "",
    };
    for (const auto line : lines) {
        INFO(line);
        CHECK(hypernyms_by_scan(line) == hypernyms_by_full_parse(line));
    }
    CHECK(hypernyms_by_scan(lines[0]) == std::vector<std::uint32_t>{200, 500});
    CHECK(hypernyms_by_scan(lines[3]) == std::vector<std::uint32_t>{900});
    CHECK(hypernyms_by_scan(lines[1]).empty());
}
