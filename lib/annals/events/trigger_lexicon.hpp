#pragma once
/// The trigger lexicon: the words that name events (events/triggers.tsv and user files in the
/// same format), with their constraints, and the light verbs that hand an event over to their
/// object noun (events/light_verbs.tsv). Formats in lib/data/events/README.md.

#include "annals/events/ontology.hpp"
#include "annals/events/word_map.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The part of speech a trigger row applies to.
enum class TriggerPos { verb, noun, adj };

/// "verb", "noun" or "adj".
[[nodiscard]] std::string_view to_string(TriggerPos pos) noexcept;

/// One item of a constraint's value list: a word class of the ontology or a lemma.
struct ConstraintValue {
    bool negated = false;  ///< written "!x": the slot must not match
    bool is_lemma = false; ///< written "lemma:w": the head lemma is w; else a class name
    std::string name;
};

/// One condition of a trigger row; all conditions of a row must hold.
struct TriggerConstraint {
    enum class Kind { passive, active, transitive, intransitive, plural, singular, infinitive, prep, subject, object, pp };
    Kind kind = Kind::passive;
    std::string prep;                   ///< Kind::pp: the preposition whose object is tested
    std::vector<std::string> words;     ///< Kind::prep: the prepositions any of which may follow
    std::vector<ConstraintValue> values; ///< subject, object, pp: what the slot must be
};

/// One trigger row.
struct TriggerEntry {
    std::string lemma;              ///< "pull out"
    std::vector<std::string> words; ///< {"pull", "out"}
    TriggerPos pos = TriggerPos::verb;
    std::string type;               ///< an ontology type name
    std::string timeml_class;
    std::vector<TriggerConstraint> constraints;
    std::string constraint_text;    ///< the constraint as written, "" when none
    std::string rule;               ///< unique rule id
    std::string where;              ///< "file:line"
};

/// One light or aspectual verb row.
struct LightVerb {
    std::string lemma;
    std::vector<std::string> words;
    std::string complement_prep; ///< the preposition whose object takes the event ("in"), or empty
    bool object = false;         ///< the direct object takes the event ("held a meeting")
    bool subject = false;        ///< an event-noun subject takes it ("the meeting took place")
    std::string subject_role;    ///< agent | participant | organizer | host
    std::string timeml_class;    ///< empty when the verb is no event of its own
    std::string rule;
    std::string where;
};

/// What the lexicon holds for one word: what TriggerLexicon::find(), phrases_starting_with(),
/// light_verb() and light_phrases_starting_with() give for it, found with one lookup. The
/// pointers (never null but `light`) live as long as the lexicon.
struct WordTriggers {
    std::array<const std::vector<const TriggerEntry*>*, 3> rows{}; ///< per TriggerPos
    const std::vector<const TriggerEntry*>* phrases = nullptr;
    const LightVerb* light = nullptr;
    const std::vector<const LightVerb*>* light_phrases = nullptr;

    /// The rows of this part of speech (find()).
    [[nodiscard]] const std::vector<const TriggerEntry*>& find(TriggerPos pos) const noexcept {
        return *rows[static_cast<std::size_t>(pos)];
    }
};

/// The loaded lexicon. Move-only (it holds pointers into itself); immutable after loading, so
/// every const member is safe to call from several threads at once.
class TriggerLexicon {
public:
    /// Reads `<data_dir>/events/triggers.tsv`, then `extra_trigger_files` (a user's own triggers
    /// in the same format), then `<data_dir>/events/light_verbs.tsv`, checking every type and
    /// word class against `ontology`. Throws Error(Errc::io) for an unreadable file and
    /// Error(Errc::bad_data, "file:line") for a malformed row, an unknown type, class or
    /// constraint, or a rule id used twice.
    [[nodiscard]] static TriggerLexicon load(const Ontology& ontology, const std::string& data_dir,
                                             const std::vector<std::string>& extra_trigger_files = {});

    /// The same from explicit file lists (trigger files in order, then light-verb files).
    [[nodiscard]] static TriggerLexicon load_files(const Ontology& ontology, const std::vector<std::string>& trigger_files,
                                                   const std::vector<std::string>& light_verb_files);

    TriggerLexicon(TriggerLexicon&&) noexcept = default;
    TriggerLexicon& operator=(TriggerLexicon&&) noexcept = default;
    TriggerLexicon(const TriggerLexicon&) = delete;
    TriggerLexicon& operator=(const TriggerLexicon&) = delete;
    ~TriggerLexicon() = default;

    /// The rows for this lemma (a phrase for multi-word triggers) and part of speech: the rows of
    /// later files first (a user's file refines the built-in one), each file in file order. The
    /// first row whose constraints hold wins. Empty when none.
    [[nodiscard]] const std::vector<const TriggerEntry*>& find(std::string_view lemma, TriggerPos pos) const;
    /// Multi-word rows whose first word is `first_lemma`, longest first (then in the order of
    /// find()); matching the rest of the phrase is left to the caller.
    [[nodiscard]] const std::vector<const TriggerEntry*>& phrases_starting_with(std::string_view first_lemma) const;
    /// The light verb of this lemma (or phrase), or nullptr.
    [[nodiscard]] const LightVerb* light_verb(std::string_view lemma) const;
    /// Multi-word light verbs whose first word is `first_lemma`, longest first.
    [[nodiscard]] const std::vector<const LightVerb*>& light_phrases_starting_with(std::string_view first_lemma) const;

    /// Everything the four lookups above give for `word`, at once. A word this thread has met
    /// before with this lexicon costs one probe of a per-thread memo. Thread-safe.
    [[nodiscard]] const WordTriggers& lookup(std::string_view word) const;

    /// A number no other lexicon loaded in this process shares: per-thread memos of what it
    /// answers are keyed by it (an address may be reused by a later lexicon).
    [[nodiscard]] std::uint64_t serial() const noexcept { return serial_; }

    /// Every trigger row in load order.
    [[nodiscard]] const std::vector<TriggerEntry>& entries() const noexcept { return entries_; }
    /// Every light verb row in load order.
    [[nodiscard]] const std::vector<LightVerb>& light_verbs() const noexcept { return light_; }

private:
    TriggerLexicon() = default;
    void add_triggers(const Ontology& ontology, const std::string& path);
    void add_light_verbs(const std::string& path);
    void build_indexes(const std::vector<std::size_t>& file_starts);

    std::vector<TriggerEntry> entries_;
    std::vector<LightVerb> light_;
    detail::WordIndex<std::array<std::vector<const TriggerEntry*>, 3>> by_lemma_;
    detail::WordIndex<std::vector<const TriggerEntry*>> phrases_;
    detail::WordIndex<const LightVerb*> light_by_lemma_;
    detail::WordIndex<std::vector<const LightVerb*>> light_phrases_;
    std::vector<WordTriggers> words_;           ///< [0]: a word the lexicon does not hold
    detail::WordIndex<std::uint32_t> word_ids_; ///< every word of the four indexes: its words_ index
    std::uint64_t serial_ = 0;                  ///< tells the per-thread memo apart lexicons
};

} // namespace annals
