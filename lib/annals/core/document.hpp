#pragma once
/// A document as read from the input, before any analysis.

#include <optional>
#include <string>

namespace annals {

/// One article. `text` is kept exactly as read: every span in the record indexes into it.
struct Document {
    std::string id;                 ///< path relative to the input root, or the JSONL id
    std::string text;               ///< valid UTF-8
    std::optional<std::string> dct; ///< ISO 8601 date or date-time, already validated
    std::optional<std::string> title;
    std::optional<std::string> url;
};

} // namespace annals
