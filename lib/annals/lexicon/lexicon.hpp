#pragma once
/// The lexical ground of the extractor: WordNet for open-class words, the project's closed-class
/// lexicon, irregular verb forms, suffix guesses for unknown words and the tagger's context rules.

#include "annals/lexicon/context_rules.hpp"
#include "annals/lexicon/pos_tag.hpp"
#include "annals/lexicon/wordnet.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace annals {

/// Where the lexicon's resources are.
struct LexiconOptions {
    /// Folder of the annals data files (holding lexicon/*.tsv); empty means default_data_dir().
    std::string data_dir;
    /// Folder of the WordNet database (index.noun, data.noun, ...); empty means
    /// default_wordnet_dir().
    std::string wordnet_dir;
};

/// What the lexicon says about one lower-case word before context is looked at.
struct WordAnalysis {
    PosTag best = PosTag::NN;  ///< the most likely tag out of context
    TagSet tags = 0;           ///< every tag the word may take (context rules choose among them)
    bool known = false;        ///< found in the closed-class lexicon or in WordNet
    bool closed = false;       ///< a closed-class word
};

/// All lexical resources, loaded once. Construction throws Error: Errc::io when the WordNet
/// folder or a data file is missing, Errc::bad_data (with file:line) when one is malformed.
/// Every member is const and thread-safe; one Lexicon serves any number of threads.
class Lexicon {
public:
    explicit Lexicon(const LexiconOptions& opts = {});
    ~Lexicon();
    Lexicon(Lexicon&&) noexcept;
    Lexicon& operator=(Lexicon&&) noexcept;

    /// The candidate tags of a lower-case word: closed class first, then WordNet's parts of
    /// speech ordered by frequency (SemCor counts and sense counts), then suffix guesses.
    [[nodiscard]] WordAnalysis analyze(std::string_view lower) const;
    /// The lemma of `word` (as written) given its tag: lower case for common words ("held"/VBD
    /// -> "hold", "meetings"/NNS -> "meeting", "better"/JJR -> "good"), as written for NNP(S).
    [[nodiscard]] std::string lemma(std::string_view word, PosTag tag) const;
    /// The lemma the closed-class lexicon gives a lower-case word ("was" -> "be"), or "".
    [[nodiscard]] std::string_view closed_lemma(std::string_view lower) const noexcept;
    /// A sequence of id numbers unique to this object, so caches can tell lexicons apart.
    [[nodiscard]] std::uint64_t id() const noexcept;

    [[nodiscard]] const WordNet& wordnet() const noexcept;
    [[nodiscard]] const ContextRules& rules() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace annals
