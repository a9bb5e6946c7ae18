#include "annals/time/matcher.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace annals::detail {
namespace {

constexpr std::uint32_t no_match = 0;

/// Classes composed at match time (they may span several words or check values).
constexpr std::uint64_t composed_mask = [] {
    std::uint64_t m = 0;
    for (auto c = static_cast<unsigned>(first_composed_cls); c < cls_count; ++c) m |= std::uint64_t{1} << c;
    return m;
}();

/// The values captured for each class while a match is instantiated. An empty value counts
/// as not captured. The strings are reused from match to match (a thread's Captures live as
/// long as the thread): reset() empties only the ones written since the last reset.
class Captures {
public:
    [[nodiscard]] const std::string& operator[](std::size_t c) const { return v_[c]; }
    [[nodiscard]] bool empty(std::size_t c) const { return v_[c].empty(); }
    void set(std::size_t c, std::string_view value) {
        v_[c].assign(value.data(), value.size());
        written_ |= std::uint64_t{1} << c;
    }
    /// Moves in what `other` captured for the classes not captured here.
    void fill_from(const Captures& other) {
        for (auto bits = other.written_; bits; bits &= bits - 1) {
            const auto c = static_cast<std::size_t>(std::countr_zero(bits));
            if (empty(c) && !other.empty(c)) set(c, other[c]);
        }
    }
    void reset() {
        for (auto bits = written_; bits; bits &= bits - 1) v_[static_cast<std::size_t>(std::countr_zero(bits))].clear();
        written_ = 0;
    }

private:
    std::array<std::string, cls_count> v_;
    std::uint64_t written_ = 0;
};

/// A composed or single-word class matched at a position: where it ends and its value (left
/// empty when the caller only asks where it ends).
struct ClassMatch {
    std::uint32_t end = no_match;
    std::string value;
};

std::string pad2(long long v) { return v < 10 ? "0" + std::to_string(v) : std::to_string(v); }

int lex_number(const AtomText& at, std::size_t i, Cls c) {
    if (!at.has(i, c)) return -1;
    const auto v = at.value(i, c);
    int n = 0;
    for (char ch : v) {
        if (ch < '0' || ch > '9') return -1;
        n = n * 10 + (ch - '0');
    }
    return n;
}

class Matcher {
public:
    Matcher(const AtomText& at, const TimeTables& t) : at_(at), t_(t) {}

    std::vector<Candidate> run() {
        std::vector<Candidate> out;
        const auto n = static_cast<std::uint32_t>(at_.atoms.size());
        std::uint32_t i = 0;
        const Atom* const atoms = at_.atoms.data();
        while (i < n) {
            // most words start no rule: neither a literal some rule begins with nor a class
            const Atom& a = atoms[i];
            if ((a.classes & t_.starting_classes) == 0 &&
                (a.literal < 0 || t_.by_literal[static_cast<std::size_t>(a.literal)].empty())) {
                ++i;
                continue;
            }
            const auto best = best_at(i);
            if (best.end == no_match) { ++i; continue; }
            const Rule& r = t_.rules[t_.flats[best.flat].rule];
            if (r.type != RuleType::none) out.push_back({i, best.end, t_.flats[best.flat].rule, instantiate(best.flat, i, r)});
            i = best.end;
        }
        return out;
    }

private:
    struct Best {
        std::uint32_t end = no_match;
        std::uint32_t flat = 0;
    };

    template <class F>
    void for_candidates(std::uint32_t i, F&& f) const {
        const Atom& a = at_.atoms[i];
        if (a.literal >= 0)
            for (auto id : t_.by_literal[static_cast<std::size_t>(a.literal)]) f(id);
        // most classes of a word (CLOSED, CONTENT) start no rule
        for (auto bits = a.classes & t_.starting_classes; bits; bits &= bits - 1)
            for (auto id : t_.by_class[static_cast<std::size_t>(std::countr_zero(bits))]) f(id);
    }

    Best best_at(std::uint32_t i) const {
        Best best;
        const Atom* const next = in_sentence(i + 1, at_.atoms[i].sentence) ? &at_.atoms[i + 1] : nullptr;
        for_candidates(i, [&](std::uint32_t node) {
            // A one-word element that ends no rule leads somewhere only if the next word can
            // start one of its children: most first words of rules are followed by none.
            const TrieNode& n = t_.trie[node];
            if (n.single_word && n.flats.empty() && !may_continue(n, next)) return;
            walk(node, i, i, best);
        });
        return best;
    }

