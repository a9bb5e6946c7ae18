// The tagger's and the time stage's faster paths give what the plain ones gave: the word hash
// of the lexicon's tables, the fixed-width reading of WordNet pointers, and the time stage's
// growing word memory (also of marks and dotted words); the context rules keep their order.

#include "annals/lexicon/context_rules.hpp"
#include "annals/lexicon/string_table.hpp"
#include "annals/lexicon/wordnet_format.hpp"
#include "annals/time/atoms.hpp"
#include "annals/time/tagger.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace annals;
using namespace annals::detail;

namespace {

/// The `n` bytes at `p` as a zero-padded little-endian word, byte by byte.
std::uint64_t padded_word(const char* p, std::size_t n) {
    std::uint64_t x = 0;
    for (std::size_t i = 0; i < n; ++i) x |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    return x;
}

std::vector<std::uint32_t> hypernyms_by_full_parse(std::string_view line) {
    std::vector<std::uint32_t> out;
    for (const auto& p : parse_synset(line).pointers)
        if ((p.symbol == "@" || p.symbol == "@i") && p.pos == WnPos::noun) out.push_back(p.offset);
    return out;
}

/// A rules file of `filler` rules that never apply (no token is JJS), then `rules`.
std::string write_rules(const std::string& name, std::size_t filler, const std::vector<std::string>& rules) {
    const auto path = (test::scratch_dir() / name).string();
    std::ofstream out(path);
    out << "# format: annals.lexicon.context_rules/1\n";
    for (std::size_t i = 0; i < filler; ++i) out << "JJS\tJJ\tt-1=DT\n";
    for (const auto& r : rules) out << r << "\n";
    return path;
}

/// The tags after the rules of `path` run over "to run fast" tagged TO NN RB, where "run" may
/// also be VB, VBD or VBP.
std::vector<PosTag> run_chain(const std::string& path) {
    const auto rules = ContextRules::load(path);
    std::vector<TagSlot> s(3);
    s[0] = {"to", tag_bit(PosTag::TO), TagSlot::unset, PosTag::TO, false};
    s[1] = {"run", tag_bit(PosTag::NN) | tag_bit(PosTag::VB) | tag_bit(PosTag::VBD) | tag_bit(PosTag::VBP), TagSlot::unset,
            PosTag::NN, false};
    s[2] = {"fast", tag_bit(PosTag::RB) | tag_bit(PosTag::JJ), TagSlot::unset, PosTag::RB, false};
    rules.apply(s);
    return {s[0].tag, s[1].tag, s[2].tag};
}

} // namespace

TEST_CASE("lexicon: the table hash reads a key's last bytes as a zero-padded word", "[lexicon][speed4]") {
    const std::string bytes = "abcdefgh\xC3\xA9ijklmnop";
    for (std::size_t n = 1; n < 8; ++n)
        for (std::size_t at = 0; at + n <= bytes.size(); ++at) {
            INFO("n = " << n << ", at = " << at);
            CHECK(load_tail(bytes.data() + at, n) == padded_word(bytes.data() + at, n));
        }
    // Equal keys hash alike wherever they lie; keys that are prefixes of one another are
    // told apart by the table.
    const std::string copy = bytes;
    CHECK(string_hash(std::string_view(bytes).substr(3, 9)) == string_hash(std::string_view(copy).substr(3, 9)));
    StringTable table;
    std::vector<std::string> keys;
    for (std::size_t n = 0; n <= 40; ++n) keys.push_back(std::string(n, 'x'));
    for (std::size_t n = 1; n <= 40; ++n) keys.push_back(std::string(n - 1, 'x') + "y");
    for (const auto& k : keys) table.insert(k);
    REQUIRE(table.size() == keys.size());
    for (std::uint32_t id = 0; id < keys.size(); ++id) {
        CHECK(table.find(keys[id]) == id);
        CHECK(table.insert(keys[id]) == id);
    }
    CHECK(table.find("xz") == StringTable::npos);
}

