// Modality and polarity of event mentions: the verb group's own negation and modal, then the
// cue lists with their scopes (after NegEx and FactBank), negated over hypothetical over future
// over reported.
#include "annals/events/detector_detail.hpp"

#include <algorithm>
#include <array>

namespace annals::detail {

namespace {

struct CueMatch {
    std::uint32_t first = 0, last = 0; ///< tokens, inclusive
    const ModalityCue* cue = nullptr;
};

/// Sentence tokens as the cue lists read them: lower-case forms and lemmas.
struct CueView {
    const DocContext& doc;
    std::uint32_t first, end;

    CueView(const DocContext& d, const SentenceSyntax& syn) : doc(d), first(syn.first), end(syn.first + syn.count) {}
    [[nodiscard]] std::string_view form(std::uint32_t t) const { return doc.form(t); }
    /// The last token of `words` matched from `t`, or none. The lists are indexed by their first
    /// word, so a row found through the index has its first word matched already: the
    /// comparison starts at its second.
    [[nodiscard]] int match(std::uint32_t t, const std::vector<std::string>& words, bool lemma) const {
        ++t;
        for (std::size_t w = 1; w < words.size(); ++w, ++t) {
            if (t >= end) return none;
            const bool ok = lemma ? (doc.lemma(t) == words[w] || form(t) == words[w]) : form(t) == words[w];
            if (!ok) return none;
        }
        return static_cast<int>(t) - 1;
    }
};

/// The cues that start at token `t` (at most one matched by form, one by lemma), appended to `out`.
void cues_at(const CueView& v, const ModalityCues& cues, std::uint32_t t, std::vector<CueMatch>& out) {
    for (const bool lemma : {false, true}) {
        if (!v.doc.has(t, lemma ? wf_lemma_cue : wf_form_cue)) continue;
        const auto& list = lemma ? cues.lemma_cues_starting_with(v.doc.lemma(t)) : cues.form_cues_starting_with(v.form(t));
        for (const auto* c : list)
            if (const int last = v.match(t, c->words, c->match_lemma); last != none) {
                out.push_back({t, static_cast<std::uint32_t>(last), c});
                break; // longest first
            }
    }
}

std::uint8_t class_bit(ModalityClass c) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c)); }

/// A bit for each modality class whose bounded scope ends at token `t`.
std::uint8_t scope_end_bits(const CueView& v, const ModalityCues& cues, std::uint32_t t) {
    std::uint8_t bits = 0;
    if (v.doc.has(t, wf_semicolon_colon)) bits = 0x0f;
    // A comma ends a clause, except inside a condition ("if X, Y" keeps Y conditional).
    if (v.doc.has(t, wf_comma)) bits |= static_cast<std::uint8_t>(0x0f & ~class_bit(ModalityClass::hypothetical));
    if (!v.doc.has(t, wf_terminator)) return bits;
    for (const auto* row : cues.terminators_starting_with(v.form(t)))
        if (v.match(t, row->words, false) != none) {
            for (std::size_t c = 0; c < row->ends.size(); ++c)
                if (row->ends[c]) bits |= static_cast<std::uint8_t>(1u << c);
            break;
        }
    return bits;
}

/// One pass over a sentence's tokens: its cues (into `kept`, with `found` as scratch), in text
/// order, and per token (index - first) the scope end bits, so that walking a scope costs a
/// load per token rather than a look through the terminators.
void scan_sentence(const CueView& v, const ModalityCues& cues, std::vector<CueMatch>& found, std::vector<CueMatch>& kept,
                   std::vector<std::uint8_t>& ends) {
    found.clear();
    kept.clear();
    ends.assign(v.end - v.first, 0);
    constexpr std::uint32_t cue_bits = wf_form_cue | wf_lemma_cue;
    constexpr std::uint32_t end_bits = wf_semicolon_colon | wf_comma | wf_terminator;
    for (auto t = v.first; t < v.end; ++t) {
        // Most words start no cue and end no scope: the token's flags say so without a lookup.
        const auto flags = v.doc.word_flags[t];
        if ((flags & (cue_bits | end_bits)) == 0) continue;
        if ((flags & cue_bits) != 0) cues_at(v, cues, t, found);
        if ((flags & end_bits) != 0) ends[t - v.first] = scope_end_bits(v, cues, t);
    }
    // A cue inside a longer one is part of it ("cannot" and "be ruled out" in "cannot be ruled out").
    for (const auto& a : found) {
        const bool inside = std::any_of(found.begin(), found.end(), [&](const CueMatch& b) {
            return &a != &b && b.first <= a.first && a.last <= b.last && (b.last - b.first) > (a.last - a.first);
        });
        if (!inside) kept.push_back(a);
    }
}

