#include "annals/export/escape.hpp"

#include "annals/core/utf8.hpp"

#include <cctype>

namespace annals {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

bool is_control(unsigned char c) noexcept { return c < 0x20 || c == 0x7f; }

/// True when `s` at `i` (an '&') starts something Graphviz reads as an entity: "&name;" or
/// "&#123;".
bool starts_entity(std::string_view s, std::size_t i) noexcept {
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') ++j;
    const std::size_t first = j;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    return j > first && j < s.size() && s[j] == ';';
}

} // namespace

std::string valid_utf8(std::string_view s) {
    auto bad = first_invalid_utf8(s);
    if (!bad) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    std::size_t from = 0;
    while (bad) {
        out.append(s.substr(from, *bad - from));
        out.append(kReplacement);
        from = *bad + 1;
        const auto rest = first_invalid_utf8(s.substr(from));
        bad = rest ? std::optional<std::size_t>(from + *rest) : std::nullopt;
    }
    out.append(s.substr(from));
    return out;
}

std::string dot_escape(std::string_view raw) {
    const std::string s = valid_utf8(raw);
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else if (is_control(static_cast<unsigned char>(c))) out += ' ';
        else if (c == '&' && starts_entity(s, i)) out += "&amp;";
        else out += c;
    }
    return out;
}

std::string xml_escape(std::string_view raw, bool attribute) {
    const std::string s = valid_utf8(raw);
    std::string out;
    out.reserve(s.size() + 16);
    for (const char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += attribute ? "&quot;" : "\""; break;
        case '\n': out += attribute ? "&#10;" : "\n"; break;
        case '\t': out += attribute ? "&#9;" : "\t"; break;
        default: out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        }
    }
    return out;
}

std::string xml_plain_text(std::string_view raw) {
    std::string s = valid_utf8(raw);
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') c = ' ';
    return s;
}

std::string csv_field(std::string_view raw) {
    const std::string s = valid_utf8(raw);
    const bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                       (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string shorten(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

} // namespace annals
