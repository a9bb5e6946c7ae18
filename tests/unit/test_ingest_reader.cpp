// Ingest over files written at test time in a fresh temporary folder.
#include "annals/ingest/reader.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace annals;
namespace fs = std::filesystem;

namespace {

/// A folder of its own under the system temporary folder, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = test::scratch_dir() / ("annals-ingest-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// Writes `bytes` to `relative` (creating folders) and returns its full path.
    fs::path write(const std::string& relative, const std::string& bytes) const {
        const auto p = path_ / relative;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << bytes;
        return p;
    }
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] std::string str() const { return path_.string(); }

  private:
    fs::path path_;
};

struct Read {
    std::vector<Document> docs;
    std::vector<InputProblem> problems;

    [[nodiscard]] std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& d : docs)
            out.push_back(d.id);
        return out;
    }
    [[nodiscard]] std::size_t rejected() const {
        std::size_t n = 0;
        for (const auto& p : problems)
            n += p.rejected ? 1 : 0;
        return n;
    }
};

Read read(const std::vector<std::string>& inputs, const IngestOptions& opts = {}) {
    Read r;
    read_inputs(
        inputs, opts, [&](Document&& d) { r.docs.push_back(std::move(d)); },
        [&](InputProblem&& p) { r.problems.push_back(std::move(p)); });
    return r;
}

Read read_stdin(const std::string& bytes, StdinFormat format = StdinFormat::auto_detect) {
    std::istringstream in(bytes);
    IngestOptions opts;
    opts.stdin_stream = &in;
    opts.stdin_format = format;
    return read({"-"}, opts);
}

} // namespace

TEST_CASE("ingest: a text file is one document, kept byte for byte", "[ingest]") {
    TempDir dir;
    const std::string text = "Headline\n\nMinisters met in Rome\u2019s palace on Monday.\r\n";
    const auto file = dir.write("story.txt", text);
    const auto r = read({file.string()});
    REQUIRE(r.problems.empty());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].id == "story.txt");
    CHECK(r.docs[0].text == text);
    CHECK_FALSE(r.docs[0].dct);
    CHECK_FALSE(r.docs[0].title);
}

TEST_CASE("ingest: a file larger than any read buffer is kept whole", "[ingest]") {
    TempDir dir;
    std::string text;
    for (int i = 0; text.size() < 300000; ++i)
        text += "Paragraph " + std::to_string(i) + ": the ministers met again in Rome.\n";
    const auto file = dir.write("long.txt", text);
    const auto r = read({file.string()});
    REQUIRE(r.problems.empty());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == text);
}

TEST_CASE("ingest: a named pipe, which reports no size, is read to its end", "[ingest]") {
    TempDir dir;
    const auto fifo = dir.path() / "feed.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string text;
    while (text.size() < 200000)
        text += "The talks in Geneva went on for a second day.\n";
    // The writer blocks in open() until the reader opens the pipe.
    std::thread writer([&] {
        std::ofstream out(fifo, std::ios::binary);
        out << text;
    });
    const auto r = read({fifo.string()});
    writer.join();
    REQUIRE(r.problems.empty());
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].text == text);
}

TEST_CASE("ingest: a folder is read recursively in sorted order, hidden and other files skipped",
          "[ingest]") {
    TempDir dir;
    dir.write("b/z.txt", "Zed.");
    dir.write("a/y.md", "# Why\n\nBecause.");
    dir.write("a.txt", "A.");
    dir.write("c.jsonl", "{\"text\": \"first\"}\n{\"id\": \"named\", \"text\": \"second\"}\n");
    dir.write("a/B.txt", "Capital B sorts before lower case.");
    dir.write(".hidden.txt", "never read");
    dir.write(".git/config.txt", "never read");
    dir.write("notes.csv", "never,read");
    dir.write("b/.cache/x.jsonl", "{\"text\": \"never read\"}\n");
    const auto r = read({dir.str()});
    CHECK(r.problems.empty());
    CHECK(r.ids() == std::vector<std::string>{"a.txt", "a/B.txt", "a/y.md", "b/z.txt", "c.jsonl:1", "named"});
}

