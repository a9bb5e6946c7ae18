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

/// Extracts every input and writes one record per line to `out`; reports problems on
/// stderr. Returns the exit status (bad_input when anything was rejected).
int run_to_stream(const ExtractionFlags& flags, std::ostream& out);

} // namespace annals::cli
