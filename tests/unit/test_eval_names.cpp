#include "annals/eval/conll_documents.hpp"
#include "annals/eval/conll_reader.hpp"
#include "annals/eval/names.hpp"
#include "annals/timeml/reader.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace annals;

namespace {

const std::string kData = ANNALS_TEST_DATA_DIR "/eval/";

// The names as "text|LABEL", in text order.
std::vector<std::string> shown(const std::string& text, const std::vector<LabeledSpan>& names) {
    std::vector<std::string> out;
    for (const auto& n : names)
        out.push_back(std::string(n.span.of(text)) + "|" + n.label);
    return out;
}

Span at(const std::string& text, std::string_view what, std::size_t from = 0) {
    const auto b = text.find(what, from);
    REQUIRE(b != std::string::npos);
    return {b, b + what.size()};
}

Mention mention(const std::string& text, std::string_view what) {
    return {at(text, what), std::string(what), 0};
}

} // namespace

TEST_CASE("eval: CoNLL names are read from IOB1 and IOB2 tags", "[eval]") {
    const auto docs = conll::read_conll_file(kData + "names.conll");
    REQUIRE(docs.size() == 2);
    const auto iob1 = conll_names(docs[0]);
    // I-LOC then B-LOC: two places; I-MISC right after I-LOC starts a MISC name.
    CHECK(shown(docs[0].text, iob1.names) == std::vector<std::string>{"Maria Lopez|PER", "Acme Corp|ORG",
                                                                      "Lyon|LOC", "Paris|LOC", "Berlin|LOC",
                                                                      "Danube|LOC"});
    REQUIRE(iob1.ignore.size() == 1);
    CHECK(iob1.ignore[0].of(docs[0].text) == "Festival");
    const auto iob2 = conll_names(docs[1]);
    CHECK(shown(docs[1].text, iob2.names) ==
          std::vector<std::string>{"Kenji Sato|PER", "Oslo|LOC", "Norway|LOC"});
    REQUIRE(iob2.ignore.size() == 1);
    CHECK(iob2.ignore[0].of(docs[1].text) == "French");
}

TEST_CASE("eval: entity types map to the CoNLL labels", "[eval]") {
    CHECK(name_label("person") == "PER");
    CHECK(name_label("organization") == "ORG");
    CHECK(name_label("gpe") == "LOC");
    CHECK(name_label("location") == "LOC");
    CHECK(name_label("facility") == "LOC");
    CHECK(name_label("group").empty());
    CHECK(enamex_label("PERSON") == "PER");
    CHECK(enamex_label("ORGANIZATION") == "ORG");
    CHECK(enamex_label("LOCATION") == "LOC");
    CHECK(enamex_label("MONEY").empty());

    const std::string text = "Ana Ruiz met the miners in Lima and Lima's mayor. Ruiz left. The city";
    Extraction x;
    x.entities.push_back({"E1",
                          "Ana Ruiz",
                          "person",
                          {},
                          "",
                          {},
                          {},
                          {mention(text, "Ana Ruiz"), mention(text, "Ruiz left")}});
    auto nominal = mention(text, "The city");
    nominal.kind = "nominal";
    x.entities.push_back({"E4", "Lima", "gpe", {}, "", {}, {}, {nominal}});
    x.entities.push_back({"E2", "miners", "group", {}, "", {}, {}, {mention(text, "miners")}});
    x.entities.push_back(
        {"E3", "Lima", "gpe", {}, "", {}, {}, {mention(text, "Lima"), mention(text, "Lima")}});
    const auto names = system_names(x);
    // Every name mention is a prediction (nominals are not), groups are not scored, a
    // repeated mention counts once.
    CHECK(shown(text, names) == std::vector<std::string>{"Ana Ruiz|PER", "Lima|LOC", "Ruiz left|PER"});
}

