// annals eval ecb: event, time, place and participant mentions against ECB+, by token overlap.
#include "cli.hpp"
#include "eval_each.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/eval/ecb.hpp"
#include "annals/pipeline.hpp"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace annals::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSentenceList = "ECBplus_coreference_sentences.csv";

struct EvalEcbOptions {
    std::vector<std::string> inputs;
    std::string sentences_file;
    std::string errors_file;
    std::string data_dir;
    unsigned threads = 1;
};

struct EcbResult {
    EcbEvaluation ev;
    bool listed = false;            ///< the document has sentences in the list
    std::vector<std::string> lines; ///< --errors lines, formatted while the text is at hand
};

// The list beside the corpus: in an input folder or the folder above it.
std::optional<fs::path> find_sentence_list(const std::vector<std::string>& inputs) {
    for (const auto& input : inputs) {
        std::error_code ec;
        auto dir = fs::path(input);
        if (dir.filename().empty() || !fs::is_directory(dir, ec)) dir = dir.parent_path();
        for (const auto& candidate : {dir / kSentenceList, dir.parent_path() / kSentenceList})
            if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return std::nullopt;
}

std::string error_line(const ecb::EcbDocument& doc, const EcbError& e) {
    Span sentence{e.span.begin, e.span.end};
    for (const auto& t : doc.tokens)
        if (t.sentence == e.sentence) {
            sentence.begin = std::min(sentence.begin, t.span.begin);
            sentence.end = std::max(sentence.end, t.span.end);
        }
    std::string out = e.kind + '\t' + doc.name + "\tsentence " + std::to_string(e.sentence) + '\t' + e.category + '\t';
    out.append(e.span.of(doc.text)).append("\t");
    out.append(doc.text, sentence.begin, e.span.begin - sentence.begin);
    out.append("[[").append(e.span.of(doc.text)).append("]]");
    out.append(doc.text, e.span.end, sentence.end - e.span.end);
    for (auto& c : out)
        if (c == '\n') c = ' ';
    return out;
}

EcbResult evaluate(const Pipeline& pipeline, const fs::path& path, const ecb::SentenceList& list, bool want_lines) {
    const auto doc = ecb::read_ecb_file(path);
    EcbResult r;
    const auto it = list.sentences.find(doc.name);
    r.listed = it != list.sentences.end();
    if (!r.listed) {
        r.ev.scores.documents = 1; // read, nothing to score
        return r;
    }
    const auto x = pipeline.extract(Document{doc.name, doc.text, std::nullopt, std::nullopt, std::nullopt});
    r.ev = score_ecb(doc, it->second, ecb_system_mentions(x));
    if (want_lines)
        for (const auto& e : r.ev.errors) r.lines.push_back(error_line(doc, e));
    return r;
}

void write_errors(const std::string& path, const std::vector<EcbResult>& results) {
    AtomicFile file(path);
    auto& out = file.stream();
    out << "# kind\tdocument\tsentence\tcategory\twords\tsentence text, [[mention]] marked\n";
    std::map<std::string, std::size_t> kinds;
    for (const auto& r : results) {
        for (const auto& e : r.ev.errors) ++kinds[e.kind + " " + e.category];
        for (const auto& l : r.lines) out << l << '\n';
    }
    for (const auto& [kind, n] : kinds) out << "# " << kind << ": " << n << '\n';
    file.commit();
}

void print_scores(const EcbScores& s, std::size_t unlisted) {
    std::printf("ECB+ mentions, token overlap: %zu documents (%zu with no listed sentence), %zu sentences scored\n",
                s.documents, unlisted, s.sentences);
    std::printf("%-10s %8s %8s %8s %8s %8s\n", "", "gold", "system", "P", "R", "F1");
    for (const auto c : kEcbCategories) {
        const auto it = s.by_category.find(c);
        const Prf p = it == s.by_category.end() ? Prf{} : it->second;
        std::printf("%-10.*s %8zu %8zu %8.2f %8.2f %8.2f\n", static_cast<int>(c.size()), c.data(), p.gold, p.system,
                    p.precision(), p.recall(), p.f1());
    }
}

int run_eval_ecb(const EvalEcbOptions& o) {
    const auto list_path = o.sentences_file.empty() ? find_sentence_list(o.inputs) : fs::path(o.sentences_file);
    if (!list_path) {
        say_error(std::string("no ") + kSentenceList + " in or above the input folders; give it with --sentences");
        return bad_input;
    }
    const auto list = ecb::read_sentence_list(*list_path);
    bool failed = !list.problems.empty();
    for (const auto& p : list.problems) say_error(p.what());
    const auto files = list_gold_files(o.inputs, [](const std::vector<std::string>& in) { return ecb::list_ecb_files(in); }, failed);
    PipelineOptions popts;
    popts.data_dir = o.data_dir;
    const Pipeline pipeline(popts);
    auto done = score_each<EcbResult>(files.size(), o.threads, [&](std::size_t i) { return evaluate(pipeline, files[i], list, !o.errors_file.empty()); }, failed);
    EcbScores total;
    std::size_t unlisted = 0;
    for (const auto& r : done) {
        total += r.ev.scores;
        unlisted += r.listed ? 0 : 1;
    }
    print_scores(total, unlisted);
    if (!o.errors_file.empty()) write_errors(o.errors_file, done);
    return failed ? bad_input : ok;
}

} // namespace

void setup_eval_ecb(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalEcbOptions>();
    auto* cmd = eval_cmd.add_subcommand("ecb", "Score event, time, place and participant mentions against ECB+");
    cmd->add_option("gold", opts->inputs, "ECB+ folders or .xml files")->required();
    cmd->add_option("--sentences", opts->sentences_file,
                    std::string("The list of annotated sentences (default: ") + kSentenceList +
                        " in or above the input folder)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--errors", opts->errors_file, "Write every miss and false alarm, with its sentence, to FILE");
    cmd->add_option("-j,--jobs", opts->threads, "Threads")->check(CLI::Range(1u, 256u));
    add_data_dir_option(*cmd, opts->data_dir);
    cmd->callback([opts, &outcome] {
        try {
            outcome.status = run_eval_ecb(*opts);
        } catch (const Error& e) {
            say_error(e.what());
            outcome.status = bad_input;
        }
    });
}

} // namespace annals::cli
