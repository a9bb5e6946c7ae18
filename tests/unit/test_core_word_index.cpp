#include "annals/core/word_index.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using annals::detail::WordIndex;

TEST_CASE("core: the word index finds what was inserted and nothing else", "[core]") {
    WordIndex<int> index;
    CHECK(index.find("meeting") == nullptr);
    index["meeting"] = 1;
    index["meet"] += 2;
    CHECK(index.emplace("talks", 3));
    CHECK_FALSE(index.emplace("talks", 4));
    REQUIRE(index.find("meeting") != nullptr);
    CHECK(*index.find("meeting") == 1);
    CHECK(*index.find("meet") == 2);
    CHECK(*index.find("talks") == 3);
    // Same first byte and length as a key, or a prefix of one: still absent.
    CHECK(index.find("meetinG") == nullptr);
    CHECK(index.find("mee") == nullptr);
    CHECK(index.find("") == nullptr);
    CHECK(index.size() == 3);
}

TEST_CASE("core: the word index keeps every entry through growth and reserve", "[core]") {
    WordIndex<std::size_t> index;
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < 5000; ++i) keys.push_back("w" + std::to_string(i * 7919));
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(index.emplace(keys[i], i));
        if (i == 100) index.reserve(10000);
    }
    CHECK(index.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto* v = index.find(keys[i]);
        REQUIRE(v != nullptr);
        CHECK(*v == i);
    }
    CHECK_FALSE(index.contains("w1"));
    index.insert("w1");
    CHECK(index.contains("w1"));
    // Iteration gives the entries in insertion order.
    std::size_t n = 0;
    for (const auto& [key, value] : index) {
        if (n < keys.size()) CHECK(key == keys[n]);
        ++n;
    }
    CHECK(n == keys.size() + 1);
}
