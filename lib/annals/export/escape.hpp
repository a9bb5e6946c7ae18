#pragma once
/// Text made safe for the formats the exports write. Every name, label and sentence that
/// reaches DOT, XML (GraphML, GEXF, TimeML), HTML-like labels or CSV goes through one of
/// these: it is escaped, never spliced. All functions are pure and thread-safe.

#include <string>
#include <string_view>

namespace annals {

/// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD.
[[nodiscard]] std::string valid_utf8(std::string_view s);

/// The inside of a quoted DOT string used as a label (Graphviz escString): backslash and
/// quote escaped, a newline as `\n`, other control characters as spaces, `&` escaped as
/// `&amp;` where Graphviz would read an entity, ill-formed UTF-8 repaired. Other non-ASCII
/// text stays UTF-8 (the DOT files declare charset UTF-8).
[[nodiscard]] std::string dot_escape(std::string_view s);

/// Text for XML character data or attribute values (double-quoted): `& < > "` as entities;
/// in attributes newline and tab as character references, so they survive; characters XML
/// 1.0 forbids (C0 controls but tab, newline, CR; DEL is allowed) become spaces; CR becomes
/// a space too, so parsers do not fold it away; ill-formed UTF-8 repaired.
[[nodiscard]] std::string xml_escape(std::string_view s, bool attribute = false);

/// Text safe for XML character data with the same length in bytes when it is valid UTF-8:
/// forbidden controls and CR become spaces. For text whose offsets must survive a round
/// trip through an XML parser (TimeML).
[[nodiscard]] std::string xml_plain_text(std::string_view s);

/// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF, or
/// starts or ends with a space; as is otherwise. Ill-formed UTF-8 repaired.
[[nodiscard]] std::string csv_field(std::string_view s);

/// At most `max_bytes` of `s` cut at a UTF-8 boundary, with "…" added when cut.
[[nodiscard]] std::string shorten(std::string_view s, std::size_t max_bytes);

} // namespace annals