TEST_CASE("eval: names score exact span and type", "[eval]") {
    const std::string text = "Maria Lopez of Acme Corp flew from Lyon to the Danube Festival in Oslo .";
    GoldNames gold;
    gold.names = {{at(text, "Maria Lopez"), "PER"},
                  {at(text, "Acme Corp"), "ORG"},
                  {at(text, "Lyon"), "LOC"},
                  {at(text, "Oslo"), "LOC"}};
    gold.ignore = {at(text, "Danube Festival")};
    const std::vector<LabeledSpan> system = {
        {at(text, "Maria Lopez"), "PER"}, // right
        {at(text, "Maria Lopez"), "PER"}, // the same prediction again: counted once
        {at(text, "Acme Corp"), "LOC"},   // wrong type
        {at(text, "Lyon to"), "LOC"},     // wrong extent: a false alarm, and Lyon is missed
        {at(text, "Danube"), "LOC"},      // overlaps MISC: not scored
        {at(text, "Festival in"), "ORG"}, // overlaps MISC too
    };
    const auto ev = score_names(gold, system);
    const auto& s = ev.scores;
    CHECK(s.ignored == 2);
    CHECK(s.by_label.at("PER").gold == 1);
    CHECK(s.by_label.at("PER").system_matched == 1);
    CHECK(s.by_label.at("PER").system == 1);
    CHECK(s.by_label.at("ORG").gold == 1);
    CHECK(s.by_label.at("ORG").gold_matched == 0);
    CHECK(s.by_label.at("ORG").system == 0);
    CHECK(s.by_label.at("LOC").gold == 2);
    CHECK(s.by_label.at("LOC").system == 2);
    CHECK(s.by_label.at("LOC").system_matched == 0);
    CHECK(s.overall.gold == 4);
    CHECK(s.overall.system == 3);
    CHECK(s.overall.gold_matched == 1);
    CHECK(s.overall.precision() == Approx(100.0 / 3));
    CHECK(s.overall.recall() == Approx(25.0));
    std::vector<std::string> kinds;
    for (const auto& e : ev.errors)
        kinds.push_back(name_error_kind(e.kind));
    // In text order: Acme Corp, Lyon (miss) then "Lyon to" (false alarm), Oslo.
    CHECK(kinds == std::vector<std::string>{"wrong_type", "miss", "false_alarm", "miss"});
    REQUIRE(ev.errors[0].system);
    CHECK(ev.errors[0].system->label == "LOC");
    CHECK(ev.errors[0].gold->label == "ORG");
}

TEST_CASE("eval: a right prediction is never also blamed as a wrong type", "[eval]") {
    const std::string text = "Harbor Bank chief Ana Ruiz spoke";
    GoldNames gold;
    gold.names = {{at(text, "Harbor Bank"), "ORG"}};
    const std::vector<LabeledSpan> system = {{at(text, "Harbor Bank"), "LOC"},
                                             {at(text, "Harbor Bank"), "ORG"}};
    const auto ev = score_names(gold, system);
    CHECK(ev.scores.overall.gold_matched == 1);
    CHECK(ev.scores.overall.system == 2);
    REQUIRE(ev.errors.size() == 1);
    CHECK(ev.errors[0].kind == NameError::Kind::false_alarm);
    CHECK(ev.errors[0].system->label == "LOC");
}

TEST_CASE("eval: TimeML ENAMEX tags become gold names, nested ones too", "[eval]") {
    const auto doc = timeml::read_timeml_file(kData + "names.tml");
    const auto names = enamex_names(doc);
    CHECK(shown(doc.text, names.names) == std::vector<std::string>{"Harbor Bank|ORG",
                                                                   "Harbor Bank chief Ana Ruiz|PER",
                                                                   "Quito|LOC", "Coastal Credit|ORG"});
    CHECK(names.ignore.empty());
    const auto other =
        timeml::parse_timeml("<TimeML><TEXT>In <ENAMEX TYPE=\"MONEY\">Lima</ENAMEX></TEXT></TimeML>", "x");
    CHECK(enamex_names(other).names.empty());
    CHECK(enamex_names(other).ignore.size() == 1);
}