TEST_CASE("lexicon: pointers at WordNet's widths and pointers spaced otherwise scan alike", "[lexicon][speed4]") {
    // Written for this test in the data.noun layout; some pointers break the fixed widths.
    const std::vector<std::string_view> lines = {
        "00000100 18 n 01 envoy 0 003 @ 00000200 n 0000 @i 00000300 n 0000 ~ 00000400 n 0000 | fixed widths",
        "00000100 18 n 01 envoy 0 003 @  00000200 n 0000 @i 00000300  n 0000 @ 00000400 n  0000 | double spaces",
        "00000100 18 n 01 envoy 0 002 @ 000000200 n 0000 @ 0000300 n 0000 | nine and seven digits",
        "00000100 18 n 01 envoy 0 002 @ 00000200 nn 0000 @ 00000300 n 0000 | a two-letter part of speech",
        "00000100 18 n 01 envoy 0 002 @ 00000200 n 00000 @ 00000300 n 0000 | five hex digits",
        "00000100 18 n 01 envoy 0 002 @ 00000200 n 0000 @ 00000300 n 0000",
        "00000100 18 n 01 envoy 0 002 @ 00000200 n 0000 @ 00000300 n 000",
        "00000100 18 n 01 envoy 0 002 @ 0000020x n 0000 @ 00000300 n 0000 | not a number",
        "00000100 18 n 01 envoy 0 002 @ 00000200 v 0000 @ 00000300 q 0000 | a verb, then no part of speech",
    };
    for (const auto line : lines) {
        INFO(line);
        std::vector<std::uint32_t> scanned;
        append_noun_hypernyms(line, scanned);
        CHECK(scanned == hypernyms_by_full_parse(line));
    }
    std::vector<std::uint32_t> first;
    append_noun_hypernyms(lines[0], first);
    CHECK(first == std::vector<std::uint32_t>{200, 300});
}

TEST_CASE("lexicon: context rules apply in file order, also to tags an earlier rule made", "[lexicon][speed4]") {
    // VB -> VBD comes before any VB exists and must not apply to the VB made after it; VB ->
    // VBP comes after and must; JJ is allowed but no rule that could make it finds its FROM tag.
    const std::vector<std::string> chain = {"VB\tVBD\tt-1=TO", "NN\tVB\tt-1=TO", "RB\tNNS\tt-1=VB", "VB\tVBP\tt-1=TO",
                                            "NN\tJJ\tt-1=TO"};
    const std::vector<PosTag> expected = {PosTag::TO, PosTag::VBP, PosTag::RB};
    // The same wherever the rules stand in the table, and however many rules come before them.
    for (const std::size_t filler : {std::size_t{0}, std::size_t{60}, std::size_t{130}}) {
        INFO("rules before the chain: " << filler);
        const auto path = write_rules("annals-speed4-rules.tsv", filler, chain);
        CHECK(run_chain(path) == expected);
        std::filesystem::remove(path);
    }
}

TEST_CASE("time: the word memory grows as it fills and forgets nothing it holds", "[time][speed4]") {
    TimeTables tables;
    tables.serial = 4242;
    WordMemo memo;
    memo.prepare(tables);
    CHECK(memo.slots.size() == std::size_t{1} << WordMemo::first_bits);
    Atom a;
    a.classes = 5;
    a.literal = 3;
    const auto raw_of = [](std::uint64_t k) { return 0x6100000000000000ULL | k; };
    for (std::uint64_t k = 1; k <= WordMemo::max_used + 100; ++k) memo.insert(raw_of(k), 8, k, a, k % 2 == 0);
    CHECK(memo.used == WordMemo::max_used);
    CHECK(memo.slots.size() == std::size_t{1} << WordMemo::max_bits);
    for (std::uint64_t k = 1; k <= WordMemo::max_used; ++k) {
        const auto* s = memo.find(raw_of(k), 8);
        REQUIRE(s != nullptr);
        CHECK(s->lower == k);
        CHECK(s->context == (k % 2 == 0));
    }
    CHECK(memo.find(raw_of(WordMemo::max_used + 1), 8) == nullptr);
    CHECK(memo.find(raw_of(1), 7) == nullptr);
    memo.prepare(tables); // full: emptied
    CHECK(memo.used == 0);
    CHECK(memo.find(raw_of(1), 8) == nullptr);
}

