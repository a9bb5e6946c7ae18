// The JSON writers skip RapidJSON's per-byte loop for strings that need no escaping (json::Writer)
// or do without RapidJSON's writer altogether (json::Appender, the record writer); their output
// must stay exactly what RapidJSON writes, for every byte at every position.
#include "annals/core/json_append.hpp"
#include "annals/core/json_out.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace {

std::string ours(const std::string& s) {
    rapidjson::StringBuffer buf;
    annals::json::Writer w(buf);
    w.StartObject();
    annals::json::key(w, s);
    annals::json::put(w, s);
    w.EndObject();
    return buf.GetString();
}

// The same object through the appending writer, into storage that starts empty so that the
// growth path is taken too.
std::string appended(const std::string& s) {
    std::string storage;
    annals::json::Appender o(storage);
    o.raw('{');
    o.string(s);
    o.raw(':');
    o.string(s);
    o.raw('}');
    return std::string(o.view());
}

std::string rapidjsons(const std::string& s) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    w.EndObject();
    return buf.GetString();
}

} // namespace

TEST_CASE("json: strings are written as RapidJSON writes them, byte for byte", "[core][json]") {
    // Every byte value at every position of strings up to 35 bytes long covers every path of
    // the escape checks: one to three bytes, half words, whole words with an overlapping last
    // one, and several words.
    for (std::size_t len = 1; len < 36; ++len) {
        for (std::size_t pos = 0; pos < len; ++pos) {
            for (int b = 0; b < 256; ++b) {
                std::string s(len, 'a');
                s[pos] = static_cast<char>(b);
                INFO("length " << len << ", byte " << b << " at " << pos);
                const std::string expected = rapidjsons(s);
                REQUIRE(appended(s) == expected);
                REQUIRE(ours(s) == expected);
            }
        }
    }
    CHECK(ours("") == rapidjsons(""));
    CHECK(appended("") == rapidjsons(""));
    CHECK(ours("Daesh \"ISIS\"\\\n") == "{\"Daesh \\\"ISIS\\\"\\\\\\n\":\"Daesh \\\"ISIS\\\"\\\\\\n\"}");
    CHECK(appended("Daesh \"ISIS\"\\\n") == ours("Daesh \"ISIS\"\\\n"));
    CHECK(ours("Zürich ✓") == rapidjsons("Zürich ✓"));
    CHECK(appended("Zürich ✓") == rapidjsons("Zürich ✓"));
    const std::string all_controls = [] {
        std::string s;
        for (int c = 0; c < 0x20; ++c) s += static_cast<char>(c);
        return s + "\"\\/\x7f";
    }();
    CHECK(appended(all_controls) == rapidjsons(all_controls));
    const std::string long_text(5000, 'x');
    CHECK(appended(long_text + "\n" + long_text) == rapidjsons(long_text + "\n" + long_text));
}

TEST_CASE("json: keys spelled in the source are written as any other key", "[core][json]") {
    rapidjson::StringBuffer buf;
    annals::json::Writer w(buf);
    w.StartObject();
    annals::json::key(w, "span");
    w.StartArray();
    w.Uint64(1);
    w.EndArray();
    annals::json::key(w, std::string_view("text"));
    annals::json::put(w, "a");
    annals::json::key(w, "x");
    w.Null();
    w.EndObject();
    CHECK(std::string(buf.GetString()) == R"({"span":[1],"text":"a","x":null})");
}

TEST_CASE("json: the appending writer writes numbers as RapidJSON does", "[core][json]") {
    const std::uint64_t ints[] = {0, 7, 10, 99, 12345, 4294967296u, std::numeric_limits<std::uint64_t>::max()};
    const double doubles[] = {0.0, -0.0, 1.0, 0.5, 0.85, 1.0 / 3, -12.25, 41.9028, 12.4964, 1e-7, 1e300, 123456789.125};
    std::string storage(4, ' '); // small: the writes grow it
    annals::json::Appender o(storage);
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartArray();
    o.raw('[');
    const char* sep = "";
    for (const auto u : ints) {
        w.Uint64(u);
        if (*sep) o.raw(',');
        sep = ",";
        o.uint(u);
    }
    for (const auto d : doubles) {
        w.Double(d);
        o.raw(',');
        o.number(d);
    }
    w.Null();
    o.raw(',');
    o.null();
    w.EndArray();
    o.raw(']');
    CHECK(std::string(o.view()) == buf.GetString());
}

TEST_CASE("json: the appending writer writes a double JSON cannot spell as null", "[core][json]") {
    std::string storage;
    annals::json::Appender o(storage, 64);
    o.number(std::numeric_limits<double>::quiet_NaN());
    o.raw(',');
    o.number(-std::numeric_limits<double>::infinity());
    CHECK(std::string(o.view()) == "null,null");
}
