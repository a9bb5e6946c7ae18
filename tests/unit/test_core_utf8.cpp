// UTF-8 validation and decoding.
#include "annals/core/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace annals;

TEST_CASE("core: well-formed UTF-8 is accepted", "[core][utf8]") {
    for (const char* ok : {"", "plain ASCII", "Coalition\u2019s", "\u20AC3.5 million", "M\u00F6ller",
                           "\U0001F600", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF"}) {
        INFO(ok);
        CHECK_FALSE(first_invalid_utf8(ok));
    }
    // NUL is valid UTF-8; ingest rejects it as binary.
    CHECK_FALSE(first_invalid_utf8(std::string("a\0b", 3)));
}

TEST_CASE("core: ill-formed UTF-8 is found at its first byte", "[core][utf8]") {
    const std::pair<const char*, std::size_t> cases[] = {
        {"\x80", 0},               // lone continuation byte
        {"ab\xC3", 2},             // truncated at the end
        {"ab\xC3(", 2},            // continuation missing
        {"\xC0\xAF", 0},           // overlong '/'
        {"\xC1\xBF", 0},           // overlong
        {"x\xE0\x80\xAF", 1},      // overlong three-byte
        {"xy\xF0\x80\x80\xAF", 2}, // overlong four-byte
        {"\xED\xA0\x80", 0},       // UTF-16 surrogate
        {"\xF4\x90\x80\x80", 0},   // above U+10FFFF
        {"\xF5\x80\x80\x80", 0},   // never a lead byte
        {"\xFF", 0},
        {"ok \xE2\x82\xAC then \xE2\x82", 12}, // a good euro sign, then a truncated one
        {"\xE2\x28\xA1", 0},
    };
    for (const auto& [bytes, at] : cases) {
        INFO(bytes);
        CHECK(first_invalid_utf8(bytes) == std::optional<std::size_t>(at));
    }
}

TEST_CASE("core: a bad byte is found at every offset of a long ASCII run", "[core][utf8]") {
    // Long runs are checked eight bytes at a time: every offset inside and between the words.
    for (std::size_t at = 0; at < 40; ++at) {
        std::string s(41, 'a');
        s[at] = '\xFF';
        INFO(at);
        CHECK(first_invalid_utf8(s) == std::optional<std::size_t>(at));
        // A good two-byte character at the same place, then a truncated one at the end.
        s.replace(at, 1, "\xC3\xA9");
        s += "\xE2\x82";
        CHECK(first_invalid_utf8(s) == std::optional<std::size_t>(s.size() - 2));
    }
    CHECK_FALSE(first_invalid_utf8(std::string(64, 'z') + "\u2019" + std::string(9, 'z')));
}

TEST_CASE("core: decode_utf8 steps through code points", "[core][utf8]") {
    const std::string s = "a\u00E9\u2019\U0001F600z";
    std::size_t pos = 0;
    CHECK(decode_utf8(s, pos) == U'a');
    CHECK(pos == 1);
    CHECK(decode_utf8(s, pos) == U'\u00E9');
    CHECK(pos == 3);
    CHECK(decode_utf8(s, pos) == U'\u2019');
    CHECK(pos == 6);
    CHECK(decode_utf8(s, pos) == U'\U0001F600');
    CHECK(pos == 10);
    CHECK(decode_utf8(s, pos) == U'z');
    CHECK(pos == s.size());
}
