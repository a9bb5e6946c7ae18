#pragma once
/// Validation of one raw text as a document body.

#include "annals/ingest/reader.hpp"

#include <string_view>

namespace annals::detail {

/// The problem that keeps `text` from being a document (binary, invalid UTF-8, empty),
/// located in `file` starting at `line`; nullopt when it is fine.
[[nodiscard]] std::optional<InputProblem> check_text(std::string_view text, const std::string& file,
                                                      std::size_t line);

/// Reads a document from a plain-text source (a .txt/.md file or stdin).
void read_text_document(std::string text, std::string id, const std::string& file, const IngestOptions& opts,
                        const OnDocument& on_doc, const OnProblem& on_problem);

} // namespace annals::detail
