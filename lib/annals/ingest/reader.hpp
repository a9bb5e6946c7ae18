#pragma once
/// Ingest: turns files, folders, JSON Lines and stdin into Documents.

#include "annals/core/diagnostic.hpp"
#include "annals/core/document.hpp"

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace annals {

/// How standard input (`-`) is read.
enum class StdinFormat { auto_detect, text, jsonl };

struct IngestOptions {
    std::optional<std::string> dct; ///< used when a document carries no date of its own
    StdinFormat stdin_format = StdinFormat::auto_detect;
    std::istream* stdin_stream = nullptr; ///< what `-` reads; nullptr reads std::cin
};

/// A problem with one input. `rejected` means a document (or file) was dropped;
/// otherwise the document was kept and the problem is a warning.
struct InputProblem {
    DiagCode code = DiagCode::unreadable;
    Location where;
    std::string message;
    bool rejected = true;
};

using OnDocument = std::function<void(Document&&)>;
using OnProblem = std::function<void(InputProblem&&)>;

/// Reads every input in order and hands each document to `on_doc` as soon as it is read,
/// so memory stays bounded by the largest document. An input is a `.txt`/`.md` file (one
/// document, id = its path relative to the input root), a `.jsonl` file (one document per
/// line), a folder (read recursively in sorted order, hidden entries skipped) or `-`.
/// Problems (a missing input among them) go to `on_problem` and reading goes on; nothing is
/// thrown for bad input. Callbacks run on the calling thread.
void read_inputs(const std::vector<std::string>& inputs, const IngestOptions& opts, const OnDocument& on_doc,
                 const OnProblem& on_problem);

/// Checks a DCT given on the command line or in a record: nullopt when it is a valid
/// ISO 8601 date or date-time, otherwise a message saying what is wrong.
[[nodiscard]] std::optional<std::string> check_dct(const std::string& dct);

} // namespace annals
