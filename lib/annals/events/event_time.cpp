// Event time: the timex of the event's own clause or phrase (explicit); else the time of the
// event that contains or governs it ("during the meeting", "the meeting approved": inherited);
// else before or after the document date from the verb's tense; else none.
#include "annals/events/detector_detail.hpp"


namespace annals::detail {

// Compared as views: libstdc++ compares a std::string with a C string by a memcmp call
// even when their lengths differ.
using namespace std::string_view_literals;

namespace {

const NounGroup& noun(const SentenceSyntax& syn, int n) { return syn.nouns[static_cast<std::size_t>(n)]; }

bool dates(const Timex& x) { return x.type == TimexType::date || x.type == TimexType::time; }

/// The dating timex inside noun group `n`, or none.
int timex_in(const DocContext& doc, const SentenceSyntax& syn, int n) {
    const auto& g = noun(syn, n);
    for (auto t = g.first; t <= g.last; ++t)
        if (const int x = doc.timex_of[t]; x != none && dates((*doc.timexes)[static_cast<std::size_t>(x)])) return x;
    return none;
}

/// The dating timex nearest a verb group inside its stretch of the sentence (up to the verbs
/// before and after it), preferring one after the verb.
int clause_timex(const DocContext& doc, const SentenceSyntax& syn, int v) {
    const auto& g = syn.verbs[static_cast<std::size_t>(v)];
    const auto vi = static_cast<std::size_t>(v);
    const auto lo = vi > 0 ? syn.verbs[vi - 1].last + 1 : syn.first;
    const auto hi = vi + 1 < syn.verbs.size() ? syn.verbs[vi + 1].first : syn.first + syn.count;
    for (auto t = g.last + 1; t < hi; ++t)
        if (const int x = doc.timex_of[t]; x != none && dates((*doc.timexes)[static_cast<std::size_t>(x)])) return x;
    // Before the verb, a timex in a phrase of the previous verb is that verb's ("which was formed
    // in 2014, dismantled").
    auto earlier_verbs = [&](std::uint32_t t) {
        const int n = syn.noun_at(t);
        if (n == none || vi == 0) return false;
        for (std::size_t w = 0; w < vi; ++w)
            for (const int p : syn.verbs[w].pps)
                if (p == n || syn.nouns[static_cast<std::size_t>(n)].conj_first == p) return true;
        return false;
    };
    for (auto t = g.first; t-- > lo;)
        if (const int x = doc.timex_of[t]; x != none && dates((*doc.timexes)[static_cast<std::size_t>(x)]) && !earlier_verbs(t))
            return x;
    return none;
}

/// Sets `out` to the time `x` names. Built in place: a temporary EventTime would cost a
/// construction and a move of each of its strings.
void set_explicit_time(const Timex& x, std::optional<EventTime>& out) {
    auto& t = out.emplace();
    t.timex = x.id;
    t.value = x.value;
    t.interval = x.interval;
    t.source = "explicit";
}

/// The explicit timex of a mention, or none.
int own_timex(const DocContext& doc, const SentenceEvents& s, const EventMention& m) {
    const auto& syn = s.syntax;
    if (m.pos == TriggerPos::noun) {
        if (const int x = timex_in(doc, syn, m.noun); x != none) return x;
        for (const int n : m.frame.pps)
            if (const int x = timex_in(doc, syn, n); x != none) return x;
        if (m.light == nullptr) return none;
    }
    return m.verb == none ? none : clause_timex(doc, syn, m.verb);
}

/// The mention whose time this one takes: an event named by a "during" phrase or by the
/// subject ("The meeting approved ..."), or the noun a light verb handed its event to.
int container_of(const SentenceEvents& s, const EventMention& m) {
    const auto& syn = s.syntax;
    auto mention_with_head = [&](int n) {
        if (n == none) return none;
        const auto head = noun(syn, n).head;
        for (std::size_t i = 0; i < s.mentions.size(); ++i)
            if (s.mentions[i].pos == TriggerPos::noun && s.mentions[i].token == head) return static_cast<int>(i);
        return none;
    };
    if (m.handed_to != none) return m.handed_to;
    if (m.pos == TriggerPos::noun) return none;
    for (const int n : m.frame.pps)
        if (const int c = mention_with_head(n); c != none) return c;
    return m.frame.passive ? none : mention_with_head(m.frame.subject);
}

bool containment_prep(std::string_view p) {
    return p == "during" || p == "at" || p == "amid" || p == "in" || p == "throughout" || p == "on";
}

bool is_explicit(const Event& e) { return e.time && e.time->source == "explicit"sv; }

/// The container whose time passes on: through a "during"-like phrase or the subject, or the
/// noun a light verb handed its event to.
int passing_container(const DocContext& doc, const SentenceEvents& s, const EventMention& m) {
    const int c = container_of(s, m);
    if (c == none || m.handed_to != none) return c;
    if (m.pos == TriggerPos::noun) return none;
    const auto head = s.mentions[static_cast<std::size_t>(c)].token;
    for (const int n : m.frame.pps)
        if (noun(s.syntax, n).head == head)
            return containment_prep(doc.form(static_cast<std::uint32_t>(noun(s.syntax, n).prep))) ? c : none;
    return m.frame.subject != none && noun(s.syntax, m.frame.subject).head == head ? c : none;
}

/// Sets `out` (built in place) to before or after the document date for a factual verb (or a
/// light verb's noun) with a past or future tense, as an open interval: no day is claimed;
/// else to no time.
void set_tense_or_none(const SentenceEvents& s, const EventMention& m, const std::string& modality,
                       std::optional<EventTime>& out) {
    auto& t = out.emplace();
    const bool factual = modality == "asserted"sv || modality == "reported"sv || modality == "future"sv;
    if (factual && m.verb != none && (m.pos != TriggerPos::noun || m.light != nullptr)) {
        const auto tense = s.syntax.verbs[static_cast<std::size_t>(m.verb)].tense;
        if (tense == GroupTense::past || tense == GroupTense::future) {
            t.source = "tense";
            t.value = tense == GroupTense::future ? "FUTURE_REF"sv : "PAST_REF"sv;
            return;
        }
    }
    t.source = "none";
}

} // namespace

void assign_explicit_times(const DocContext& doc, const std::vector<SentenceEvents>& sentences,
                           const std::vector<MentionRef>& refs, std::vector<Event>& events) {
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const auto& s = sentences[refs[i].sentence];
        const auto& m = s.mentions[static_cast<std::size_t>(refs[i].mention)];
        if (const int x = own_timex(doc, s, m); x != none) set_explicit_time((*doc.timexes)[static_cast<std::size_t>(x)], events[i].time);
    }
}