    /// Whether walk() could pick a child of `n` for the word `a` (none: nullptr).
    static bool may_continue(const TrieNode& n, const Atom* a) {
        if (a == nullptr || n.children.empty()) return false;
        if (n.any_child_start & a->classes) return true;
        if (a->literal < 0) return false;
        const auto lo = std::lower_bound(n.child_literals.begin(), n.child_literals.end(),
                                         std::pair<int, std::uint32_t>{a->literal, 0});
        return lo != n.child_literals.end() && lo->first == a->literal;
    }

    /// Matches the trie below `node` from atom `pos` (the expression starts at `begin`).
    void walk(std::uint32_t node, std::uint32_t begin, std::uint32_t pos, Best& best) const {
        const TrieNode& n = t_.trie[node];
        const auto end = match_end(n.elem, pos);
        if (end == no_match) return;
        for (const auto id : n.flats) {
            const FlatPattern& f = t_.flats[id];
            if (!context_ok(f, begin, end)) continue;
            // longest first; then the rule with more context (the more specific); then file order
            if (best.end != no_match && end == best.end) {
                const auto& b = t_.flats[best.flat];
                const auto ctx = specificity(f), best_ctx = specificity(b);
                if (ctx < best_ctx || (ctx == best_ctx && f.rule >= b.rule)) continue;
            } else if (end < best.end) {
                continue;
            }
            best = {end, id};
        }
        if (n.children.empty() || !in_sentence(end, at_.atoms[begin].sentence)) return;
        // only the children the next word can start, in the order of `children` (the order
        // decides between equally good matches)
        const Atom& a = at_.atoms[end];
        std::array<std::uint32_t, 32> picked;
        std::size_t count = 0;
        bool overflow = false;
        const auto pick = [&](std::uint32_t k) {
            if (count < picked.size()) picked[count++] = k;
            else overflow = true;
        };
        if (a.literal >= 0) {
            const auto lo = std::lower_bound(n.child_literals.begin(), n.child_literals.end(),
                                             std::pair<int, std::uint32_t>{a.literal, 0});
            for (auto it = lo; it != n.child_literals.end() && it->first == a.literal; ++it) pick(it->second);
        }
        // one test of the union first: the next word usually continues none of the children
        if (n.any_child_start & a.classes)
            for (const auto& [start, k] : n.child_starts)
                if (start & a.classes) pick(k);
        if (overflow) {
            for (const auto c : n.children) walk(c, begin, end, best);
            return;
        }
        if (count > 1) std::sort(picked.begin(), picked.begin() + static_cast<std::ptrdiff_t>(count));
        for (std::size_t j = 0; j < count; ++j)
            if (j == 0 || picked[j] != picked[j - 1]) walk(n.children[picked[j]], begin, end, best);
    }

    /// Context that must be present counts more than context that must be absent.
    static std::size_t specificity(const FlatPattern& f) {
        std::size_t n = 0;
        for (const auto* part : {&f.before, &f.after})
            for (const auto& e : *part) n += e.negative ? 1 : 2;
        return n;
    }

    bool in_sentence(std::size_t j, std::uint32_t sentence) const {
        return j < at_.atoms.size() && at_.atoms[j].sentence == sentence;
    }

    /// Matches the body from atom i; returns the end or no_match. Fills captures when given.
    std::uint32_t match_body(const FlatPattern& f, std::uint32_t i, Captures* caps) const {
        const auto sentence = at_.atoms[i].sentence;
        std::uint32_t pos = i;
        for (const Elem& e : f.body) {
            if (!in_sentence(pos, sentence)) return no_match;
            const auto m = match_elem(e, pos, caps);
            if (m == no_match) return no_match;
            pos = m;
        }
        return pos;
    }

    bool context_ok(const FlatPattern& f, std::uint32_t begin, std::uint32_t end) const {
        const auto sentence = at_.atoms[begin].sentence;
        std::size_t pos = begin;
        for (auto it = f.before.rbegin(); it != f.before.rend(); ++it) {
            const bool present = pos > 0 && in_sentence(pos - 1, sentence);
            const bool hit = present && match_end(*it, static_cast<std::uint32_t>(pos - 1)) != no_match;
            if (it->negative ? hit : !hit) return false;
            if (present) --pos;
        }
        pos = end;
        for (const Elem& e : f.after) {
            const bool present = in_sentence(pos, sentence);
            const auto m = present ? match_end(e, static_cast<std::uint32_t>(pos)) : no_match;
            const bool hit = m != no_match;
            if (e.negative ? hit : !hit) return false;
            pos = hit ? m : pos + 1;
        }
        return true;
    }

