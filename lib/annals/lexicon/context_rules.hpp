#pragma once
/// Brill-style contextual rules: "change tag A to B when the context is C", kept in one data
/// file (lexicon/context_rules.tsv) and applied in order.

#include "annals/lexicon/pos_tag.hpp"
#include "annals/lexicon/string_table.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// One token as the rules see it.
struct TagSlot {
    std::string_view lower; ///< the word in lower case
    TagSet allowed = 0;     ///< the tags a rule may give it
    /// ContextRules::word_id(lower), or `unset`: apply() looks it up then. A caller that sees
    /// the same word often keeps its id, so the rules compare numbers, not strings.
    std::int32_t rule_word = unset;
    PosTag tag = PosTag::NN; ///< the current tag
    bool capitalized = false;
    static constexpr std::int32_t unset = -2;
};
// (The members are ordered so that a slot, which the tagger copies for every token, fills 32
// bytes without padding holes.)

/// The rule table. File format (after the format line): lines "define<TAB>@name<TAB>w1 w2 ..."
/// name word classes; rule lines are "FROM<TAB>TO<TAB>cond<TAB>cond...", all conditions must
/// hold. A condition is <kind><offset>[..<offset>](=|!=)<values>: kind t (tag), w (lower-case
/// word), a and b (tag and word of the nearest token that is not an adverb, offset -1 or +1),
/// s (suffix of the word), c
/// (capitalized: yes/no); an offset range means "any position in it"; values are separated by
/// '|', tags may be BOS/EOS (outside the sentence), words may be @classes. A rule changes a
/// tag only to one the token allows.
class ContextRules {
public:
    ContextRules() = default;
    /// Reads the table; throws Error (Errc::io, Errc::bad_data with file:line).
    [[nodiscard]] static ContextRules load(const std::string& path);
    /// Applies every rule in order, each left to right over the sentence. Thread-safe.
    void apply(std::span<TagSlot> sentence) const;
    [[nodiscard]] std::size_t size() const noexcept { return rules_.size(); }
    /// The number of `lower` among the words the rules name (w and b conditions), or -1 when
    /// no rule names it. Thread-safe.
    [[nodiscard]] std::int32_t word_id(std::string_view lower) const noexcept;

    struct Condition {
        char kind = 't';
        int first = 0, last = 0; ///< offsets relative to the token
        bool negate = false;
        TagSet tags = 0;
        bool bos = false, eos = false; ///< the tag values BOS / EOS
        std::vector<std::string> words;       ///< words (w, b), suffixes (s), yes/no (c)
        std::vector<std::uint64_t> word_bits; ///< w, b: bit word_id(x) set for each listed word
        bool yes = false;                     ///< c: the value is "yes"
        TagSet mask = 0;                      ///< t, a: `tags` with the bits that stand for BOS, EOS
    };
    struct Rule {
        PosTag from = PosTag::NN, to = PosTag::NN;
        std::vector<Condition> conditions;
    };

    /// A condition as apply() tests it: flat, its kind and offsets decided once at load time.
    struct Test {
        std::uint8_t op = 0; ///< what to test (Op in context_rules.cpp)
        bool negate = false;
        std::int8_t first = 0, last = 0;
        TagSet mask = 0;        ///< tag tests: the bits that pass; cap tests: the wanted value
        std::uint32_t set = 0;  ///< word tests: first 64-bit word of the word set in word_bits;
                                ///< suffix tests: index in suffixes
        std::uint32_t size = 0; ///< word tests: the set's length in 64-bit words
    };
    /// A rule as apply() runs it: its tests are tests[first_test, end_test).
    struct Step {
        PosTag from = PosTag::NN, to = PosTag::NN;
        std::uint32_t first_test = 0, end_test = 0;
    };
    /// The rules in the form apply() runs: flat arrays, no strings but the suffixes.
    struct Program {
        std::vector<Step> steps;
        std::vector<Test> tests;
        std::vector<std::uint64_t> word_bits;
        std::vector<std::vector<std::string>> suffixes;
        TagSet to_tags = 0; ///< the tags some rule changes to
    };

private:
    void compile();

    std::vector<Rule> rules_;
    std::deque<std::string> word_bytes_; ///< the bytes word_ids_ views (a deque never moves them)
    detail::StringTable word_ids_;
    std::array<std::uint64_t, 4> first_bytes_{}; ///< bit set of the first bytes of word_ids_' words
    Program program_;
};

} // namespace annals
