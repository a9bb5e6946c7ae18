#pragma once
/// The time stage's resources: word tables (lib/data/time/*.tsv) and the rule table
/// (rules.tsv), compiled into flat token patterns.

#include "annals/core/word_bytes.hpp"

#include <array>
#include <cstring>
#include <functional>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals::detail {

/// Word classes. The lexicon classes come from the word tables; the others are computed from
/// the shape of numbers (INT ... YEARSPAN), from context (CONTENT: a lower-case word that is
/// not a closed-class word) or composed from several words (NUM ... YEARW).
enum class Cls : std::uint8_t {
    // lexicon
    MONTH, WEEKDAY, WEEKDAYS, NUMW, NUMMUL, ORD, QVAGUE, UNIT, UNITS, SEASON, POD, AMPM, TZ,
    CLOSED, LABEL, TITLEHEAD, REL, RELOFF, QN, HN, DECADEW, ORD4, QUANTLIKE, MONTHPREV, DEADLINE,
    // number shapes
    INT, DEC, ORDNUM, YEAR, CLOCK, ISODATE, SLASHDATE, DECADE, YEARSPAN, CONTENT,
    // composed at match time
    NUM, NUMA, HOUR, DAY, ORDX, UNITX, YEARW,
    count_
};
inline constexpr std::size_t cls_count = static_cast<std::size_t>(Cls::count_);
inline constexpr Cls first_shape_cls = Cls::INT;
inline constexpr Cls first_composed_cls = Cls::NUM;

/// "MONTH", "INT", ...
[[nodiscard]] std::string_view cls_name(Cls c) noexcept;
[[nodiscard]] constexpr std::uint64_t cls_bit(Cls c) noexcept { return std::uint64_t{1} << static_cast<unsigned>(c); }

/// One row of a word table.
struct LexEntry {
    Cls cls;
    bool ambiguous = false; ///< counts only where the context says so (context.cpp)
    std::string value;
};

/// What the tables know about one lower-case word.
struct WordInfo {
    std::vector<LexEntry> entries;
    std::uint64_t classes = 0; ///< bits of the entries' classes
    int literal = -1;          ///< id when a rule names the word literally
    bool ambiguous = false;    ///< some entry is ambiguous (the context decides)
};

/// One element of a flat pattern: matches one word (a literal or a lexicon/shape class) or,
/// for composed classes, a short run of words.
struct Elem {
    std::vector<int> literals; ///< literal ids
    std::uint64_t classes = 0; ///< any of these classes
    bool negative = false;     ///< context only: the word is none of these (or absent)
    /// Derived from `classes`: a word can start a match of the element only when it has one
    /// of these classes, is one of the literals, or (when `starts_with_a`) is "a" or "an".
    /// Lets the matcher turn most words away with one bit test.
    std::uint64_t start = 0;
    bool starts_with_a = false;
    friend bool operator==(const Elem&, const Elem&) = default;
};

enum class RuleType : std::uint8_t { date, time, duration, set, none };

/// A piece of a value template: literal text, or the captured value of a class.
struct TemplatePart {
    std::string text;
    int cls = -1; ///< Cls, or -1 for text
};

struct Rule {
    std::string name;
    RuleType type = RuleType::date;
    std::vector<TemplatePart> value;
    std::string source; ///< file:line, for messages
};

/// A rule expanded into one sequence without optional parts or alternatives of sequences.
struct FlatPattern {
    std::uint32_t rule = 0;
    std::vector<Elem> before, body, after; ///< context before, extent, context after
};

/// Hash for heterogeneous lookup of std::string keys by std::string_view: the bytes eight at
/// a time (the last word zero padded), each word mixed in by one multiplication. The atomizer
/// computes the same value over its lower-case buffer with whole-word loads (of_padded), so
/// that a word costs a multiplication per eight bytes rather than one per byte.
struct StringHash {
    using is_transparent = void;
    /// The hash of the `n` bytes at `p`, which may be read up to the next multiple of eight.
    static std::uint64_t of_padded(const char* p, std::size_t n) noexcept {
        std::uint64_t h = hash_start(n);
        for (std::size_t o = 0; o < n; o += 8) h = hash_mix(h, load_bytes(p + o, n - o, true));
        return hash_finish(h);
    }
    std::size_t operator()(std::string_view s) const noexcept {
        std::uint64_t h = hash_start(s.size());
        for (std::size_t o = 0; o < s.size(); o += 8) h = hash_mix(h, load_bytes(s.data() + o, s.size() - o, false));
        return static_cast<std::size_t>(hash_finish(h));
    }
};

