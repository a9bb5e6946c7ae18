// annals eval enamex: exact-span named-entity figures against the ENAMEX tags of TimeML files.
#include "cli.hpp"
#include "eval_each.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/eval/names.hpp"
#include "annals/eval/timeml.hpp"
#include "annals/pipeline.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <optional>

namespace annals::cli {
namespace {

struct EvalEnamexOptions {
    std::vector<std::string> inputs;
    std::string errors_file;
    std::string data_dir;
    unsigned threads = 1;
};

struct EnamexResult {
    NameEvaluation ev;
    std::vector<std::string> lines; ///< --errors lines, formatted while the text is at hand
};

std::string error_line(const std::string& file, const std::string& text, const NameError& e) {
    std::string out = std::string(name_error_kind(e.kind)) + '\t' + file;
    out += "\tgold=";
    if (e.gold) out.append(e.gold->span.of(text)).append("|").append(e.gold->label);
    out += "\tsystem=";
    if (e.system) out.append(e.system->span.of(text)).append("|").append(e.system->label);
    out += '\t';
    out += context_of(text, e.span());
    return out;
}

EnamexResult evaluate(const Pipeline& pipeline, const std::filesystem::path& path, bool want_lines) {
    const auto gold = timeml::read_timeml_file(path);
    Document doc{gold.id, gold.text, gold.dct, std::nullopt, std::nullopt};
    EnamexResult r;
    r.ev = score_names(enamex_names(gold), system_names(pipeline.extract(std::move(doc))));
    if (want_lines)
        for (const auto& e : r.ev.errors) r.lines.push_back(error_line(path.filename().string(), gold.text, e));
    return r;
}

void write_errors(const std::string& path, const std::vector<EnamexResult>& results) {
    AtomicFile file(path);
    auto& out = file.stream();
    out << "# kind\tfile\tgold=words|label\tsystem=words|label\tcontext, [[name]] marked\n";
    std::map<std::string, std::size_t> kinds;
    for (const auto& r : results) {
        for (const auto& e : r.ev.errors) ++kinds[name_error_kind(e.kind)];
        for (const auto& l : r.lines) out << l << '\n';
    }
    for (const auto& [kind, n] : kinds) out << "# " << kind << ": " << n << '\n';
    file.commit();
}

int run_eval_enamex(const EvalEnamexOptions& o) {
    bool failed = false;
    const auto files = list_gold_files(o.inputs, [](const std::vector<std::string>& in) { return timeml::list_timeml_files(in); }, failed);
    PipelineOptions popts;
    popts.data_dir = o.data_dir;
    const Pipeline pipeline(popts);
    auto done = score_each<EnamexResult>(files.size(), o.threads, [&](std::size_t i) { return evaluate(pipeline, files[i], !o.errors_file.empty()); }, failed);
    NameScores total;
    for (const auto& r : done) total += r.ev.scores;
    std::printf("ENAMEX names, exact span: %zu documents\n", total.documents);
    std::fputs(format_name_scores(total).c_str(), stdout);
    if (!o.errors_file.empty()) write_errors(o.errors_file, done);
    return failed || done.size() != files.size() ? bad_input : ok;
}

} // namespace

void setup_eval_enamex(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalEnamexOptions>();
    auto* cmd =
        eval_cmd.add_subcommand("enamex", "Score named entities against the ENAMEX tags of TimeML (.tml) files");
    cmd->add_option("gold", opts->inputs, "TimeML files or folders")->required();
    cmd->add_option("--errors", opts->errors_file, "Write every miss, false alarm and wrong type to FILE");
    cmd->add_option("-j,--jobs", opts->threads, "Threads")->check(CLI::Range(1u, 256u));
    add_data_dir_option(*cmd, opts->data_dir);
    cmd->callback([opts, &outcome] {
        try {
            outcome.status = run_eval_enamex(*opts);
        } catch (const Error& e) {
            say_error(e.what());
            outcome.status = bad_input;
        }
    });
}

} // namespace annals::cli
