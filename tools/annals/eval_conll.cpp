// annals eval conll: exact-span named-entity figures on CoNLL-2003 files.
#include "cli.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/eval/conll_documents.hpp"
#include "annals/eval/conll_reader.hpp"
#include "annals/eval/names.hpp"
#include "annals/pipeline.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

namespace annals::cli {
namespace {

struct EvalConllOptions {
    std::vector<std::string> inputs;
    std::string errors_file;
    std::string data_dir;
    unsigned threads = 1;
};

/// One document of one input file, numbered from 1 in its file as the --errors listing names it.
/// Files without -DOCSTART- lines are cut at their datelines, so stories stay apart (names
/// are resolved per document) and -j has documents to share out.
struct ConllItem {
    const std::string* file = nullptr;
    std::size_t number = 0;
    conll::ConllDocument doc;
};

// The sentence holding `span`, its number from 1, and its text with [[ ]] around the span.
std::string locate(const conll::ConllDocument& doc, const Span& span) {
    const auto it = std::partition_point(doc.sentences.begin(), doc.sentences.end(),
                                         [&](const conll::ConllSentence& s) { return s.span.end <= span.begin; });
    if (it == doc.sentences.end()) return "?\t";
    const auto& s = it->span;
    std::string out = std::to_string(it - doc.sentences.begin() + 1) + '\t';
    if (span.begin > s.begin) out.append(doc.text, s.begin, span.begin - s.begin);
    out.append("[[").append(span.of(doc.text)).append("]]");
    if (span.end < s.end) out.append(doc.text, span.end, s.end - span.end);
    return out;
}

std::string error_line(const ConllItem& item, const NameError& e) {
    const auto& text = item.doc.text;
    std::string out = std::string(name_error_kind(e.kind)) + '\t' + *item.file + "\tdoc " + std::to_string(item.number);
    out += "\tgold=";
    if (e.gold) out.append(e.gold->span.of(text)).append("|").append(e.gold->label);
    out += "\tsystem=";
    if (e.system) out.append(e.system->span.of(text)).append("|").append(e.system->label);
    out += "\tsentence ";
    out += locate(item.doc, e.span());
    return out;
}

void write_errors(const std::string& path, const std::vector<std::vector<std::string>>& lines,
                  const std::map<std::string, std::size_t>& kinds) {
    AtomicFile file(path);
    auto& out = file.stream();
    out << "# kind\tfile\tdocument\tgold=words|label\tsystem=words|label\tsentence number and text, [[name]] "
           "marked\n";
    for (const auto& doc : lines)
        for (const auto& l : doc) out << l << '\n';
    for (const auto& [kind, n] : kinds) out << "# " << kind << ": " << n << '\n';
    file.commit();
}

int run_eval_conll(const EvalConllOptions& o) {
    bool failed = false;
    std::vector<ConllItem> items;
    for (const auto& path : o.inputs) {
        try {
            std::size_t number = 0;
            for (const auto& read : conll::read_conll_file(path))
                for (auto& doc : conll::split_at_datelines(read)) items.push_back({&path, ++number, std::move(doc)});
        } catch (const Error& e) {
            say_error(e.what());
            failed = true;
        }
    }
    PipelineOptions popts;
    popts.data_dir = o.data_dir;
    const Pipeline pipeline(popts);
    std::vector<NameEvaluation> results(items.size());
    std::vector<std::vector<std::string>> lines(items.size());
    std::vector<std::string> failures(items.size());
    parallel_for(items.size(), o.threads, [&](std::size_t i) {
        const auto& item = items[i];
        Document doc{*item.file + "#" + std::to_string(item.number), item.doc.text, conll::document_date(item.doc),
                     std::nullopt, std::nullopt};
        try {
            results[i] = score_names(conll_names(item.doc), system_names(pipeline.extract(std::move(doc))));
        } catch (const Error& e) {
            failures[i] = e.what();
            return;
        }
        if (!o.errors_file.empty())
            for (const auto& e : results[i].errors) lines[i].push_back(error_line(item, e));
    });
    NameScores total;
    std::size_t sentences = 0;
    std::map<std::string, std::size_t> kinds;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!failures[i].empty()) {
            say_error(*items[i].file + ": document " + std::to_string(items[i].number) + ": " + failures[i]);
            failed = true;
            continue;
        }
        total += results[i].scores;
        sentences += items[i].doc.sentences.size();
        for (const auto& e : results[i].errors) ++kinds[name_error_kind(e.kind)];
    }
    std::printf("CoNLL-2003 names, exact span: %zu documents, %zu sentences, %zu predictions not scored "
                "(overlap MISC)\n",
                total.documents, sentences, total.ignored);
    std::fputs(format_name_scores(total).c_str(), stdout);
    if (!o.errors_file.empty()) write_errors(o.errors_file, lines, kinds);
    return failed ? bad_input : ok;
}

} // namespace

void setup_eval_conll(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalConllOptions>();
    auto* cmd = eval_cmd.add_subcommand("conll", "Score named entities (PER, ORG, LOC) against CoNLL-2003 files");
    cmd->add_option("gold", opts->inputs, "CoNLL-2003 files (word POS chunk NER)")->required();
    cmd->add_option("--errors", opts->errors_file, "Write every miss, false alarm and wrong type to FILE");
    cmd->add_option("-j,--jobs", opts->threads, "Threads")->check(CLI::Range(1u, 256u));
    add_data_dir_option(*cmd, opts->data_dir);
    cmd->callback([opts, &outcome] {
        try {
            outcome.status = run_eval_conll(*opts);
        } catch (const Error& e) {
            say_error(e.what());
            outcome.status = bad_input;
        }
    });
}

} // namespace annals::cli
