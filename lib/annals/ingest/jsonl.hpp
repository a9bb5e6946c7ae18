#pragma once
/// JSON Lines input: one document object per line.

#include "annals/ingest/reader.hpp"

#include <istream>

namespace annals::detail {

/// Reads `in` line by line; `file` names it in messages, `id_base` in the ids of documents
/// that carry none ("<id_base>:<line>"). A line that is blank is
/// skipped; a line that is not a JSON object with a string `text` is reported and skipped.
void read_jsonl(std::istream& in, const std::string& file, const std::string& id_base, const IngestOptions& opts, const OnDocument& on_doc,
                const OnProblem& on_problem);

/// Parses one line (1-based `line_no`) into a document, or reports why it cannot.
void read_jsonl_line(std::string_view line, const std::string& file, const std::string& id_base,
                     std::size_t line_no, const IngestOptions& opts, const OnDocument& on_doc, const OnProblem& on_problem);

} // namespace annals::detail
