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

bool holds_at(const Condition& c, std::span<const TagSlot> s, std::ptrdiff_t j) {
    const auto n = static_cast<std::ptrdiff_t>(s.size());
    if (j < 0 || j >= n) return (c.kind == 't' || c.kind == 'a') && (j < 0 ? c.bos : c.eos);
    // Positions outside the sentence match no word, suffix or capital.
    const TagSlot& t = s[static_cast<std::size_t>(j)];
    switch (c.kind) {
    case 't':
    case 'a': return has_tag(c.tags, t.tag);
    case 'w':
    case 'b': return std::find(c.words.begin(), c.words.end(), t.lower) != c.words.end();
    case 's':
        return std::any_of(c.words.begin(), c.words.end(), [&](const std::string& x) { return ends_with(t.lower, x); });
    case 'c': return t.capitalized == (!c.words.empty() && c.words[0] == "yes");
    default: return false;
    }
}

bool holds(const Condition& c, std::span<const TagSlot> s, std::size_t i) {
    const auto at = static_cast<std::ptrdiff_t>(i);
    bool any = false;
    if (c.kind == 'a' || c.kind == 'b') {
        // The nearest token in that direction that is not an adverb.
        auto j = at + c.first;
        while (j >= 0 && j < static_cast<std::ptrdiff_t>(s.size()) && is_adverb(s[static_cast<std::size_t>(j)].tag))
            j += c.first;
        any = holds_at(c, s, j);
    } else {
        for (int d = c.first; d <= c.last && !any; ++d) any = holds_at(c, s, at + d);
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
    return out;
}

namespace {

bool all_hold(const ContextRules::Rule& r, std::span<const TagSlot> s, std::size_t i) {
    return std::all_of(r.conditions.begin(), r.conditions.end(), [&](const Condition& c) { return holds(c, s, i); });
}

// Sentences of up to 64 tokens keep, for every tag, a bit mask of the positions holding it and
// of the positions allowed to take it: a rule then visits only the tokens it could change
// instead of sweeping the sentence once per rule. A change at one position never makes another
// position a candidate, so the masks taken before a rule's sweep give the same result as the
// sweep itself.
void apply_masked(const std::vector<ContextRules::Rule>& rules, std::span<TagSlot> sentence) {
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
            if (!all_hold(r, sentence, i)) continue;
            sentence[i].tag = r.to;
            const auto bit = std::uint64_t{1} << i;
            has[from] &= ~bit;
            has[to] |= bit;
        }
    }
}

} // namespace

void ContextRules::apply(std::span<TagSlot> sentence) const {
    if (sentence.size() <= 64) {
        apply_masked(rules_, sentence);
        return;
    }
    TagSet present = 0;
    for (const auto& t : sentence) present |= tag_bit(t.tag);
    for (const auto& r : rules_) {
        if (!has_tag(present, r.from)) continue;
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            auto& t = sentence[i];
            if (t.tag != r.from || !has_tag(t.allowed, r.to)) continue;
            if (all_hold(r, sentence, i)) {
                t.tag = r.to;
                present |= tag_bit(r.to);
            }
        }
    }
}

} // namespace annals
