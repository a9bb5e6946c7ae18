// annals eval timeml: TempEval-3 Task A figures for temporal expressions.
#include "cli.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/eval/timeml.hpp"
#include "annals/pipeline.hpp"

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

namespace annals::cli {
namespace {

struct EvalTimemlOptions {
    std::vector<std::string> inputs;
    std::string errors_file;
    std::string data_dir;
    unsigned threads = 1;
};

void print_row(const char* name, const Prf& p) {
    std::printf("%-10s %8.2f %8.2f %8.2f\n", name, p.precision(), p.recall(), p.f1());
}

void write_errors(const std::string& path, const std::vector<TimexEvaluation>& results) {
    AtomicFile file(path);
    auto& out = file.stream();
    std::map<std::string, std::size_t> kinds;
    for (const auto& r : results)
        for (const auto& e : r.errors) {
            ++kinds[e.kind];
            out << e.kind << '\t' << e.doc << "\tgold=" << e.gold_text << '|' << e.gold_type << '|' << e.gold_value
                << "\tsystem=" << e.system_text << '|' << e.system_type << '|' << e.system_value << '|'
                << e.system_rule << "\t" << e.context << '\n';
        }
    for (const auto& [kind, n] : kinds) out << "# " << kind << ": " << n << '\n';
    file.commit();
}

int run_eval_timeml(const EvalTimemlOptions& o) {
    const auto files = timeml::list_timeml_files(o.inputs);
    const Pipeline pipeline(PipelineOptions{o.data_dir});
    std::vector<std::optional<TimexEvaluation>> results(files.size());
    std::vector<std::string> failures(files.size());
    parallel_for(files.size(), o.threads, [&](std::size_t i) {
        try {
            const auto gold = timeml::read_timeml_file(files[i]);
            Document doc{gold.id, gold.text, gold.dct, std::nullopt, std::nullopt};
            results[i] = score_timexes(gold, pipeline.extract(std::move(doc)));
        } catch (const Error& e) {
            failures[i] = e.what();
        }
    });
    TimexScores total;
    std::vector<TimexEvaluation> done;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!failures[i].empty()) say_error(failures[i]);
        if (results[i]) {
            total += results[i]->scores;
            done.push_back(std::move(*results[i]));
        }
    }
    std::printf("TIMEX3 (TempEval-3 Task A): %zu documents, %zu gold, %zu system\n", total.documents,
                total.strict.gold, total.strict.system);
    std::printf("%-10s %8s %8s %8s\n", "", "P", "R", "F1");
    print_row("strict", total.strict);
    print_row("relaxed", total.relaxed);
    print_row("value", total.value);
    print_row("type", total.type);
    if (!o.errors_file.empty()) write_errors(o.errors_file, done);
    return done.size() == files.size() ? ok : bad_input;
}

} // namespace

void setup_eval_timeml(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalTimemlOptions>();
    auto* cmd = eval_cmd.add_subcommand("timeml", "Score temporal expressions against TimeML (.tml) files");
    cmd->add_option("gold", opts->inputs, "TimeML files or folders")->required();
    cmd->add_option("--errors", opts->errors_file, "Write every miss, false alarm and wrong value to FILE");
    cmd->add_option("-j,--jobs", opts->threads, "Threads")->check(CLI::Range(1u, 256u));
    add_data_dir_option(*cmd, opts->data_dir);
    cmd->callback([opts, &outcome] { outcome.status = run_eval_timeml(*opts); });
}

} // namespace annals::cli
