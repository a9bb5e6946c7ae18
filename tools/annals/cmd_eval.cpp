// annals eval: score the extractor against annotated corpora. Each corpus kind registers
// itself as a subcommand of `eval` from its own eval_<kind>.cpp.
#include "cli.hpp"

namespace annals::cli {

void setup_eval(CLI::App& app, Outcome& outcome) {
    auto* cmd = app.add_subcommand("eval", "Score the extractor against annotated corpora");
    cmd->require_subcommand(1);
    // Each kind adds one line here.
    setup_eval_timeml(*cmd, outcome);
    setup_eval_pos(*cmd, outcome);
    setup_eval_sentences(*cmd, outcome);
    setup_eval_conll(*cmd, outcome);
    setup_eval_enamex(*cmd, outcome);
    setup_eval_ecb(*cmd, outcome);
}

} // namespace annals::cli
