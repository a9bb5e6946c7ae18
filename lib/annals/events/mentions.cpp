// Event mentions of a sentence: verbs, nouns, adjectives and light verbs, with their frames,
// types and TimeML classes.
#include "annals/events/detector_detail.hpp"
#include "annals/events/nominal.hpp"
#include "annals/events/word_map.hpp"

#include <algorithm>

namespace annals::detail {

// Compared as views: libstdc++ compares a std::string with a C string by a memcmp call
// even when their lengths differ.
using namespace std::string_view_literals;

namespace {

using NounIndex = std::size_t;

const NounGroup& noun(const SentenceSyntax& syn, int n) { return syn.nouns[static_cast<NounIndex>(n)]; }

/// The lower-case word after token `i` that is not an adverb, or "".
std::string_view next_word(const DocContext& doc, const SentenceSyntax& syn, std::uint32_t i) {
    for (auto k = i + 1; k < syn.first + syn.count; ++k)
        if (!is_adverb(doc.tag(k))) return doc.form(k);
    return {};
}

/// A relative pronoun stands for the noun group before it ("the coalition, which was formed").
int resolve_relative(const DocContext& doc, const SentenceSyntax& syn, int n) {
    if (n == none || !noun(syn, n).relative) return n;
    auto k = noun(syn, n).first;
    if (k > syn.first && doc.has(k - 1, wf_comma)) --k;
    if (k <= syn.first) return none;
    const int before = syn.noun_at(k - 1);
    if (before == none) return none;
    const auto& g = noun(syn, before);
    // "the ministers of the coalition, who ...": the whole phrase, named by its first group.
    return g.attached_to != none ? g.attached_to : before;
}

Frame verb_frame(const DocContext& doc, const SentenceSyntax& syn, int v) {
    const auto& g = syn.verbs[static_cast<std::size_t>(v)];
    Frame f;
    f.subject = resolve_relative(doc, syn, g.subject);
    f.object = g.object;
    f.pps = g.pps;
    f.passive = g.passive;
    for (const auto& w : syn.verbs)
        if (w.governor == v && w.infinitive) f.infinitive_complement = true;
    return f;
}

Frame noun_frame(const DocContext& doc, const SentenceSyntax& syn, int n, std::uint32_t token) {
    const auto& g = noun(syn, n);
    Frame f;
    if (token == g.head) {
        f.subject = g.possessor;
        for (std::size_t k = 0; k < syn.nouns.size(); ++k)
            if (noun(syn, static_cast<int>(k)).attached_to == n && noun(syn, static_cast<int>(k)).conj_first == none)
                f.pps.push_back(static_cast<int>(k));
    }
    // "US withdrawal", "Italian troops' pullout": actors named before the trigger.
    for (auto t = g.first; t < token; ++t) {
        const int e = doc.entity_of[t];
        if (e != none && std::find(f.subject_entities.begin(), f.subject_entities.end(), e) == f.subject_entities.end())
            f.subject_entities.push_back(e);
    }
    return f;
}

bool verb_is_event(const DocContext& doc, const EventResources& res, const SentenceSyntax& syn, const VerbGroup& g) {
    const auto& lemma = doc.lemma(g.head);
    if (doc.has(g.head, wf_aux_lemma | wf_negative_contraction)) return false;
    if (doc.entity_of[g.head] != none || doc.timex_of[g.head] != none) return false;
    return !res.non_triggers.excludes(lemma, doc.tag(g.head), next_word(doc, syn, g.head));
}

/// Whether some of these trigger rows gives an event type (not only a TimeML class).
bool gives_type(const std::vector<const TriggerEntry*>& rows) {
    return std::any_of(rows.begin(), rows.end(), [](const TriggerEntry* e) { return e->type != "other"sv; });
}

/// What noun_is_event() asks of a noun lemma, found with one probe of a per-thread memo
/// instead of one for the trigger rows and one for the WordNet facts.
struct NounTrigger {
    bool typed = false; ///< some noun row gives an event type
    bool event = false; ///< it has noun rows, or WordNet says it names an event
};

NounTrigger noun_trigger(const DocContext& doc, const EventResources& res, std::string_view lemma) {
    auto make = [&] {
        const auto& rows = res.triggers.lookup(lemma).find(TriggerPos::noun);
        return NounTrigger{gives_type(rows), !rows.empty() || noun_facts(*doc.lex, lemma).event};
    };
    ShortWord w;
    if (!ShortWord::pack(lemma, w)) return make();
    struct Memo {
        std::uint64_t lexicon = 0, triggers = 0;
        ShortWordMemo<NounTrigger> words;
    };
    thread_local Memo thread_memo;
    Memo& memo = thread_memo; // one TLS address per call
    if (memo.lexicon != doc.lex->id() || memo.triggers != res.triggers.serial()) {
        memo.words.clear();
        memo.lexicon = doc.lex->id();
        memo.triggers = res.triggers.serial();
    }
    return memo.words.get(w, make);
}

bool noun_is_event(const DocContext& doc, const EventResources& res, const NounGroup& g, std::uint32_t t) {
    const PosTag tag = doc.tag(t);
    if ((tag != PosTag::NN && tag != PosTag::NNS) || doc.entity_of[t] != none || doc.timex_of[t] != none) return false;
    const auto facts = noun_trigger(doc, res, doc.lemma(t));
    // A noun modifying another names a kind ("peace talks", "aid groups"), not an event, unless
    // both name typed events: one event qualifies another ("murder charges", "murder trial").
    if (t != g.head && !(facts.typed && noun_trigger(doc, res, doc.lemma(g.head)).typed)) return false;
    // A bare singular noun right after a preposition is part of a fixed phrase ("in custody",
    // "for sale", "in exchange") unless it names a typed event on its own ("under attack",
    // "shot to death").
    if (tag == PosTag::NN && t == g.first && t > 0 && doc.tag(t - 1) == PosTag::IN && !facts.typed) return false;
    return facts.event;
}

/// Rows of multi-word triggers that start at the mention and whose further words follow it.
std::vector<std::pair<const TriggerEntry*, std::uint32_t>> phrase_rows(const DocContext& doc, const WordTriggers& word,
                                                                       const SentenceSyntax& syn, const EventMention& m) {
    std::vector<std::pair<const TriggerEntry*, std::uint32_t>> out;
    for (const auto* e : *word.phrases) {
        if (e->pos != m.pos) continue;
        auto t = m.token;
        bool ok = true;
        for (std::size_t w = 1; w < e->words.size() && ok; ++w) {
            ++t;
            ok = t < syn.first + syn.count && (doc.lemma(t) == e->words[w] || doc.form(t) == e->words[w]);
        }
        if (ok) out.emplace_back(e, t);
    }
    return out;
}

/// Whether every constraint of `e` holds for mention `m`.
bool constraints_hold(const DocContext& doc, const EventResources& res, const SentenceSyntax& syn, const EventMention& m,
                      const TriggerEntry& e) {
    using K = TriggerConstraint::Kind;
    const auto& f = m.frame;
    const auto& onto = res.ontology;
    auto prep_of = [&](int n) { return doc.form(static_cast<std::uint32_t>(noun(syn, n).prep)); };
    for (const auto& c : e.constraints) {
        bool ok = true;
        switch (c.kind) {
        case K::passive: ok = f.passive; break;
        case K::active: ok = !f.passive; break;
        case K::transitive: ok = f.object != none; break;
        case K::intransitive: ok = f.object == none; break;
        case K::infinitive: ok = f.infinitive_complement; break;
        case K::plural: ok = doc.tag(m.token) == PosTag::NNS; break;
        case K::singular: ok = doc.tag(m.token) == PosTag::NN; break;
        case K::prep:
            ok = std::any_of(f.pps.begin(), f.pps.end(), [&](int n) {
                return std::find(c.words.begin(), c.words.end(), prep_of(n)) != c.words.end();
            });
            break;
        case K::subject:
            ok = f.subject != none || f.subject_entities.empty() ? slot_matches(doc, syn, f.subject, c.values, onto)
                                                                  : entities_match(doc, f.subject_entities, c.values, onto);
            break;
        case K::object: ok = slot_matches(doc, syn, f.object, c.values, onto); break;
        case K::pp: {
            int slot = none;
            for (const int n : f.pps)
                if (prep_of(n) == c.prep) {
                    slot = n;
                    break;
                }
            ok = slot_matches(doc, syn, slot, c.values, onto);
            break;
        }
        }
        if (!ok) return false;
    }
    return true;
}

/// "event/verb", "event/noun", "event/adj": the rule of a mention no trigger row types.
std::string_view untyped_rule(TriggerPos pos) {
    switch (pos) {
    case TriggerPos::verb: return "event/verb";
    case TriggerPos::noun: return "event/noun";
    case TriggerPos::adj: return "event/adj";
    }
    return "event/verb";
}

void type_mention(const DocContext& doc, const EventResources& res, const SentenceSyntax& syn, EventMention& m) {
    const auto& word = res.triggers.lookup(m.lemma);
    for (const auto& [e, last] : phrase_rows(doc, word, syn, m)) {
        if (!constraints_hold(doc, res, syn, m, *e)) continue;
        m.type = e->type, m.cls = e->timeml_class, m.rule = e->rule, m.last_token = last, m.lemma = e->lemma;
        m.confidence = e->constraints.empty() ? 0.8 : 0.9;
        return;
    }
    for (const auto* e : word.find(m.pos)) {
        if (!constraints_hold(doc, res, syn, m, *e)) continue;
        m.type = e->type, m.cls = e->timeml_class, m.rule = e->rule;
        m.confidence = e->type == "other"sv ? 0.6 : e->constraints.empty() ? 0.8 : 0.9;
        return;
    }
    // A word none of whose rows fits (constraints name other senses) is an event of no type.
    if (m.pos == TriggerPos::adj) m.cls = "STATE";
    m.rule = untyped_rule(m.pos);
    m.confidence = 0.5;
}

void add_verbs(const DocContext& doc, const EventResources& res, SentenceEvents& out) {
    const auto& syn = out.syntax;
    for (std::size_t v = 0; v < syn.verbs.size(); ++v) {
        const auto& g = syn.verbs[v];
        if (g.copula && g.complement != none) {
            const auto adj = static_cast<std::uint32_t>(g.complement);
            const auto& lemma = doc.lemma(adj);
            if (!res.triggers.lookup(lemma).find(TriggerPos::adj).empty()) {
                EventMention m;
                m.token = m.last_token = adj;
                m.pos = TriggerPos::adj;
                m.verb = static_cast<int>(v);
                m.lemma = lemma;
                m.frame = verb_frame(doc, syn, static_cast<int>(v));
                out.mentions.push_back(std::move(m));
            }
        }
        if (!verb_is_event(doc, res, syn, g)) continue;
        EventMention m;
        m.token = m.last_token = g.head;
        m.pos = TriggerPos::verb;
        m.verb = static_cast<int>(v);
        m.lemma = doc.lemma(g.head);
        m.frame = verb_frame(doc, syn, static_cast<int>(v));
        out.mentions.push_back(std::move(m));
    }
}

/// The verb group a result adjective completes: "declared dead", "found guilty" (right after
/// the verb) or "left a receptionist dead" (right after the verb's object); none otherwise.
int completed_verb(const SentenceSyntax& syn, std::uint32_t t) {
    if (t == syn.first) return none;
    if (const int v = syn.verb_at(t - 1); v != none) return v;
    // The chunker keeps an adjective after a noun in its group ("a guard dead").
    int n = syn.noun_at(t);
    if (n != none) {
        const auto& g = syn.nouns[static_cast<std::size_t>(n)];
        if (g.last != t || g.head >= t) return none;
    } else {
        n = syn.noun_at(t - 1);
        if (n == none || syn.nouns[static_cast<std::size_t>(n)].last != t - 1) return none;
    }
    for (std::size_t v = 0; v < syn.verbs.size(); ++v)
        if (syn.verbs[v].object == n) return static_cast<int>(v);
    return none;
}

/// Adjectives that name a typed state outside a copula: a verb's result ("shot dead",
/// "left a man dead", "found guilty") or a count in a headline ("1 dead, 2 injured").
void add_result_adjectives(const DocContext& doc, const EventResources& res, SentenceEvents& out) {
    const auto& syn = out.syntax;
    for (auto t = syn.first; t < syn.first + syn.count; ++t) {
        if (doc.tag(t) != PosTag::JJ || syn.verb_at(t) != none) continue;
        const auto& rows = res.triggers.lookup(doc.lemma(t)).find(TriggerPos::adj);
        if (!gives_type(rows)) continue;
        if (std::any_of(out.mentions.begin(), out.mentions.end(), [&](const EventMention& m) { return m.token == t; }))
            continue;
        const int v = completed_verb(syn, t);
        if (v == none && !(t > syn.first && doc.tag(t - 1) == PosTag::CD)) continue;
        EventMention m;
        m.token = m.last_token = t;
        m.pos = TriggerPos::adj;
        m.verb = v;
        m.lemma = doc.lemma(t);
        if (v != none) m.frame = verb_frame(doc, syn, v);
        out.mentions.push_back(std::move(m));
    }
}

void add_nouns(const DocContext& doc, const EventResources& res, SentenceEvents& out) {
    const auto& syn = out.syntax;
    for (std::size_t n = 0; n < syn.nouns.size(); ++n) {
        const auto& g = syn.nouns[n];
        if (g.pronoun) continue;
        for (auto t = g.first; t <= g.last; ++t) {
            if (!noun_is_event(doc, res, g, t)) continue;
            EventMention m;
            m.token = m.last_token = t;
            m.pos = TriggerPos::noun;
            m.noun = static_cast<int>(n);
            m.lemma = doc.lemma(t);
            m.frame = noun_frame(doc, syn, static_cast<int>(n), t);
            out.mentions.push_back(std::move(m));
        }
    }
}

int mention_at(const SentenceEvents& s, std::uint32_t token, TriggerPos pos) {
    for (std::size_t i = 0; i < s.mentions.size(); ++i)
        if (s.mentions[i].token == token && s.mentions[i].pos == pos) return static_cast<int>(i);
    return none;
}

bool is_preposition_word(const DocContext& doc, std::uint32_t t) { return doc.tag(t) == PosTag::IN || doc.tag(t) == PosTag::TO; }

/// The light verb a verb mention stands for, with the phrase's last token ("take part in").
std::pair<const LightVerb*, std::uint32_t> light_verb_at(const DocContext& doc, const EventResources& res,
                                                         const SentenceSyntax& syn, const EventMention& m) {
    const auto& word = res.triggers.lookup(m.lemma);
    for (const auto* lv : *word.light_phrases) {
        auto t = m.token;
        bool ok = true;
        for (std::size_t w = 1; w < lv->words.size() && ok; ++w) {
            ++t;
            ok = t < syn.first + syn.count && (doc.lemma(t) == lv->words[w] || doc.form(t) == lv->words[w]);
        }
        if (ok) return {lv, t};
    }
    return {word.light, m.token};
}

/// "held a meeting", "the meeting was called by": the noun takes the event, the verb lends it
/// its subject (in the light verb's role), prepositional phrases, voice and modality.
void hand_over_light_verbs(const DocContext& doc, const EventResources& res, SentenceEvents& s) {
    const auto& syn = s.syntax;
    for (std::size_t i = 0; i < s.mentions.size(); ++i) {
        auto& m = s.mentions[i];
        if (m.pos != TriggerPos::verb) continue;
        const auto [lv, last] = light_verb_at(doc, res, syn, m);
        if (lv == nullptr) continue;
        const auto& g = syn.verbs[static_cast<std::size_t>(m.verb)];
        int complement = none;
        bool passive_subject = false, subject_complement = false;
        if (!lv->complement_prep.empty()) {
            for (const int n : g.pps)
                if (doc.form(static_cast<std::uint32_t>(noun(syn, n).prep)) == lv->complement_prep) {
                    complement = n;
                    break;
                }
        } else if (lv->words.size() > 1 && last > m.token && is_preposition_word(doc, last)) {
            // A phrase ending in a preposition ("engage in"): the group after it.
            if (last + 1 < syn.first + syn.count) complement = syn.noun_at(last + 1);
        } else if (lv->object && g.passive) {
            complement = m.frame.subject;
            passive_subject = true;
        } else if (lv->object) {
            complement = g.object;
        }
        // "the meeting took place", "the summit opened": the event-noun subject takes it.
        if (lv->subject && !g.passive && m.frame.subject != none &&
            (complement == none || mention_at(s, noun(syn, complement).head, TriggerPos::noun) == none)) {
            complement = m.frame.subject;
            subject_complement = true;
        }
        if (complement == none) continue;
        const int target = mention_at(s, noun(syn, complement).head, TriggerPos::noun);
        if (target == none) continue;
        auto& t = s.mentions[static_cast<std::size_t>(target)];
        if (t.light != nullptr) continue;
        t.light = lv;
        t.verb = m.verb;
        // The verb's subject (for a passive verb, its by-agent) becomes the noun's actor; a noun
        // that is itself the subject keeps its own.
        Frame f = t.frame;
        if (!subject_complement) f.subject = passive_subject ? none : m.frame.subject;
        for (const int n : m.frame.pps) {
            if (n == complement) continue;
            // An of-phrase belongs to the noun before it ("by the Minister of Foreign Affairs").
            if (noun(syn, n).attached_to != none && doc.form(static_cast<std::uint32_t>(noun(syn, n).prep)) == "of")
                continue;
            if (passive_subject && doc.form(static_cast<std::uint32_t>(noun(syn, n).prep)) == "by") {
                f.subject = n;
                continue;
            }
            f.pps.push_back(n);
        }
        t.frame = std::move(f);
        m.handed_to = target;
        m.rule = lv->rule;
        if (!lv->timeml_class.empty()) m.cls = lv->timeml_class;
    }
}

} // namespace

/// Whether a noun takes an event complement: a to-infinitive or a that-clause right after it
/// ("an attempt to leave", "the fear that talks fail").
bool noun_takes_complement(const DocContext& doc, const SentenceSyntax& syn, const EventMention& m) {
    const auto& g = noun(syn, m.noun);
    if (m.token != g.head) return false;
    const auto next = g.last + 1;
    if (next + 1 >= syn.first + syn.count) return false;
    if (doc.tag(next) == PosTag::TO && is_verb(doc.tag(next + 1))) return true;
    return doc.tag(next) == PosTag::IN && doc.form(next) == "that";
}

/// TimeML gives nouns an intensional or reporting class only when they introduce an event
/// ("the decision to withdraw"); otherwise a noun names an occurrence ("the decision",
/// "the statement").
void noun_class(const DocContext& doc, const SentenceSyntax& syn, EventMention& m) {
    if (m.pos != TriggerPos::noun) return;
    if (m.cls != "I_ACTION" && m.cls != "I_STATE" && m.cls != "REPORTING" && m.cls != "ASPECTUAL") return;
    if (m.cls != "ASPECTUAL" && noun_takes_complement(doc, syn, m)) return;
    m.cls = "OCCURRENCE";
}

void find_mentions(const DocContext& doc, const EventResources& res, SentenceEvents& out) {
    // About one mention per group: room for them saves the vector's growth steps.
    out.mentions.reserve(out.syntax.verbs.size() + out.syntax.nouns.size());
    add_verbs(doc, res, out);
    add_nouns(doc, res, out);
    add_result_adjectives(doc, res, out);
    std::sort(out.mentions.begin(), out.mentions.end(),
              [](const EventMention& a, const EventMention& b) { return a.token < b.token; });
    hand_over_light_verbs(doc, res, out);
    for (auto& m : out.mentions) {
        if (m.handed_to != none) continue; // a light verb: no type of its own
        type_mention(doc, res, out.syntax, m);
        noun_class(doc, out.syntax, m);
    }
    // Governors: an infinitive or that-clause verb is governed by the verb before it.
    for (auto& m : out.mentions) {
        if (m.pos != TriggerPos::verb) continue;
        const int gov = out.syntax.verbs[static_cast<std::size_t>(m.verb)].governor;
        if (gov == none) continue;
        m.governor = mention_at(out, out.syntax.verbs[static_cast<std::size_t>(gov)].head, TriggerPos::verb);
    }
}

} // namespace annals::detail
