#pragma once
/// The words that tell what a name is (entities/cues.tsv): titles and roles before person names,
/// the heads of organization, place and facility names, name particles and group nouns.

#include "annals/core/utf8.hpp"
#include "annals/core/word_index.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

/// What a cue word says; one word may say several things ("Justice": a role and a role modifier).
enum class Cue : std::uint16_t {
    honorific = 1 << 0,
    role = 1 << 1,
    role_mod = 1 << 2,
    org_head = 1 << 3,
    org_first = 1 << 4,
    place_head = 1 << 5,
    fac_head = 1 << 6,
    particle = 1 << 7,
    group = 1 << 8,
};

/// The loaded cue table. Every member is const after load() and thread-safe.
class EntityCues {
public:
    /// Reads data_dir/entities/cues.tsv. Throws Error(Errc::io) when it cannot be read and
    /// Error(Errc::bad_data, "file:line") for a wrong format line, a malformed row or an unknown kind.
    [[nodiscard]] static EntityCues load(const std::string& data_dir);

    /// True when `word` (as written) has this cue. A cue written without lower-case letters
    /// ("CEO", "FC") matches only exactly; others match in any letter case.
    [[nodiscard]] bool is(std::string_view word, Cue cue) const;

    /// Every cue of `word` as a bit set of Cue values.
    [[nodiscard]] std::uint16_t bits(std::string_view word) const;
    /// bits(word) for a caller that has `lower`, ascii_lower(word), at hand.
    [[nodiscard]] std::uint16_t bits(std::string_view word, std::string_view lower) const;

    /// The canonical name of the group a lower-case phrase names ("security forces"), or nullptr.
    [[nodiscard]] const std::string* group(std::string_view phrase) const;

    /// The most words of any group phrase.
    [[nodiscard]] std::size_t max_group_words() const noexcept { return max_group_words_; }

private:
    /// Asked about nearly every token: open addressing with a first-byte and length test in
    /// front, looked up with string_views of the text without building a string per token.
    using Table = detail::WordIndex<std::uint16_t>;
    Table folded_; ///< lower-case word -> cues matched in any case
    Table exact_;  ///< word as written -> cues matched exactly
    detail::WordIndex<std::string> groups_;

    /// The cues of `word` in folded_ (0 when none), lowered into a reused buffer.
    [[nodiscard]] std::uint16_t find_folded(std::string_view word) const;
    std::size_t max_group_words_ = 0;
};


} // namespace annals