TEST_CASE("ingest: inputs are read in the order given", "[ingest]") {
    TempDir dir;
    const auto second = dir.write("2.txt", "Two.");
    const auto first = dir.write("1.txt", "One.");
    const auto r = read({second.string(), first.string(), second.string()});
    CHECK(r.ids() == std::vector<std::string>{"2.txt", "1.txt", "2.txt"});
}

TEST_CASE("ingest: JSON Lines fields, ids and the id fallback", "[ingest]") {
    TempDir dir;
    const auto file =
        dir.write("news/feed.jsonl",
                  "{\"id\": \"a1\", \"text\": \"Alpha.\", \"date\": \"2021-06-30\", \"title\": \"T\", "
                  "\"url\": \"https://example.org/a\"}\n"
                  "\n"
                  "{\"text\": \"No id.\", \"date\": \"1998-02-06T22:19:00\"}\r\n"
                  "{\"id\": 42, \"text\": \"Numeric id.\", \"extra\": [1, 2]}\n");
    SECTION("from a file named on the command line") {
        const auto r = read({file.string()});
        CHECK(r.problems.empty());
        REQUIRE(r.docs.size() == 3);
        CHECK(r.docs[0].id == "a1");
        CHECK(r.docs[0].text == "Alpha.");
        CHECK(r.docs[0].dct == std::optional<std::string>("2021-06-30"));
        CHECK(r.docs[0].title == std::optional<std::string>("T"));
        CHECK(r.docs[0].url == std::optional<std::string>("https://example.org/a"));
        CHECK(r.docs[1].id == "feed.jsonl:3");
        CHECK(r.docs[1].dct == std::optional<std::string>("1998-02-06T22:19:00"));
        CHECK(r.docs[2].id == "42");
    }
    SECTION("from a folder: the fallback id carries the relative path") {
        const auto r = read({dir.str()});
        CHECK(r.ids() == std::vector<std::string>{"a1", "news/feed.jsonl:3", "42"});
    }
}

TEST_CASE("ingest: --dct fills documents without a date of their own", "[ingest]") {
    TempDir dir;
    const auto txt = dir.write("plain.txt", "Plain.");
    const auto jsonl = dir.write(
        "feed.jsonl", "{\"text\": \"Undated.\"}\n{\"text\": \"Dated.\", \"date\": \"2020-01-02\"}\n");
    IngestOptions opts;
    opts.dct = "2021-06-30";
    const auto r = read({txt.string(), jsonl.string()}, opts);
    REQUIRE(r.docs.size() == 3);
    CHECK(r.docs[0].dct == std::optional<std::string>("2021-06-30"));
    CHECK(r.docs[1].dct == std::optional<std::string>("2021-06-30"));
    CHECK(r.docs[2].dct == std::optional<std::string>("2020-01-02"));
}

TEST_CASE("ingest: a bad date is a warning and the document is kept", "[ingest]") {
    TempDir dir;
    const auto file = dir.write("feed.jsonl", "{\"text\": \"One.\", \"date\": \"2021-02-30\"}\n"
                                              "{\"text\": \"Two.\", \"date\": \"yesterday\"}\n"
                                              "{\"text\": \"Three.\", \"date\": 20210630}\n");
    IngestOptions opts;
    SECTION("without --dct the documents have none") {
        const auto r = read({file.string()}, opts);
        REQUIRE(r.docs.size() == 3);
        for (const auto& d : r.docs)
            CHECK_FALSE(d.dct);
        REQUIRE(r.problems.size() == 3);
        CHECK(r.rejected() == 0);
        CHECK(r.problems[0].code == DiagCode::bad_date);
        CHECK(r.problems[0].where.line == 1);
        CHECK(r.problems[1].code == DiagCode::bad_date);
        CHECK(r.problems[1].where.line == 2);
        CHECK(r.problems[2].code == DiagCode::bad_field);
        CHECK(r.problems[2].where.line == 3);
    }
    SECTION("with --dct they fall back to it") {
        opts.dct = "2021-06-30";
        const auto r = read({file.string()}, opts);
        REQUIRE(r.docs.size() == 3);
        for (const auto& d : r.docs)
            CHECK(d.dct == std::optional<std::string>("2021-06-30"));
    }
}