/// The tokens a cue scopes over, as [from, to) ranges (one each side).
std::array<std::pair<std::uint32_t, std::uint32_t>, 2> scope_of(const CueView& v, const SentenceSyntax& syn,
                                                                  const std::vector<std::uint8_t>& ends, const CueMatch& m) {
    const auto& c = *m.cue;
    std::array<std::pair<std::uint32_t, std::uint32_t>, 2> out{};
    const bool fwd = c.direction != ScopeDirection::backward, bwd = c.direction != ScopeDirection::forward;
    const bool bounded = c.unit != ScopeUnit::sentence;
    const auto bit = class_bit(c.cls);
    auto ends_scope = [&](std::uint32_t t) { return (ends[t - v.first] & bit) != 0; };
    if (fwd) {
        auto to = m.last + 1;
        const auto limit = c.unit == ScopeUnit::tokens ? std::min<std::size_t>(v.end, m.last + 1 + c.window) : v.end;
        while (to < limit && !(bounded && ends_scope(to))) ++to;
        out[0] = {m.last + 1, to};
    }
    if (bwd) {
        auto from = m.first;
        const auto limit = c.unit == ScopeUnit::tokens ? (m.first >= v.first + c.window ? m.first - c.window : v.first) : v.first;
        // Looking back, a clause also ends at the verb of another clause ("said the talks had
        // failed": the failure is negated, the saying is not).
        const int own_verb = syn.verb_at(m.first);
        auto other_verb = [&](std::uint32_t t) { return syn.verb_at(t) != none && syn.verb_at(t) != own_verb; };
        while (from > limit && !(bounded && (ends_scope(from - 1) || other_verb(from - 1)))) --from;
        out[1] = {from, m.first};
    }
    return out;
}

/// Lower is stronger: the order in which modalities win.
int rank(ModalityClass c) {
    switch (c) {
    case ModalityClass::negated: return 0;
    case ModalityClass::hypothetical: return 1;
    case ModalityClass::future: return 2;
    case ModalityClass::reported: return 3;
    }
    return 4;
}

void consider(int& best, ModalityClass c) { best = std::min(best, rank(c)); }

/// What the verb group itself says: "did not attend", "would attack", "will meet".
void from_verb_group(const CueView& v, const VerbGroup& g, int& best) {
    if (g.negated) consider(best, ModalityClass::negated);
    if (g.modal == none) return;
    const auto m = v.form(static_cast<std::uint32_t>(g.modal));
    if (m == "will" || m == "'ll" || m == "shall") consider(best, ModalityClass::future);
    else if (m == "wo" || m == "won't" || m == "cannot" || m == "can't") consider(best, ModalityClass::negated);
    else consider(best, ModalityClass::hypothetical);
}

} // namespace

void assign_modality(const DocContext& doc, const EventResources& res, SentenceEvents& s) {
    if (s.mentions.empty()) return;
    const CueView view(doc, s.syntax);
    // Scratch kept per thread: this runs for every sentence.
    thread_local std::vector<CueMatch> found, cues;
    thread_local std::vector<std::uint8_t> ends;
    thread_local std::vector<int> best;
    scan_sentence(view, res.cues, found, cues, ends);
    best.assign(s.mentions.size(), 4);
    for (std::size_t i = 0; i < s.mentions.size(); ++i) {
        const auto& m = s.mentions[i];
        if (m.verb != none && m.pos != TriggerPos::noun) from_verb_group(view, s.syntax.verbs[static_cast<std::size_t>(m.verb)], best[i]);
        if (m.light != nullptr) from_verb_group(view, s.syntax.verbs[static_cast<std::size_t>(m.verb)], best[i]);
    }
    for (const auto& c : cues) {
        for (const auto& [from, to] : scope_of(view, s.syntax, ends, c))
            for (std::size_t i = 0; i < s.mentions.size(); ++i) {
                const auto t = s.mentions[i].token;
                if (t >= from && t < to) consider(best[i], c.cue->cls);
            }
    }
    // A trigger inside a phrase that qualifies what comes before it takes the phrase's class
    // ("cannot be ruled out" is no negated ruling but an open possibility). A verb inside a
    // forward cue ("failed to", "plans to") keeps its own modality.
    for (const auto& c : cues)
        if (c.last > c.first && c.cue->direction == ScopeDirection::backward)
            for (std::size_t i = 0; i < s.mentions.size(); ++i)
                if (s.mentions[i].token >= c.first && s.mentions[i].token <= c.last) best[i] = rank(c.cue->cls);
    static constexpr std::array<ModalityClass, 4> by_rank = {ModalityClass::negated, ModalityClass::hypothetical,
                                                             ModalityClass::future, ModalityClass::reported};
    for (std::size_t i = 0; i < s.mentions.size(); ++i)
        s.mentions[i].modality = best[i] < 4 ? to_string(by_rank[static_cast<std::size_t>(best[i])]) : "asserted";
}

} // namespace annals::detail
