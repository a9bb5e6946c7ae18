// annals eval sentences: sentence-boundary precision and recall against TimeML <s> tags.
#include "cli.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/eval/sentences.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <optional>

namespace annals::cli {
namespace {

struct EvalSentencesOptions {
    std::vector<std::string> inputs;
    std::string errors_file;
    unsigned threads = 1;
};

void print_row(const char* name, const Prf& p) {
    std::printf("%-8s %8zu %8zu %8.2f %8.2f %8.2f\n", name, p.gold, p.system, p.precision(), p.recall(), p.f1());
}

void write_errors(const std::string& path, const std::vector<SentenceEvaluation>& results) {
    AtomicFile file(path);
    auto& out = file.stream();
    std::map<std::string, std::size_t> kinds;
    for (const auto& r : results)
        for (const auto& e : r.errors) {
            ++kinds[e.kind];
            out << e.kind << '\t' << e.doc << '\t' << e.offset << '\t' << e.context << '\n';
        }
    for (const auto& [kind, n] : kinds) out << "# " << kind << ": " << n << '\n';
    file.commit();
}

int run_eval_sentences(const EvalSentencesOptions& o) {
    const auto files = timeml::list_timeml_files(o.inputs);
    std::vector<std::optional<SentenceEvaluation>> results(files.size());
    std::vector<std::string> failures(files.size());
    parallel_for(files.size(), o.threads, [&](std::size_t i) {
        try {
            results[i] = score_sentences(timeml::read_timeml_file(files[i]));
        } catch (const Error& e) {
            failures[i] = e.what();
        }
    });
    SentenceScores total;
    std::vector<SentenceEvaluation> done;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!failures[i].empty()) say_error(failures[i]);
        if (results[i]) {
            total += results[i]->scores;
            done.push_back(std::move(*results[i]));
        }
    }
    std::printf("Sentence boundaries: %zu documents\n", total.documents);
    std::printf("%-8s %8s %8s %8s %8s %8s\n", "", "gold", "system", "P", "R", "F1");
    print_row("all", total.all);
    print_row("inner", total.inner);
    if (!o.errors_file.empty()) write_errors(o.errors_file, done);
    return done.size() == files.size() ? ok : bad_input;
}

} // namespace

void setup_eval_sentences(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalSentencesOptions>();
    auto* cmd = eval_cmd.add_subcommand("sentences", "Score sentence boundaries against the <s> tags of TimeML files");
    cmd->add_option("gold", opts->inputs, "TimeML files or folders")->required();
    cmd->add_option("--errors", opts->errors_file, "Write every missed and false boundary, with context, to FILE");
    cmd->add_option("-j,--jobs", opts->threads, "Threads")->check(CLI::Range(1u, 256u));
    cmd->callback([opts, &outcome] { outcome.status = run_eval_sentences(*opts); });
}

} // namespace annals::cli
