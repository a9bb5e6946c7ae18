#include "annals/ingest/reader.hpp"

#include "annals/core/date.hpp"
#include "annals/ingest/jsonl.hpp"
#include "annals/ingest/text_file.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace annals {
namespace fs = std::filesystem;
namespace {

enum class FileKind { text, jsonl, other };

FileKind kind_of(const fs::path& p) {
    const auto ext = p.extension().string();
    if (ext == ".txt" || ext == ".md") return FileKind::text;
    if (ext == ".jsonl") return FileKind::jsonl;
    return FileKind::other;
}

// A whole input that cannot be read. Built by a function rather than in braces at each call:
// GCC 12 took the braced temporaries for uninitialized strings (-Wmaybe-uninitialized).
InputProblem unreadable(std::string file, std::string message) {
    InputProblem p;
    p.code = DiagCode::unreadable;
    p.where.file = std::move(file);
    p.message = std::move(message);
    return p;
}

// A file descriptor closed on every path out.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

// One open, one fstat, and reads straight into the string. std::ifstream plus
// std::filesystem::file_size cost a path lookup and a stream per file, which shows when a
// folder holds thousands of short news items.
std::optional<std::string> slurp(const fs::path& p) {
    const Fd file{::open(p.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) return std::nullopt;
    struct stat st {};
    const bool sized = ::fstat(file.fd, &st) == 0 && st.st_size > 0;
    // A regular file returns fewer bytes than asked for only at its end, so one read of one
    // byte more than its size is the whole file: the read that returns 0 is saved, a tenth of
    // the system calls of a folder of short news items. Files that grow while read, or report
    // no size (pipes), are read until read() returns 0.
    const bool regular = sized && S_ISREG(st.st_mode);
    std::size_t capacity = sized ? static_cast<std::size_t>(st.st_size) + 1 : 65536;
    std::size_t used = 0;
    std::string out;
    for (;;) {
        out.resize(capacity);
        const ssize_t n = ::read(file.fd, out.data() + used, capacity - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
        if (used == capacity) {
            capacity *= 2;
        } else if (regular) {
            break;
        }
    }
    out.resize(used);
    return out;
}

void read_file(const fs::path& path, const std::string& id, const IngestOptions& opts, const OnDocument& on_doc,
               const OnProblem& on_problem) {
    const std::string shown = path.string();
    if (kind_of(path) == FileKind::jsonl) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            on_problem(unreadable(shown, "cannot open"));
            return;
        }
        detail::read_jsonl(in, shown, id, opts, on_doc, on_problem);
        return;
    }
    auto text = slurp(path);
    if (!text) {
        on_problem(unreadable(shown, "cannot read"));
        return;
    }
    detail::read_text_document(std::move(*text), id, shown, opts, on_doc, on_problem);
}

struct ListedFile {
    std::string id; ///< the path relative to the folder, '/'-separated: the document id and the order
    fs::path path;
};

// Hidden entries (dot-files, .git) are skipped; so are files that are neither text nor JSONL.
// The relative id is computed once per file: lexically_relative inside the sort comparator
// cost more than reading the files of a large folder.
std::vector<ListedFile> list_folder(const fs::path& root, const OnProblem& on_problem) {
    std::vector<ListedFile> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && kind_of(it->path()) != FileKind::other)
            files.push_back({it->path().lexically_relative(root).generic_string(), it->path()});
    }
    if (ec) on_problem(unreadable(root.string(), ec.message()));
    std::sort(files.begin(), files.end(), [](const ListedFile& a, const ListedFile& b) { return a.id < b.id; });
    return files;
}

bool looks_like_jsonl(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

void read_stdin(const IngestOptions& opts, const OnDocument& on_doc, const OnProblem& on_problem) {
    std::istream& in = opts.stdin_stream ? *opts.stdin_stream : std::cin;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool jsonl = opts.stdin_format == StdinFormat::jsonl ||
                       (opts.stdin_format == StdinFormat::auto_detect && looks_like_jsonl(text));
    if (jsonl) {
        std::istringstream lines(std::move(text));
        detail::read_jsonl(lines, "-", "stdin", opts, on_doc, on_problem);
    } else {
        detail::read_text_document(std::move(text), "stdin", "-", opts, on_doc, on_problem);
    }
}

} // namespace

std::optional<std::string> check_dct(const std::string& dct) {
    if (parse_iso_datetime(dct)) return std::nullopt;
    return "\"" + dct + "\" is not an ISO 8601 date or date-time (2021-06-30, 2021-06-30T18:30)";
}

void read_inputs(const std::vector<std::string>& inputs, const IngestOptions& opts, const OnDocument& on_doc,
                 const OnProblem& on_problem) {
    for (const auto& input : inputs) {
        if (input == "-") {
            read_stdin(opts, on_doc, on_problem);
            continue;
        }
        const fs::path path(input);
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            on_problem(unreadable(input, "no such file or folder"));
            continue;
        }
        if (fs::is_directory(status)) {
            for (const auto& file : list_folder(path, on_problem)) read_file(file.path, file.id, opts, on_doc, on_problem);
        } else {
            read_file(path, path.filename().string(), opts, on_doc, on_problem);
        }
    }
}

} // namespace annals
