// annals_validate_json: checks that one JSON file validates against a JSON Schema (draft-04,
// RapidJSON's validator, the one the unit tests use).
//
//   annals_validate_json SCHEMA FILE
//
// Exit status 0 when it validates, 1 otherwise with where and why on stderr, 2 on bad usage.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

namespace {

bool parse_file(const char* path, rapidjson::Document& d) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: cannot open\n", path);
        return false;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    d.Parse(text.c_str(), text.size());
    if (d.HasParseError()) {
        std::fprintf(stderr, "%s: not JSON at byte %zu: %s\n", path, d.GetErrorOffset(), rapidjson::GetParseError_En(d.GetParseError()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: annals_validate_json SCHEMA FILE\n");
        return 2;
    }
    rapidjson::Document schema_doc, doc;
    if (!parse_file(argv[1], schema_doc) || !parse_file(argv[2], doc)) return 1;
    const rapidjson::SchemaDocument schema(schema_doc);
    rapidjson::SchemaValidator v(schema);
    if (doc.Accept(v)) return 0;
    rapidjson::StringBuffer where, rule;
    v.GetInvalidDocumentPointer().StringifyUriFragment(where);
    v.GetInvalidSchemaPointer().StringifyUriFragment(rule);
    std::fprintf(stderr, "%s: invalid at %s: fails '%s' of %s\n", argv[2], where.GetString(), v.GetInvalidSchemaKeyword(),
                 rule.GetString());
    return 1;
}
