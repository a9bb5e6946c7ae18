#include "annals/lexicon/context_rules.hpp"

#include "annals/core/error.hpp"
#include "annals/core/data_file.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdlib>
#include <map>

namespace annals {

namespace {

using Condition = ContextRules::Condition;
using Classes = std::map<std::string, std::vector<std::string>, std::less<>>;

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (std::size_t b = 0;;) {
        const auto e = s.find(sep, b);
        const auto piece = s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
        if (!piece.empty()) out.push_back(piece);
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

PosTag tag_or_throw(std::string_view name, const std::string& where) {
    const auto t = parse_pos_tag(name);
    if (!t) throw Error(Errc::bad_data, where, "unknown tag \"" + std::string(name) + "\"");
    return *t;
}

int offset_or_throw(std::string_view s, const std::string& where) {
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    int v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || p != s.data() + s.size() || v < -4 || v > 4)
        throw Error(Errc::bad_data, where, "bad offset \"" + std::string(s) + "\"");
    return v;
}

Condition parse_condition(std::string_view text, const Classes& classes, const std::string& where) {
    Condition c;
    const auto eq = text.find('=');
    if (text.size() < 3 || eq == std::string_view::npos || std::string_view("twabsc").find(text[0]) == std::string_view::npos)
        throw Error(Errc::bad_data, where, "bad condition \"" + std::string(text) + "\"");
    c.kind = text[0];
    c.negate = text[eq - 1] == '!';
    const auto pos = text.substr(1, eq - 1 - (c.negate ? 1 : 0));
    const auto range = pos.find("..");
    c.first = offset_or_throw(pos.substr(0, range), where);
    c.last = range == std::string_view::npos ? c.first : offset_or_throw(pos.substr(range + 2), where);
    if (c.first > c.last || ((c.kind == 'a' || c.kind == 'b') && (std::abs(c.first) != 1 || c.last != c.first)))
        throw Error(Errc::bad_data, where, "bad offsets in \"" + std::string(text) + "\"");
    for (const auto v : split(text.substr(eq + 1), '|')) {
        if (c.kind == 't' || c.kind == 'a') {
            if (v == "BOS") c.bos = true;
            else if (v == "EOS") c.eos = true;
            else c.tags |= tag_bit(tag_or_throw(v, where));
        } else if (v.front() == '@') {
            const auto it = classes.find(v);
            if (it == classes.end()) throw Error(Errc::bad_data, where, "undefined class " + std::string(v));
            c.words.insert(c.words.end(), it->second.begin(), it->second.end());
        } else {
            c.words.emplace_back(v);
        }
    }
    return c;
}

// The sentence as the tests read it, padded on both sides so that no test checks for the
// sentence's ends: offsets reach 4 tokens at most, and the walk of a and b conditions stops
// at the first padding position (it is no adverb). The padding's tag bits are BOS and EOS, bits
// no tag uses; it holds no word (-1) (capitals are read from the slots). Every position holds exactly one tag
// bit, so "the tag is not in S" is "the tag is in the complement of S".
constexpr std::size_t pad = 4;
constexpr TagSet bos_bit = TagSet{1} << 62, eos_bit = TagSet{1} << 63;
static_assert(pos_tag_count <= 62, "BOS and EOS need two free bits in a TagSet");
constexpr TagSet adverb_bits = tag_bit(PosTag::RB) | tag_bit(PosTag::RBR) | tag_bit(PosTag::RBS);
constexpr std::uint8_t cap_yes = 1, cap_no = 2;

/// What a Test checks. The one-position tag tests have their negation folded into the mask.
enum Op : std::uint8_t { op_tag, op_walk_tag, op_tag_any, op_word_any, op_walk_word, op_suffix_any, op_cap_any, op_word };

struct Window {
    TagSet* tags = nullptr;              ///< tag bit of each position (index + pad)
    std::int32_t* words = nullptr;       ///< rule word id of each position
    std::span<const TagSlot> slots;

