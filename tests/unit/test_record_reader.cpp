#include "annals/core/error.hpp"
#include "annals/record/json_reader.hpp"
#include "annals/record/json_writer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

std::string records(const char* name) { return std::string(ANNALS_TEST_DATA_DIR) + "/records/" + name; }

std::string error_of(const std::string& line) {
    try {
        (void)annals::read_json(line, "x.jsonl:7");
    } catch (const annals::Error& e) {
        CHECK(e.code() == annals::Errc::bad_input);
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("record: reading a record back gives the same bytes", "[record]") {
    std::size_t n = 0;
    for (const char* file : {"a.jsonl", "b.jsonl"}) {
        for (const auto& line : lines_of(records(file))) {
            const annals::Extraction x = annals::read_json(line, file);
            CHECK(annals::to_json(x) == line);
            ++n;
        }
    }
    CHECK(n == 4);
}

TEST_CASE("record: the per-thread view gives the same bytes as the copy, record after record", "[record]") {
    std::vector<annals::Extraction> xs;
    for (const char* file : {"a.jsonl", "b.jsonl"})
        for (const auto& line : lines_of(records(file))) xs.push_back(annals::read_json(line, file));
    REQUIRE(xs.size() == 4);
    // Longest first, so that a shorter record must not show the tail of the one before.
    std::sort(xs.begin(), xs.end(), [](const auto& a, const auto& b) { return a.doc.text.size() > b.doc.text.size(); });
    for (const auto& x : xs) {
        const std::string copy = annals::to_json(x);
        const std::string_view view = annals::to_json_view(x);
        CHECK(view == copy);
    }
}

TEST_CASE("record: fields come back typed", "[record]") {
    const auto line = lines_of(records("a.jsonl")).front();
    const auto x = annals::read_json(line, "a.jsonl:1");
    CHECK(x.doc.id == "world/a1.txt");
    REQUIRE(x.doc.dct);
    CHECK(*x.doc.dct == "2031-03-15");
    REQUIRE(x.entities.size() == 6);
    CHECK(x.entities[0].key == "organization:northern-accord");
    REQUIRE(x.entities[4].geo);
    CHECK(x.entities[4].geo->lat == Approx(48.75));
    REQUIRE(x.events.size() == 3);
    CHECK(x.events[1].trigger.text == "met");
    CHECK(x.events[1].trigger.span.of(x.doc.text) == "met");
    REQUIRE(x.events[2].time);
    CHECK(x.events[2].time->source == "tense");
    CHECK_FALSE(x.events[2].time->interval);
    CHECK(x.timexes[0].type == annals::TimexType::date);
    CHECK(x.timexes[1].anchor == annals::TimexAnchor::dct);
    CHECK(x.relations.size() == 3);
}

TEST_CASE("record: a malformed record names its place and field", "[record]") {
    auto line = lines_of(records("a.jsonl")).front();
    const auto broken_key = std::string(line).replace(line.find("\"key\":"), 6, "\"kee\":");
    const auto msg = error_of(broken_key);
    CHECK_THAT(msg, Catch::Contains("x.jsonl:7"));
    CHECK_THAT(msg, Catch::Contains("entities[0].key: missing"));

    const auto bad_span = std::string(line).replace(line.find("[0,75]"), 6, "[75,0]");
    CHECK_THAT(error_of(bad_span), Catch::Contains("sentences[0].span: end before begin"));

    const auto bad_schema = std::string(line).replace(line.find("document/1"), 10, "document/9");
    CHECK_THAT(error_of(bad_schema), Catch::Contains("schema: expected 'annals.document/1'"));

    CHECK_THAT(error_of(line.substr(0, 40)), Catch::Contains("x.jsonl:7: byte"));
    CHECK_THAT(error_of("[1,2]"), Catch::Contains("expected a JSON object"));

    const auto bad_trigger = std::string(line).replace(line.find("\"text\":\"met\""), 12, "\"text\":\"meet\"");
    CHECK_THAT(error_of(bad_trigger), Catch::Contains("events[1].trigger.text: length differs from its span"));
}

TEST_CASE("record: read_records skips malformed lines and reports them", "[record]") {
    const std::string path = "record_reader_test.jsonl";
    {
        std::ofstream out(path);
        const auto good = lines_of(records("b.jsonl"));
        out << good[0] << "\n\n{\"schema\": 3}\n" << good[1] << "\n";
    }
    std::vector<std::string> ids, problems;
    annals::read_records(
        path, [&](annals::Extraction&& x, std::string_view) { ids.push_back(x.doc.id); },
        [&](annals::RecordProblem&& p) { problems.push_back(p.where); });
    CHECK(ids == std::vector<std::string>{"world/b1.txt", "world/b2.txt"});
    CHECK(problems == std::vector<std::string>{path + ":3"});
    CHECK_THROWS_AS(annals::read_records("no/such/file.jsonl", [](annals::Extraction&&, std::string_view) {},
                                         [](annals::RecordProblem&&) {}),
                    annals::Error);
    std::remove(path.c_str());
}
