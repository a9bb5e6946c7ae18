#include "annals/eval/timeml.hpp"

#include "annals/eval/span_match.hpp"

#include <algorithm>

namespace annals {
namespace {

struct GoldTimex {
    Span span;
    std::string value, type;
};

std::vector<GoldTimex> gold_timexes(const timeml::TimemlDocument& doc) {
    std::vector<GoldTimex> out;
    for (const auto* e : doc.all("TIMEX3")) out.push_back({e->span, std::string(e->attr("value")), std::string(e->attr("type"))});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.span < b.span; });
    return out;
}

std::vector<const Timex*> system_timexes(const Extraction& x) {
    std::vector<const Timex*> out;
    for (const auto& t : x.timexes) out.push_back(&t);
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->span < b->span; });
    return out;
}

void count(Prf& prf, std::size_t hits, std::size_t gold, std::size_t system) {
    prf.gold += gold;
    prf.system += system;
    prf.gold_matched += hits;
    prf.system_matched += hits;
}

TimexError make_error(const std::string& kind, const timeml::TimemlDocument& doc, const GoldTimex* g,
                      const Timex* s) {
    TimexError e;
    e.doc = doc.id;
    e.kind = kind;
    if (g) {
        e.gold_text = std::string(g->span.of(doc.text));
        e.gold_value = g->value;
        e.gold_type = g->type;
    }
    if (s) {
        e.system_text = std::string(s->span.of(doc.text));
        e.system_value = s->value;
        e.system_type = timex_type_name(s->type);
        e.system_rule = s->rule;
    }
    e.context = context_of(doc.text, g ? g->span : s->span);
    return e;
}

} // namespace

TimexScores& TimexScores::operator+=(const TimexScores& o) noexcept {
    strict += o.strict;
    relaxed += o.relaxed;
    value += o.value;
    type += o.type;
    documents += o.documents;
    return *this;
}

std::string context_of(std::string_view text, const Span& span, std::size_t width) {
    auto is_cont = [&](std::size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    std::size_t b = span.begin > width ? span.begin - width : 0;
    while (b > 0 && is_cont(b)) --b;
    std::size_t e = std::min(text.size(), span.end + width);
    while (e < text.size() && is_cont(e)) ++e;
    std::string out;
    out.reserve(e - b + 4);
    for (std::size_t i = b; i < e; ++i) {
        if (i == span.begin) out += "[[";
        out += (text[i] == '\n' || text[i] == '\r' || text[i] == '\t') ? ' ' : text[i];
        if (i + 1 == span.end) out += "]]";
    }
    return out;
}

TimexEvaluation score_timexes(const timeml::TimemlDocument& gold, const Extraction& system) {
    TimexEvaluation ev;
    ev.scores.documents = 1;
    const auto g = gold_timexes(gold);
    const auto s = system_timexes(system);
    std::vector<Span> gs, ss;
    for (const auto& x : g) gs.push_back(x.span);
    for (const auto* x : s) ss.push_back(x->span);
    const auto aligned = align_spans(gs, ss);
    std::size_t relaxed = 0, strict = 0, value = 0, type = 0;
    std::vector<bool> sys_used(s.size(), false);
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (!aligned[i]) {
            ev.errors.push_back(make_error("miss", gold, &g[i], nullptr));
            continue;
        }
        const Timex* t = s[*aligned[i]];
        sys_used[*aligned[i]] = true;
        ++relaxed;
        if (t->span == g[i].span) ++strict;
        else ev.errors.push_back(make_error("extent", gold, &g[i], t));
        if (t->value == g[i].value) ++value;
        else ev.errors.push_back(make_error("value", gold, &g[i], t));
        if (timex_type_name(t->type) == g[i].type) ++type;
        else ev.errors.push_back(make_error("type", gold, &g[i], t));
    }
    for (std::size_t j = 0; j < s.size(); ++j)
        if (!sys_used[j]) ev.errors.push_back(make_error("false_alarm", gold, nullptr, s[j]));
    count(ev.scores.strict, strict, g.size(), s.size());
    count(ev.scores.relaxed, relaxed, g.size(), s.size());
    count(ev.scores.value, value, g.size(), s.size());
    count(ev.scores.type, type, g.size(), s.size());
    return ev;
}

} // namespace annals
