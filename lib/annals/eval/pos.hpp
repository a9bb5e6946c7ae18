#pragma once
/// Scoring of the part-of-speech tagger against the POS column of CoNLL-2003 files.

#include "annals/eval/conll_reader.hpp"
#include "annals/lexicon/lexicon.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace annals {

/// One wrong tag, with the word and a few words of context.
struct PosError {
    std::string word, gold, system, context;
};

/// Token accuracy; tokens are aligned by span, so a gold token the system split or merged is
/// wrong.
struct PosScores {
    std::size_t documents = 0, sentences = 0, tokens = 0, correct = 0, unaligned = 0;
    std::size_t bytes = 0; ///< text tagged
    double seconds = 0;    ///< CPU time spent segmenting, tagging and lemmatizing, not reading
    [[nodiscard]] double accuracy() const noexcept {
        return tokens ? 100.0 * static_cast<double>(correct) / static_cast<double>(tokens) : 0.0;
    }
    PosScores& operator+=(const PosScores& o) noexcept;
};

struct PosEvaluation {
    PosScores scores;
    std::vector<PosError> errors;
};

/// How tokens are found: the gold tokens, or the project's segmenter (aligned by span).
enum class PosTokens { gold, segmenter };

/// Tags `doc` and compares with its POS column. The three quote tags (``, '' and the corpus's
/// plain ") count as one, as CoNLL-2003 writes every double quote as ". Thread-safe.
[[nodiscard]] PosEvaluation score_pos(const conll::ConllDocument& doc, const Lexicon& lex,
                                      PosTokens tokens = PosTokens::gold);

/// The most frequent gold -> system confusions, most frequent first, each with up to
/// `examples` of its errors (the first met). Deterministic.
struct Confusion {
    std::string gold, system;
    std::size_t count = 0;
    std::vector<const PosError*> examples;
};
[[nodiscard]] std::vector<Confusion> confusions(const std::vector<PosError>& errors, std::size_t examples = 5);

} // namespace annals
