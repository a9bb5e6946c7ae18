// The record writer copies strings that need no escaping without RapidJSON's per-byte loop;
// its output must stay exactly what RapidJSON writes, for every byte at every position.
#include "annals/core/json_out.hpp"

#include <catch2/catch.hpp>

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
    // Every byte value at every position of strings up to 19 bytes long covers both the
    // eight-byte steps and the tail of the escape check.
    for (std::size_t len = 1; len < 20; ++len) {
        for (std::size_t pos = 0; pos < len; ++pos) {
            for (int b = 1; b < 256; ++b) {
                std::string s(len, 'a');
                s[pos] = static_cast<char>(b);
                INFO("length " << len << ", byte " << b << " at " << pos);
                REQUIRE(ours(s) == rapidjsons(s));
            }
        }
    }
    CHECK(ours("") == rapidjsons(""));
    CHECK(ours("Daesh \"ISIS\"\\\n") == "{\"Daesh \\\"ISIS\\\"\\\\\\n\":\"Daesh \\\"ISIS\\\"\\\\\\n\"}");
    CHECK(ours("Zürich ✓") == rapidjsons("Zürich ✓"));
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