    /// Fills the window from `s`; `rules` gives the word ids the tagger left unset.
    void fill(std::span<const TagSlot> s, const ContextRules& rules) {
        slots = s;
        const auto n = s.size();
        for (std::size_t k = 0; k < pad; ++k) {
            tags[k] = bos_bit, tags[pad + n + k] = eos_bit;
            words[k] = words[pad + n + k] = -1;
        }
        for (std::size_t k = 0; k < n; ++k) {
            tags[pad + k] = tag_bit(s[k].tag);
            words[pad + k] = s[k].rule_word == TagSlot::unset ? rules.word_id(s[k].lower) : s[k].rule_word;
        }
    }
};

using Program = ContextRules::Program;
using Test = ContextRules::Test;

/// Whether `s` ends with `suffix` and is longer: a byte loop, for the short suffixes of s tests
/// cost less than a call to memcmp.
bool has_suffix(std::string_view s, std::string_view suffix) {
    if (s.size() <= suffix.size()) return false;
    const char* tail = s.data() + (s.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (tail[i] != suffix[i]) return false;
    return true;
}

bool word_in(const Program& prog, const Test& t, std::int32_t id) {
    const auto u = static_cast<std::size_t>(id);
    return id >= 0 && u / 64 < t.size && ((prog.word_bits[t.set + u / 64] >> (u % 64)) & 1) != 0;
}

/// Whether the test of kind `op` (tag, word, suffix or cap) holds at padded position `p`.
bool holds_at(const Program& prog, const Test& t, Op op, const Window& w, std::size_t p) {
    switch (op) {
    case op_tag_any: return (w.tags[p] & t.mask) != 0;
    case op_word_any: return word_in(prog, t, w.words[p]);
    case op_suffix_any: {
        if (p < pad || p >= pad + w.slots.size()) return false;
        const auto lower = w.slots[p - pad].lower;
        const auto& suffixes = prog.suffixes[t.set];
        return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& x) { return has_suffix(lower, x); });
    }
    case op_cap_any: {
        // Few rules ask: the capital is read from the slot, not kept in the window.
        if (p < pad || p >= pad + w.slots.size()) return false;
        return (w.slots[p - pad].capitalized ? cap_yes : cap_no) == t.mask;
    }
    default: return false;
    }
}

/// The nearest position from `p` in direction `step` (-1 or +1) that holds no adverb.
std::size_t walk(const Window& w, std::size_t p, int step) {
    auto j = p + static_cast<std::size_t>(step);
    while ((w.tags[j] & adverb_bits) != 0) j += static_cast<std::size_t>(step);
    return j;
}

/// Whether test `t`, of one of the rarer kinds (suffix, capital, or a range of positions),
/// holds for the token at padded position `p`. Kept out of line: the common tests then run
/// with the candidate loop's values in registers.
[[gnu::noinline]] bool passes_rare(const Program& prog, const Test& t, const Window& w, std::size_t p) {
    const auto op = static_cast<Op>(t.op);
    bool any = false;
    for (int d = t.first; d <= t.last && !any; ++d) any = holds_at(prog, t, op, w, p + static_cast<std::size_t>(d));
    return any != t.negate;
}

/// Whether test `t` holds for the token at padded position `p`.
inline bool passes(const Program& prog, const Test& t, const Window& w, std::size_t p) {
    switch (t.op) {
    case op_tag: return (w.tags[p + static_cast<std::size_t>(t.first)] & t.mask) != 0;
    case op_word: return word_in(prog, t, w.words[p + static_cast<std::size_t>(t.first)]) != t.negate;
    case op_walk_tag: return (w.tags[walk(w, p, t.first)] & t.mask) != 0;
    case op_walk_word: return word_in(prog, t, w.words[walk(w, p, t.first)]) != t.negate;
    default: return passes_rare(prog, t, w, p);
    }
}

} // namespace

