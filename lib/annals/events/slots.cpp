// What a noun group stands for: its entities, and whether it satisfies a trigger constraint.
#include "annals/core/utf8.hpp"
#include "annals/events/detector_detail.hpp"
#include "annals/events/nominal.hpp"

#include <algorithm>

namespace annals::detail {

// Compared as views: libstdc++ compares a std::string with a C string by a memcmp call
// even when their lengths differ.
using namespace std::string_view_literals;

namespace {

void add_unique(std::vector<int>& out, int e) {
    if (e != none && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
}

bool is_actor(const Entity& e) {
    return e.type == "person"sv || e.type == "organization"sv || e.type == "gpe"sv || e.type == "group"sv;
}

/// The of-phrase of a noun group ("the ministers [of the coalition]"), or none.
int of_phrase(const DocContext& doc, const SentenceSyntax& syn, int ng) {
    const auto& g = syn.nouns[static_cast<std::size_t>(ng)];
    const auto next = g.last + 2;
    if (next >= syn.first + syn.count || doc.form(g.last + 1) != "of") return none;
    const int n = syn.noun_at(next);
    return n != none && syn.nouns[static_cast<std::size_t>(n)].attached_to == ng ? n : none;
}

/// The people named in the prepositional and coordinated phrases hanging off a role noun:
/// "the Minister of Foreign Affairs Luigi Di Maio", "Secretary of State Antony Blinken".
std::vector<int> named_holders(const DocContext& doc, const SentenceSyntax& syn, int ng) {
    std::vector<int> chain{ng}, out;
    for (std::size_t k = static_cast<std::size_t>(ng) + 1; k < syn.nouns.size(); ++k) {
        const auto& g = syn.nouns[k];
        const bool hangs = std::find(chain.begin(), chain.end(), g.attached_to) != chain.end() ||
                           (g.conj_first != none && std::find(chain.begin(), chain.end(), g.conj_first) != chain.end());
        if (!hangs) break;
        chain.push_back(static_cast<int>(k));
        const auto* e = doc.entity(doc.entity_of[g.head]);
        if (e != nullptr && e->type == "person"sv) add_unique(out, doc.entity_of[g.head]);
    }
    return out;
}

bool is_place(const Entity& e) { return e.type == "gpe"sv || e.type == "location"sv || e.type == "facility"sv; }

void entities_of_member(const DocContext& doc, const SentenceSyntax& syn, int ng, std::vector<int>& out, int depth) {
    const auto& g = syn.nouns[static_cast<std::size_t>(ng)];
    const int head = doc.entity_of[g.head];
    // "the ministers of the coalition": an unnamed group stands for what its of-phrase names.
    if (const auto* e = doc.entity(head); e != nullptr && e->type == "group"sv && depth < 2) {
        if (const int of = of_phrase(doc, syn, ng); of != none) {
            std::vector<int> inner;
            entities_of_member(doc, syn, of, inner, depth + 1);
            const bool actors = std::any_of(inner.begin(), inner.end(), [&](int x) {
                const auto& t = doc.entity(x)->type;
                return t == "organization"sv || t == "gpe"sv;
            });
            if (actors) {
                for (const int x : inner) add_unique(out, x);
                return;
            }
        }
    }
    if (head != none) {
        // "ISIS-K fighters", "US troops": an unnamed group stands for the actor it belongs to.
        if (doc.entity(head)->type == "group"sv) {
            const auto before = out.size();
            for (auto t = g.first; t < g.head; ++t)
                if (const auto* e = doc.entity(doc.entity_of[t]);
                    e != nullptr && doc.entity_of[t] != head && (e->type == "organization"sv || e->type == "gpe"sv))
                    add_unique(out, doc.entity_of[t]);
            if (out.size() > before) return;
        }
        add_unique(out, head);
        return;
    }
    if (g.pronoun) return;
    const auto facts = noun_facts(*doc.lex, doc.lemma(g.head));
    if (facts.person && depth == 0) {
        const auto holders = named_holders(doc, syn, ng);
        if (!holders.empty()) {
            for (const int x : holders) add_unique(out, x);
            return;
        }
    }
    // "the ministers of the coalition", "eastern provinces of Afghanistan": the role or part
    // stands for what its of-phrase names.
    if (depth < 2 && !facts.event) {
        if (const int of = of_phrase(doc, syn, ng); of != none) {
            const auto before = out.size();
            entities_of_member(doc, syn, of, out, depth + 1);
            if (out.size() > before) return;
        }
    }
    // "ISIS-K fighters", "Italian officials": the actor named in a modifier.
    for (auto t = g.first; t < g.head; ++t)
        if (const auto* e = doc.entity(doc.entity_of[t]); e != nullptr && is_actor(*e)) add_unique(out, doc.entity_of[t]);
}

std::string_view head_lemma(const DocContext& doc, const SentenceSyntax& syn, int ng) {
    return doc.lemma(syn.nouns[static_cast<std::size_t>(ng)].head);
}

/// Whether `phrase` is `first`, a space, then `second`, without building the joined string.
bool is_two_words(std::string_view phrase, std::string_view first, std::string_view second) {
    return phrase.size() == first.size() + 1 + second.size() && phrase.substr(0, first.size()) == first &&
           phrase[first.size()] == ' ' && phrase.substr(first.size() + 1) == second;
}

/// A noun group as the class tests read it. A class lists several entity types and subtypes,
/// each asking for the group's entities: they are worked out once, when first asked for.
class GroupView {
public:
    GroupView(const DocContext& doc, const SentenceSyntax& syn, int ng) : doc_(doc), syn_(syn), ng_(ng) {}
    [[nodiscard]] const DocContext& doc() const noexcept { return doc_; }
    [[nodiscard]] const SentenceSyntax& syn() const noexcept { return syn_; }
    [[nodiscard]] int ng() const noexcept { return ng_; }
    [[nodiscard]] const NounGroup& group() const noexcept { return syn_.nouns[static_cast<std::size_t>(ng_)]; }
    [[nodiscard]] const std::vector<int>& entities() {
        if (!have_entities_) {
            entities_ = entities_of(doc_, syn_, ng_);
            have_entities_ = true;
        }
        return entities_;
    }

private:
    const DocContext& doc_;
    const SentenceSyntax& syn_;
    int ng_;
    bool have_entities_ = false;
    std::vector<int> entities_;
};

bool member_holds(GroupView& v, const ClassMember& m, const Ontology& onto, int depth);

bool class_holds(GroupView& v, std::string_view name, const Ontology& onto, int depth) {
    const auto* cls = onto.word_class(name);
    if (cls == nullptr || depth > 8) return false;
    return std::any_of(cls->members.begin(), cls->members.end(),
                       [&](const ClassMember& m) { return member_holds(v, m, onto, depth + 1); });
}

bool member_holds(GroupView& v, const ClassMember& m, const Ontology& onto, int depth) {
    using K = ClassMember::Kind;
    const auto& doc = v.doc();
    const auto& g = v.group();
    switch (m.kind) {
    case K::entity:
    case K::subtype: {
        for (const int e : v.entities()) {
            const auto& ent = *doc.entity(e);
            if (m.kind == K::entity ? ent.type == m.value : ent.subtype == m.value) return true;
        }
        return false;
    }
    case K::lexfile:
        return doc.entity_of[g.head] == none && !g.pronoun && noun_facts(*doc.lex, doc.lemma(g.head)).first_lexfile == m.value;
    case K::hypernym: return doc.entity_of[g.head] == none && !g.pronoun && noun_has_hypernym(*doc.lex, doc.lemma(g.head), m.value);
    case K::lemma: {
        const std::string_view lemma = doc.lemma(g.head);
        if (lemma == m.value || doc.form(g.head) == m.value) return true;
        // A two-word lemma ("tear gas") matches the head and the word before it.
        return g.head > g.first && is_two_words(m.value, doc.lemma(g.head - 1), lemma);
    }
    case K::word_class: return class_holds(v, m.value, onto, depth);
    }
    return false;
}

bool entity_in_class(const Entity& e, std::string_view name, const Ontology& onto, int depth) {
    const auto* cls = onto.word_class(name);
    if (cls == nullptr || depth > 8) return false;
    using K = ClassMember::Kind;
    return std::any_of(cls->members.begin(), cls->members.end(), [&](const ClassMember& m) {
        switch (m.kind) {
        case K::entity: return e.type == m.value;
        case K::subtype: return e.subtype == m.value;
        case K::word_class: return entity_in_class(e, m.value, onto, depth + 1);
        default: return false;
        }
    });
}

} // namespace

bool entities_match(const DocContext& doc, const std::vector<int>& entities, const std::vector<ConstraintValue>& values,
                    const Ontology& onto) {
    bool any_positive = false, positive_hit = false;
    for (const auto& v : values) {
        if (!v.negated) any_positive = true;
        bool hit = false;
        for (const int e : entities) {
            const auto& ent = *doc.entity(e);
            hit = hit || (v.is_lemma ? ascii_lower(ent.name) == v.name : entity_in_class(ent, v.name, onto, 0));
        }
        if (hit && v.negated) return false;
        if (hit) positive_hit = true;
    }
    if (entities.empty()) return !any_positive;
    return any_positive ? positive_hit : true;
}

void places_into(const DocContext& doc, const SentenceSyntax& syn, int ng, std::vector<int>& out) {
    // Asked for every prepositional phrase of every event: the scratch keeps its room.
    thread_local std::vector<int> entities;
    for (int n = ng; n != none; n = syn.nouns[static_cast<std::size_t>(n)].conj_next) {
        entities.clear();
        entities_into(doc, syn, n, entities);
        for (const int e : entities)
            if (is_place(*doc.entity(e))) add_unique(out, e);
        if (!out.empty()) continue;
        // "the Middle East region", "eastern provinces of Afghanistan".
        const auto& g = syn.nouns[static_cast<std::size_t>(n)];
        for (auto t = g.first; t <= g.last; ++t)
            if (const auto* e = doc.entity(doc.entity_of[t]); e != nullptr && is_place(*e)) add_unique(out, doc.entity_of[t]);
        // `out` is still empty here: the of-phrase's places are what this call would add.
        if (out.empty())
            if (const int of = of_phrase(doc, syn, n); of != none) places_into(doc, syn, of, out);
    }
}

std::vector<int> places_of(const DocContext& doc, const SentenceSyntax& syn, int ng) {
    std::vector<int> out;
    places_into(doc, syn, ng, out);
    return out;
}

void entities_into(const DocContext& doc, const SentenceSyntax& syn, int ng, std::vector<int>& out) {
    for (int n = ng; n != none; n = syn.nouns[static_cast<std::size_t>(n)].conj_next) entities_of_member(doc, syn, n, out, 0);
}

std::vector<int> entities_of(const DocContext& doc, const SentenceSyntax& syn, int ng) {
    std::vector<int> out;
    entities_into(doc, syn, ng, out);
    return out;
}

bool slot_matches(const DocContext& doc, const SentenceSyntax& syn, int ng, const std::vector<ConstraintValue>& values,
                  const Ontology& onto) {
    bool any_positive = false, positive_hit = false;
    for (const auto& v : values) {
        if (!v.negated) any_positive = true;
        if (ng == none) continue;
        bool hit = false;
        // Any member of a coordination may satisfy the slot.
        for (int n = ng; n != none && !hit; n = syn.nouns[static_cast<std::size_t>(n)].conj_next) {
            if (v.is_lemma) {
                const auto lemma = head_lemma(doc, syn, n);
                hit = lemma == v.name || doc.form(syn.nouns[static_cast<std::size_t>(n)].head) == v.name;
            } else {
                GroupView view(doc, syn, n);
                hit = class_holds(view, v.name, onto, 0);
            }
        }
        if (hit && v.negated) return false;
        if (hit) positive_hit = true;
    }
    if (ng == none) return !any_positive;
    return any_positive ? positive_hit : true;
}

} // namespace annals::detail