void assign_other_times(const DocContext& doc, const std::vector<SentenceEvents>& sentences,
                        const std::vector<MentionRef>& refs, const std::vector<int>& heads, std::vector<Event>& events) {
    // Every mention of one event has the event's date.
    for (std::size_t i = 0; i < events.size(); ++i) {
        auto& h = events[static_cast<std::size_t>(heads[i])];
        if (!is_explicit(h) && is_explicit(events[i])) h.time = events[i].time;
    }
    for (std::size_t i = 0; i < events.size(); ++i)
        if (!is_explicit(events[i]) && is_explicit(events[static_cast<std::size_t>(heads[i])]))
            events[i].time = events[static_cast<std::size_t>(heads[i])].time;
    // Index of the event of each mention, to follow containers: one flat table, the mentions of
    // sentence s from first_mention[s] on (a table per sentence cost an allocation each).
    std::vector<std::size_t> first_mention(sentences.size() + 1, 0);
    for (std::size_t s = 0; s < sentences.size(); ++s) first_mention[s + 1] = first_mention[s] + sentences[s].mentions.size();
    std::vector<int> event_of(first_mention.back(), none);
    for (std::size_t i = 0; i < refs.size(); ++i)
        event_of[first_mention[refs[i].sentence] + static_cast<std::size_t>(refs[i].mention)] = static_cast<int>(i);
    for (std::size_t i = 0; i < refs.size(); ++i) {
        if (events[i].time) continue;
        const auto& s = sentences[refs[i].sentence];
        const auto& m = s.mentions[static_cast<std::size_t>(refs[i].mention)];
        if (const int c = passing_container(doc, s, m); c != none) {
            const int ce = event_of[first_mention[refs[i].sentence] + static_cast<std::size_t>(c)];
            if (ce != none && is_explicit(events[static_cast<std::size_t>(ce)])) {
                // Copied once, in place (events[i] has no time, so ce is another event).
                events[i].time.emplace(*events[static_cast<std::size_t>(ce)].time).source = "inherited";
                continue;
            }
        }
        set_tense_or_none(s, m, events[i].modality, events[i].time);
    }
}

} // namespace annals::detail
