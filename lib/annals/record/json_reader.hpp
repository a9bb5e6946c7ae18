#pragma once
/// Parses `annals.document/1` records (one JSON object per line) back into Extractions.

#include "annals/record/extraction.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace annals {

/// Parses one record. `where` names it in messages ("file:line"). The record does not carry
/// the document text, so `doc.text` is rebuilt from the pieces the record quotes (mention,
/// timex and trigger texts at their spans, spaces elsewhere): enough for to_json() to give
/// back the same bytes, `to_json(read_json(to_json(x))) == to_json(x)`. Throws
/// Error(Errc::bad_input, where, what is wrong and at which field) for a malformed record.
/// Thread-safe.
[[nodiscard]] Extraction read_json(std::string_view line, const std::string& where);

/// A record line that could not be read: its place and what is wrong.
struct RecordProblem {
    std::string where; ///< "file:line"
    std::string message;
};

/// Reads a JSON Lines file of records (`-` is standard input), calling `on_record` for each
/// good one with the record line (for hashing) and `on_problem` for each malformed one;
/// blank lines are skipped. Throws Error(Errc::io) when the file cannot be opened or read.
void read_records(const std::string& path,
                  const std::function<void(Extraction&&, std::string_view line)>& on_record,
                  const std::function<void(RecordProblem&&)>& on_problem);

} // namespace annals
