#pragma once
// Shared pieces of the subcommands: exit codes, messages, option helpers.

#include "annals/ingest/reader.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace annals::cli {

/// Exit statuses of every subcommand.
enum Exit : int { ok = 0, bad_input = 1, bad_usage = 2 };

/// What a subcommand's callback leaves for main to return.
struct Outcome {
    int status = ok;
};

/// Prints "annals: <message>" on stderr.
void say_error(const std::string& message);
/// Prints an input problem as "annals: <file:line>: <message>" on stderr.
void say_problem(const InputProblem& p);
/// Data folder given by --data-dir, or the default.
void add_data_dir_option(CLI::App& cmd, std::string& data_dir);
/// Adds --dct with validation.
void add_dct_option(CLI::App& cmd, std::string& dct);
/// True when stderr is a terminal (progress lines are shown only then).
[[nodiscard]] bool stderr_is_terminal();

// One registration function per subcommand (cmd_<name>.cpp).
void setup_extract(CLI::App& app, Outcome& outcome);
void setup_build(CLI::App& app, Outcome& outcome);
void setup_eval(CLI::App& app, Outcome& outcome);
void setup_merge(CLI::App& app, Outcome& outcome);
void setup_query(CLI::App& app, Outcome& outcome);
void setup_timeline(CLI::App& app, Outcome& outcome);
void setup_export(CLI::App& app, Outcome& outcome);

// `annals eval <kind>`: one registration function per corpus kind (eval_<kind>.cpp).
void setup_eval_timeml(CLI::App& eval_cmd, Outcome& outcome);
void setup_eval_pos(CLI::App& eval_cmd, Outcome& outcome);
void setup_eval_sentences(CLI::App& eval_cmd, Outcome& outcome);
void setup_eval_conll(CLI::App& eval_cmd, Outcome& outcome);
void setup_eval_enamex(CLI::App& eval_cmd, Outcome& outcome);
void setup_eval_ecb(CLI::App& eval_cmd, Outcome& outcome);

} // namespace annals::cli
