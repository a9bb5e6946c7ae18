// The record writer's and the tokenizer's fast paths (several bytes at a time, spellings kept
// for reuse, pieces written under one room check) must give exactly what the plain paths give:
// RapidJSON's bytes for JSON, and the byte-by-byte tokenization for words at every offset.
#include "annals/core/json_append.hpp"
#include "annals/text/segment.hpp"

#include <catch2/catch.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string written(const rapidjson::StringBuffer& buf) { return {buf.GetString(), buf.GetSize()}; }

std::vector<std::string> token_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : annals::segment(text).tokens) out.emplace_back(t.span.of(text));
    return out;
}

} // namespace

TEST_CASE("records: a key and its string are written as RapidJSON writes them", "[records][speed4]") {
    // Every byte value at every position of strings up to 40 bytes, after a key, into storage
    // that starts empty: the short path, the sixteen-byte blocks with an overlapping last one,
    // and growth are all taken.
    for (std::size_t len = 0; len < 41; ++len) {
        for (std::size_t pos = 0; pos < std::max<std::size_t>(len, 1); ++pos) {
            for (int b = 0; b < 256; b += len == 0 ? 256 : 1) {
                std::string s(len, 'q');
                if (len > 0) s[pos] = static_cast<char>(b);
                std::string storage;
                annals::json::Appender o(storage);
                o.field(R"({"k":)", s);
                o.field(R"(,"long key for the room test":)", s);
                o.raw('}');
                rapidjson::StringBuffer buf;
                Writer w(buf);
                w.StartObject();
                w.Key("k");
                w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
                w.Key("long key for the room test");
                w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
                w.EndObject();
                INFO("length " << len << ", byte " << b << " at " << pos);
                REQUIRE(std::string(o.view()) == written(buf));
            }
        }
    }
}

TEST_CASE("records: integers and spans are written as RapidJSON writes them", "[records][speed4]") {
    std::vector<std::uint64_t> values = {std::numeric_limits<std::uint64_t>::max(), 4294967295u, 4294967296u};
    for (std::uint64_t p = 1; p <= 10000000; p *= 10)
        for (const std::uint64_t d : {p - 1, p, p + 1, 2 * p + 7, 9 * p}) values.push_back(d);
    std::string storage(3, ' ');
    annals::json::Appender o(storage);
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    o.raw('[');
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) o.raw(',');
        o.uint(values[i]);
        o.raw(',');
        o.uint_pair(values[i], values[values.size() - 1 - i]);
        w.Uint64(values[i]);
        w.StartArray();
        w.Uint64(values[i]);
        w.Uint64(values[values.size() - 1 - i]);
        w.EndArray();
    }
    o.raw(']');
    w.EndArray();
    CHECK(std::string(o.view()) == written(buf));
}

TEST_CASE("records: doubles written again are spelled as the first time", "[records][speed4]") {
    // More distinct values than the table of spellings has slots, each written several times
    // in an order that makes them evict one another; signed zeros differ only in their bits.
    std::vector<double> values = {0.5, 0.8, 0.6, 0.9, -0.0, 0.0, 1.0, 1e-7, 1e300, -12.25, 41.9028, 1.0 / 3};
    for (int i = 1; i < 40; ++i) values.push_back(i * 0.37 - 3);
    std::string storage;
    annals::json::Appender o(storage);
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartArray();
    o.raw('[');
    bool first = true;
    for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double d = values[(i * 7 + static_cast<std::size_t>(round)) % values.size()];
            if (!first) o.raw(',');
            first = false;
            o.number(d);
            w.Double(d);
        }
    }
    o.raw(']');
    w.EndArray();
    CHECK(std::string(o.view()) == written(buf));
}

