#pragma once
/// The tagger's per-thread memory of token forms and words (internal to the tagger).
///
/// Words repeat: a few thousand forms make up most of any text. The tagger keeps, per thread,
/// what it learned about each token form as written ("The", "the", "1,500", ",") and about each
/// lower-case word, so that a token seen before costs one hash of its bytes and one probe, not a
/// case fold, a shape scan and a dozen lexicon lookups (morphy tries every rule of every part of
/// speech).

#include "annals/core/word_bytes.hpp"
#include "annals/lexicon/context_rules.hpp"
#include "annals/lexicon/lexicon.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals::detail {

/// The kinds of characters in a token.
struct Shape {
    bool letters = false, digits = false, upper_first = false, all_upper = true;
};

/// What the tagger learns about a lower-case word from the lexicon. Lemmas are added as tags
/// ask for them.
struct WordFacts {
    std::string key;        ///< the lower-case word
    std::uint64_t head = 0; ///< its first eight bytes, zero padded (see key_hash)
    WordAnalysis analysis;
    std::int8_t proper = -1;       ///< is_proper_noun: -1 not asked yet, else 0 or 1
    std::int8_t wordnet_noun = -1; ///< WordNet lists the word itself as a noun: -1 not asked yet
    std::int32_t rule_word = -1;   ///< ContextRules::word_id of the word
    std::vector<std::pair<PosTag, std::string>> lemmas;
};

/// What the tagger knows about one token form as written.
struct FormFacts {
    std::string key;        ///< the token as written
    std::uint64_t head = 0; ///< its first eight bytes, zero padded (see key_hash)
    std::string lower;      ///< ASCII letters in lower case
    Shape shape;
    bool word = false;        ///< has a letter byte (typographic punctuation included)
    bool lower_seen = false;  ///< has a lower-case ASCII letter
    WordFacts* facts = nullptr; ///< the facts of `lower` for a token with letters and no digits
    std::int32_t rule_word = -1; ///< ContextRules::word_id(lower), for every slot of the form
    /// A punctuation form's tag when its neighbours do not change it, else punct_varies;
    /// punct_unknown until the form is first tagged as punctuation.
    std::int8_t punct = punct_unknown;
    static constexpr std::int8_t punct_unknown = -1, punct_varies = -2;
    bool plain_ready = false;   ///< `plain` is filled
    TagSlot plain; ///< the token's slot inside a sentence (not first, not in a headline)
    /// The lemma of the form's word as `lemma_tag`, the tag it was last asked for: nearly every
    /// token of a form gets the same tag, and the form is in the cache by then, where the word's
    /// facts and their list of lemmas are two more memory reads, each often a cache miss.
    PosTag lemma_tag = PosTag::NN;
    bool lemma_ready = false;
    std::string lemma;
};

/// A hash of the `n` bytes of `text` at `b`, read eight at a time, and their first eight bytes.
struct KeyHash {
    std::uint64_t hash = 0;
    std::uint64_t head = 0;
};
inline KeyHash key_hash(std::string_view text, std::size_t b, std::size_t n) noexcept {
    std::uint64_t h = hash_start(n), head = 0;
    // Most tokens are short and not at the very end of the text: one load, one multiplication.
    if (n - 1 < 8 && b + 8 <= text.size()) {
        head = load_bytes(text.data() + b, n, true);
        return {hash_finish(hash_mix(h, head)), head};
    }
    for (std::size_t o = 0; o < n; o += 8) {
        const std::uint64_t x = load_bytes(text.data() + b + o, n - o, b + o + 8 <= text.size());
        if (o == 0) head = x;
        h = hash_mix(h, x);
    }
    return {hash_finish(h), head};
}

/// An open-addressing table of entries with a `key` and a `head`, which it owns (in a deque,
/// so entries never move). Not thread-safe: one per thread.
template <class Entry>
class KeyedTable {
public:
    void clear() {
        slots_.assign(1024, Slot{});
        mask_ = slots_.size() - 1;
        entries_.clear();
    }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    /// The entry for `key` (whose key_hash is `k`); a new one, filled by `make(entry)`, on first
    /// sight. The slot keeps the whole hash: a hit costs one probe and one visit to the entry,
    /// whose first eight bytes compare as one word; only longer keys compare more. A hit is
    /// inlined where it is asked for; a first sight is a call.
    template <class Make>
    [[gnu::always_inline]] Entry& get(std::string_view key, const KeyHash& k, Make&& make) {
        std::size_t i = k.hash & mask_;
        for (; slots_[i].entry != nullptr; i = (i + 1) & mask_) {
            if (slots_[i].hash != k.hash) continue;
            Entry& e = *slots_[i].entry;
            if (e.head == k.head && e.key.size() == key.size() &&
                (key.size() <= 8 || std::memcmp(e.key.data() + 8, key.data() + 8, key.size() - 8) == 0))
                return e;
        }
        return add(key, k, i, make);
    }

    /// Asks the processor to fetch the slot where the entry for `k` is looked for first, so
    /// that a lookup soon after does not wait for memory. (Always inlined, as GCC takes a
    /// function that only prefetches for one without effects and drops calls to it.)
    [[gnu::always_inline]] void prefetch_slot(const KeyHash& k) const noexcept {
        __builtin_prefetch(&slots_[k.hash & mask_]);
    }
    /// The same for the entry of that first slot, when its hash is `k`'s (the slot being in the
    /// cache by now): the first two cache lines, where a lookup and a hit read.
    [[gnu::always_inline]] void prefetch_entry(const KeyHash& k) const noexcept {
        const Slot& s = slots_[k.hash & mask_];
        if (s.entry != nullptr && s.hash == k.hash) {
            __builtin_prefetch(s.entry);
            __builtin_prefetch(reinterpret_cast<const char*>(s.entry) + 64);
        }
    }

private:
    /// A new entry for `key` in the empty slot `i`, filled by `make(entry)`.
    template <class Make>
    [[gnu::noinline]] Entry& add(std::string_view key, const KeyHash& k, std::size_t i, Make& make) {
        auto& e = entries_.emplace_back();
        e.key.assign(key);
        e.head = k.head;
        slots_[i] = {k.hash, &e};
        if (2 * entries_.size() > slots_.size()) rehash();
        make(e);
        return e;
    }

    struct Slot {
        std::uint64_t hash = 0;
        Entry* entry = nullptr;
    };
    void rehash() {
        std::vector<Slot> bigger(2 * slots_.size());
        for (const auto& s : slots_) {
            if (s.entry == nullptr) continue;
            std::size_t i = s.hash & (bigger.size() - 1);
            while (bigger[i].entry != nullptr) i = (i + 1) & (bigger.size() - 1);
            bigger[i] = s;
        }
        slots_.swap(bigger);
        mask_ = slots_.size() - 1;
    }

    std::vector<Slot> slots_; ///< power-of-two size, at most half full
    std::size_t mask_ = 0;    ///< slots_.size() - 1
    std::deque<Entry> entries_;
};

} // namespace annals::detail
