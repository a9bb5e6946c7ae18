#include "annals/ingest/jsonl.hpp"

#include "annals/core/utf8.hpp"
#include "annals/ingest/text_file.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <string>

namespace annals::detail {
namespace {

using Json = rapidjson::Document;

// Reads an optional string field; a present field of another type is reported and ignored.
std::optional<std::string> string_field(const rapidjson::Value& obj, const char* name, const Location& where,
                                        const OnProblem& on_problem) {
    const auto it = obj.FindMember(name);
    if (it == obj.MemberEnd() || it->value.IsNull()) return std::nullopt;
    if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
    if (std::string(name) == "id" && (it->value.IsInt64() || it->value.IsUint64()))
        return it->value.IsInt64() ? std::to_string(it->value.GetInt64()) : std::to_string(it->value.GetUint64());
    on_problem({DiagCode::bad_field, where, std::string("field \"") + name + "\" is not a string; ignored", false});
    return std::nullopt;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

} // namespace

void read_jsonl_line(std::string_view line, const std::string& file, const std::string& id_base,
                     std::size_t line_no, const IngestOptions& opts, const OnDocument& on_doc, const OnProblem& on_problem) {
    const Location where{file, line_no, std::nullopt};
    if (blank(line)) return;
    // Checked before parsing so that bad bytes are named as such, with their offset in the line.
    if (const auto bad = first_invalid_utf8(line)) {
        on_problem({DiagCode::invalid_utf8, {file, line_no, *bad}, "invalid UTF-8; the line is skipped", true});
        return;
    }
    Json json;
    json.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
    if (json.HasParseError()) {
        on_problem({DiagCode::malformed_jsonl, {file, line_no, json.GetErrorOffset()},
                    std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()), true});
        return;
    }
    if (!json.IsObject()) {
        on_problem({DiagCode::not_an_object, where, "a JSON Lines document must be an object", true});
        return;
    }
    const auto text = json.FindMember("text");
    if (text == json.MemberEnd() || !text->value.IsString()) {
        on_problem({DiagCode::missing_text, where, "no string field \"text\"", true});
        return;
    }
    std::string body(text->value.GetString(), text->value.GetStringLength());
    if (auto problem = check_text(body, file, line_no)) {
        problem->where = where; // offsets inside a decoded string do not map to the file
        on_problem(std::move(*problem));
        return;
    }
    Document doc;
    doc.id = string_field(json, "id", where, on_problem).value_or(id_base + ":" + std::to_string(line_no));
    doc.title = string_field(json, "title", where, on_problem);
    doc.url = string_field(json, "url", where, on_problem);
    doc.dct = string_field(json, "date", where, on_problem);
    if (doc.dct) {
        if (auto msg = check_dct(*doc.dct)) {
            on_problem({DiagCode::bad_date, where, "field \"date\": " + *msg + "; the document is read without it",
                        false});
            doc.dct.reset();
        }
    }
    if (!doc.dct) doc.dct = opts.dct;
    doc.text = std::move(body);
    on_doc(std::move(doc));
}

void read_jsonl(std::istream& in, const std::string& file, const std::string& id_base, const IngestOptions& opts, const OnDocument& on_doc,
                const OnProblem& on_problem) {
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        read_jsonl_line(line, file, id_base, line_no, opts, on_doc, on_problem);
    }
    if (in.bad())
        on_problem({DiagCode::unreadable, {file, line_no + 1, std::nullopt}, "read error", true});
}

} // namespace annals::detail