TEST_CASE("ingest: malformed, non-object and text-less lines are rejected with their line", "[ingest]") {
    TempDir dir;
    const auto file = dir.write("feed.jsonl", "{\"text\": \"Good one.\"}\n"
                                              "{\"text\": \"unterminated}\n"
                                              "[1, 2, 3]\n"
                                              "{\"title\": \"no text\"}\n"
                                              "{\"text\": 17}\n"
                                              "\"just a string\"\n"
                                              "{\"text\": \"Good two.\"}\n");
    const auto r = read({file.string()});
    CHECK(r.ids() == std::vector<std::string>{"feed.jsonl:1", "feed.jsonl:7"});
    REQUIRE(r.problems.size() == 5);
    CHECK(r.rejected() == 5);
    CHECK(r.problems[0].code == DiagCode::malformed_jsonl);
    CHECK(r.problems[0].where.line == 2);
    CHECK(r.problems[0].where.byte);
    CHECK(r.problems[0].where.str().rfind(file.string() + ":2: byte ", 0) == 0);
    CHECK(r.problems[1].code == DiagCode::not_an_object);
    CHECK(r.problems[1].where.line == 3);
    CHECK(r.problems[2].code == DiagCode::missing_text);
    CHECK(r.problems[2].where.line == 4);
    CHECK(r.problems[3].code == DiagCode::missing_text);
    CHECK(r.problems[3].where.line == 5);
    CHECK(r.problems[4].code == DiagCode::not_an_object);
    CHECK(r.problems[4].where.line == 6);
}

TEST_CASE("ingest: invalid UTF-8 is rejected with its line and byte offset", "[ingest]") {
    TempDir dir;
    SECTION("in a text file") {
        const auto file = dir.write("bad.txt", "Line one.\nLine \xC3\x28 two.\n");
        const auto r = read({file.string()});
        CHECK(r.docs.empty());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == DiagCode::invalid_utf8);
        CHECK(r.problems[0].rejected);
        CHECK(r.problems[0].where.line == 2);
        CHECK(r.problems[0].where.byte == std::optional<std::size_t>(15));
        CHECK(r.problems[0].where.str() == file.string() + ":2: byte 15");
    }
    SECTION("overlongs and surrogates are invalid too") {
        for (const char* bytes : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "abc\xE2\x82"}) {
            const auto file = dir.write("odd.txt", bytes);
            const auto r = read({file.string()});
            CHECK(r.docs.empty());
            REQUIRE(r.problems.size() == 1);
            CHECK(r.problems[0].code == DiagCode::invalid_utf8);
        }
    }
    SECTION("in a JSON Lines file, the other lines are kept") {
        const auto file = dir.write("feed.jsonl", "{\"text\": \"Good.\"}\n{\"text\": \"Bad \xFF.\"}\n");
        const auto r = read({file.string()});
        CHECK(r.docs.size() == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == DiagCode::invalid_utf8);
        CHECK(r.problems[0].where.line == 2);
        CHECK(r.problems[0].where.byte == std::optional<std::size_t>(14)); // offset in the line
        CHECK(r.problems[0].rejected);
    }
}

