#include "annals/eval/events.hpp"

#include "annals/eval/span_match.hpp"

#include <algorithm>

namespace annals {
namespace {

void sort_by_span(std::vector<ClassedSpan>& v) {
    std::stable_sort(v.begin(), v.end(), [](const ClassedSpan& a, const ClassedSpan& b) { return a.span < b.span; });
}

void count(Prf& prf, std::size_t hits, std::size_t gold, std::size_t system) {
    prf.gold += gold;
    prf.system += system;
    prf.gold_matched += hits;
    prf.system_matched += hits;
}

EventError make_error(std::string kind, const ClassedSpan* g, const ClassedSpan* s) {
    EventError e;
    e.kind = std::move(kind);
    if (g) {
        e.gold_span = g->span;
        e.gold_class = g->cls;
    }
    if (s) {
        e.system_span = s->span;
        e.system_class = s->cls;
    }
    return e;
}

} // namespace

EventScores& EventScores::operator+=(const EventScores& o) noexcept {
    strict += o.strict;
    relaxed += o.relaxed;
    cls += o.cls;
    documents += o.documents;
    return *this;
}

std::vector<ClassedSpan> gold_events(const timeml::TimemlDocument& doc) {
    std::vector<ClassedSpan> out;
    for (const auto* e : doc.all("EVENT"))
        if (!e->span.empty()) out.push_back({e->span, std::string(e->attr("class"))});
    sort_by_span(out);
    return out;
}

std::vector<ClassedSpan> system_events(const Extraction& x) {
    std::vector<ClassedSpan> out;
    for (const auto& e : x.events)
        if (!e.trigger.span.empty()) out.push_back({e.trigger.span, e.timeml_class});
    sort_by_span(out);
    return out;
}

EventEvaluation score_events(std::vector<ClassedSpan> gold, std::vector<ClassedSpan> system) {
    sort_by_span(gold);
    sort_by_span(system);
    EventEvaluation ev;
    ev.scores.documents = 1;
    std::vector<Span> gs, ss;
    for (const auto& x : gold) gs.push_back(x.span);
    for (const auto& x : system) ss.push_back(x.span);
    const auto aligned = align_spans(gs, ss);
    std::size_t relaxed = 0, strict = 0, cls = 0;
    std::vector<bool> used(system.size(), false);
    for (std::size_t i = 0; i < gold.size(); ++i) {
        if (!aligned[i]) {
            ev.errors.push_back(make_error("event_miss", &gold[i], nullptr));
            continue;
        }
        const auto& s = system[*aligned[i]];
        used[*aligned[i]] = true;
        ++relaxed;
        if (s.span == gold[i].span)
            ++strict;
        else
            ev.errors.push_back(make_error("event_extent", &gold[i], &s));
        if (s.cls == gold[i].cls)
            ++cls;
        else
            ev.errors.push_back(make_error("event_class", &gold[i], &s));
    }
    for (std::size_t j = 0; j < system.size(); ++j)
        if (!used[j]) ev.errors.push_back(make_error("event_false_alarm", nullptr, &system[j]));
    count(ev.scores.strict, strict, gold.size(), system.size());
    count(ev.scores.relaxed, relaxed, gold.size(), system.size());
    count(ev.scores.cls, cls, gold.size(), system.size());
    return ev;
}

} // namespace annals
