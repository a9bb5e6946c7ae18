#include "test_graph_util.hpp"

#include "annals/core/error.hpp"
#include "annals/export/node_link.hpp"
#include "annals/store/build_outputs.hpp"
#include "annals/store/store.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <fstream>

using namespace annals;
using graph_test::fresh_path;
using graph_test::record_file;

namespace {

RecordMergeReport merge(const std::string& store, std::vector<const char*> files) {
    std::vector<std::string> paths;
    for (const char* f : files) paths.push_back(record_file(f));
    return merge_record_files(paths, store, MergeOptions{}, [](RecordProblem&&) {});
}

void exec(const std::string& db, const char* sql) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    CHECK(sqlite3_exec(h, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
}

std::string error_of(const std::string& path) {
    try {
        Store s(path, false);
    } catch (const Error& e) {
        CHECK(e.code() == Errc::bad_store);
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("store: a saved graph loads back identical", "[store]") {
    const auto kg = graph_test::graph_of({"a.jsonl", "b.jsonl"});
    const auto path = fresh_path("store_roundtrip.db");
    {
        Store s(path, true);
        s.save(kg);
    }
    const Store s(path, false);
    const auto back = s.load();
    CHECK(to_node_link_json(back) == to_node_link_json(kg));
    CHECK(back.documents.size() == 4);
    CHECK(s.document_count() == 4);
}

TEST_CASE("store: merging A then B dumps the same bytes as B then A, or both at once", "[store]") {
    const auto ab = fresh_path("store_ab.db"), ba = fresh_path("store_ba.db"), both = fresh_path("store_both.db");
    merge(ab, {"a.jsonl"});
    merge(ab, {"b.jsonl"});
    merge(ba, {"b.jsonl"});
    merge(ba, {"a.jsonl"});
    merge(both, {"b.jsonl", "a.jsonl"});
    const std::string dump = Store(ab, false).dump();
    CHECK(dump.find("documents\tworld/b2.txt") != std::string::npos);
    CHECK(Store(ba, false).dump() == dump);
    CHECK(Store(both, false).dump() == dump);
}

TEST_CASE("store: re-adding the same documents changes nothing", "[store]") {
    const auto path = fresh_path("store_again.db");
    CHECK(merge(path, {"a.jsonl"}).written);
    const std::string before = Store(path, false).dump();
    const auto r = merge(path, {"a.jsonl"});
    CHECK_FALSE(r.written);
    CHECK(r.unchanged == 2);
    CHECK(r.added == 0);
    CHECK(Store(path, false).dump() == before);
}

TEST_CASE("store: another version or another file is refused with a clear message", "[store]") {
    const auto path = fresh_path("store_version.db");
    merge(path, {"a.jsonl"});
    exec(path, "UPDATE meta SET value = '99' WHERE name = 'version'");
    CHECK_THAT(error_of(path), Catch::Contains("store version 99, this annals reads version 2"));
    const auto other = fresh_path("store_other.db");
    exec(other, "CREATE TABLE t(x)");
    CHECK_THAT(error_of(other), Catch::Contains("not an annals store"));
    const auto text = fresh_path("store_text.db");
    std::ofstream(text) << "this is not a database, not even close; it is just some text long enough\n";
    CHECK_THAT(error_of(text), Catch::Contains("not an annals store"));
    CHECK_THAT(error_of("no/such/store.db"), Catch::Contains("no such store"));
}

TEST_CASE("store: values with quotes and SQL in them are bound, not spliced", "[store]") {
    const auto path = fresh_path("store_quotes.db");
    merge(path, {"b.jsonl"});
    const auto kg = Store(path, false).load();
    const auto v = kg.find("organization:iron-gate");
    REQUIRE(v);
    CHECK(kg[*v].name == "The \"Iron\\Gate\" <Group>");
}