ContextRules ContextRules::load(const std::string& path) {
    ContextRules out;
    Classes classes;
    detail::read_data_file(path, "annals.lexicon.context_rules/1", [&](const detail::DataRow& row) {
        if (row.fields[0] == "define") {
            if (row.fields.size() != 3 || row.fields[1].empty() || row.fields[1][0] != '@')
                throw Error(Errc::bad_data, row.where, "expected define<TAB>@name<TAB>words");
            auto& words = classes[std::string(row.fields[1])];
            for (const auto w : split(row.fields[2], ' ')) words.emplace_back(w);
            return;
        }
        if (row.fields.size() < 3) throw Error(Errc::bad_data, row.where, "expected FROM<TAB>TO<TAB>conditions");
        Rule r;
        r.from = tag_or_throw(row.fields[0], row.where);
        r.to = tag_or_throw(row.fields[1], row.where);
        // Conditions are separated by tabs or spaces.
        for (std::size_t f = 2; f < row.fields.size(); ++f)
            for (const auto cond : split(row.fields[f], ' '))
                r.conditions.push_back(parse_condition(cond, classes, row.where));
        out.rules_.push_back(std::move(r));
    });
    // Word lists become bit sets over the numbers of the words the rules name.
    for (auto& r : out.rules_)
        for (auto& c : r.conditions) {
            c.yes = c.kind == 'c' && !c.words.empty() && c.words[0] == "yes";
            c.mask = c.tags | (c.bos ? bos_bit : 0) | (c.eos ? eos_bit : 0);
            if (c.kind != 'w' && c.kind != 'b') continue;
            for (const auto& w : c.words) {
                auto id = out.word_ids_.find(w);
                if (id == detail::StringTable::npos) id = out.word_ids_.insert(out.word_bytes_.emplace_back(w));
                if (c.word_bits.size() <= id / 64) c.word_bits.resize(id / 64 + 1);
                c.word_bits[id / 64] |= std::uint64_t{1} << (id % 64);
            }
        }
    for (const auto& w : out.word_bytes_) {
        const auto b = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
        out.first_bytes_[b / 64] |= std::uint64_t{1} << (b % 64);
    }
    out.compile();
    return out;
}

void ContextRules::compile() {
    auto& p = program_;
    p = Program{};
    for (const auto& rule : rules_) {
        Step step{rule.from, rule.to, static_cast<std::uint32_t>(p.tests.size()), 0};
        for (const auto& c : rule.conditions) {
            Test t;
            t.negate = c.negate;
            t.first = static_cast<std::int8_t>(c.first);
            t.last = static_cast<std::int8_t>(c.last);
            switch (c.kind) {
            case 't':
            case 'a':
                t.mask = c.mask;
                t.op = c.kind == 'a' ? op_walk_tag : c.first == c.last ? op_tag : op_tag_any;
                if (t.op != op_tag_any && c.negate) t.mask = ~t.mask;
                break;
            case 'w':
            case 'b':
                t.op = c.kind == 'b' ? op_walk_word : c.first == c.last ? op_word : op_word_any;
                t.set = static_cast<std::uint32_t>(p.word_bits.size());
                t.size = static_cast<std::uint32_t>(c.word_bits.size());
                p.word_bits.insert(p.word_bits.end(), c.word_bits.begin(), c.word_bits.end());
                break;
            case 's':
                t.op = op_suffix_any;
                t.set = static_cast<std::uint32_t>(p.suffixes.size());
                p.suffixes.push_back(c.words);
                break;
            default:
                t.op = op_cap_any;
                t.mask = c.yes ? cap_yes : cap_no;
                break;
            }
            p.tests.push_back(t);
        }
        step.end_test = static_cast<std::uint32_t>(p.tests.size());
        p.steps.push_back(step);
        p.to_tags |= tag_bit(rule.to);
    }
}

namespace {

bool all_pass(const Program& prog, const ContextRules::Step& r, const Window& w, std::size_t i) {
    for (auto t = r.first_test; t < r.end_test; ++t)
        if (!passes(prog, prog.tests[t], w, i + pad)) return false;
    return true;
}

/// all_pass() over the tests [t, end).
inline bool all_pass(const Program& prog, const Test* t, const Test* end, const Window& w, std::size_t p) {
    for (; t != end; ++t)
        if (!passes(prog, *t, w, p)) return false;
    return true;
}

void set_tag(std::span<TagSlot> sentence, Window& w, std::size_t i, PosTag t) {
    sentence[i].tag = t;
    w.tags[i + pad] = tag_bit(t);
}

/// What a sentence of up to 64 tokens keeps while the rules run: for every tag, a bit mask of
/// the positions holding it and of the positions allowed to take it.
struct Masks {
    std::array<std::uint64_t, pos_tag_count> has{}, may{};
};

/// Runs rule `r` over the positions `cand` it could change.
void run_rule(const Program& prog, const ContextRules::Step& r, std::uint64_t cand, std::span<TagSlot> sentence,
              Window& w, Masks& m) {
    const auto from = static_cast<std::size_t>(r.from), to = static_cast<std::size_t>(r.to);
    const Test* const tests = prog.tests.data() + r.first_test;
    const Test* const end = prog.tests.data() + r.end_test;
    for (; cand != 0; cand &= cand - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(cand));
        if (!all_pass(prog, tests, end, w, i + pad)) continue;
        set_tag(sentence, w, i, r.to);
        const auto bit = std::uint64_t{1} << i;
        m.has[from] &= ~bit;
        m.has[to] |= bit;
    }
}

