#pragma once
/// Serialises an Extraction as one `annals.document/1` JSON object.

#include "annals/record/extraction.hpp"

#include <string>

namespace annals {

/// The schema name every record carries.
inline constexpr const char* kDocumentSchema = "annals.document/1";

/// One compact JSON object, no trailing newline. Keys come in a fixed order and the
/// output depends only on `x`, so equal extractions give equal bytes. Thread-safe.
[[nodiscard]] std::string to_json(const Extraction& x);

} // namespace annals
