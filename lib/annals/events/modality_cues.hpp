#pragma once
/// Modality and polarity cue lists (events/modality_cues.tsv, events/scope_terminators.tsv):
/// the words that make an event negated, hypothetical, future or reported, with their scope.
/// Formats in lib/data/events/README.md.

#include "annals/events/word_map.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

/// The non-asserted modalities of Event::modality.
enum class ModalityClass { negated, hypothetical, future, reported };

/// "negated", "hypothetical", "future" or "reported" (the Event::modality strings).
[[nodiscard]] std::string_view to_string(ModalityClass c) noexcept;

/// Where a cue's scope lies relative to the cue.
enum class ScopeDirection { forward, backward, both };

/// What bounds a cue's scope.
enum class ScopeUnit { tokens, clause, sentence };

/// One cue row.
struct ModalityCue {
    std::string text;               ///< "plan to"
    std::vector<std::string> words; ///< {"plan", "to"}
    ModalityClass cls = ModalityClass::negated;
    ScopeDirection direction = ScopeDirection::forward;
    ScopeUnit unit = ScopeUnit::tokens;
    std::size_t window = 0;  ///< tokens, when unit is ScopeUnit::tokens
    bool match_lemma = false; ///< words match token lemmas, else lower-cased token text
    std::string where;        ///< "file:line"
};

/// One scope terminator row.
struct ScopeTerminator {
    std::string text;
    std::vector<std::string> words;
    std::array<bool, 4> ends{}; ///< indexed by ModalityClass: whether it ends that class's scope
    std::string where;
};

/// The loaded cue lists. Move-only (it holds pointers into itself); immutable after loading,
/// so every const member is safe to call from several threads at once.
class ModalityCues {
public:
    /// Reads `<data_dir>/events/modality_cues.tsv`, then `extra_cue_files`, then
    /// `<data_dir>/events/scope_terminators.tsv`. Throws Error(Errc::io) for an unreadable file
    /// and Error(Errc::bad_data, "file:line") for a malformed row or a cue listed twice.
    [[nodiscard]] static ModalityCues load(const std::string& data_dir, const std::vector<std::string>& extra_cue_files = {});
    /// The same from explicit file lists.
    [[nodiscard]] static ModalityCues load_files(const std::vector<std::string>& cue_files,
                                                 const std::vector<std::string>& terminator_files);

    ModalityCues(ModalityCues&&) noexcept = default;
    ModalityCues& operator=(ModalityCues&&) noexcept = default;
    ModalityCues(const ModalityCues&) = delete;
    ModalityCues& operator=(const ModalityCues&) = delete;
    ~ModalityCues() = default;

    /// Cues matched by token text whose first word is `first_form` (lower case), longest first;
    /// matching the rest of the phrase is left to the caller.
    [[nodiscard]] const std::vector<const ModalityCue*>& form_cues_starting_with(std::string_view first_form) const;
    /// Cues matched by lemma whose first word is `first_lemma`, longest first.
    [[nodiscard]] const std::vector<const ModalityCue*>& lemma_cues_starting_with(std::string_view first_lemma) const;
    /// Terminators whose first word is `first_form`, longest first.
    [[nodiscard]] const std::vector<const ScopeTerminator*>& terminators_starting_with(std::string_view first_form) const;

    /// Every cue in load order.
    [[nodiscard]] const std::vector<ModalityCue>& cues() const noexcept { return cues_; }
    /// Every terminator in load order.
    [[nodiscard]] const std::vector<ScopeTerminator>& terminators() const noexcept { return terminators_; }

private:
    ModalityCues() = default;
    void add_cues(const std::string& path);
    void add_terminators(const std::string& path);
    void build_indexes();

    std::vector<ModalityCue> cues_;
    std::vector<ScopeTerminator> terminators_;
    detail::WordIndex<std::vector<const ModalityCue*>> by_form_;
    detail::WordIndex<std::vector<const ModalityCue*>> by_lemma_;
    detail::WordIndex<std::vector<const ScopeTerminator*>> terminator_index_;
};

} // namespace annals
