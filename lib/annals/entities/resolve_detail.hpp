#pragma once
/// The resolver's state, shared by resolve.cpp and resolve_words.cpp. Not public.

#include "annals/entities/doc_view.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace annals::detail {

/// Gives every candidate an identity (a key) from the rest of the document.
class Resolver {
public:
    Resolver(const DocView& doc, std::vector<NameCandidate>& cands);

    /// Types every candidate and fills keys(); candidates left untyped are dropped by the caller.
    void run();

    /// Per candidate: its entity key, empty when it is no entity.
    [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return keys_; }
    /// keys(), moved out once the resolver is done.
    [[nodiscard]] std::vector<std::string> take_keys() noexcept { return std::move(keys_); }

private:
    const DocView& doc_;
    std::vector<NameCandidate>& cands_;
    std::vector<std::string> keys_;
    /// std::less of views, with the first bytes (compared unsigned, as the full comparison
    /// does) settling most pairs without a call to compare the rest.
    struct ViewLess {
        bool operator()(std::string_view a, std::string_view b) const noexcept {
            if (!a.empty() && !b.empty() && a.front() != b.front())
                return static_cast<unsigned char>(a.front()) < static_cast<unsigned char>(b.front());
            return a < b;
        }
    };
    // Keyed by views of the document's text or of its lower-cased copy (DocView::lower()).
    std::map<std::string_view, std::size_t, ViewLess> aliases_; ///< text -> candidate it names
    /// One word of a name and the candidate it occurs in.
    struct WordRef {
        std::string_view word;
        std::size_t cand = 0;
        bool lead = false;        ///< the word opens an organization's name
        std::uint32_t next = 0;   ///< the next ref of the same word + 1, or 0
        std::uint32_t tail = 0;   ///< on the first ref of a word: the last ref of the word
    };
    /// Words with the candidates they occur in, each word's refs in the order they were added.
    /// A hash table of views built once per document (open addressing over the refs, the refs
    /// of a word chained): sorting the words cost a string comparison per step.
    class WordRefs {
    public:
        void add(std::string_view word, std::size_t cand, bool lead) { refs_.push_back({word, cand, lead}); }
        /// Indexes every ref added; call once, after the last add().
        void build();
        /// The first ref of `word`, or nullptr.
        [[nodiscard]] const WordRef* first(std::string_view word) const noexcept;
        /// The ref after `r` of the same word, or nullptr.
        [[nodiscard]] const WordRef* next(const WordRef& r) const noexcept {
            return r.next ? &refs_[r.next - 1] : nullptr;
        }

    private:
        std::vector<WordRef> refs_;
        std::vector<std::uint32_t> slots_; ///< first ref of a word + 1, or 0; a power of two in size
    };
    WordRefs persons_;    ///< first or last word of a person's name (lower case)
    WordRefs name_words_; ///< the words of organizations' and places' multi-word names, in candidate order
    std::map<std::string_view, std::size_t, ViewLess> typed_singles_; ///< lower-case single word -> first typed one

    void pick_cities();
    void find_teams();
    [[nodiscard]] bool team_context(const NameCandidate& c) const;
    void join_persons();
    void link_acronyms_and_slashes();
    [[nodiscard]] bool known_as(std::uint32_t from, std::uint32_t to) const;
    void adopt(std::size_t from, std::size_t to);
    void type_single_words();
    void index_name_words();
    [[nodiscard]] bool plays(std::string_view word) const;
    [[nodiscard]] std::ptrdiff_t single_word_source(std::size_t self) const;
    [[nodiscard]] bool place_context(std::size_t cand) const;
    [[nodiscard]] bool next_to_country(std::size_t cand) const;
    [[nodiscard]] std::string_view type_from_context(std::string_view word) const;
    void add_nominal_references();
};

} // namespace annals::detail
