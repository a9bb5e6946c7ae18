// annals eval timeml: TempEval-3 Task A figures for temporal expressions and Task B figures
// for event triggers.
#include "cli.hpp"
#include "eval_each.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/eval/events.hpp"
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

/// The scores of one document; event errors are formatted while its text is at hand.
struct TimemlResult {
    TimexEvaluation timex;
    EventEvaluation event;
    std::vector<std::string> event_lines;
};

std::string event_error_line(const timeml::TimemlDocument& doc, const EventError& e) {
    const bool has_gold = e.kind != "event_false_alarm";
    const bool has_system = e.kind != "event_miss";
    std::string out = e.kind + '\t' + doc.id + "\tgold=";
    if (has_gold) out.append(e.gold_span.of(doc.text)).append("|").append(e.gold_class);
    out += "\tsystem=";
    if (has_system) out.append(e.system_span.of(doc.text)).append("|").append(e.system_class);
    out += '\t';
    out += context_of(doc.text, has_gold ? e.gold_span : e.system_span);
    return out;
}

TimemlResult evaluate(const Pipeline& pipeline, const std::filesystem::path& path, bool want_lines) {
    const auto gold = timeml::read_timeml_file(path);
    Document doc{gold.id, gold.text, gold.dct, std::nullopt, std::nullopt};
    const auto system = pipeline.extract(std::move(doc));
    TimemlResult r{score_timexes(gold, system), score_events(gold_events(gold), system_events(system)), {}};
    if (want_lines)
        for (const auto& e : r.event.errors) r.event_lines.push_back(event_error_line(gold, e));
    return r;
}

void write_errors(const std::string& path, const std::vector<TimemlResult>& results) {
    AtomicFile file(path);
    auto& out = file.stream();
    std::map<std::string, std::size_t> kinds;
    for (const auto& r : results) {
        for (const auto& e : r.timex.errors) {
            ++kinds[e.kind];
            out << e.kind << '\t' << e.doc << "\tgold=" << e.gold_text << '|' << e.gold_type << '|' << e.gold_value
                << "\tsystem=" << e.system_text << '|' << e.system_type << '|' << e.system_value << '|' << e.system_rule
                << "\t" << e.context << '\n';
        }
        for (const auto& e : r.event.errors) ++kinds[e.kind];
        for (const auto& l : r.event_lines) out << l << '\n';
    }
    for (const auto& [kind, n] : kinds) out << "# " << kind << ": " << n << '\n';
    file.commit();
}

void print_events(const EventScores& e) {
    std::printf("EVENT (TempEval-3 Task B): %zu documents, %zu gold, %zu system\n", e.documents, e.strict.gold,
                e.strict.system);
    std::printf("%-10s %8s %8s %8s\n", "", "P", "R", "F1");
    print_row("strict", e.strict);
    print_row("relaxed", e.relaxed);
    print_row("class", e.cls);
    std::printf("class accuracy on matched events: %.2f%% (%zu of %zu)\n", e.accuracy(), e.cls.gold_matched,
                e.relaxed.gold_matched);
}

int run_eval_timeml(const EvalTimemlOptions& o) {
    bool failed = false;
    const auto files = list_gold_files(o.inputs, [](const std::vector<std::string>& in) { return timeml::list_timeml_files(in); }, failed);
    PipelineOptions popts;
    popts.data_dir = o.data_dir;
    const Pipeline pipeline(popts);
    auto done = score_each<TimemlResult>(files.size(), o.threads, [&](std::size_t i) { return evaluate(pipeline, files[i], !o.errors_file.empty()); }, failed);
    TimexScores total;
    EventScores events;
    for (const auto& r : done) {
        total += r.timex.scores;
        events += r.event.scores;
    }
    std::printf("TIMEX3 (TempEval-3 Task A): %zu documents, %zu gold, %zu system\n", total.documents, total.strict.gold,
                total.strict.system);
    std::printf("%-10s %8s %8s %8s\n", "", "P", "R", "F1");
    print_row("strict", total.strict);
    print_row("relaxed", total.relaxed);
    print_row("value", total.value);
    print_row("type", total.type);
    print_events(events);
    if (!o.errors_file.empty()) write_errors(o.errors_file, done);
    return failed || done.size() != files.size() ? bad_input : ok;
}

} // namespace

void setup_eval_timeml(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalTimemlOptions>();
    auto* cmd = eval_cmd.add_subcommand("timeml", "Score temporal expressions and events against TimeML (.tml) files");
    cmd->add_option("gold", opts->inputs, "TimeML files or folders")->required();
    cmd->add_option("--errors", opts->errors_file,
                    "Write every miss, false alarm, wrong extent, value, type and class to FILE");
    cmd->add_option("-j,--jobs", opts->threads, "Threads")->check(CLI::Range(1u, 256u));
    add_data_dir_option(*cmd, opts->data_dir);
    cmd->callback([opts, &outcome] { outcome.status = run_eval_timeml(*opts); });
}

} // namespace annals::cli
