// Event coreference inside a document and the relations events state.
#include "annals/events/detector_detail.hpp"

#include <algorithm>

namespace annals::detail {

// Compared as views: libstdc++ compares a std::string with a C string by a memcmp call
// even when their lengths differ.
using namespace std::string_view_literals;

namespace {

const EventMention& mention_of(const std::vector<SentenceEvents>& sentences, const MentionRef& r) {
    return sentences[r.sentence].mentions[static_cast<std::size_t>(r.mention)];
}

bool explicit_time(const Event& e) { return e.time && e.time->source == "explicit"sv; }

/// Whether a later nominal mention may name the same event as an earlier one.
bool may_corefer(const Event& early, const Event& late, const EventMention& m_late, const SentenceSyntax& syn_late) {
    if (early.type != late.type || early.type == "other"sv) return false;
    const bool same_lemma = early.trigger.lemma == late.trigger.lemma;
    const bool definite = syn_late.nouns[static_cast<std::size_t>(m_late.noun)].definite;
    // Another word for the same event ("the talks ... the meeting") only close by.
    if (!same_lemma && !(definite && late.sentence <= early.sentence + 1)) return false;
    // Different dates or places are different events.
    if (explicit_time(early) && explicit_time(late) && early.time->value != late.time->value) return false;
    if (early.place && late.place && *early.place != *late.place) return false;
    return true;
}

void add_relation(std::vector<Relation>& out, const std::string& type, const std::string& a, const std::string& b,
                  std::size_t sentence, std::optional<std::string> event, const std::string& rule) {
    if (a == b) return;
    for (const auto& r : out)
        if (r.type == type && r.source == a && r.target == b && r.sentence == sentence) return;
    out.push_back({type, a, b, sentence, std::move(event), rule});
}

std::vector<std::string> with_role(const Event& e, std::initializer_list<std::string_view> roles) {
    std::vector<std::string> out;
    for (const auto& a : e.arguments)
        if (std::find(roles.begin(), roles.end(), a.role) != roles.end() &&
            std::find(out.begin(), out.end(), a.entity) == out.end())
            out.push_back(a.entity);
    return out;
}

bool is_conflict(const std::string& type) {
    return type == "conflict.attack"sv || type == "conflict.assault"sv || type == "conflict.fight"sv ||
           type == "conflict.occupy"sv || type == "conflict.mass_violence"sv || type == "conflict.threaten"sv;
}

void event_relations(const Event& e, std::size_t index, std::vector<Relation>& out) {
    // Most events state no relation: their type says so before the tag string is built.
    const bool meet = e.type == "contact.meet"sv;
    const bool conflict = !meet && is_conflict(e.type) && e.modality != "negated"sv;
    if (!meet && !conflict && !(e.type == "presence"sv && e.place && e.modality != "negated"sv)) return;
    const std::string tag = "#" + std::to_string(index);
    if (meet) {
        const auto parts = with_role(e, {"participant"});
        for (std::size_t a = 0; a < parts.size(); ++a)
            for (std::size_t b = a + 1; b < parts.size(); ++b)
                add_relation(out, "met_with", parts[a], parts[b], e.sentence, tag, "relation/met_with/" + e.rule);
    } else if (conflict) {
        const auto sides = with_role(e, {"participant"});
        for (std::size_t a = 0; a < sides.size(); ++a)
            for (std::size_t b = a + 1; b < sides.size(); ++b)
                add_relation(out, "opposes", sides[a], sides[b], e.sentence, tag, "relation/opposes/" + e.rule);
        for (const auto& s : with_role(e, {"agent", "attacker"}))
            for (const auto& t : with_role(e, {"target", "victim"}))
                add_relation(out, "opposes", s, t, e.sentence, tag, "relation/opposes/" + e.rule);
    } else {
        for (const auto& s : with_role(e, {"agent", "entity", "participant"}))
            add_relation(out, "present_in", s, *e.place, e.sentence, tag, "relation/present_in/" + e.rule);
    }
}

/// "the coalition against Daesh": an actor phrase with an against-phrase opposes what it names.
void against_relations(const DocContext& doc, const SentenceEvents& s, std::vector<Relation>& out) {
    const auto& syn = s.syntax;
    for (std::size_t n = 0; n < syn.nouns.size(); ++n) {
        const auto& g = syn.nouns[n];
        if (g.prep == none || g.attached_to == none || g.conj_first != none) continue;
        if (doc.form(static_cast<std::uint32_t>(g.prep)) != "against") continue;
        const auto sources = entities_of(doc, syn, g.attached_to);
        const auto targets = entities_of(doc, syn, static_cast<int>(n));
        for (const int a : sources)
            for (const int b : targets) {
                const auto& ea = *doc.entity(a);
                if (ea.type == "location"sv || ea.type == "facility"sv) continue;
                add_relation(out, "opposes", ea.id, doc.entity(b)->id, s.sentence, std::nullopt, "relation/opposes/against");
            }
    }
}

} // namespace

std::vector<int> coreference_heads(const std::vector<SentenceEvents>& sentences, const std::vector<MentionRef>& refs,
                                   const std::vector<Event>& events) {
    std::vector<int> head(events.size());
    // The typed nominal events that head their chain so far, in text order: only they can be
    // an earlier mention's event, so the look back skips every other event.
    std::vector<std::size_t> nominal_heads;
    for (std::size_t i = 0; i < events.size(); ++i) {
        head[i] = static_cast<int>(i);
        const auto& m = mention_of(sentences, refs[i]);
        // An untyped event corefers with none (may_corefer): no need to look back.
        if (m.pos != TriggerPos::noun || events[i].type == "other"sv) continue;
        const auto& syn = sentences[refs[i].sentence].syntax;
        for (auto j = nominal_heads.rbegin(); j != nominal_heads.rend(); ++j)
            if (may_corefer(events[*j], events[i], m, syn)) {
                head[i] = static_cast<int>(*j);
                break;
            }
        if (head[i] == static_cast<int>(i)) nominal_heads.push_back(i);
    }
    return head;
}

void merge_and_relate(const DocContext& doc, const std::vector<SentenceEvents>& sentences, const std::vector<int>& heads,
                      std::vector<Event>& events, std::vector<Relation>& relations) {
    // Kept events are compacted in place: an Event is large, and until the first merge none moves.
    std::size_t kept = 0;
    std::vector<int> index(events.size(), none);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto h = static_cast<std::size_t>(heads[i]);
        if (h == i) {
            index[i] = static_cast<int>(kept);
            if (kept != i) events[kept] = std::move(events[i]);
            ++kept;
            continue;
        }
        // Heads come before their mentions, so `into` is already in its final place.
        auto& into = events[static_cast<std::size_t>(index[h])];
        auto& from = events[i];
        into.mentions.push_back(from.trigger);
        for (auto& a : from.arguments)
            if (std::none_of(into.arguments.begin(), into.arguments.end(),
                             [&](const Argument& b) { return b.role == a.role && b.entity == a.entity; }))
                into.arguments.push_back(std::move(a));
        if (!into.place) into.place = from.place;
        if (!explicit_time(into) && explicit_time(from)) into.time = from.time;
        into.confidence = std::max(into.confidence, from.confidence);
    }
    events.erase(events.begin() + static_cast<std::ptrdiff_t>(kept), events.end());
    for (std::size_t i = 0; i < events.size(); ++i) event_relations(events[i], i, relations);
    for (const auto& s : sentences) against_relations(doc, s, relations);
}

} // namespace annals::detail
