// The time stage's word memory also holds numbers (their shape classes and values), and the
// tokenizer ends most words with one table test: both must give what the full paths give.

#include "annals/text/segment.hpp"
#include "annals/time/atoms.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace annals;
using namespace annals::detail;

namespace {

std::shared_ptr<const TimeTables> time_tables() {
    static const auto t = load_time_tables(std::string(ANNALS_SOURCE_DIR) + "/lib/data/time");
    return t;
}

/// Everything an atom tells the rules, with its shape values, as one line per atom.
std::vector<std::string> describe(const AtomText& at) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < at.atoms.size(); ++i) {
        const Atom& a = at.atoms[i];
        std::string line = std::to_string(a.begin) + "-" + std::to_string(a.end) + " " + std::string(at.word(i)) +
                           " classes=" + std::to_string(a.classes) + " n=" + std::to_string(a.number) +
                           " comma=" + std::to_string(a.comma_number) + " s=" + std::to_string(a.sentence);
        for (auto c = static_cast<unsigned>(first_shape_cls); c < static_cast<unsigned>(first_composed_cls); ++c)
            if (a.classes & (std::uint64_t{1} << c)) line += " " + std::string(at.value(i, static_cast<Cls>(c)));
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> token_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : segment(text).tokens) out.emplace_back(t.span.of(text));
    return out;
}

} // namespace

TEST_CASE("time: numbers remembered from an earlier document atomize as when first seen", "[time][speed5]") {
    const auto tables = time_tables();
    // the earlier document puts the numbers' values at other places of its shape buffer
    const std::string earlier = "By 10:30 on 5/12/98 some 1,500 people, 25 of them in 1998, had left; 3.5 stayed.";
    const std::string later = "In 1998 , 25 firms paid 3.5 % at 10:30 ; 1,500 left on 5/12/98 and 25 came back .";
    AtomText warm;
    atomize(earlier, segment(earlier), *tables, warm);
    apply_context(warm);
    atomize(later, segment(later), *tables, warm);
    apply_context(warm);
    AtomText cold;
    atomize(later, segment(later), *tables, cold);
    apply_context(cold);
    const auto expected = describe(cold);
    CHECK(describe(warm) == expected);
    // and the later document holds the numbers' values
    bool year = false, clock = false;
    for (const auto& line : expected) {
        year = year || line.find(" 1998 classes") != std::string::npos;
        clock = clock || line.find(" 10:30 classes") != std::string::npos;
    }
    CHECK(year);
    CHECK(clock);
}

TEST_CASE("text: words end at the byte after them as the joiners decide", "[text][speed5]") {
    CHECK(token_texts("G7, 10th) 1990s. abc, ab,cd 12,500 x") ==
          std::vector<std::string>{"G7", ",", "10th", ")", "1990s", ".", "abc", ",", "ab", ",", "cd", "12,500", "x"});
    CHECK(token_texts("e-mail AT&T rock'n www.example.org (wwwwww)") ==
          std::vector<std::string>{"e-mail", "AT&T", "rock'n", "www.example.org", "(", "wwwwww", ")"});
    const auto seg = segment("G7; 10th! 1990s? abc");
    REQUIRE(seg.tokens.size() == 7);
    CHECK(seg.tokens[0].kind == TokenKind::word);
    CHECK(seg.tokens[2].kind == TokenKind::number);
    CHECK(seg.tokens[4].kind == TokenKind::number);
    CHECK(seg.tokens[6].kind == TokenKind::word);
}
