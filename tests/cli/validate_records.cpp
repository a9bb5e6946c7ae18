// annals_validate: checks JSON Lines records written by `annals extract`.
//
//   annals_validate SCHEMA RECORDS.jsonl [--text FILE]
//
// Every line must validate against SCHEMA (JSON Schema draft-04, RapidJSON's validator) and
// keep what draft-04 cannot say: begin <= end in every span, sentences in order and not
// overlapping. With --text (one record only), every span must lie inside FILE, sentence
// spans must start and end on non-space characters at UTF-8 character boundaries, the text
// between sentences must be white space only, and every "text" member beside a span must
// equal the bytes of FILE in that span. Exit status 0 when all holds, 1 otherwise, with one
// line per problem on stderr.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace {

struct Checker {
    std::string name;
    std::size_t line = 0;
    std::optional<std::string> text;
    int problems = 0;

    void fail(const std::string& what) {
        std::cerr << name << ":" << line << ": " << what << '\n';
        ++problems;
    }
};

std::optional<std::string> slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A span that is an array of two unsigned integers, or nullopt (the schema reports the rest).
std::optional<std::pair<std::size_t, std::size_t>> span_of(const rapidjson::Value& v) {
    if (!v.IsArray() || v.Size() != 2 || !v[0].IsUint64() || !v[1].IsUint64())
        return std::nullopt;
    return std::make_pair(static_cast<std::size_t>(v[0].GetUint64()),
                          static_cast<std::size_t>(v[1].GetUint64()));
}

// Walks every object holding a "span"; checks order and, with the text, bounds and "text".
void check_spans(Checker& c, const rapidjson::Value& v, const std::string& where) {
    if (v.IsArray()) {
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
            check_spans(c, v[i], where + "/" + std::to_string(i));
        return;
    }
    if (!v.IsObject())
        return;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it)
        check_spans(c, it->value, where + "/" + it->name.GetString());
    const auto span_it = v.FindMember("span");
    if (span_it == v.MemberEnd())
        return;
    const auto span = span_of(span_it->value);
    if (!span)
        return;
    if (span->first > span->second)
        c.fail(where + ": span begins after it ends");
    if (!c.text)
        return;
    if (span->second > c.text->size()) {
        c.fail(where + ": span ends past the text (" + std::to_string(c.text->size()) + " bytes)");
        return;
    }
    const auto text_it = v.FindMember("text");
    if (text_it != v.MemberEnd() && text_it->value.IsString()) {
        const std::string_view want(text_it->value.GetString(), text_it->value.GetStringLength());
        if (std::string_view(*c.text).substr(span->first, span->second - span->first) != want)
            c.fail(where + ": \"text\" differs from the bytes of its span");
    }
}

void check_sentences(Checker& c, const rapidjson::Value& sentences) {
    std::size_t last_end = 0;
    for (rapidjson::SizeType i = 0; i < sentences.Size(); ++i) {
        const auto where = "/sentences/" + std::to_string(i);
        if (!sentences[i].IsObject() || !sentences[i].HasMember("span"))
            continue;
        const auto span = span_of(sentences[i]["span"]);
        if (!span)
            continue;
        const auto [b, e] = *span;
        if (b >= e)
            c.fail(where + ": empty sentence");
        if (b < last_end)
            c.fail(where + ": overlaps or precedes the sentence before it");
        if (c.text && e <= c.text->size() && b < e) {
            const std::string& t = *c.text;
            if (is_space(t[b]) || is_space(t[e - 1]))
                c.fail(where + ": starts or ends with white space");
            if (is_continuation(t[b]) || (e < t.size() && is_continuation(t[e])))
                c.fail(where + ": cuts a UTF-8 character");
            for (std::size_t k = last_end; k < b && k < t.size(); ++k)
                if (!is_space(t[k])) {
                    c.fail(where + ": text before it belongs to no sentence (byte " + std::to_string(k) +
                           ")");
                    break;
                }
        }
        last_end = std::max(last_end, e);
    }
    if (c.text) {
        for (std::size_t k = last_end; k < c.text->size(); ++k)
            if (!is_space((*c.text)[k])) {
                c.fail("/sentences: text after the last sentence belongs to none (byte " + std::to_string(k) +
                       ")");
                break;
            }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--text")) {
        std::cerr << "usage: annals_validate SCHEMA RECORDS.jsonl [--text FILE]\n";
        return 2;
    }
    const auto schema_text = slurp(argv[1]);
    const auto records = slurp(argv[2]);
    if (!schema_text || !records) {
        std::cerr << "annals_validate: cannot read " << (schema_text ? argv[2] : argv[1]) << '\n';
        return 2;
    }
    rapidjson::Document schema_json;
    schema_json.Parse(schema_text->c_str(), schema_text->size());
    if (schema_json.HasParseError()) {
        std::cerr << argv[1] << ": byte " << schema_json.GetErrorOffset() << ": "
                  << rapidjson::GetParseError_En(schema_json.GetParseError()) << '\n';
        return 2;
    }
    const rapidjson::SchemaDocument schema(schema_json);
    Checker c;
    c.name = argv[2];
    if (argc == 5) {
        c.text = slurp(argv[4]);
        if (!c.text) {
            std::cerr << "annals_validate: cannot read " << argv[4] << '\n';
            return 2;
        }
    }
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < records->size()) {
        auto nl = records->find('\n', pos);
        if (nl == std::string::npos)
            nl = records->size();
        const std::string line = records->substr(pos, nl - pos);
        pos = nl + 1;
        ++c.line;
        ++count;
        rapidjson::Document d;
        d.Parse(line.c_str(), line.size());
        if (d.HasParseError()) {
            c.fail("not JSON: " + std::string(rapidjson::GetParseError_En(d.GetParseError())));
            continue;
        }
        rapidjson::SchemaValidator validator(schema);
        if (!d.Accept(validator)) {
            rapidjson::StringBuffer at, rule;
            validator.GetInvalidDocumentPointer().StringifyUriFragment(at);
            validator.GetInvalidSchemaPointer().StringifyUriFragment(rule);
            c.fail(std::string("does not validate: ") + at.GetString() + " fails '" +
                   validator.GetInvalidSchemaKeyword() + "' of " + rule.GetString());
            continue;
        }
        check_spans(c, d, "");
        check_sentences(c, d["sentences"]);
    }
    if (c.text && count != 1)
        c.fail("--text needs exactly one record, found " + std::to_string(count));
    if (c.problems == 0)
        std::cout << c.name << ": " << count << " record(s) valid\n";
    return c.problems == 0 ? 0 : 1;
}
