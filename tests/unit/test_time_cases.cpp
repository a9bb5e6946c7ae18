// Table-driven checks of the time stage: tests/data/time/cases.tsv gives a DCT, a sentence,
// the extent expected, and its TIMEX3 type and value (or "-" for words that are no time).
#include "annals/text/segment.hpp"
#include "annals/time/tagger.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace annals;

namespace {

struct Case {
    std::size_t line = 0;
    std::string dct, sentence, extent, type, value;
};

std::vector<Case> read_cases() {
    std::ifstream in(std::string(ANNALS_TEST_DATA_DIR) + "/time/cases.tsv");
    REQUIRE(in);
    std::vector<Case> out;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
        REQUIRE(cols.size() == 5);
        out.push_back({n, cols[0], cols[1], cols[2], cols[3], cols[4]});
    }
    return out;
}

const TimeTagger& tagger() {
    static const TimeTagger t(std::string(ANNALS_SOURCE_DIR) + "/lib/data");
    return t;
}

/// "" when the case holds, else what went wrong.
std::string check(const Case& c) {
    std::vector<Diagnostic> diags;
    const auto seg = segment(c.sentence);
    const auto dct = c.dct == "-" ? std::optional<std::string>{} : std::optional<std::string>{c.dct};
    const auto timexes = tagger().tag(c.sentence, seg, dct, TimeMode::news, diags);
    const auto at = c.sentence.find(c.extent);
    if (at == std::string::npos) return "extent not in sentence";
    const Span want{at, at + c.extent.size()};
    std::string found;
    for (const auto& t : timexes) {
        found += " [" + std::string(t.span.of(c.sentence)) + "|" + timex_type_name(t.type) + "|" + t.value + "]";
        if (c.type == "-") {
            if (t.span.overlaps(want)) return "not a time, but found" + found;
            continue;
        }
        if (t.span == want) {
            if (timex_type_name(t.type) != c.type || t.value != c.value) return "found" + found;
            return "";
        }
    }
    return c.type == "-" ? "" : "missing; found" + found;
}

} // namespace

TEST_CASE("time: the cases table holds", "[time]") {
    const auto cases = read_cases();
    REQUIRE(cases.size() >= 150);
    std::size_t failed = 0;
    for (const auto& c : cases) {
        const auto problem = check(c);
        if (!problem.empty()) {
            ++failed;
            UNSCOPED_INFO("cases.tsv:" << c.line << ": " << c.sentence << " -> " << c.extent << " " << c.type << " "
                                       << c.value << ": " << problem);
        }
    }
    CHECK(failed == 0);
}
