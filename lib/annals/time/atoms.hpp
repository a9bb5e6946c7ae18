#pragma once
/// Words as the time rules see them: the segmenter's tokens split further at hyphens,
/// slashes between words, clitics and glued punctuation, each with its word classes.

#include "annals/text/segment.hpp"
#include "annals/time/tables.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::detail {

struct Atom {
    std::uint32_t begin = 0, end = 0;    ///< byte span in the document
    std::uint32_t lower_off = 0, lower_len = 0; ///< the lower-cased text in AtomText::lower
    std::uint32_t sentence = 0;
    std::uint64_t classes = 0;
    const WordInfo* info = nullptr;      ///< the tables' entry for the word, if any
    int literal = -1;                    ///< literal id, when a rule names the word
    std::uint32_t shape_off = 0, shape_len = 0; ///< the number-shape value in AtomText::shapes (none: 0)
    bool alpha = false;                  ///< starts with a letter
    bool cap = false;                    ///< starts with an upper-case letter
    bool comma_number = false;           ///< digits grouped with commas (1,500): a quantity
    long long number = -1;               ///< integer value of INT / ORDNUM atoms
};

/// What a thread remembers of short tokens that make one atom (up to eight bytes as written:
/// plain words, marks, "U.S.", "'s", numbers): their lower-case bytes, their entry in the
/// tables and, for numbers, their shape classes and value, so that a token seen before costs
/// one probe instead of a case fold, a hash, a table lookup and a number's parse. Kept from
/// document to document.
struct WordMemo {
    struct Slot {
        std::uint64_t raw = 0;   ///< the word as written, zero padded
        std::uint32_t len = 0;   ///< 0: an empty slot
        bool context = false;    ///< apply_context() must look at the atom
        std::uint64_t lower = 0; ///< its lower case, zero padded
        /// The atom as atomize() leaves it: a token seen again is one copy of it, with its
        /// place (span, sentence, lower-case offset) written over; its number-shape value,
        /// if any, is kept in WordMemo::shapes (`atom.shape_off` indexes that).
        Atom atom;
    };
    /// The table starts small and doubles as it fills, up to 2^max_bits slots: a short run
    /// touches a few pages instead of 3 MB per thread, and a long one ends with the same
    /// capacity (the memory only saves work: what it holds never changes a result).
    static constexpr unsigned first_bits = 10, max_bits = 16;
    static constexpr std::size_t max_used = (std::size_t{1} << max_bits) / 2;
    std::vector<Slot> slots;
    std::size_t used = 0;
    unsigned bits = first_bits;
    /// Tokens of one ASCII byte other than a digit (commas, periods, "a"), by their byte.
    std::array<Slot, 128> single{};
    std::uint64_t tables = 0; ///< TimeTables::serial of the tables the entries point into
    std::string shapes;       ///< the number-shape values of the remembered atoms