// Sentences of up to 64 tokens keep, for every tag, a bit mask of the positions holding it and
// of the positions allowed to take it: a rule then visits only the tokens it could change
// instead of sweeping the sentence once per rule. A change at one position never makes another
// position a candidate, so the masks taken before a rule's sweep give the same result as the
// sweep itself.
void apply_masked(const Program& prog, std::span<TagSlot> sentence, Window& w, const ContextRules& rules) {
    // The window and the masks are filled in one pass over the tokens.
    Masks m;
    w.slots = sentence;
    const auto n = sentence.size();
    for (std::size_t k = 0; k < pad; ++k) {
        w.tags[k] = bos_bit, w.tags[pad + n + k] = eos_bit;
        w.words[k] = w.words[pad + n + k] = -1;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const TagSlot& s = sentence[i];
        const auto bit = std::uint64_t{1} << i;
        w.tags[pad + i] = tag_bit(s.tag);
        w.words[pad + i] = s.rule_word == TagSlot::unset ? rules.word_id(s.lower) : s.rule_word;
        m.has[static_cast<std::size_t>(s.tag)] |= bit;
        // Only the tags some rule changes to are ever asked about.
        for (TagSet b = s.allowed & prog.to_tags; b != 0; b &= b - 1)
            m.may[static_cast<std::size_t>(std::countr_zero(b))] |= bit;
    }
    for (const auto& r : prog.steps) {
        const auto cand = m.has[static_cast<std::size_t>(r.from)] & m.may[static_cast<std::size_t>(r.to)];
        if (cand != 0) run_rule(prog, r, cand, sentence, w, m);
    }
}

/// Longer sentences (and very long rule tables): every rule sweeps the tokens holding its FROM
/// tag.
void apply_swept(const Program& prog, std::span<TagSlot> sentence, Window& w) {
    TagSet present = 0;
    for (const auto& t : sentence) present |= tag_bit(t.tag);
    for (const auto& r : prog.steps) {
        if (!has_tag(present, r.from)) continue;
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            const auto& t = sentence[i];
            if (t.tag != r.from || !has_tag(t.allowed, r.to)) continue;
            if (all_pass(prog, r, w, i)) {
                set_tag(sentence, w, i, r.to);
                present |= tag_bit(r.to);
            }
        }
    }
}

} // namespace

std::int32_t ContextRules::word_id(std::string_view lower) const noexcept {
    // Most tokens (punctuation, numbers, most words) start with a byte no rule word starts with.
    const auto b = static_cast<unsigned char>(lower.empty() ? 0 : lower[0]);
    if (((first_bytes_[b / 64] >> (b % 64)) & 1) == 0) return -1;
    const auto id = word_ids_.find(lower);
    return id == detail::StringTable::npos ? -1 : static_cast<std::int32_t>(id);
}

void ContextRules::apply(std::span<TagSlot> sentence) const {
    if (sentence.size() <= 64) {
        // On the stack: no allocation for the sentences most texts are made of.
        std::array<TagSet, 64 + 2 * pad> tags;
        std::array<std::int32_t, 64 + 2 * pad> words;
        Window w{tags.data(), words.data(), {}};
        apply_masked(program_, sentence, w, *this);
        return;
    }
    std::vector<TagSet> tags(sentence.size() + 2 * pad);
    std::vector<std::int32_t> words(tags.size());
    Window w{tags.data(), words.data(), {}};
    w.fill(sentence, *this);
    apply_swept(program_, sentence, w);
}

} // namespace annals
