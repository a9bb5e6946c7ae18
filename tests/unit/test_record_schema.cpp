// Every record the library writes must validate against schemas/document.schema.json, and
// records that break the contract must not.
#include "annals/ingest/reader.hpp"
#include "annals/pipeline.hpp"
#include "annals/record/json_writer.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

using namespace annals;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const rapidjson::SchemaDocument& record_schema() {
    static const auto schema = [] {
        rapidjson::Document d;
        const auto text = slurp(fs::path(ANNALS_SCHEMA_DIR) / "document.schema.json");
        d.Parse(text.c_str(), text.size());
        REQUIRE_FALSE(d.HasParseError());
        return std::make_unique<rapidjson::SchemaDocument>(d);
    }();
    return *schema;
}

/// Empty when `json` validates; otherwise where and why it does not.
std::string schema_errors(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str(), json.size());
    if (d.HasParseError())
        return "not JSON";
    rapidjson::SchemaValidator v(record_schema());
    if (d.Accept(v))
        return {};
    rapidjson::StringBuffer where, keyword;
    v.GetInvalidSchemaPointer().StringifyUriFragment(where);
    v.GetInvalidDocumentPointer().StringifyUriFragment(keyword);
    return std::string("schema ") + where.GetString() + " keyword " + v.GetInvalidSchemaKeyword() + " at " +
           keyword.GetString();
}

/// What draft-04 cannot say: spans lie in the text, begin <= end, span texts match.
void check_spans(const Extraction& x) {
    const auto& text = x.doc.text;
    std::size_t last_end = 0;
    for (const auto& s : x.segmentation.sentences) {
        CHECK(s.span.begin >= last_end);
        CHECK(s.span.begin < s.span.end);
        CHECK(s.span.end <= text.size());
        last_end = s.span.end;
    }
    for (const auto& t : x.timexes) {
        CHECK(t.span.begin <= t.span.end);
        CHECK(t.span.end <= text.size());
        CHECK(t.sentence < x.segmentation.sentences.size());
    }
    for (const auto& e : x.entities)
        for (const auto& m : e.mentions) {
            REQUIRE(m.span.end <= text.size());
            CHECK(m.span.of(text) == m.text);
        }
}

Extraction read_and_extract(const fs::path& file, const std::string& dct) {
    IngestOptions opts;
    if (!dct.empty())
        opts.dct = dct;
    std::vector<Document> docs;
    read_inputs(
        {file.string()}, opts, [&](Document&& d) { docs.push_back(std::move(d)); },
        [](InputProblem&& p) { FAIL(p.where.str() << ": " << p.message); });
    REQUIRE(docs.size() == 1);
    static const Pipeline pipeline;
    return pipeline.extract(std::move(docs.front()));
}

// A record with every array filled, as the later stages will write it.
Extraction full_extraction() {
    Extraction x;
    x.doc.id = "rome.txt";
    x.doc.text = "Ministers met in Rome on Monday. They agreed to meet again.";
    x.doc.title = "Ministers meet";
    x.doc.url = "https://news.example.org/rome";
    x.doc.dct = "2021-06-30T10:15:00Z";
    x.segmentation.sentences = {{{0, 32}, 0, 7}, {{33, 59}, 7, 6}};

    Entity rome;
    rome.id = "E1";
    rome.name = "Rome";
    rome.type = "gpe";
    rome.subtype = "city";
    rome.key = "gpe:rome";
    rome.attributes = {{"country", "ITA"}};
    rome.geo = GeoPoint{41.89, 12.48};
    rome.mentions = {{{17, 21}, "Rome", 0}};
    Entity ministers;
    ministers.id = "E2";
    ministers.name = "Ministers";
    ministers.type = "group";
    ministers.key = "group:ministers";
    ministers.mentions = {{{0, 9}, "Ministers", 0}, {{33, 37}, "They", 1}};
    x.entities = {rome, ministers};

    Timex monday;
    monday.id = "T1";
    monday.span = {25, 31};
    monday.sentence = 0;
    monday.value = "2021-06-28";
    monday.interval = DayInterval{"2021-06-28", "2021-06-28"};
    monday.anchor = TimexAnchor::dct;
    monday.rule = "weekday/bare";
    Timex again;
    again.id = "T2";
    again.span = {52, 57};
    again.sentence = 1;
    again.type = TimexType::duration;
    again.value = "PXD";
    again.rule = "test";
    x.timexes = {monday, again};

    Event met;
    met.id = "V1";
    met.type = "contact.meet";
    met.trigger = {{10, 13}, "met", "meet"};
    met.timeml_class = "OCCURRENCE";
    met.arguments = {{"participant", "E2"}};
    met.place = "E1";
    met.time = EventTime{"T1", "2021-06-28", DayInterval{"2021-06-28", "2021-06-28"}, "explicit"};
    met.codes = {{"ace", "Contact:Meet"}, {"cameo", "04"}, {"plover", "CONSULT"}};
    met.confidence = 0.9;
    met.rule = "trigger/verb/meet";
    Event agreed;
    agreed.id = "V2";
    agreed.type = "cooperation.agree";
    agreed.sentence = 1;
    agreed.trigger = {{38, 44}, "agreed", "agree"};
    agreed.time = EventTime{std::nullopt, "2021-06-30", std::nullopt, "tense"};
    agreed.modality = "reported";
    agreed.confidence = 1.0;
    agreed.rule = "trigger/verb/agree";
    x.events = {met, agreed};

    x.relations = {{"present_in", "E2", "E1", 0, std::string("V1"), "event/place"},
                   {"met_with", "E2", "E2", 1, std::nullopt, "pattern/met-with"}};
    x.diagnostics = {{DiagCode::unresolved_time, Span{52, 57}, "no anchor for \"again\""},
                     {DiagCode::long_sentence, std::nullopt, "a sentence of 10,000 tokens"}};
    return x;
}

