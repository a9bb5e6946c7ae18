#pragma once
/// Read access to the WordNet 3.x database (Princeton's files as Debian's wordnet-base ships
/// them): lemmas, morphology (morphy), sense counts, lexicographer files and derivational links.

#include "annals/lexicon/mapped_file.hpp"
#include "annals/lexicon/string_table.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// WordNet's four parts of speech (satellite adjectives count as adjectives).
enum class WnPos : std::uint8_t { noun, verb, adj, adv };
inline constexpr std::size_t wn_pos_count = 4;

/// "n", "v", "a", "r".
[[nodiscard]] std::string_view wn_pos_name(WnPos pos) noexcept;

/// How a surface form relates to the base form morphy found for it.
enum class Inflection : std::uint8_t {
    base,        ///< the word itself is a lemma
    plural,      ///< noun detachment rule (-s, -es, -ies, -men)
    third_person,///< verb -s, -es, -ies
    past,        ///< verb -ed (past tense or participle)
    gerund,      ///< verb -ing
    comparative, ///< adjective -er
    superlative, ///< adjective -est
    irregular,   ///< from an exception list (went -> go, mice -> mouse, better -> good)
};

/// One base form of a word: the lemma (a view into the WordNet object) and how it was reached.
struct BaseForm {
    std::string_view lemma;
    Inflection inflection = Inflection::base;
    std::uint16_t senses = 0; ///< sense_count(lemma, pos), read with the lemma
    std::uint16_t tagged = 0; ///< tagged_count(lemma, pos), read with the lemma
};

/// Up to eight base forms, in morphy's order: exceptions, the word itself, detachment rules.
struct BaseForms {
    std::array<BaseForm, 8> items{};
    std::uint8_t count = 0;
    [[nodiscard]] const BaseForm* begin() const noexcept { return items.data(); }
    [[nodiscard]] const BaseForm* end() const noexcept { return items.data() + count; }
    [[nodiscard]] bool empty() const noexcept { return count == 0; }
};

/// A derivationally related word ("+" pointer): withdraw (v) -> withdrawal (n).
struct Derivation {
    std::string lemma;
    WnPos pos = WnPos::noun;
    friend bool operator==(const Derivation&, const Derivation&) = default;
};

/// The database of one WordNet folder. Lemmas are lower case with '_' between the words of a
/// collocation ("united_states"); callers normalise with wn_key(). Construction reads the index
/// files, exception lists and cntlist.rev; synsets in data.* are read lazily from a memory
/// map when asked for. Throws Error(Errc::io) when a file is missing and Error(Errc::bad_data)
/// when one is malformed. All const members are thread-safe.
class WordNet {
public:
    explicit WordNet(const std::string& dir);
    ~WordNet();
    WordNet(WordNet&&) noexcept;
    WordNet& operator=(WordNet&&) noexcept;

    /// True when `lemma` has senses as `pos`.
    [[nodiscard]] bool contains(std::string_view lemma, WnPos pos) const noexcept;
    /// The number of senses of `lemma` as `pos` (0 when absent).
    [[nodiscard]] unsigned sense_count(std::string_view lemma, WnPos pos) const noexcept;
    /// How often `lemma` as `pos` was sense-tagged in the SemCor concordance (cntlist.rev),
    /// a frequency estimate; 0 when absent or never tagged.
    [[nodiscard]] unsigned tagged_count(std::string_view lemma, WnPos pos) const noexcept;
    /// Morphy: the base forms of the lower-case `word` as `pos` that WordNet knows, from the
    /// exception list, the word itself, then the detachment rules. No allocation.
    [[nodiscard]] BaseForms base_forms(std::string_view word, WnPos pos) const noexcept;
    /// base_forms(word, pos) of every part of speech at once, out[p] for WnPos p: the same
    /// forms in the same order, but the word and each distinct candidate (morphy's rules for
    /// nouns and verbs make some alike) are hashed and looked up once. No allocation.
    void all_base_forms(std::string_view word, std::array<BaseForms, wn_pos_count>& out) const noexcept;
    /// Starts loading every table slot base_forms(word, pos) will read for any pos, so that
    /// calls right after it find them in the cache. Only a hint: changes no result.
    void prefetch_base_forms(std::string_view word) const noexcept;
    /// The lexicographer files ("noun.event", "verb.motion") of the senses of `lemma` as
    /// `pos`, most frequent sense first, without repeats.
    [[nodiscard]] std::vector<std::string_view> lexicographer_files(std::string_view lemma, WnPos pos) const;
    /// The lexicographer file of each sense of `lemma` as `pos`, in sense order, repeats kept:
    /// how many senses fall in a file says how typical that reading is.
    [[nodiscard]] std::vector<std::string_view> sense_lexicographer_files(std::string_view lemma, WnPos pos) const;
    /// True when one of the first `max_senses` noun senses of `lemma` lies under a synset that
    /// holds the word `ancestor` (hypernym and instance-hypernym pointers, followed up to the
    /// root): has_hypernym("missile", "weapon"). `ancestor` is written as wn_key writes it.
    [[nodiscard]] bool has_hypernym(std::string_view lemma, std::string_view ancestor, std::size_t max_senses = 3) const;
    /// True when the most frequent noun sense of `lemma` is written with a capital in WordNet
    /// ("london", "essex"): a proper name, whatever case the text uses.
    [[nodiscard]] bool is_proper_noun(std::string_view lemma) const;
    /// Words derivationally related to `lemma` as `pos`, in sense order, without repeats.
    [[nodiscard]] std::vector<Derivation> derivations(std::string_view lemma, WnPos pos) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Lower-cases ASCII letters and turns spaces into '_', as WordNet's index keys are written.
[[nodiscard]] std::string wn_key(std::string_view word);

/// The folder named by $WNSEARCHDIR (WordNet's own variable) if set, else /usr/share/wordnet.
[[nodiscard]] std::string default_wordnet_dir();

} // namespace annals
