#include "annals/events/syntax.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

namespace annals::detail {

namespace {

/// What one pass of the chunker reads: the sentence's tokens with their tags and lemmas. It
/// keeps the arrays' own pointers, so that a tag or a flag costs one load where going through
/// the input's vectors cost three.
class Reader {
public:
    Reader(const SyntaxInput& in, const Sentence& s)
        : in_(in), tags_(in.tags->data()), flags_(in.flags->data()), name_end_(name_ends(in, s.first_token + s.token_count)),
          first_(s.first_token), end_(s.first_token + s.token_count) {}

    [[nodiscard]] std::uint32_t first() const noexcept { return first_; }
    [[nodiscard]] std::uint32_t end() const noexcept { return end_; }
    [[nodiscard]] bool inside(std::int64_t i) const noexcept { return i >= first_ && i < end_; }
    [[nodiscard]] PosTag tag(std::uint32_t i) const noexcept { return tags_[i].tag; }
    [[nodiscard]] std::string_view lemma(std::uint32_t i) const noexcept { return tags_[i].lemma; }
    [[nodiscard]] std::string_view word(std::uint32_t i) const noexcept { return in_.seg->tokens[i].span.of(in_.text); }
    /// Whether token `i` has one of the WordFlag `bits`.
    [[nodiscard]] bool has(std::uint32_t i, std::uint32_t bits) const noexcept { return (flags_[i] & bits) != 0; }
    [[nodiscard]] std::uint32_t name_end(std::uint32_t i) const noexcept { return name_end_[i]; }
    [[nodiscard]] bool tag_is(std::int64_t i, PosTag t) const noexcept {
        return inside(i) && tag(static_cast<std::uint32_t>(i)) == t;
    }
    /// The next token after `i` that is not an adverb, or end().
    [[nodiscard]] std::uint32_t skip_adverbs(std::uint32_t i) const noexcept {
        while (i < end_ && is_adverb(tag(i))) ++i;
        return i;
    }

private:
    /// The name ends of tokens [0, end): the input's own array when it covers them (always, in
    /// the pipeline), so that the parse loops read it without a bounds test; else a per-thread
    /// copy padded with zeros.
    static const std::uint32_t* name_ends(const SyntaxInput& in, std::uint32_t end) {
        const std::size_t have = in.name_end == nullptr ? 0 : in.name_end->size();
        if (have >= end && end > 0) return in.name_end->data();
        thread_local std::vector<std::uint32_t> padded;
        padded.assign(std::max<std::size_t>(end, 1), 0);
        std::copy_n(in.name_end == nullptr ? nullptr : in.name_end->data(), std::min<std::size_t>(have, end), padded.begin());
        return padded.data();
    }

