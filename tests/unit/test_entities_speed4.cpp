// Cases for the paths the entity stage takes for speed: the gazetteer rows read as views of the
// file, the per-document index of the words of names, and per-thread tables reused from one
// document to the next (a short document after a long one must not see the long one's answers).
#include "annals/core/error.hpp"
#include "annals/entities/gazetteer.hpp"
#include "annals/entities/recognizer.hpp"
#include "annals/lexicon/lexicon.hpp"
#include "test_entities_util.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace annals;

namespace {

const std::string& kDataDir = test::kEntitiesDataDir;

const Entity* by_mention(const std::vector<Entity>& entities, std::string_view text) {
    for (const auto& e : entities)
        for (const auto& m : e.mentions)
            if (m.text == text) return &e;
    return nullptr;
}

/// A data folder with the shipped gazetteer and one actors file holding `actors` as written.
std::string scratch_dir(const std::string& name, const std::string& actors) {
    namespace fs = std::filesystem;
    const fs::path dir = test::scratch_dir() / ("annals_speed4_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "actors");
    fs::copy(fs::path(kDataDir) / "gazetteer", dir / "gazetteer");
    std::ofstream(dir / "actors" / "actors.tsv", std::ios::binary) << actors;
    return dir.string();
}

} // namespace

TEST_CASE("entities: actor rows with CRLF line ends and left-out cells load", "[entities][speed4]") {
    const auto dir = scratch_dir("crlf", "# format: annals.actors/1\r\n"
                                         "org:velmora\tVelmora Shipping Line\torganization\tcompany\t\tVSL|Velmora Line\r\n"
                                         "org:ostrand\tOstrand Guild\torganization\r\n");
    const auto g = Gazetteer::load(dir);
    const auto* v = g.find_best("Velmora Line");
    REQUIRE(v);
    CHECK(v->key == "org:velmora");
    CHECK(v->subtype == "company");
    CHECK(v->aliases.size() == 2);
    CHECK(v->source.ends_with("actors.tsv:2"));
    const auto* o = g.find_best("Ostrand Guild");
    REQUIRE(o);
    CHECK(o->key == "org:ostrand");
    CHECK(o->parent.empty());
    CHECK(o->aliases.empty());
}

TEST_CASE("entities: a row with too many cells names its line", "[entities][speed4]") {
    const auto dir = scratch_dir("wide", "# format: annals.actors/1\norg:a\tA\torganization\n\n"
                                         "org:b\tB\torganization\t\t\t\t\t\textra\n");
    try {
        (void)Gazetteer::load(dir);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_data);
        CHECK(e.where().ends_with(":4"));
        CHECK(std::string(e.what()).find("9 columns") != std::string::npos);
    }
}

TEST_CASE("entities: a format line with the right prefix but another name is refused", "[entities][speed4]") {
    const auto dir = scratch_dir("format", "# format: annals.actors/10\norg:a\tA\torganization\n");
    CHECK_THROWS_WITH(Gazetteer::load(dir), Catch::Contains(":1") && Catch::Contains("annals.actors/1'"));
}

TEST_CASE("entities: a surname shared by two people goes to the first named", "[entities][speed4]") {
    const auto found = test::recognized_entities("Nolan Brekke opened the hearing. Later, Maria Brekke answered questions. "
                                   "Brekke said the plan was sound.");
    const auto* first = by_mention(found, "Nolan Brekke");
    const auto* second = by_mention(found, "Maria Brekke");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first != second);
    CHECK(by_mention(found, "Brekke") == first);
}

TEST_CASE("entities: a head word of two different organizations is neither", "[entities][speed4]") {
    const auto found = test::recognized_entities("The Varnholt Trade Council met in the morning. The Selby Farmers Council met later. "
                                   "A spokesman said the Council would decide.");
    const auto* a = by_mention(found, "Varnholt Trade Council");
    const auto* b = by_mention(found, "Selby Farmers Council");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a != b);
    const auto* council = by_mention(found, "Council");
    CHECK(council != a);
    CHECK(council != b);
}

TEST_CASE("entities: a short document after a long one sees none of its names", "[entities][speed4]") {
    // The per-thread tables of the long document are larger than the short one needs and are
    // not cleared beyond it: every answer for the short one must be its own.
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += "Italian officials in Rome met the Coalition of Northern Ports. ";
    const auto first = test::recognized_entities(long_text);
    CHECK(by_mention(first, "Rome"));
    const auto second = test::recognized_entities("Prices rose.");
    CHECK(second.empty());
    const std::string text = "Port workers said the Italian plan failed.";
    const auto third = test::recognized_entities(text);
    const auto* italy = by_mention(third, "Italian");
    REQUIRE(italy);
    CHECK(italy->key == "country:ita");
    for (const auto& e : third)
        for (const auto& m : e.mentions) {
            REQUIRE(m.span.end <= text.size());
            CHECK(m.text == text.substr(m.span.begin, m.span.size()));
        }
}

TEST_CASE("entities: one folded lookup tells a name and whether a longer one begins with it", "[entities][speed4]") {
    static const Gazetteer g = Gazetteer::load(kDataDir);
    for (const std::string text : {"Middle", "Middle East", "Rome", "New", "New York", "Nowhere Land", "Red", "Italians"}) {
        std::string folded = text;
        for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        bool continues = false;
        const auto* e = g.find_best_folded(text, folded, continues);
        CHECK(e == g.find_best_folded(text, folded));
        CHECK(e == g.find_best(text));
        CHECK(continues == g.may_continue_folded(folded));
        CHECK(continues == g.may_continue(text));
    }
    bool continues = false;
    CHECK(g.find_best_folded("Middle", "middle", continues) == nullptr);
    CHECK(continues);
    CHECK(g.find_best_folded("Middle East", "middle east", continues) != nullptr);
}