    /// Empties the memory when it holds entries of other tables or is full.
    void prepare(const TimeTables& t) {
        if (t.serial == tables && used < max_used && !slots.empty()) return;
        bits = first_bits;
        slots.assign(std::size_t{1} << bits, Slot{});
        single.fill(Slot{});
        shapes.clear();
        used = 0;
        tables = t.serial;
    }
    [[nodiscard]] std::size_t home(std::uint64_t raw) const noexcept {
        return static_cast<std::size_t>((raw * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
    }
    /// Asks the processor for the slot where find(raw, ...) looks first (its two cache lines).
    /// Inlined where it is asked for: GCC takes a function that only prefetches for one
    /// without effects, and drops calls to it.
    [[gnu::always_inline]] void prefetch(std::uint64_t raw) const noexcept {
        const char* p = reinterpret_cast<const char*>(slots.data() + home(raw));
        __builtin_prefetch(p);
        __builtin_prefetch(p + sizeof(Slot) - 1);
    }
    /// The slot of `raw` (`len` bytes), or nullptr.
    [[nodiscard]] const Slot* find(std::uint64_t raw, std::uint32_t len) const noexcept {
        for (std::size_t i = home(raw);; i = (i + 1) & (slots.size() - 1)) {
            const Slot& s = slots[i];
            if (s.len == 0) return nullptr;
            if (s.raw == raw && s.len == len) return &s;
        }
    }
    /// Remembers the word `raw` (`len` bytes) as the atom `a` (whose lower case is `lower` and
    /// whose number-shape value is `shape`).
    void insert(std::uint64_t raw, std::uint32_t len, std::uint64_t lower, const Atom& a, bool context,
                std::string_view shape = {}) {
        if (used >= max_used) return; // full until the next document
        if (2 * (used + 1) > slots.size()) grow();
        Slot s = slot_of(raw, len, lower, a, context);
        if (!shape.empty()) {
            s.atom.shape_off = static_cast<std::uint32_t>(shapes.size());
            shapes += shape;
        }
        place(s);
        ++used;
    }

    /// What the memory keeps of the atom `a` made of the token `raw` (`len` bytes).
    [[nodiscard]] static Slot slot_of(std::uint64_t raw, std::uint32_t len, std::uint64_t lower, const Atom& a,
                                      bool context) noexcept {
        return {raw, len, context, lower, a};
    }

private:
    void place(const Slot& s) {
        std::size_t i = home(s.raw);
        while (slots[i].len != 0) i = (i + 1) & (slots.size() - 1);
        slots[i] = s;
    }
    /// Doubles the table (kept at most half full, so that every probe ends at an empty slot).
    void grow() {
        std::vector<Slot> old(std::size_t{1} << (bits + 1));
        old.swap(slots);
        ++bits;
        for (const Slot& s : old)
            if (s.len != 0) place(s);
    }
};

/// The atoms of one document, with the lower-cased text and the number values they point
/// into (one buffer each, so that a reused AtomText allocates nothing per atom).
struct AtomText {
    std::string lower;
    std::vector<Atom> atoms;
    std::string shapes;
    /// The atoms apply_context() decides about (REL words, INT numbers, ambiguous words), in
    /// order: atomize() lists them so that the context pass need not visit every atom.
    std::vector<std::uint32_t> context;
    WordMemo memo; ///< not emptied by clear(): it outlives the document

    void clear() {
        lower.clear();
        atoms.clear();
        shapes.clear();
        context.clear();
    }

    [[nodiscard]] std::string_view word(const Atom& a) const { return std::string_view(lower).substr(a.lower_off, a.lower_len); }
    [[nodiscard]] std::string_view word(std::size_t i) const { return word(atoms[i]); }
    /// The value of class `c` (a lexicon or shape class) on atom `i`; empty when it has none.
    [[nodiscard]] std::string_view value(std::size_t i, Cls c) const;
    /// Whether atom i is the literal word `w` (lower case).
    [[nodiscard]] bool is(std::size_t i, std::string_view w) const { return i < atoms.size() && word(i) == w; }
    [[nodiscard]] bool has(std::size_t i, Cls c) const { return i < atoms.size() && (atoms[i].classes & cls_bit(c)) != 0; }
};

/// Length of an apostrophe at i of `s`: 1 for ', 3 for the UTF-8 right single quotation mark,
/// else 0. Asked at every atom: the byte tests come before any comparison of three bytes.
inline std::size_t apostrophe_len(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    if (s[i] == '\'') return 1;
    if (s[i] == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x99') return 3;
    return 0;
}

/// Classifies the number atom `a` of text `s` by its shape (number_shapes.cpp): sets its
/// classes and number, and its value into `value` (empty when it has none).
void classify_number(std::string_view s, Atom& a, std::string& value);

/// Splits the tokens of `seg` into atoms and gives each its lexicon and number-shape classes,
/// into `out` (cleared first; its buffers are reused). Of the context decisions only those that
/// need no neighbours are taken (CONTENT, TITLEHEAD); `out.context` lists the atoms left to
/// apply_context().
void atomize(std::string_view text, const Segmentation& seg, const TimeTables& tables, AtomText& out);

/// Context decisions (context.cpp): drops the classes of ambiguous words where the context
/// does not support them (may the modal, March the verb, fall the verb, second the ordinal,
/// Sunday in a newspaper name) and decides which four-digit numbers are years. Needs the
/// AtomText as atomize() left it (it visits the atoms listed in `context`).
void apply_context(AtomText& at);

} // namespace annals::detail