// Edits one value of a valid record, addressed by a JSON Pointer, and re-serialises it.
std::string with_edit(const std::string& json, const char* pointer, const char* replacement_json) {
    rapidjson::Document d;
    d.Parse(json.c_str(), json.size());
    rapidjson::Document r(&d.GetAllocator());
    r.Parse(replacement_json);
    REQUIRE_FALSE(r.HasParseError());
    rapidjson::Pointer(pointer).Set(d, r);
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    d.Accept(w);
    return buf.GetString();
}

std::string without_member(const std::string& json, const char* pointer) {
    rapidjson::Document d;
    d.Parse(json.c_str(), json.size());
    REQUIRE(rapidjson::Pointer(pointer).Erase(d));
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    d.Accept(w);
    return buf.GetString();
}

} // namespace

TEST_CASE("record: pipeline records of the samples validate", "[record][schema]") {
    const fs::path samples = fs::path(ANNALS_SOURCE_DIR) / "samples";
    const std::pair<const char*, const char*> cases[] = {{"diplomacy", "2024-05-14"},
                                                         {"conflict", "2023-11-23"},
                                                         {"business", "2024-10-29"},
                                                         {"court", "2024-02-09"}};
    for (const auto& [name, dct] : cases) {
        SECTION(name) {
            for (const auto& file : {samples / (std::string(name) + ".txt"),
                                     samples / "jsonl" / (std::string(name) + ".jsonl")}) {
                INFO(file.string());
                const auto x = read_and_extract(file, file.extension() == ".txt" ? dct : "");
                CHECK(x.doc.dct);
                CHECK(x.segmentation.sentences.size() > 1);
                check_spans(x);
                CHECK(schema_errors(to_json(x)) == "");
            }
        }
    }
}

TEST_CASE("record: a record with every array filled validates", "[record][schema]") {
    const auto x = full_extraction();
    check_spans(x);
    const auto json = to_json(x);
    INFO(json);
    CHECK(schema_errors(json) == "");
}

TEST_CASE("record: an empty document record validates", "[record][schema]") {
    Extraction x;
    x.doc.id = "stdin";
    CHECK(schema_errors(to_json(x)) == "");
}

TEST_CASE("record: records that break the contract do not validate", "[record][schema]") {
    const auto good = to_json(full_extraction());
    REQUIRE(schema_errors(good).empty());
    const std::pair<const char*, const char*> edits[] = {
        {"/schema", "\"annals.document/2\""},
        {"/sentences/0/span", "[5]"},
        {"/sentences/0/span", "[5, -1]"},
        {"/sentences/0/span", "[0, 1, 2]"},
        {"/sentences/0/span", "[\"0\", 1]"},
        {"/doc/dct", "\"30 June 2021\""},
        {"/doc/dct", "\"2021-06-30T25:00\""},
        {"/doc/id", "\"\""},
        {"/doc/extra", "1"},
        {"/entities/0/type", "\"place\""},
        {"/entities/0/subtype", "\"village\""},
        {"/entities/0/geo", "{\"lat\": 91, \"lon\": 0}"},
        {"/entities/0/geo", "{\"lat\": 0}"},
        {"/entities/0/attributes/country", "3"},
        {"/entities/0/mentions", "[]"},
        {"/entities/0/id", "\"X1\""},
        {"/timexes/0/type", "\"date\""},
        {"/timexes/0/interval", "[\"2021-06-28\"]"},
        {"/timexes/0/interval/0", "\"2021-6-28\""},
        {"/timexes/0/anchor", "\"document\""},
        {"/events/0/class", "\"EVENT\""},
        {"/events/0/modality", "\"possible\""},
        {"/events/0/confidence", "1.5"},
        {"/events/0/type", "\"Contact.Meet\""},
        {"/events/0/time/source", "\"guess\""},
        {"/events/0/time/timex", "\"E1\""},
        {"/events/0/arguments/0/entity", "\"T1\""},
        {"/events/0/codes/cameo", "4"},
        {"/relations/0/event", "\"E1\""},
        {"/diagnostics/0/span", "\"0-5\""},
        {"/diagnostics/0/code", "\"Bad Code\""},
    };
    for (const auto& [pointer, value] : edits) {
        INFO(pointer << " = " << value);
        CHECK_FALSE(schema_errors(with_edit(good, pointer, value)).empty());
    }
    for (const char* pointer : {"/schema", "/doc/dct", "/sentences", "/entities/0/geo", "/events/0/time",
                                "/timexes/0/rule", "/diagnostics/0/span"}) {
        INFO("without " << pointer);
        CHECK_FALSE(schema_errors(without_member(good, pointer)).empty());
    }
}
