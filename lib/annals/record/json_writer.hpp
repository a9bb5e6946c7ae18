#pragma once
/// Serialises an Extraction as one `annals.document/1` JSON object.

#include "annals/record/extraction.hpp"

#include <string>
#include <string_view>

namespace annals {

/// The schema name every record carries.
inline constexpr const char* kDocumentSchema = "annals.document/1";

/// One compact JSON object, no trailing newline. Keys come in a fixed order and the
/// output depends only on `x`, so equal extractions give equal bytes. Thread-safe.
[[nodiscard]] std::string to_json(const Extraction& x);

/// The same bytes as a view of a buffer the calling thread keeps, with no copy made: a caller
/// that hands each record on before serialising the next saves copying every record. The view
/// lasts until the next call on the same thread. Thread-safe.
[[nodiscard]] std::string_view to_json_view(const Extraction& x);

} // namespace annals