TEST_CASE("eval: name tables list every label and the overall row", "[eval]") {
    NameScores s;
    s.by_label["PER"] = {4, 2, 1, 1};
    s.overall = {4, 2, 1, 1};
    const auto table = format_name_scores(s);
    CHECK_THAT(table, Catch::Contains("PER") && Catch::Contains("ORG") && Catch::Contains("LOC") &&
                          Catch::Contains("overall") && Catch::Contains("25.00") && Catch::Contains("50.00"));
}

TEST_CASE("eval: CoNLL-2003 development names have the published counts", "[eval][corpus]") {
    const std::filesystem::path path = ANNALS_SHARED_CORPUS_DIR "/conll2003/eng.testa";
    if (!std::filesystem::exists(path)) {
        WARN("conll2003/eng.testa absent; skipped");
        return;
    }
    std::map<std::string, std::size_t> counts;
    std::size_t misc = 0;
    for (const auto& doc : conll::read_conll_file(path.string())) {
        const auto names = conll_names(doc);
        for (const auto& n : names.names)
            ++counts[n.label];
        misc += names.ignore.size();
    }
    // Table 2 of the CoNLL-2003 shared task paper (Tjong Kim Sang and De Meulder, 2003).
    CHECK(counts["LOC"] == 1837);
    CHECK(counts["ORG"] == 1341);
    CHECK(counts["PER"] == 1842);
    CHECK(misc == 922);
}

TEST_CASE("eval: CoNLL stories without -DOCSTART- are cut at their datelines", "[eval]") {
    const auto path = test::scratch_dir() / "annals-conll-datelines.txt";
    {
        std::ofstream out(path);
        out << "Rain NN O O\nfalls VBZ O O\n\nby IN O O\nAna NNP B-NP B-PER\n\nOSLO NNP B-NP "
               "B-LOC\n2001-02-03 CD I-NP O\n\n"
               "It PRP B-NP O\nrained VBD B-VP O\n\nFair NN O O\nopens VBZ O O\n\nLIMA NNP B-NP "
               "B-LOC\n2001-02-04 CD I-NP O\n\n"
               "It PRP B-NP O\nopened VBD B-VP O\n\nLIMA NNP B-NP B-LOC\n2001-02-30 CD I-NP O\n\nNo DT O O\n";
    }
    const auto read = conll::read_conll_file(path.string());
    std::filesystem::remove(path);
    REQUIRE(read.size() == 1);
    const auto docs = conll::split_at_datelines(read[0]);
    REQUIRE(docs.size() == 2);
    // The first story keeps the byline between its headline and its dateline.
    CHECK(docs[0].text == "Rain falls\nby Ana\nOSLO 2001-02-03\nIt rained");
    CHECK(conll::document_date(docs[0]) == std::optional<std::string>("2001-02-03"));
    // 2001-02-30 is no date, so that line is no dateline.
    CHECK(docs[1].text == "Fair opens\nLIMA 2001-02-04\nIt opened\nLIMA 2001-02-30\nNo");
    CHECK(conll::document_date(docs[1]) == std::optional<std::string>("2001-02-04"));
    REQUIRE(docs[1].sentences.size() == 5);
    const auto& lima = docs[1].sentences[1].tokens[0];
    CHECK(lima.span.of(docs[1].text) == "LIMA");
    CHECK(docs[1].sentences[2].span.of(docs[1].text) == "It opened");
    CHECK(shown(docs[0].text, conll_names(docs[0]).names) == std::vector<std::string>{"Ana|PER", "OSLO|LOC"});
    CHECK(shown(docs[1].text, conll_names(docs[1]).names) ==
          std::vector<std::string>{"LIMA|LOC", "LIMA|LOC"});
    CHECK(!conll::dateline_date(docs[1].sentences[3]));
    // A document split at -DOCSTART- comes back whole.
    CHECK(conll::split_at_datelines(docs[0]).size() == 1);
}