    /// Where element `e` matched at atom `pos` ends, or no_match; no values are captured, so
    /// plain classes need only a bit test and no string is built.
    std::uint32_t match_end(const Elem& e, std::uint32_t pos) const {
        const Atom& a = at_.atoms[pos];
        std::uint32_t best = no_match;
        if (a.literal >= 0 && std::find(e.literals.begin(), e.literals.end(), a.literal) != e.literals.end()) best = pos + 1;
        // most words have none of the classes that could start the element
        if (best == no_match && (e.start & a.classes) == 0 &&
            !(e.starts_with_a && a.literal >= 0 && (a.literal == t_.literal_a || a.literal == t_.literal_an)))
            return no_match;
        if (best == no_match && (e.classes & a.classes & ~composed_mask) != 0) best = pos + 1;
        for (auto bits = e.classes & composed_mask; bits; bits &= bits - 1) {
            const auto m = match_class(static_cast<Cls>(std::countr_zero(bits)), pos, false);
            if (m.end != no_match && m.end > best) best = m.end;
        }
        return best;
    }

    std::uint32_t match_elem(const Elem& e, std::uint32_t pos, Captures* caps) const {
        if (!caps) return match_end(e, pos);
        const Atom& a = at_.atoms[pos];
        std::uint32_t best = no_match;
        int best_cls = -1;
        std::string best_value;
        if (a.literal >= 0 && std::find(e.literals.begin(), e.literals.end(), a.literal) != e.literals.end()) best = pos + 1;
        // most words have none of the classes that could start the element
        if (best == no_match && (e.start & a.classes) == 0 &&
            !(e.starts_with_a && a.literal >= 0 && (a.literal == t_.literal_a || a.literal == t_.literal_an)))
            return no_match;
        for (auto bits = e.classes; bits; bits &= bits - 1) {
            const auto c = static_cast<Cls>(std::countr_zero(bits));
            auto m = match_class(c, pos);
            if (m.end != no_match && m.end > best) {
                best = m.end;
                best_cls = static_cast<int>(c);
                best_value = std::move(m.value);
            }
        }
        if (caps && best != no_match) {
            // the first word of a class gives its value ("weeks or months": weeks)
            if (best_cls >= 0 && caps->empty(static_cast<std::size_t>(best_cls)))
                caps->set(static_cast<std::size_t>(best_cls), best_value);
            for (auto k = pos; k < best; ++k) fill_implicit(k, *caps);
        }
        return best;
    }

    /// Every lexicon and shape class of a matched word is captured too, unless already set
    /// (so "last" gives both REL and RELOFF).
    void fill_implicit(std::uint32_t k, Captures& caps) const {
        for (auto bits = at_.atoms[k].classes; bits; bits &= bits - 1) {
            const auto c = static_cast<std::size_t>(std::countr_zero(bits));
            if (caps.empty(c)) caps.set(c, at_.value(k, static_cast<Cls>(c)));
        }
    }

    ClassMatch match_class(Cls c, std::uint32_t pos, bool want = true) const {
        switch (c) {
        case Cls::NUM: return number(pos, want);
        case Cls::NUMA:
            if (at_.is(pos, "a") || at_.is(pos, "an")) {
                if (auto m = number(pos, want); m.end != no_match) return m; // a dozen
                return {pos + 1, want ? "1" : std::string()};
            }
            return number(pos, want);
        case Cls::HOUR: {
            const Atom& a = at_.atoms[pos];
            if (at_.has(pos, Cls::INT) && !a.comma_number && a.end - a.begin <= 2 && a.number <= 24) return {pos + 1, want ? std::to_string(a.number) : std::string()};
            const int w = lex_number(at_, pos, Cls::NUMW);
            if (w >= 1 && w <= 12) return {pos + 1, want ? std::to_string(w) : std::string()};
            return {};
        }
        case Cls::DAY: {
            const Atom& a = at_.atoms[pos];
            long long d = -1;
            if (at_.has(pos, Cls::INT) && a.end - a.begin <= 2) d = a.number;
            else if (at_.has(pos, Cls::ORDNUM)) d = a.number;
            else d = lex_number(at_, pos, Cls::ORD);
            if (d >= 1 && d <= 31) return {pos + 1, want ? pad2(d) : std::string()};
            return {};
        }
        case Cls::ORDX: {
            if (at_.has(pos, Cls::ORDNUM)) return {pos + 1, want ? std::to_string(at_.atoms[pos].number) : std::string()};
            const int o = lex_number(at_, pos, Cls::ORD);
            if (o > 0) return {pos + 1, want ? std::to_string(o) : std::string()};
            return {};
        }
        case Cls::YEARW: return year_words(pos, want);
        case Cls::UNITX:
            if (at_.has(pos, Cls::UNIT)) return {pos + 1, want ? std::string(at_.value(pos, Cls::UNIT)) : std::string()};
            if (at_.has(pos, Cls::UNITS)) return {pos + 1, want ? std::string(at_.value(pos, Cls::UNITS)) : std::string()};
            return {};
        default:
            if (at_.has(pos, c)) return {pos + 1, want ? std::string(at_.value(pos, c)) : std::string()};
            return {};
        }
    }