TEST_CASE("time: a document tagged again with a warm word memory gives the same timexes", "[time][speed4]") {
    const TimeTagger tagger(std::string(ANNALS_SOURCE_DIR) + "/lib/data");
    const std::string text =
        "On Tuesday, the board said it\xE2\x80\x99s meeting again on March 3 , 2025 , at 10 a.m. -- "
        "two weeks after the vote . The U.S. report of Q3 came out in the '90s ; sales fell 5 % "
        "last year and the firm's chief left on Monday .";
    const auto seg = segment(text);
    const std::optional<std::string> dct = "2025-02-20";
    std::vector<Diagnostic> d1, d2;
    const auto first = tagger.tag(text, seg, dct, TimeMode::news, d1);
    const auto second = tagger.tag(text, seg, dct, TimeMode::news, d2);
    REQUIRE(first.size() == second.size());
    CHECK(first.size() >= 4);
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].span.begin == second[i].span.begin);
        CHECK(first[i].span.end == second[i].span.end);
        CHECK(first[i].value == second[i].value);
    }
}

TEST_CASE("lexicon: fields read as numbers as from_chars reads them", "[lexicon][speed4]") {
    const auto read = [](std::string_view field, int base) { return FieldReader(field).number(base); };
    CHECK(read("0c", 16) == std::optional<std::size_t>{12});
    CHECK(read("0C", 16) == std::optional<std::size_t>{12});
    CHECK(read("ff0a", 16) == std::optional<std::size_t>{0xff0a});
    CHECK(read("123456789abcdef", 16) == std::optional<std::size_t>{0x123456789abcdefULL});
    CHECK(read("1234567890abcdef", 16) == std::optional<std::size_t>{0x1234567890abcdefULL});
    CHECK_FALSE(read("0x1f", 16).has_value());
    CHECK_FALSE(read("1g", 16).has_value());
    CHECK_FALSE(read("-1", 16).has_value());
    CHECK_FALSE(read("", 16).has_value());
    CHECK(read("00012345", 10) == std::optional<std::size_t>{12345});
    CHECK_FALSE(read("12a", 10).has_value());
    CHECK(read("  7 8", 10) == std::optional<std::size_t>{7});
}

TEST_CASE("lexicon: a hypernym step finds the ancestor or lists the hypernyms, as two scans did", "[lexicon][speed4]") {
    // Written for this test in the data.noun layout.
    const std::vector<std::string_view> lines = {
        "00000100 18 n 02 envoy 0 Special_Envoy(a) 0 002 @ 00000200 n 0000 @i 00000300 n 0000 | two words",
        "00000100 18 n 01 diplomat 0 001 ~ 00000200 n 0000 | no hypernym",
        "00000100 18 n 03 a 0 b 0",
        "00000100 18 n zz",
        "",
    };
    for (const auto line : lines)
        for (const std::string_view ancestor : {"envoy", "special_envoy", "diplomat", "b", "c", ""}) {
            INFO(line << " / " << ancestor);
            std::vector<std::uint32_t> two_scans, one_scan;
            const bool found = !synset_word(line, ancestor).empty();
            if (!found) append_noun_hypernyms(line, two_scans);
            CHECK(noun_hypernyms_unless(line, ancestor, one_scan) == found);
            CHECK(one_scan == two_scans);
        }
    std::vector<std::uint32_t> out;
    CHECK(noun_hypernyms_unless(lines[0], "special_envoy", out));
    CHECK_FALSE(noun_hypernyms_unless(lines[0], "diplomat", out));
    CHECK(out == std::vector<std::uint32_t>{200, 300});
}
