// Cases for the paths the entity stage takes for speed: a document's dashes found once and
// walked by its lower-case words in text order (not each word's bytes read), and the flat pass
// over the tokens that finds lower-case references to named organizations.
#include "annals/entities/recognizer.hpp"
#include "test_entities_util.hpp"

#include <catch2/catch.hpp>

using namespace annals;

namespace {

bool mentioned(const std::vector<Entity>& entities, std::string_view text) {
    for (const auto& e : entities)
        for (const auto& m : e.mentions)
            if (m.text == text) return true;
    return false;
}

} // namespace

TEST_CASE("entities: a dashed lower-case particle continues a name after other dashes", "[entities][speed5]") {
    // Dashes before the name, inside lower-case words and alone, must not hide the one in it.
    const std::string text = "A well-known, long-running and so-called campaign - the third - went on. "
                             "Fighters of Jabhat al-Varenna crossed the river near a half-built bridge.";
    const auto e = test::recognized_entities(text);
    CHECK(mentioned(e, "Jabhat al-Varenna"));
    CHECK_FALSE(mentioned(e, "Jabhat"));
    CHECK_FALSE(mentioned(e, "so-called"));
}

TEST_CASE("entities: only the first dash of a lower-case word decides", "[entities][speed5]") {
    // "re-Ostrand" joins the name; in "co-op-Ostrand" the first dash is followed by lower case.
    CHECK(mentioned(test::recognized_entities("Delegates of Tamir re-Ostrand arrived."), "Tamir re-Ostrand"));
    const auto e = test::recognized_entities("Delegates of Tamir co-op-Ostrand arrived.");
    CHECK_FALSE(mentioned(e, "Tamir co-op-Ostrand"));
}

TEST_CASE("entities: a short document after a long one sees only its own dashes", "[entities][speed5]") {
    std::string long_text;
    for (int k = 0; k < 40; ++k) long_text += "The so-called long-term plan of a well-run town went ahead. ";
    (void)test::recognized_entities(long_text);
    CHECK(mentioned(test::recognized_entities("Fighters of Jabhat al-Varenna crossed."), "Jabhat al-Varenna"));
    CHECK(mentioned(test::recognized_entities("Fighters of Jabhat Varenna crossed."), "Jabhat Varenna"));
}

TEST_CASE("entities: a lower-case head noun after its organization refers to it", "[entities][speed5]") {
    const auto e = test::recognized_entities("The Velmora Shipping Company opened a port. Later the company closed it, and "
                               "the small company said so.");
    const Entity* company = nullptr;
    for (const auto& x : e)
        for (const auto& m : x.mentions)
            if (m.text == "Velmora Shipping Company") company = &x;
    REQUIRE(company);
    std::size_t nominal = 0;
    for (const auto& m : company->mentions) nominal += m.kind == "nominal" ? 1 : 0;
    CHECK(nominal == 2);
}