TEST_CASE("ingest: binary files and empty documents are rejected", "[ingest]") {
    TempDir dir;
    const auto binary = dir.write("image.txt", std::string("GIF89a\0\0\x01\x02", 10));
    const auto empty = dir.write("empty.txt", "");
    const auto blank = dir.write("blank.md", " \n\t\r\n");
    const auto nul_line =
        dir.write("feed.jsonl", "{\"text\": \"a\\u0000b\"}\n{\"text\": \"   \"}\n{\"text\": \"ok\"}\n");
    const auto r = read({binary.string(), empty.string(), blank.string(), nul_line.string()});
    CHECK(r.ids() == std::vector<std::string>{"feed.jsonl:3"});
    REQUIRE(r.problems.size() == 5);
    CHECK(r.problems[0].code == DiagCode::binary_file);
    CHECK(r.problems[0].where.byte == std::optional<std::size_t>(6));
    CHECK(r.problems[1].code == DiagCode::empty_document);
    CHECK(r.problems[2].code == DiagCode::empty_document);
    CHECK(r.problems[3].code == DiagCode::binary_file);
    CHECK(r.problems[3].where.line == 1);
    CHECK(r.problems[4].code == DiagCode::empty_document);
    CHECK(r.problems[4].where.line == 2);
    CHECK(r.rejected() == 5);
}

TEST_CASE("ingest: a missing input is reported and the rest is read", "[ingest]") {
    TempDir dir;
    const auto good = dir.write("good.txt", "Good.");
    const auto r = read({(dir.path() / "absent.txt").string(), good.string()});
    CHECK(r.ids() == std::vector<std::string>{"good.txt"});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].code == DiagCode::unreadable);
    CHECK(r.problems[0].rejected);
}

TEST_CASE("ingest: stdin is text or JSON Lines", "[ingest]") {
    SECTION("plain text is one document") {
        const auto r = read_stdin("Ministers met.\n{not json}\n");
        REQUIRE(r.docs.size() == 1);
        CHECK(r.docs[0].id == "stdin");
        CHECK(r.docs[0].text == "Ministers met.\n{not json}\n");
    }
    SECTION("a leading brace means JSON Lines") {
        const auto r = read_stdin("  {\"text\": \"One.\"}\n{\"id\": \"x\", \"text\": \"Two.\"}\n");
        CHECK(r.ids() == std::vector<std::string>{"stdin:1", "x"});
        CHECK(r.problems.empty());
    }
    SECTION("the format can be forced") {
        const auto as_text = read_stdin("{\"text\": \"One.\"}\n", StdinFormat::text);
        REQUIRE(as_text.docs.size() == 1);
        CHECK(as_text.docs[0].text == "{\"text\": \"One.\"}\n");
        const auto as_jsonl = read_stdin("One.\n", StdinFormat::jsonl);
        CHECK(as_jsonl.docs.empty());
        REQUIRE(as_jsonl.problems.size() == 1);
        CHECK(as_jsonl.problems[0].code == DiagCode::malformed_jsonl);
        CHECK(as_jsonl.problems[0].where.file == "-");
        CHECK(as_jsonl.problems[0].where.line == 1);
    }
    SECTION("bad stdin is reported as '-'") {
        const auto r = read_stdin("caf\xE9\n");
        CHECK(r.docs.empty());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where.str() == "-:1: byte 3");
    }
}

TEST_CASE("ingest: check_dct accepts ISO dates and date-times only", "[ingest]") {
    for (const char* ok :
         {"2021-06-30", "1998-01-08T18:30", "1998-02-06T22:19:00", "2024-02-29", "2021-06-30T10:00:00Z"})
        CHECK_FALSE(check_dct(ok));
    for (const char* bad :
         {"", "2021-02-30", "2023-02-29", "30/06/2021", "June 30, 2021", "2021-13-01", "2021-06-30T24:00"}) {
        INFO(bad);
        REQUIRE(check_dct(bad));
        CHECK_THAT(*check_dct(bad), Catch::Contains("ISO 8601"));
    }
}
