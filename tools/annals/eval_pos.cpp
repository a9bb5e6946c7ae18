// annals eval pos: token accuracy of the part-of-speech tagger on CoNLL-2003 files.
#include "cli.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/core/error.hpp"
#include "annals/eval/pos.hpp"

#include <chrono>
#include <cstdio>
#include <memory>

namespace annals::cli {
namespace {

struct EvalPosOptions {
    std::vector<std::string> inputs;
    std::string errors_file;
    std::string data_dir;
    std::string wordnet_dir;
    bool own_tokens = false;
    std::size_t top = 40;
};

void write_confusions(const std::string& path, const std::vector<PosError>& errors, std::size_t top) {
    AtomicFile file(path);
    auto& out = file.stream();
    out << "# gold -> system confusions, most frequent first: count, then examples (word in [])\n";
    const auto table = confusions(errors, 8);
    for (std::size_t i = 0; i < table.size() && i < top; ++i) {
        const auto& c = table[i];
        out << c.gold << " -> " << c.system << '\t' << c.count << '\n';
        for (const auto* e : c.examples) out << "\t" << e->context << '\n';
    }
    file.commit();
}

int run_eval_pos(const EvalPosOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    const Lexicon lex(LexiconOptions{o.data_dir, o.wordnet_dir});
    const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    PosScores total;
    std::vector<PosError> errors;
    for (const auto& path : o.inputs) {
        PosScores file_total;
        for (const auto& doc : conll::read_conll_file(path)) {
            auto ev = score_pos(doc, lex, o.own_tokens ? PosTokens::segmenter : PosTokens::gold);
            file_total += ev.scores;
            errors.insert(errors.end(), std::make_move_iterator(ev.errors.begin()), std::make_move_iterator(ev.errors.end()));
        }
        std::printf("%s: %zu documents, %zu sentences, %zu tokens, accuracy %.2f%%", path.c_str(), file_total.documents,
                    file_total.sentences, file_total.tokens, file_total.accuracy());
        if (file_total.unaligned > 0) std::printf(" (%zu unaligned)", file_total.unaligned);
        std::printf("\n");
        total += file_total;
    }
    if (o.inputs.size() > 1) std::printf("all: %zu tokens, accuracy %.2f%%\n", total.tokens, total.accuracy());
    // Timing goes to stderr: stdout stays the same from run to run.
    if (total.seconds > 0)
        std::fprintf(stderr, "lexicon loaded in %.0f ms; tagging %.0f tokens/s, %.2f MB/s on one thread\n", load_ms,
                     static_cast<double>(total.tokens) / total.seconds,
                     static_cast<double>(total.bytes) / 1e6 / total.seconds);
    if (!o.errors_file.empty()) write_confusions(o.errors_file, errors, o.top);
    return ok;
}

} // namespace

void setup_eval_pos(CLI::App& eval_cmd, Outcome& outcome) {
    auto opts = std::make_shared<EvalPosOptions>();
    auto* cmd = eval_cmd.add_subcommand("pos", "Score the part-of-speech tagger against CoNLL-2003 files");
    cmd->add_option("gold", opts->inputs, "CoNLL-2003 files (word POS chunk NER)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--errors", opts->errors_file, "Write the most frequent confusions, with examples, to FILE");
    cmd->add_option("--top", opts->top, "How many confusions --errors lists");
    cmd->add_option("--wordnet-dir", opts->wordnet_dir, "Folder of the WordNet database (default: $WNSEARCHDIR or the system one)")
        ->check(CLI::ExistingDirectory);
    cmd->add_flag("--own-tokens", opts->own_tokens, "Tokenize with the project's segmenter instead of the gold tokens");
    add_data_dir_option(*cmd, opts->data_dir);
    cmd->callback([opts, &outcome] {
        try {
            outcome.status = run_eval_pos(*opts);
        } catch (const Error& e) {
            say_error(e.what());
            outcome.status = bad_input;
        }
    });
}

} // namespace annals::cli
