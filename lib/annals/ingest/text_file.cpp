#include "annals/ingest/text_file.hpp"

#include "annals/core/utf8.hpp"

#include <algorithm>

namespace annals::detail {
namespace {

std::size_t line_of(std::string_view text, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

std::optional<InputProblem> check_text(std::string_view text, const std::string& file, std::size_t line) {
    // A NUL byte never occurs in text; looking at the first 8 KiB is what grep and git do.
    const auto head = text.substr(0, 8192);
    if (const auto nul = head.find('\0'); nul != std::string_view::npos)
        return InputProblem{DiagCode::binary_file, {file, line + line_of(text, nul) - 1, nul},
                            "binary data (a NUL byte), not text; skipped", true};
    if (const auto bad = first_invalid_utf8(text))
        return InputProblem{DiagCode::invalid_utf8, {file, line + line_of(text, *bad) - 1, *bad},
                            "invalid UTF-8; the document is skipped", true};
    if (blank(text))
        return InputProblem{DiagCode::empty_document, {file, line, std::nullopt}, "empty document; skipped", true};
    return std::nullopt;
}

void read_text_document(std::string text, std::string id, const std::string& file, const IngestOptions& opts,
                        const OnDocument& on_doc, const OnProblem& on_problem) {
    if (auto problem = check_text(text, file, 1)) {
        on_problem(std::move(*problem));
        return;
    }
    Document doc;
    doc.id = std::move(id);
    doc.text = std::move(text);
    doc.dct = opts.dct;
    on_doc(std::move(doc));
}

} // namespace annals::detail
