#pragma once
/// Diagnostics: odd input that is reported, not thrown.

#include "annals/core/span.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace annals {

/// Every kind of diagnostic the library reports. Names are the `code` strings of the JSON record.
enum class DiagCode {
    invalid_utf8,
    binary_file,
    empty_document,
    malformed_jsonl,
    not_an_object,
    missing_text,
    bad_field,
    bad_date,
    unreadable,
    long_sentence,
    unresolved_time,
    unknown_name,
};

/// The snake_case name of a code, as written in records and messages.
[[nodiscard]] std::string_view diag_code_name(DiagCode code) noexcept;

/// Where a problem is in the input: a file (or "-") with a 1-based line, or a byte offset.
struct Location {
    std::string file;
    std::size_t line = 0;        ///< 1-based; 0 when unknown
    std::optional<std::size_t> byte; ///< byte offset in the file or line

    /// "file:line", "file:line: byte N", or "file: byte N".
    [[nodiscard]] std::string str() const;
};

/// A problem found in a document or an input file. Never fatal on its own.
struct Diagnostic {
    DiagCode code = DiagCode::unresolved_time;
    std::optional<Span> span; ///< into the document text, when it concerns one
    std::string message;
};

} // namespace annals
