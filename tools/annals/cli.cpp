#include "cli.hpp"

#include <iostream>
#include <unistd.h>

namespace annals::cli {

void say_error(const std::string& message) { std::cerr << "annals: " << message << '\n'; }

void say_problem(const InputProblem& p) {
    std::cerr << "annals: " << p.where.str() << ": " << p.message << '\n';
}

void add_data_dir_option(CLI::App& cmd, std::string& data_dir) {
    cmd.add_option("--data-dir", data_dir, "Folder of dictionaries and ontologies (default: the installed one)")
        ->check(CLI::ExistingDirectory);
}

void add_dct_option(CLI::App& cmd, std::string& dct) {
    cmd.add_option("--dct", dct, "Document creation time for documents without a date (ISO 8601)")
        ->check([](const std::string& v) { return check_dct(v).value_or(std::string{}); });
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

} // namespace annals::cli