    const SyntaxInput& in_;
    const TaggedToken* tags_;
    const std::uint32_t* flags_;
    const std::uint32_t* name_end_; ///< valid for every token before end_
    std::uint32_t first_, end_;
};

/// A participle or gerund that modifies the noun after it ("of increased competition", "the
/// estimated 45,000 troops"), where no auxiliary makes it a verb.
bool prenominal_participle(const Reader& r, std::uint32_t i) {
    const PosTag t = r.tag(i);
    if (t != PosTag::VBN && t != PosTag::VBG) return false;
    if (i == r.first() || !r.inside(i + 1u)) return false;
    const PosTag next = r.tag(i + 1), prev = r.tag(i - 1);
    if (!is_noun(next) && !is_adjective(next) && next != PosTag::CD) return false;
    if (next == PosTag::NNP || next == PosTag::NNPS) return false;
    // After a verb that is no auxiliary ("reported operating losses") the form modifies too.
    const bool after_main_verb = is_verb(prev) && !r.has(i - 1, wf_aux_lemma | wf_get_lemma);
    return prev == PosTag::IN || prev == PosTag::TO || prev == PosTag::DT || prev == PosTag::PRPS || prev == PosTag::POS || prev == PosTag::CD ||
           is_adjective(prev) || after_main_verb || (is_adverb(prev) && i >= r.first() + 2 && r.tag(i - 2) == PosTag::DT);
}

/// The tags that open a noun group by themselves.
constexpr TagSet group_opening_tags =
    tag_bit(PosTag::DT) | tag_bit(PosTag::PDT) | tag_bit(PosTag::PRPS) | tag_bit(PosTag::PRP) | tag_bit(PosTag::CD) |
    tag_bit(PosTag::JJ) | tag_bit(PosTag::JJR) | tag_bit(PosTag::JJS) | tag_bit(PosTag::NN) | tag_bit(PosTag::NNS) |
    tag_bit(PosTag::NNP) | tag_bit(PosTag::NNPS) | tag_bit(PosTag::WDT) | tag_bit(PosTag::WP) | tag_bit(PosTag::dollar);
/// Those, and the participles that may open one before a noun: most tokens of a sentence fail
/// this one mask test and cost nothing more.
constexpr TagSet noun_start_tags = group_opening_tags | tag_bit(PosTag::VBN) | tag_bit(PosTag::VBG);

bool starts_noun_group(const Reader& r, std::uint32_t i) {
    const PosTag t = r.tag(i);
    if (!has_tag(noun_start_tags, t)) return false;
    return has_tag(group_opening_tags, t) || prenominal_participle(r, i);
}

bool nominal_tag(PosTag t) { return is_noun(t) || t == PosTag::CD || t == PosTag::PRP || t == PosTag::WDT || t == PosTag::WP; }

/// Whether token `j` continues the noun group that started at `start`.
bool continues_noun_group(const Reader& r, std::uint32_t start, std::uint32_t j) {
    const PosTag t = r.tag(j);
    const PosTag prev = r.tag(j - 1);
    // A pronoun or relative word is a group of its own.
    if (prev == PosTag::PRP || prev == PosTag::WDT || prev == PosTag::WP) return false;
    if (is_noun(t) || is_adjective(t) || t == PosTag::CD || t == PosTag::dollar) return true;
    if (t == PosTag::DT || t == PosTag::PRPS) return prev == PosTag::PDT;
    // Participles and gerunds before a noun modify it ("the proposed plan", "operating costs").
    if ((t == PosTag::VBN || t == PosTag::VBG) && r.inside(j + 1u) && (is_noun(r.tag(j + 1)) || is_adjective(r.tag(j + 1))))
        return prev == PosTag::DT || prev == PosTag::PRPS || is_adjective(prev) || is_noun(prev) || prev == PosTag::CD ||
               is_adverb(prev);
    // An adverb before an adjective ("a very large force").
    if (is_adverb(t) && r.inside(j + 1u) && is_adjective(r.tag(j + 1)) && j > start) return true;
    // "more than 500 fighters", "fewer than ten": a quantity inside the group.
    if (r.tag(j) == PosTag::IN && r.has(j, wf_than) && r.inside(j + 1u) && r.tag(j + 1) == PosTag::CD &&
        r.has(j - 1, wf_more_less))
        return true;
    // A hyphen or slash inside a compound or between names ("Af - Pak", "Daesh / ISIS").
    if (r.has(j, wf_hyphen_slash) && r.inside(j + 1u) && is_noun(r.tag(j + 1)) && is_noun(prev)) return true;
    (void)start;
    return false;
}

void build_noun_groups(const Reader& r, SentenceSyntax& out) {
    int possessor = none;
    for (std::uint32_t i = r.first(); i < r.end();) {
        const bool name = r.name_end(i) > i + 1;
        if (!name && !starts_noun_group(r, i)) {
            possessor = none;
            ++i;
            continue;
        }
        const std::uint32_t start = i;
        std::uint32_t j = i;
        bool has_name = false;
        while (j < r.end()) {
            if (const auto ne = r.name_end(j); ne > j + 1) {
                j = std::min(ne, r.end());
                has_name = true;
                continue;
            }
            if (j == start || continues_noun_group(r, start, j)) {
                ++j;
                continue;
            }
            break;
        }
        NounGroup g;
        g.first = start;
        g.last = j - 1;
        g.head = g.last;
        for (std::uint32_t k = g.last + 1; k-- > g.first;)
            if (nominal_tag(r.tag(k)) || r.name_end(k) > 0) {
                g.head = k;
                break;
            }
        // Inside a multi-word name the head is its last word. The scan above stepped on every
        // token outside a name, so a group where it met no name has none.
        if (has_name)
            for (std::uint32_t k = g.first; k <= g.last; ++k)
                if (const auto ne = r.name_end(k); ne > k + 1 && g.head >= k && g.head < ne) g.head = ne - 1;
        const PosTag ht = r.tag(g.head);
        g.pronoun = ht == PosTag::PRP || ht == PosTag::WDT || ht == PosTag::WP ||
                    (g.first == g.last && ht == PosTag::DT);
        g.relative = ht == PosTag::WDT || ht == PosTag::WP;
        g.plural = ht == PosTag::NNS || ht == PosTag::NNPS;
        g.definite = possessor != none || r.tag(g.first) == PosTag::PRPS || r.has(g.first, wf_definite);
        g.possessor = possessor;
        possessor = none;
        out.nouns.push_back(g);
        const int id = static_cast<int>(out.nouns.size()) - 1;
        for (std::uint32_t k = g.first; k <= g.last; ++k) out.group_of[k - r.first()] = id;
        i = j;
        if (r.tag_is(i, PosTag::POS)) {
            possessor = id;
            ++i;
        }
    }
}

bool is_aux_at(const Reader& r, std::uint32_t i) {
    if (r.has(i, wf_negative_contraction)) return true;
    if (!r.has(i, wf_aux_lemma | wf_get_lemma)) return false;
    const auto next = r.skip_adverbs(i + 1);
    if (next >= r.end()) return false;
    const PosTag t = r.tag(next);
    if (r.has(i, wf_get_lemma)) return t == PosTag::VBN;
    return is_verb(t) || (t == PosTag::MD);
}

GroupTense finite_tense(const Reader& r, std::uint32_t i) {
    switch (r.tag(i)) {
    case PosTag::VBD: return GroupTense::past;
    case PosTag::VBZ:
    case PosTag::VBP: return GroupTense::present;
    default: return GroupTense::unknown;
    }
}

/// Reads one verb group starting at `i` (tokens of noun groups end it); returns the token
/// after it.
std::uint32_t read_verb_group(const Reader& r, const SentenceSyntax& out, std::uint32_t i, VerbGroup& g) {
    g.first = i;
    int head = none, last_aux = none, first_verb = none;
    std::uint32_t j = i;
    for (; j < r.end(); ++j) {
        const PosTag t = r.tag(j);
        if (out.noun_at(j) != none) break;
        const bool contraction = r.has(j, wf_negative_contraction);
        if (t == PosTag::MD || (contraction && r.has(j, wf_modal_contraction))) {
            if (head != none || first_verb != none) break;
            g.modal = static_cast<int>(j);
            g.negated = g.negated || contraction;
            continue;
        }
        if (contraction && head == none) {
            // "didn't", "wasn't": a negated auxiliary; alone ("we don't"), the group's head.
            g.negated = true;
            if (first_verb == none) first_verb = static_cast<int>(j);
            last_aux = static_cast<int>(j);
            continue;
        }
        if (t == PosTag::TO) {
            if (head != none || first_verb != none) break;
            g.infinitive = true;
            continue;
        }
        if (is_adverb(t) || t == PosTag::RP) {
            if (head != none) break;
            if (r.has(j, wf_negation)) g.negated = true;
            continue;
        }
        if (!is_verb(t)) break;
        if (head != none) break;
        if (first_verb == none) first_verb = static_cast<int>(j);
        if (is_aux_at(r, j)) {
            if (r.has(j, wf_have_lemma)) g.perfect = true;
            last_aux = static_cast<int>(j);
            continue;
        }
        head = static_cast<int>(j);
    }
    if (head == none) head = last_aux != none ? last_aux : first_verb;
    if (head == none) return j; // only a modal or "to": no group
    g.head = static_cast<std::uint32_t>(head);
    g.last = std::max<std::uint32_t>(g.head, j > 0 ? j - 1 : 0);
    // Adverbs after the head belong to the clause, not the group.
    while (g.last > g.head && (is_adverb(r.tag(g.last)) || r.tag(g.last) == PosTag::RP) && r.tag(g.last) != PosTag::RP)
        --g.last;
    const PosTag ht = r.tag(g.head);
    if (last_aux != none && last_aux < head) {
        const auto aux = static_cast<std::uint32_t>(last_aux);
        g.passive = r.has(aux, wf_be_lemma | wf_get_lemma) && (ht == PosTag::VBN || ht == PosTag::VBD);
        g.progressive = r.has(aux, wf_be_lemma) && ht == PosTag::VBG;
    }
    g.copula = r.has(g.head, wf_copula_lemma) && !g.passive && !g.progressive;
    if (g.modal != none) {
        g.tense = r.has(static_cast<std::uint32_t>(g.modal), wf_future_modal) ? GroupTense::future : GroupTense::unknown;
    } else if (!g.infinitive && first_verb != none) {
        g.tense = finite_tense(r, static_cast<std::uint32_t>(first_verb));
        if (g.perfect && g.tense == GroupTense::present) g.tense = GroupTense::past;
    }
    return g.last + 1;
}

/// The tags that may open a verb group: verbs, modals, "to" and adverbs before a verb.
constexpr TagSet verb_start_tags = tag_bit(PosTag::VB) | tag_bit(PosTag::VBD) | tag_bit(PosTag::VBG) | tag_bit(PosTag::VBN) |
                                   tag_bit(PosTag::VBP) | tag_bit(PosTag::VBZ) | tag_bit(PosTag::MD) | tag_bit(PosTag::TO) |
                                   tag_bit(PosTag::RB) | tag_bit(PosTag::RBR) | tag_bit(PosTag::RBS);

bool opens_verb_group(const Reader& r, std::uint32_t i) {
    const PosTag t = r.tag(i);
    if (!has_tag(verb_start_tags, t)) return false;
    if (is_verb(t) || t == PosTag::MD) return true;
    if (t == PosTag::TO || is_adverb(t)) {
        const auto next = r.skip_adverbs(i + 1);
        return next < r.end() && (is_verb(r.tag(next)) || r.tag(next) == PosTag::MD) && (t == PosTag::TO || next > i);
    }
    return false;
}

void build_verb_groups(const Reader& r, SentenceSyntax& out) {
    for (std::uint32_t i = r.first(); i < r.end();) {
        // A noun group holds no verb group: step over it whole.
        if (const int n = out.noun_at(i); n != none) {
            i = out.nouns[static_cast<std::size_t>(n)].last + 1;
            continue;
        }
        if (!opens_verb_group(r, i)) {
            ++i;
            continue;
        }
        VerbGroup g;
        const auto next = read_verb_group(r, out, i, g);
        if (next <= i) {
            ++i;
            continue;
        }
        if (g.head < g.first || g.head > g.last || !is_verb(r.tag(g.head))) {
            i = next;
            continue;
        }
        const int id = static_cast<int>(out.verbs.size());
        for (std::uint32_t k = g.first; k <= g.last; ++k) out.group_of[out.count + (k - r.first())] = id;
        out.verbs.push_back(std::move(g));
        i = next;
    }
}

bool is_preposition(const Reader& r, std::uint32_t i) { return r.tag(i) == PosTag::IN || r.tag(i) == PosTag::TO; }


/// Whether the phrase of noun group `n` (with its coordination and prepositional chain) is
/// followed by a finite verb group: the group is then a clause's subject.
bool subject_of_clause(const Reader& r, const SentenceSyntax& out, std::size_t n) {
    auto t = out.nouns[n].last + 1;
    while (t < r.end()) {
        if (const int m = out.noun_at(t); m != none) {
            t = out.nouns[static_cast<std::size_t>(m)].last + 1;
            continue;
        }
        // Words tagged IN that only open clauses ("because the army left") end the phrase.
        if (is_preposition(r, t) && !r.has(t, wf_pure_subordinator)) {
            ++t;
            continue;
        }
        if (r.tag(t) == PosTag::CC || r.has(t, wf_comma) || is_adverb(r.tag(t))) {
            ++t;
            continue;
        }
        break;
    }
    if (t >= r.end()) return false;
    const int v = out.verb_at(t);
    if (v == none) return false;
    const auto& g = out.verbs[static_cast<std::size_t>(v)];
    return !g.infinitive && !(g.first == g.head && (r.tag(g.head) == PosTag::VBG || r.tag(g.head) == PosTag::VBN));
}

/// Prepositions, their attachment to the noun group before them, and coordinations.
void link_noun_groups(const Reader& r, SentenceSyntax& out) {
    for (std::size_t n = 0; n < out.nouns.size(); ++n) {
        auto& g = out.nouns[n];
        if (g.first == r.first()) continue;
        const auto before = g.first - 1;
        // "because the army left", "after the talks ended": a clause, not a phrase.
        const bool clause = r.has(before, wf_pure_subordinator) ||
                            (r.has(before, wf_clause_prep) && g.last + 1 < r.end() && out.verb_at(g.last + 1) != none);
        if (is_preposition(r, before) && out.verb_at(before) == none && !clause) {
            g.prep = static_cast<int>(before);
            if (before > r.first()) g.attached_to = out.noun_at(before - 1);
        }
    }
    for (std::size_t n = 0; n + 1 < out.nouns.size(); ++n) {
        auto& a = out.nouns[n];
        auto& b = out.nouns[n + 1];
        if (a.pronoun || b.relative || b.possessor != none || b.first != a.last + 2) continue;
        const auto mid = a.last + 1;
        const bool and_or = r.tag(mid) == PosTag::CC && r.has(mid, wf_and_or);
        // A comma joins list members only when a conjunction ends the list ("A, B and C").
        bool comma_list = false;
        if (r.has(mid, wf_comma)) {
            for (std::size_t m = n + 1; m + 1 < out.nouns.size(); ++m) {
                const auto& x = out.nouns[m];
                const auto& y = out.nouns[m + 1];
                if (y.first != x.last + 2) break;
                const auto sep = x.last + 1;
                if (r.tag(sep) == PosTag::CC) {
                    comma_list = true;
                    break;
                }
                if (!r.has(sep, wf_comma)) break;
            }
        }
        if (!and_or && !comma_list) continue;
        // "X met Y and Z signed", "with each other and Daesh will": Z, followed by its own verb,
        // starts a clause when Y is an object.
        const bool b_has_verb = b.last + 1 < r.end() && out.verb_at(b.last + 1) != none;
        // Only a clause that already has its verb can end before Z ("Talks between Russia and
        // China resumed" coordinates).
        const bool a_object = (a.first > r.first() && out.verb_at(a.first - 1) != none) || a.prep != none;
        const bool verb_before = std::any_of(out.verbs.begin(), out.verbs.end(), [&](const VerbGroup& v) { return v.last < a.first; });
        if (a_object && verb_before && (b_has_verb || subject_of_clause(r, out, n + 1))) continue;
        a.conj_next = static_cast<int>(n + 1);
        b.prep = b.prep == none ? a.prep : b.prep;
        b.attached_to = b.attached_to == none ? a.attached_to : b.attached_to;
        b.conj_first = a.conj_first == none ? static_cast<int>(n) : a.conj_first;
    }
}

bool ends_clause(const Reader& r, std::uint32_t i) {
    return r.has(i, wf_clause_punct) || (r.tag(i) == PosTag::IN && r.has(i, wf_clause_word));
}

/// The subject of verb group `v`: the nearest noun group before it that is not the object of a
/// preposition; across a conjunction ("met X and signed"), the previous verb's subject.
int find_subject(const Reader& r, const SentenceSyntax& out, std::size_t v) {
    const auto& g = out.verbs[v];
    for (std::int64_t k = static_cast<std::int64_t>(g.first) - 1; k >= r.first(); --k) {
        const auto i = static_cast<std::uint32_t>(k);
        if (const int n = out.noun_at(i); n != none) {
            const auto& ng = out.nouns[static_cast<std::size_t>(n)];
            const int first = ng.conj_first != none ? ng.conj_first : n;
            const auto start = out.nouns[static_cast<std::size_t>(first)].first;
            // The object of an infinitive that modifies a noun ("the coalition to defeat ISIS,
            // held ...") is not the subject: look past the infinitive.
            if (ng.prep == none && start > r.first()) {
                const int before = out.verb_at(start - 1);
                if (before != none && out.verbs[static_cast<std::size_t>(before)].infinitive) {
                    k = out.verbs[static_cast<std::size_t>(before)].first;
                    continue;
                }
            }
            if (ng.prep == none) return first;
            k = ng.prep; // skip the prepositional phrase and look further left
            continue;
        }
        const PosTag t = r.tag(i);
        if (is_adverb(t) || t == PosTag::MD || r.has(i, wf_comma)) continue;
        if (const int w = out.verb_at(i); w != none && out.verbs[static_cast<std::size_t>(w)].infinitive) {
            k = out.verbs[static_cast<std::size_t>(w)].first;
            continue;
        }
        // Skip a relative clause between subject and verb ("The coalition, which was formed in
        // 2014, dismantled ...").
        if (const int w = out.verb_at(i); w != none) {
            const int rel = out.verbs[static_cast<std::size_t>(w)].subject;
            if (rel != none && out.nouns[static_cast<std::size_t>(rel)].relative) {
                k = out.nouns[static_cast<std::size_t>(rel)].first;
                continue;
            }
            return none;
        }
        if (t == PosTag::CC && v > 0) return out.verbs[v - 1].subject;
        return none;
    }
    return none;
}

/// The verb whose complement verb group `v` is: for an infinitive, the verb just before it with
/// at most its object between ("urged the rebels to withdraw"); for a clause opened by a
/// subordinating word, the verb before that word ("said that ...").
int governor_of(const Reader& r, const SentenceSyntax& out, std::size_t v) {
    const auto& g = out.verbs[v];
    const auto& prev = out.verbs[v - 1];
    if (g.clause_link != none) return static_cast<std::uint32_t>(g.clause_link) > prev.last ? static_cast<int>(v - 1) : none;
    if (!g.infinitive) return none;
    auto between = prev.last + 1;
    if (prev.object != none) between = std::max(between, out.nouns[static_cast<std::size_t>(prev.object)].last + 1);
    while (between < g.first && is_adverb(r.tag(between))) ++between;
    return between == g.first ? static_cast<int>(v - 1) : none;
}

void link_verb_groups(const Reader& r, SentenceSyntax& out) {
    for (std::size_t v = 0; v < out.verbs.size(); ++v) {
        auto& g = out.verbs[v];
        if (!g.infinitive && !(r.tag(g.head) == PosTag::VBG && g.first == g.head)) g.subject = find_subject(r, out, v);
        // Object, or a predicative adjective after a copula.
        auto k = g.last + 1;
        while (k < r.end() && (is_adverb(r.tag(k)) || r.tag(k) == PosTag::RP)) ++k;
        if (k < r.end()) {
            if (const int n = out.noun_at(k); n != none && out.nouns[static_cast<std::size_t>(n)].prep == none) {
                const auto& ng = out.nouns[static_cast<std::size_t>(n)];
                const bool adjectival = std::all_of(&ng, &ng + 1, [&](const NounGroup& x) {
                    for (auto t = x.first; t <= x.last; ++t)
                        if (nominal_tag(r.tag(t)) && !is_adjective(r.tag(t))) return false;
                    return true;
                });
                if (adjectival && g.copula) g.complement = static_cast<int>(ng.head);
                else if (!ng.relative) g.object = n;
            } else if (is_adjective(r.tag(k)) && g.copula) {
                g.complement = static_cast<int>(k);
            }
        }
        // Prepositional phrases up to the next verb or clause break.
        for (auto t = g.last + 1; t < r.end(); ++t) {
            if (out.verb_at(t) != none || ends_clause(r, t)) break;
            const int n = out.noun_at(t);
            if (n == none) continue;
            const auto& ng = out.nouns[static_cast<std::size_t>(n)];
            // One entry per coordination: its first member carries the others.
            if (ng.prep != none && ng.first == t && ng.conj_first == none) g.pps.push_back(n);
            if (ng.relative) break;
        }
        // A clause opened by a subordinating word; an infinitive governed by the verb before it.
        if (g.first > r.first()) {
            std::int64_t k2 = static_cast<std::int64_t>(g.first) - 1;
            if (g.subject != none) k2 = static_cast<std::int64_t>(out.nouns[static_cast<std::size_t>(g.subject)].first) - 1;
            if (k2 >= r.first() && ends_clause(r, static_cast<std::uint32_t>(k2))) g.clause_link = static_cast<int>(k2);
        }
        if (v > 0) g.governor = governor_of(r, out, v);
    }
}

/// Fronted prepositional phrases ("During the meeting, the ministers reaffirmed") belong to the
/// first verb after them.
void attach_fronted_phrases(const Reader& r, SentenceSyntax& out) {
    std::size_t v = 0;
    for (std::size_t n = 0; n < out.nouns.size(); ++n) {
        const auto& ng = out.nouns[n];
        if (ng.prep == none || ng.attached_to != none || ng.first != static_cast<std::uint32_t>(ng.prep) + 1) continue;
        while (v < out.verbs.size() && out.verbs[v].first < ng.first) ++v;
        if (v == out.verbs.size()) break;
        // Only phrases that open the sentence or follow a comma or clause break are fronted.
        const auto p = static_cast<std::uint32_t>(ng.prep);
        const bool opens = p == r.first() || r.has(p - 1, wf_comma) || ends_clause(r, p - 1);
        const bool verb_before = std::any_of(out.verbs.begin(), out.verbs.begin() + static_cast<std::ptrdiff_t>(v),
                                             [&](const VerbGroup& g) { return g.last + 1 >= p; });
        if (opens && !verb_before) out.verbs[v].pps.push_back(static_cast<int>(n));
    }
}

/// wf_negative_contraction for "cannot" and the words of more than three letters ending in n't.
/// Asked of every token: the words that do not end in 't', nearly all, are told by one byte.
std::uint32_t contraction_bits(std::string_view w) noexcept {
    const auto n = w.size();
    return n > 3 && w[n - 1] == 't' && is_negative_contraction(w) ? std::uint32_t{wf_negative_contraction} : 0u;
}

} // namespace

WordFlagTable::WordFlagTable() {
    auto forms = [this](std::uint32_t bit, std::initializer_list<std::string_view> words) {
        for (const auto w : words) add_form(w, bit);
    };
    auto lemmas = [this](std::uint32_t bit, std::initializer_list<std::string_view> words) {
        for (const auto w : words) add_lemma(w, bit);
    };
    forms(wf_negation, {"not", "n't", "never", "no longer"});
    forms(wf_modal_contraction, {"cannot", "can't", "won't", "wouldn't", "couldn't", "shouldn't", "mustn't", "mightn't"});
    forms(wf_than, {"than"});
    forms(wf_more_less, {"more", "less", "fewer"});
    forms(wf_hyphen_slash, {"-", "/"});
    forms(wf_definite, {"the", "this", "that", "these", "those"});
    forms(wf_pure_subordinator,
          {"because", "although", "though", "whereas", "unless", "if", "whether", "that", "while", "once", "so"});
    forms(wf_clause_prep, {"after", "before", "since", "until", "as"});
    forms(wf_clause_word, {"that", "because", "if", "although", "though", "while", "whereas", "unless", "whether",
                           "since", "when", "after", "before", "until", "once"});
    forms(wf_clause_punct, {";", ":", "--"});
    forms(wf_comma, {","});
    forms(wf_future_modal, {"will", "'ll", "shall", "wo"});
    forms(wf_and_or, {"and", "or", "&"});
    forms(wf_semicolon_colon, {";", ":"});
    lemmas(wf_aux_lemma, {"be", "have", "do"});
    lemmas(wf_get_lemma, {"get"});
    lemmas(wf_copula_lemma, {"be", "become", "remain", "seem", "appear", "stay", "look", "sound", "prove"});
    lemmas(wf_have_lemma, {"have"});
    lemmas(wf_be_lemma, {"be"});
}

std::uint32_t WordFlagTable::flags(std::string_view lower_form, std::string_view lemma) const noexcept {
    std::uint32_t bits = 0;
    if (const auto* f = forms_.find(lower_form)) bits |= *f;
    if (const auto* l = lemmas_.find(lemma)) bits |= *l;
    return bits | contraction_bits(lower_form);
}

void WordFlagTable::token_flags(std::string_view lower_text, const std::vector<Token>& tokens,
                                const std::vector<TaggedToken>& tags, std::vector<std::uint32_t>& out) const {
    const std::size_t n = tokens.size();
    out.resize(n);
    std::uint32_t* const bits_out = out.data();
    const Token* const toks = tokens.data();
    const TaggedToken* const tagged = tags.data();
    for (std::size_t t = 0; t < n; ++t) {
        // Every token's span lies inside the text: no bounds test as Span::of (substr) makes.
        const Span sp = toks[t].span;
        const std::string_view form(lower_text.data() + sp.begin, sp.end - sp.begin);
        const std::string_view lemma = tagged[t].lemma;
        bits_out[t] = packed_forms_.find(form, forms_) | packed_lemmas_.find(lemma, lemmas_) | contraction_bits(form);
    }
}

bool is_negative_contraction(std::string_view w) {
    // Asked of every token: compared in place rather than on a lower-case copy.
    auto lower_is = [](std::string_view a, std::string_view lower) {
        if (a.size() != lower.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            char c = a[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != lower[i]) return false;
        }
        return true;
    };
    return lower_is(w, "cannot") || (w.size() > 3 && lower_is(w.substr(w.size() - 3), "n't"));
}

bool is_auxiliary_lemma(std::string_view lemma) noexcept { return lemma == "be" || lemma == "have" || lemma == "do"; }

SentenceSyntax parse_sentence(const SyntaxInput& in, const Sentence& s) {
    SentenceSyntax out;
    out.first = s.first_token;
    out.count = s.token_count;
    out.group_of.assign(2 * static_cast<std::size_t>(s.token_count), none);
    // Room for the usual number of groups, so that push_back does not grow the vectors
    // step by step in every sentence.
    out.nouns.reserve(s.token_count / 2 + 1);
    out.verbs.reserve(s.token_count / 4 + 1);
    const Reader r(in, s);
    build_noun_groups(r, out);
    build_verb_groups(r, out);
    link_noun_groups(r, out);
    link_verb_groups(r, out);
    attach_fronted_phrases(r, out);
    return out;
}

} // namespace annals::detail
