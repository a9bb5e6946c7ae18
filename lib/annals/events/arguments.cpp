// Event records from mentions: arguments from the frame (subject, object, prepositional
// phrases, a noun's possessor and actor modifiers), the place, and the ontology's codes.
#include "annals/events/detector_detail.hpp"

#include <algorithm>
#include <array>

namespace annals::detail {

// Compared as views: libstdc++ compares a std::string with a C string by a memcmp call
// even when their lengths differ.
using namespace std::string_view_literals;

namespace {

const NounGroup& noun(const SentenceSyntax& syn, int n) { return syn.nouns[static_cast<std::size_t>(n)]; }

bool has_role(const EventType* t, std::string_view role) {
    return t != nullptr && std::find(t->roles.begin(), t->roles.end(), role) != t->roles.end();
}

bool is_place(const Entity& e) { return e.type == "gpe"sv || e.type == "location"sv || e.type == "facility"sv; }

using Roles = TypeRoles;

Roles roles_for(const EventType* t) {
    Roles r;
    if (t == nullptr) return r;
    r.symmetric = !t->roles.empty() && t->roles.front() == "participant";
    if (r.symmetric) r.agent = r.patient = "participant";
    for (const char* p : {"target", "victim", "person", "defendant", "org", "recipient", "addressee"})
        if (!r.symmetric && has_role(t, p)) {
            r.patient = p;
            break;
        }
    r.motion = has_role(t, "origin");
    return r;
}

class ArgumentBuilder {
public:
    ArgumentBuilder(const DocContext& doc, const SentenceSyntax& syn, Event& ev) : doc_(doc), syn_(syn), ev_(ev) {}