    /// Digits (24, 1,500, 3.5) or number words (twenty-four, one hundred, a dozen).
    ClassMatch number(std::uint32_t pos, bool want = true) const {
        const Atom& a = at_.atoms[pos];
        if (at_.has(pos, Cls::INT) || at_.has(pos, Cls::DEC)) return {pos + 1, want ? std::string(at_.value(pos, at_.has(pos, Cls::INT) ? Cls::INT : Cls::DEC)) : std::string()};
        std::uint32_t i = pos;
        const auto sentence = a.sentence;
        if ((at_.is(i, "a") || at_.is(i, "an")) && in_sentence(i + 1, sentence) &&
            (at_.is(i + 1, "dozen") || at_.has(i + 1, Cls::NUMMUL))) {
            long long v = at_.is(i + 1, "dozen") ? 12 : lex_number(at_, i + 1, Cls::NUMMUL);
            return {i + 2, want ? std::to_string(v) : std::string()};
        }
        long long v = lex_number(at_, i, Cls::NUMW);
        if (v < 0) return {};
        ++i;
        if (v >= 20 && v < 100 && v % 10 == 0) {
            if (in_sentence(i + 1, sentence) && at_.is(i, "-") && lex_number(at_, i + 1, Cls::NUMW) > 0 && lex_number(at_, i + 1, Cls::NUMW) < 10) {
                v += lex_number(at_, i + 1, Cls::NUMW);
                i += 2;
            } else if (in_sentence(i, sentence) && lex_number(at_, i, Cls::NUMW) > 0 && lex_number(at_, i, Cls::NUMW) < 10) {
                v += lex_number(at_, i, Cls::NUMW);
                i += 1;
            }
        }
        while (in_sentence(i, sentence) && at_.has(i, Cls::NUMMUL)) {
            v *= lex_number(at_, i, Cls::NUMMUL);
            ++i;
        }
        return {i, want ? std::to_string(v) : std::string()};
    }

    /// A year in words: nineteen ninety-six, nineteen eighty, two thousand.
    ClassMatch year_words(std::uint32_t pos, bool want = true) const {
        const auto sentence = at_.atoms[pos].sentence;
        const int century = lex_number(at_, pos, Cls::NUMW);
        if (century == 2 && in_sentence(pos + 1, sentence) && at_.is(pos + 1, "thousand")) return {pos + 2, want ? "2000" : std::string()};
        if (century != 19 && century != 20) return {};
        std::uint32_t i = pos + 1;
        const int tens = in_sentence(i, sentence) ? lex_number(at_, i, Cls::NUMW) : -1;
        if (tens < 10 || tens > 90 || (tens >= 20 && tens % 10 != 0)) return {};
        int y = century * 100 + tens;
        ++i;
        if (tens >= 20) {
            if (in_sentence(i + 1, sentence) && at_.is(i, "-") && lex_number(at_, i + 1, Cls::NUMW) > 0 && lex_number(at_, i + 1, Cls::NUMW) < 10) {
                y += lex_number(at_, i + 1, Cls::NUMW);
                i += 2;
            } else if (in_sentence(i, sentence) && lex_number(at_, i, Cls::NUMW) > 0 && lex_number(at_, i, Cls::NUMW) < 10) {
                y += lex_number(at_, i, Cls::NUMW);
                ++i;
            }
        }
        return {i, want ? std::to_string(y) : std::string()};
    }

    std::string instantiate(std::uint32_t flat, std::uint32_t i, const Rule& r) const {
        thread_local Captures caps, after;
        caps.reset();
        after.reset();
        const FlatPattern& f = t_.flats[flat];
        auto pos = match_body(f, i, &caps);
        // the context after the extent may give values too ("[ the quarter ] ended Sept. 30");
        // what the body captured comes first
        for (const Elem& e : f.after) {
            if (e.negative || !in_sentence(pos, at_.atoms[i].sentence)) break;
            const auto m = match_elem(e, pos, &after);
            if (m == no_match) break;
            pos = m;
        }
        caps.fill_from(after);
        std::string out;
        for (const auto& part : r.value) out += part.cls < 0 ? part.text : caps[static_cast<std::size_t>(part.cls)];
        return out;
    }

    const AtomText& at_;
    const TimeTables& t_;
};

} // namespace

std::vector<Candidate> match_rules(const AtomText& at, const TimeTables& t) { return Matcher(at, t).run(); }

} // namespace annals::detail