/// A node of the prefix tree of all flat bodies: flats sharing their first elements share
/// the work of matching them.
struct TrieNode {
    Elem elem;
    std::vector<std::uint32_t> children; ///< node ids
    std::vector<std::uint32_t> flats;    ///< flats whose body ends here
    /// Which children a word can start (built after loading, see Elem::start): a node such as
    /// "the" has dozens of children and a word starts one or two of them. Positions index
    /// `children`; (literal id, position) sorted; (start classes, position) in position order.
    std::vector<std::pair<int, std::uint32_t>> child_literals;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> child_starts;
    std::uint64_t any_child_start = 0; ///< the union of the child_starts masks
    /// The element matches one word at most (no composed class): where it matches, the next
    /// word is the one after it.
    bool single_word = false;
};

/// All time resources, loaded once. Immutable after construction; safe to share across threads.
struct TimeTables {
    /// Different for every loaded set of tables (in this process): what per-thread memories
    /// of table entries check before trusting what they hold.
    std::uint64_t serial = 0;
    std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>> words; ///< lower-case word -> info
    std::vector<std::string> literal_names;              ///< literal id -> word
    std::vector<Rule> rules;
    std::vector<FlatPattern> flats;
    std::vector<TrieNode> trie; ///< node 0 is the root (no element)
    /// First-level trie nodes whose element can match a literal id / a word of a class.
    std::vector<std::vector<std::uint32_t>> by_literal;
    std::array<std::vector<std::uint32_t>, cls_count> by_class;
    std::uint64_t starting_classes = 0; ///< the classes whose by_class list is not empty
    int literal_a = -1, literal_an = -1; ///< the literal ids of "a" and "an" (one, in NUMA and NUM)

    [[nodiscard]] const WordInfo* find(std::string_view lower) const {
        return find(lower, StringHash{}(lower), head_of(lower));
    }
    /// As find(lower), with `hash` = StringHash{}(lower) and `head` = head_of(lower) already
    /// computed: a probe compares numbers, and only words longer than eight bytes compare
    /// bytes.
    [[nodiscard]] const WordInfo* find(std::string_view lower, std::size_t hash, std::uint64_t head) const {
        if (slots.empty()) return find_unindexed(lower);
        for (std::size_t i = hash & slot_mask;; i = (i + 1) & slot_mask) {
            const Slot& s = slots[i];
            if (!s.info) return nullptr;
            if (s.hash == hash && s.head == head && s.key.size() == lower.size() &&
                (lower.size() <= 8 || std::memcmp(s.key.data() + 8, lower.data() + 8, lower.size() - 8) == 0))
                return s.info;
        }
    }
    /// The first eight bytes of a word, zero padded (as StringHash reads them).
    [[nodiscard]] static std::uint64_t head_of(std::string_view w) noexcept {
        std::uint64_t x = 0;
        for (std::size_t i = 0; i < 8 && i < w.size(); ++i) x |= std::uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
        return x;
    }
    [[nodiscard]] const WordInfo* find_unindexed(std::string_view lower) const;

    /// An open-addressing index over `words`, built once after loading: the lookup of every
    /// word of every document goes through it.
    struct Slot {
        std::string_view key;
        const WordInfo* info = nullptr;
        std::size_t hash = 0; ///< of key: most probes end on it without comparing text
        std::uint64_t head = 0; ///< head_of(key)
    };
    std::vector<Slot> slots;
    std::size_t slot_mask = 0;
    void build_index();
    /// Fills TrieNode::child_literals and child_starts.
    void build_child_dispatch();
};

/// Loads the word tables and rules.tsv from `dir` (lib/data/time). Throws Error
/// (Errc::bad_data, "file:line") on a malformed row, an unknown class or a bad pattern,
/// and Errc::io when a file is missing.
[[nodiscard]] std::shared_ptr<const TimeTables> load_time_tables(const std::string& dir);

} // namespace annals::detail
