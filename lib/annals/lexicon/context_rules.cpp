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

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool has_word(const Condition& c, std::int32_t id) {
    const auto u = static_cast<std::size_t>(id);
    return id >= 0 && u / 64 < c.word_bits.size() && ((c.word_bits[u / 64] >> (u % 64)) & 1) != 0;
}

// The sentence as the conditions read it, padded on both sides so that no condition tests for
// the sentence's ends: offsets reach 4 tokens at most, and the walk of a and b conditions stops
// at the first padding position (it is no adverb). The padding's tag bits are BOS and EOS, bits
// no tag uses; it holds no word (-1) and no capital (0).
constexpr std::size_t pad = 4;
constexpr TagSet bos_bit = TagSet{1} << 62, eos_bit = TagSet{1} << 63;
static_assert(pos_tag_count <= 62, "BOS and EOS need two free bits in a TagSet");
constexpr TagSet adverb_bits = tag_bit(PosTag::RB) | tag_bit(PosTag::RBR) | tag_bit(PosTag::RBS);
constexpr std::uint8_t cap_yes = 1, cap_no = 2;

struct Window {
    TagSet* tags = nullptr;              ///< tag bit of each position (index + pad)
    std::int32_t* words = nullptr;       ///< rule word id of each position
    std::uint8_t* caps = nullptr;        ///< cap_yes or cap_no inside the sentence
    std::span<const TagSlot> slots;

    void fill(std::span<const TagSlot> s) {
        slots = s;
        const auto n = s.size();
        for (std::size_t k = 0; k < pad; ++k) {
            tags[k] = bos_bit, tags[pad + n + k] = eos_bit;
            words[k] = words[pad + n + k] = -1;
            caps[k] = caps[pad + n + k] = 0;
        }
        for (std::size_t k = 0; k < n; ++k) {
            tags[pad + k] = tag_bit(s[k].tag);
            words[pad + k] = s[k].rule_word;
            caps[pad + k] = s[k].capitalized ? cap_yes : cap_no;
        }
    }
};

bool suffix_at(const Condition& c, const Window& w, std::size_t p) {
    if (p < pad || p >= pad + w.slots.size()) return false;
    const auto lower = w.slots[p - pad].lower;
    return std::any_of(c.words.begin(), c.words.end(), [&](const std::string& x) { return ends_with(lower, x); });
}

bool holds_at(const Condition& c, const Window& w, std::size_t p) {
    switch (c.kind) {
    case 't':
    case 'a': return (w.tags[p] & c.mask) != 0;
    case 'w':
    case 'b': return has_word(c, w.words[p]);
    case 's': return suffix_at(c, w, p);
    case 'c': return w.caps[p] == (c.yes ? cap_yes : cap_no);
    default: return false;
    }
}

/// Whether `c` holds for the token at padded position `p`.
bool holds(const Condition& c, const Window& w, std::size_t p) {
    bool any = false;
    if (c.kind == 'a' || c.kind == 'b') {
        // The nearest token in that direction that is not an adverb.
        auto j = p + static_cast<std::size_t>(c.first);
        while ((w.tags[j] & adverb_bits) != 0) j += static_cast<std::size_t>(c.first);
        any = holds_at(c, w, j);
    } else if (c.first == c.last) {
        any = holds_at(c, w, p + static_cast<std::size_t>(c.first));
    } else {
        for (int d = c.first; d <= c.last && !any; ++d) any = holds_at(c, w, p + static_cast<std::size_t>(d));
    }
    return any != c.negate;
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
    return out;
}

namespace {

bool all_hold(const ContextRules::Rule& r, const Window& w, std::size_t i) {
    for (const auto& c : r.conditions)
        if (!holds(c, w, i + pad)) return false;
    return true;
}

void set_tag(std::span<TagSlot> sentence, Window& w, std::size_t i, PosTag t) {
    sentence[i].tag = t;
    w.tags[i + pad] = tag_bit(t);
}

// Sentences of up to 64 tokens keep, for every tag, a bit mask of the positions holding it and
// of the positions allowed to take it: a rule then visits only the tokens it could change
// instead of sweeping the sentence once per rule. A change at one position never makes another
// position a candidate, so the masks taken before a rule's sweep give the same result as the
// sweep itself.
void apply_masked(const std::vector<ContextRules::Rule>& rules, std::span<TagSlot> sentence, Window& w) {
    std::array<std::uint64_t, pos_tag_count> has{}, may{};
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const auto bit = std::uint64_t{1} << i;
        has[static_cast<std::size_t>(sentence[i].tag)] |= bit;
        for (TagSet a = sentence[i].allowed; a != 0; a &= a - 1)
            may[static_cast<std::size_t>(std::countr_zero(a))] |= bit;
    }
    for (const auto& r : rules) {
        const auto from = static_cast<std::size_t>(r.from), to = static_cast<std::size_t>(r.to);
        for (auto cand = has[from] & may[to]; cand != 0; cand &= cand - 1) {
            const auto i = static_cast<std::size_t>(std::countr_zero(cand));
            if (!all_hold(r, w, i)) continue;
            set_tag(sentence, w, i, r.to);
            const auto bit = std::uint64_t{1} << i;
            has[from] &= ~bit;
            has[to] |= bit;
        }
    }
}

/// Longer sentences: every rule sweeps the tokens holding its FROM tag.
void apply_swept(const std::vector<ContextRules::Rule>& rules, std::span<TagSlot> sentence, Window& w) {
    TagSet present = 0;
    for (const auto& t : sentence) present |= tag_bit(t.tag);
    for (const auto& r : rules) {
        if (!has_tag(present, r.from)) continue;
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            const auto& t = sentence[i];
            if (t.tag != r.from || !has_tag(t.allowed, r.to)) continue;
            if (all_hold(r, w, i)) {
                set_tag(sentence, w, i, r.to);
                present |= tag_bit(r.to);
            }
        }
    }
}

} // namespace

std::int32_t ContextRules::word_id(std::string_view lower) const noexcept {
    const auto id = word_ids_.find(lower);
    return id == detail::StringTable::npos ? -1 : static_cast<std::int32_t>(id);
}

void ContextRules::apply(std::span<TagSlot> sentence) const {
    for (auto& t : sentence)
        if (t.rule_word == TagSlot::unset) t.rule_word = word_id(t.lower);
    if (sentence.size() <= 64) {
        // On the stack: no allocation for the sentences most texts are made of.
        std::array<TagSet, 64 + 2 * pad> tags;
        std::array<std::int32_t, 64 + 2 * pad> words;
        std::array<std::uint8_t, 64 + 2 * pad> caps;
        Window w{tags.data(), words.data(), caps.data(), {}};
        w.fill(sentence);
        apply_masked(rules_, sentence, w);
        return;
    }
    std::vector<TagSet> tags(sentence.size() + 2 * pad);
    std::vector<std::int32_t> words(tags.size());
    std::vector<std::uint8_t> caps(tags.size());
    Window w{tags.data(), words.data(), caps.data(), {}};
    w.fill(sentence);
    apply_swept(rules_, sentence, w);
}

} // namespace annals