TEST_CASE("text: a word ends where it ends at every offset from the word's start", "[text][speed4]") {
    // Words are scanned eight bytes at a time while eight remain: put each kind of end at
    // every offset, near the end of the text too.
    const std::vector<std::pair<std::string, std::vector<std::string>>> ends = {
        {" ", {"", "bc"}},              // white space: two words
        {"\xC3\xA9", {"\xC3\xA9" "bc"}}, // é: a letter, one word
        {"\xE2\x80\x94", {"\xE2\x80\x94", "bc"}}, // EM DASH: three tokens
        {"5", {"5bc"}},                  // a digit continues the word
        {",", {",", "bc"}},
    };
    for (std::size_t len = 1; len < 20; ++len) {
        for (const auto& [end, rest] : ends) {
            for (const bool tail : {false, true}) {
                const std::string word(len, 'a');
                const std::string text = word + end + (tail ? "bc" : "");
                std::vector<std::string> expected;
                if (rest.size() == 1) {
                    expected = {tail ? word + rest[0] : word + end};
                } else if (rest[0].empty()) {
                    expected = {word};
                    if (tail) expected.push_back("bc");
                } else {
                    expected = {word, rest[0]};
                    if (tail) expected.push_back("bc");
                }
                INFO("word of " << len << " letters, then '" << end << "'" << (tail ? " and more" : ""));
                CHECK(token_texts(text) == expected);
            }
        }
    }
}

TEST_CASE("text: numbers and words are told apart across eight-byte blocks", "[text][speed4]") {
    const auto kind = [](std::string_view text) {
        const auto seg = annals::segment(text);
        REQUIRE(seg.tokens.size() == 1);
        return seg.tokens[0].kind;
    };
    CHECK(kind("1234567890123") == annals::TokenKind::number);
    CHECK(kind("12345678km") == annals::TokenKind::number);      // a unit after the digits
    CHECK(kind("1234567890abcd") == annals::TokenKind::word);    // four letters are no unit
    CHECK(kind("abcdefgh12345678") == annals::TokenKind::word);
    CHECK(kind("12345678\xC3\xA9") == annals::TokenKind::word);  // a non-ASCII letter
    CHECK(kind("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == annals::TokenKind::word);
    CHECK(token_texts("Zz@[`{/:09") == std::vector<std::string>{"Zz", "@", "[", "`", "{", "/", ":", "09"});
}

TEST_CASE("records: pairs of strings and keyed numbers are written as RapidJSON writes them", "[records][speed4]") {
    // Both strings short, either long, either with a byte to escape, and storage that starts
    // too small, so that every path of the single room check is taken.
    const std::vector<std::string> strings = {"", "a", "2021-06-28", "exactly sixteen!", "seventeen bytes!!",
                                              "quote \" inside", "tab\there", std::string(40, 'z')};
    for (const auto& a : strings) {
        for (const auto& b : strings) {
            std::string storage(2, ' ');
            annals::json::Appender o(storage);
            o.raw('{');
            o.strings(a, ':', b);
            o.field_uint(R"(,"n":)", a.size() * 1000 + b.size());
            o.field_uint_pair(R"(,"span":)", a.size(), 123456789);
            o.raw(R"(,"list":[)");
            o.strings(a, ',', b);
            o.raw("]}");
            rapidjson::StringBuffer buf;
            Writer w(buf);
            w.StartObject();
            w.Key(a.data(), static_cast<rapidjson::SizeType>(a.size()));
            w.String(b.data(), static_cast<rapidjson::SizeType>(b.size()));
            w.Key("n");
            w.Uint64(a.size() * 1000 + b.size());
            w.Key("span");
            w.StartArray();
            w.Uint64(a.size());
            w.Uint64(123456789);
            w.EndArray();
            w.Key("list");
            w.StartArray();
            w.String(a.data(), static_cast<rapidjson::SizeType>(a.size()));
            w.String(b.data(), static_cast<rapidjson::SizeType>(b.size()));
            w.EndArray();
            w.EndObject();
            INFO("'" << a << "' and '" << b << "'");
            CHECK(std::string(o.view()) == written(buf));
        }
    }
}