    void add(std::string_view role, int ng) {
        if (ng == none) return;
        // Asked for each slot of each event: one vector per thread keeps its room.
        thread_local std::vector<int> entities;
        entities.clear();
        entities_into(doc_, syn_, ng, entities);
        for (const int e : entities) add_entity(role, e);
    }
    void add_entity(std::string_view role, int e) {
        if (e == none) return;
        const auto& id = doc_.entity(e)->id;
        for (const auto& a : ev_.arguments)
            if (a.role == role && a.entity == id) return;
        ev_.arguments.push_back({std::string(role), id});
    }
    /// The first place entity of a group becomes the event's place.
    bool place(int ng) {
        if (ng == none) return false;
        thread_local std::vector<int> places;
        places.clear();
        places_into(doc_, syn_, ng, places);
        if (places.empty()) return false;
        if (!ev_.place) ev_.place = doc_.entity(places.front())->id;
        return true;
    }

private:
    const DocContext& doc_;
    const SentenceSyntax& syn_;
    Event& ev_;
};

std::string_view prep_word(const DocContext& doc, const SentenceSyntax& syn, int n) {
    return doc.form(static_cast<std::uint32_t>(noun(syn, n).prep));
}

void add_pp(const DocContext& doc, const SentenceSyntax& syn, const EventMention& m, const Roles& r, std::string_view agent,
            int n, ArgumentBuilder& b) {
    const auto p = prep_word(doc, syn, n);
    if (p == "with" || p == "between" || p == "among" || p == "alongside") b.add("participant", n);
    else if (p == "against") b.add("target", n);
    else if (p == "by" && m.pos == TriggerPos::noun) b.add(agent, n);
    else if (p == "of" && m.pos == TriggerPos::noun) b.add(r.symmetric ? "participant" : r.motion ? agent : r.patient, n);
    else if (p == "from" && r.motion) {
        b.add("origin", n);
        b.place(n);
    } else if ((p == "to" || p == "into" || p == "toward" || p == "towards") && r.motion) {
        b.add("destination", n);
    } else if ((p == "on" || p == "upon") && r.patient == "target") {
        b.add("target", n);
    } else if (p == "in" || p == "at" || p == "near" || p == "inside" || p == "outside" || p == "across" ||
               p == "throughout" || p == "within" || p == "around" || p == "outside") {
        b.place(n);
    }
}

/// The subject of an infinitive with none of its own: the governing verb's object when it
/// stands right before the infinitive ("urged the rebels to withdraw"), else its subject.
int controlled_subject(const SentenceEvents& s, const EventMention& m) {
    if (m.frame.subject != none || m.governor == none || m.pos != TriggerPos::verb) return m.frame.subject;
    const auto& g = s.syntax.verbs[static_cast<std::size_t>(m.verb)];
    if (!g.infinitive) return none;
    const auto& gov = s.mentions[static_cast<std::size_t>(m.governor)];
    if (gov.frame.object != none && noun(s.syntax, gov.frame.object).last + 1 == g.first) return gov.frame.object;
    return gov.frame.subject;
}

void add_arguments(const DocContext& doc, const SentenceEvents& s, const EventMention& m, const Roles& r, Event& ev) {
    const auto& syn = s.syntax;
    std::string_view agent = r.agent;
    if (m.light != nullptr && m.light->subject_role != "agent") agent = m.light->subject_role;
    ArgumentBuilder b(doc, syn, ev);
    const auto& f = m.frame;
    const int subject = controlled_subject(s, m);
    if (m.pos == TriggerPos::verb && f.passive) {
        b.add(r.patient, subject);
        for (const int n : f.pps)
            if (prep_word(doc, syn, n) == "by") b.add(agent, n);
    } else {
        b.add(agent, subject);
        if (m.pos == TriggerPos::noun && subject == none)
            for (const int e : f.subject_entities)
                if (!is_place(*doc.entity(e)) || doc.entity(e)->type == "gpe"sv) b.add_entity(agent, e);
        if (m.pos == TriggerPos::verb) b.add(r.patient, f.object);
    }
    for (const int n : f.pps) add_pp(doc, syn, m, r, agent, n, b);
    // A presence or a motion's origin given only as a place entity in the subject ("Afghan
    // troops in Kabul") is left to the prepositions; nothing more to add here.
}

/// The ontology types a document's events name. A document names few types, so a short list
/// of those seen so far answers most lookups without hashing the name. It keeps views of the
/// ontology's own names, which live as long as the ontology.
class TypeCache {
public:
    explicit TypeCache(const Ontology& onto) : onto_(onto) {}
    [[nodiscard]] const EventType* find(std::string_view name) {
        for (std::size_t i = 0; i < used_; ++i)
            if (seen_[i]->name.size() == name.size() && std::string_view(seen_[i]->name) == name) return seen_[i];
        const auto* t = onto_.find(name);
        if (t != nullptr && used_ < seen_.size()) seen_[used_++] = t;
        return t;
    }

private:
    const Ontology& onto_;
    std::array<const EventType*, 16> seen_{};
    std::size_t used_ = 0;
};

/// Fills `ev` (a new Event, built in place: an Event is large to move).
void make_event(const DocContext& doc, const EventResources& res, TypeCache& types, const SentenceEvents& s,
                const EventMention& m, Event& ev) {
    ev.sentence = s.sentence;
    const auto& first = doc.seg->tokens[m.token].span;
    const auto& last = doc.seg->tokens[m.last_token].span;
    ev.trigger.span = {first.begin, last.end};
    // Assigned from views: a temporary std::string would cost a construction and a move each.
    ev.trigger.text.assign(ev.trigger.span.of(doc.text));
    ev.trigger.lemma = m.lemma;
    const std::string_view type = m.handed_to != none ? std::string_view("other") : m.type;
    ev.type = type;
    ev.timeml_class = m.cls;
    ev.modality = m.modality;
    ev.confidence = m.confidence;
    if (m.rule.empty()) ev.rule.append("event/"sv).append(to_string(m.pos));
    else ev.rule.assign(m.rule);
    const auto* t = types.find(type);
    if (t != nullptr) ev.codes = res.info(t).codes;
    if (m.handed_to == none) add_arguments(doc, s, m, t != nullptr ? res.info(t).roles : Roles{}, ev);
}

} // namespace

std::vector<Event> build_events(const DocContext& doc, const EventResources& res, std::vector<SentenceEvents>& sentences) {
    std::vector<Event> out;
    std::size_t n = 0;
    for (const auto& s : sentences) n += s.mentions.size();
    out.reserve(n); // an Event is large: growing the vector would move every one several times
    TypeCache types(res.ontology);
    for (const auto& s : sentences)
        for (const auto& m : s.mentions) make_event(doc, res, types, s, m, out.emplace_back());
    return out;
}

TypeInfo type_info(const EventType& t) { return {roles_for(&t), t.codes()}; }

} // namespace annals::detail
