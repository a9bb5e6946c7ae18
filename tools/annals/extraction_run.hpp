#pragma once
// The input flags shared by extract and build, and the run that writes records.

#include "cli.hpp"

#include "annals/record/extraction.hpp"

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace annals::cli {

struct ExtractionFlags {
    std::vector<std::string> inputs;
    std::string dct;
    std::string data_dir;
    std::string stdin_format = "auto";
    std::string mode = "news";
    std::vector<std::string> dictionaries;
    std::vector<std::string> triggers;
    unsigned threads = 1;
};

/// Adds INPUT..., --dct, -j, --data-dir, --stdin-format, --mode and --dictionary to `cmd`.
void add_extraction_flags(CLI::App& cmd, ExtractionFlags& flags);

/// Extracts every input and calls `each` with each record and its JSON line, in input order;
/// reports problems on stderr. Returns the exit status (bad_input when anything was rejected).
int run_with_flags(const ExtractionFlags& flags, const std::function<void(const Extraction&, std::string_view)>& each);

/// Writes JSON lines to a stream in writes of about 1 MiB. libstdc++'s filebuf hands anything
/// over 1 KiB to the kernel in a system call of its own, one per record, and on a virtual
/// machine those calls cost as much as extracting a short document. The destructor writes
/// what is left, so the records finished before a failure are kept.
class LineWriter {
public:
    explicit LineWriter(std::ostream& out);
    ~LineWriter() { flush(); }
    LineWriter(const LineWriter&) = delete;
    LineWriter& operator=(const LineWriter&) = delete;

    /// Adds `line` and a newline.
    void add(std::string_view line);
    /// Writes what is gathered to the stream (not flushing the stream itself).
    void flush();

private:
    std::ostream& out_;
    std::string pending_;
};

/// Extracts every input and writes one record per line to `out`; reports problems on
/// stderr. Returns the exit status (bad_input when anything was rejected).
int run_to_stream(const ExtractionFlags& flags, std::ostream& out);

} // namespace annals::cli
