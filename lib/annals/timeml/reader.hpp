#pragma once
/// TimeML documents: the TEXT content with every annotation element located in it.

#include "annals/core/span.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals::timeml {

/// One annotation element (TIMEX3, EVENT, SIGNAL, s, ENAMEX, ...) or link (TLINK,
/// MAKEINSTANCE, SLINK, ALINK; these have an empty span).
struct Element {
    std::string tag;
    std::vector<std::pair<std::string, std::string>> attrs; ///< in document order
    Span span;                                              ///< into TimemlDocument::text

    /// The value of attribute `name`, or "" when absent.
    [[nodiscard]] std::string_view attr(std::string_view name) const noexcept;
};

struct TimemlDocument {
    std::string id;                 ///< DOCID / DOCNO text, else the file stem
    std::string text;               ///< the character data of TEXT, entities decoded, as UTF-8
    std::optional<std::string> dct; ///< value of the TIMEX3 whose functionInDocument is CREATION_TIME
    std::vector<Element> elements;  ///< elements inside TEXT, in document order (outer before inner)
    std::vector<Element> links;     ///< elements after TEXT: MAKEINSTANCE, TLINK, SLINK, ALINK
    std::optional<Element> dct_timex; ///< the creation-time TIMEX3 itself (its tid is the DCT's id)

    /// Elements with tag `tag`, in document order.
    [[nodiscard]] std::vector<const Element*> all(std::string_view tag) const;
};

/// Parses TimeML from memory; `name` is used in messages and as the fallback id.
/// Throws Error(Errc::bad_input) naming the line ("name:line") and byte offset of malformed
/// XML, or a missing TEXT.
[[nodiscard]] TimemlDocument parse_timeml(std::string_view xml, const std::string& name);

/// Reads and parses one .tml file. Throws Error(Errc::io) when it cannot be read.
[[nodiscard]] TimemlDocument read_timeml_file(const std::filesystem::path& path);

/// Every `.tml` file under the given files and folders, each folder sorted; throws
/// Error(Errc::io) for a path that does not exist.
[[nodiscard]] std::vector<std::filesystem::path> list_timeml_files(const std::vector<std::string>& inputs);

} // namespace annals::timeml
