// Files that appear whole: regular files are replaced on commit, links are written through,
// and devices and pipes are written in place, never replaced by a file.
#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace annals;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void spill(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

/// The files in `dir` (a temporary file left behind would show here).
std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

} // namespace

TEST_CASE("atomic file: a regular file is replaced only on commit", "[core][atomic_file]") {
    const auto dir = test::scratch_dir() / "atomic-regular";
    fs::create_directories(dir);
    const auto path = dir / "out.txt";
    spill(path, "old");
    {
        AtomicFile f(path);
        f.stream() << "new";
        CHECK(slurp(path) == "old"); // not yet
        f.commit();
    }
    CHECK(slurp(path) == "new");
    {
        AtomicFile f(path);
        f.stream() << "lost";
    } // no commit: the old file stays, and no temporary file is left
    CHECK(slurp(path) == "new");
    CHECK(entries(dir) == 1);
}

TEST_CASE("atomic file: a symbolic link is written through and stays a link", "[core][atomic_file]") {
    const auto dir = test::scratch_dir() / "atomic-link";
    fs::create_directories(dir);
    spill(dir / "target.txt", "old");
    fs::create_symlink("target.txt", dir / "link.txt");
    AtomicFile f(dir / "link.txt");
    f.stream() << "new";
    f.commit();
    CHECK(fs::is_symlink(dir / "link.txt"));
    CHECK(slurp(dir / "target.txt") == "new");
    CHECK(entries(dir) == 2);
}

TEST_CASE("atomic file: a named pipe is written in place, not replaced by a file", "[core][atomic_file]") {
    // The same path as /dev/null or /dev/stdout takes; a pipe is one a test may make itself.
    const auto dir = test::scratch_dir() / "atomic-fifo";
    fs::create_directories(dir);
    const auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // A reader that does not wait for a writer, so that the test cannot hang: opening the pipe
    // for writing then finds a reader, and the few bytes fit in the pipe's buffer.
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    {
        AtomicFile f(fifo);
        f.stream() << "through the pipe";
        f.commit();
    }
    char buf[64];
    const auto got = ::read(reader, buf, sizeof buf);
    ::close(reader);
    CHECK(std::string(buf, got > 0 ? static_cast<std::size_t>(got) : 0) == "through the pipe");
    CHECK(fs::is_fifo(fifo));
    CHECK(entries(dir) == 1);
}

TEST_CASE("atomic file: a file in a missing folder is an io error naming it", "[core][atomic_file]") {
    const auto path = test::scratch_dir() / "no-such-folder" / "out.txt";
    try {
        AtomicFile f(path);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::io);
        CHECK(std::string(e.what()).find("out.txt") != std::string::npos);
    }
}
