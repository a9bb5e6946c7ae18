// An interrupted write must leave the previous store intact: a child process is killed with
// SIGKILL in the middle of its save transaction, then the store is opened and queried.
#include "test_graph_util.hpp"

#include "annals/graph/query.hpp"
#include "annals/graph/synthetic.hpp"
#include "annals/record/json_writer.hpp"
#include "annals/store/build_outputs.hpp"
#include "annals/store/store.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace annals;

namespace {

/// The child: merges many synthetic documents and signals the parent once the save has
/// written rows, then keeps writing until it is killed.
[[noreturn]] void child(const std::string& path, int fd) {
    try {
        StoreMerge m(path, MergeOptions{});
        for (std::size_t i = 0; i < 3000; ++i) {
            const Extraction x = synthetic_document(i, SyntheticOptions{});
            m.add(x, content_hash(to_json(x)), true);
        }
        bool told = false;
        (void)m.commit([&](std::size_t) {
            if (told) return;
            told = true;
            const char c = 'x';
            (void)!write(fd, &c, 1);
            ::sleep(30); // wait to be killed mid-transaction
        });
    } catch (...) {
    }
    _exit(3);
}

/// Forks `child`, waits until it is inside its save, kills it; true when it died by the signal.
bool kill_midway(const std::string& path) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        child(path, fds[1]);
    }
    close(fds[1]);
    char c = 0;
    const auto n = read(fds[0], &c, 1);
    close(fds[0]);
    REQUIRE(n == 1); // the child is inside its save transaction
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

} // namespace

TEST_CASE("store: a first build killed midway leaves an empty store that opens", "[store]") {
    const auto path = graph_test::fresh_path("store_killed_first.db");
    const std::string empty = Store(path, true).dump();
    CHECK(kill_midway(path));
    const Store s(path, false);
    CHECK(s.dump() == empty);
    CHECK(s.document_count() == 0);
    const auto again = graph_test::fresh_path("store_after_kill.db");
    (void)merge_record_files({graph_test::record_file("a.jsonl")}, path, MergeOptions{}, [](RecordProblem&&) {});
    (void)merge_record_files({graph_test::record_file("a.jsonl")}, again, MergeOptions{}, [](RecordProblem&&) {});
    CHECK(Store(path, false).dump() == Store(again, false).dump());
}

TEST_CASE("store: a build killed midway leaves the previous store intact", "[store]") {
    const auto path = graph_test::fresh_path("store_killed.db");
    (void)merge_record_files({graph_test::record_file("a.jsonl")}, path, MergeOptions{}, [](RecordProblem&&) {});
    const std::string before = Store(path, false).dump();
    CHECK(kill_midway(path));
    const Store s(path, false);
    CHECK(s.dump() == before);
    const auto kg = s.load();
    const auto a = kg.find("organization:northern-accord");
    REQUIRE(a);
    CHECK(relations_table(kg, *a, std::nullopt).rows.size() == 1);
}
