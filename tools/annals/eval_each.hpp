#pragma once
// The frame every `annals eval` command shares: list the gold files, score each on N threads,
// report the ones that fail and keep the rest in input order.

#include "cli.hpp"

#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace annals::cli {

/// The files `list` finds under each input; an input it cannot read is reported and sets `failed`.
template <class List>
std::vector<std::filesystem::path> list_gold_files(const std::vector<std::string>& inputs, List list, bool& failed) {
    std::vector<std::filesystem::path> files;
    for (const auto& input : inputs) {
        try {
            const auto found = list(std::vector<std::string>{input});
            files.insert(files.end(), found.begin(), found.end());
        } catch (const Error& e) {
            say_error(e.what());
            failed = true;
        }
    }
    return files;
}

/// Runs `score(i)` for every i below `count` on `threads` threads. An item whose scoring throws
/// Error is reported and left out, and sets `failed`; the others come back in item order.
template <class Result, class Score>
std::vector<Result> score_each(std::size_t count, unsigned threads, Score score, bool& failed) {
    std::vector<std::optional<Result>> results(count);
    std::vector<std::string> failures(count);
    parallel_for(count, threads, [&](std::size_t i) {
        try {
            results[i] = score(i);
        } catch (const Error& e) {
            failures[i] = e.what();
        }
    });
    std::vector<Result> done;
    done.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (!failures[i].empty()) {
            say_error(failures[i]);
            failed = true;
        }
        if (results[i]) done.push_back(std::move(*results[i]));
    }
    return done;
}

} // namespace annals::cli
