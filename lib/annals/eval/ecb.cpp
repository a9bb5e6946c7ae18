#include "annals/eval/ecb.hpp"

#include <algorithm>

namespace annals {
namespace {

using TokenSet = std::vector<std::size_t>; // ascending token indices

// The tokens a span overlaps. Tokens are in text order, so both their begins and ends ascend.
TokenSet tokens_of(const ecb::EcbDocument& doc, const Span& span) {
    TokenSet out;
    auto it = std::partition_point(doc.tokens.begin(), doc.tokens.end(),
                                   [&](const ecb::EcbToken& t) { return t.span.end <= span.begin; });
    for (; it != doc.tokens.end() && it->span.begin < span.end; ++it)
        if (it->span.overlaps(span)) out.push_back(static_cast<std::size_t>(it - doc.tokens.begin()));
    return out;
}

bool any_marked(const TokenSet& tokens, const std::vector<bool>& marked) {
    return std::any_of(tokens.begin(), tokens.end(), [&](std::size_t t) { return marked[t]; });
}

struct CategoryMentions {
    std::set<TokenSet> gold, system;
};

// Counts one category and appends its errors.
void score_category(const ecb::EcbDocument& doc, const std::string& category, const CategoryMentions& m,
                    EcbEvaluation& ev) {
    std::vector<bool> by_gold(doc.tokens.size(), false), by_system(doc.tokens.size(), false);
    for (const auto& g : m.gold)
        for (auto t : g) by_gold[t] = true;
    for (const auto& s : m.system)
        for (auto t : s) by_system[t] = true;
    auto& prf = ev.scores.by_category[category];
    auto error = [&](const char* kind, const TokenSet& t) {
        const Span span{doc.tokens[t.front()].span.begin, doc.tokens[t.back()].span.end};
        ev.errors.push_back({kind, category, doc.tokens[t.front()].sentence, span});
    };
    prf.gold += m.gold.size();
    prf.system += m.system.size();
    for (const auto& g : m.gold) {
        if (any_marked(g, by_system))
            ++prf.gold_matched;
        else
            error("miss", g);
    }
    for (const auto& s : m.system) {
        if (any_marked(s, by_gold))
            ++prf.system_matched;
        else
            error("false_alarm", s);
    }
}

std::string_view entity_category(std::string_view type) {
    if (type == "gpe" || type == "location" || type == "facility") return "LOC";
    if (type == "person" || type == "organization" || type == "group") return "HUMAN_PART";
    return {};
}

} // namespace

std::string_view ecb_category(std::string_view tag) noexcept {
    if (tag.starts_with("ACTION_") || tag.starts_with("NEG_ACTION_")) return "ACTION";
    if (tag.starts_with("TIME_")) return "TIME";
    if (tag.starts_with("LOC_")) return "LOC";
    if (tag == "HUMAN_PART" || tag.starts_with("HUMAN_PART_")) return "HUMAN_PART";
    return {};
}

std::vector<EcbMention> ecb_system_mentions(const Extraction& x) {
    std::vector<EcbMention> out;
    for (const auto& e : x.events) out.push_back({"ACTION", e.trigger.span});
    for (const auto& t : x.timexes) out.push_back({"TIME", t.span});
    for (const auto& e : x.entities) {
        const auto category = entity_category(e.type);
        if (category.empty()) continue;
        for (const auto& m : e.mentions) out.push_back({std::string(category), m.span});
    }
    return out;
}

EcbScores& EcbScores::operator+=(const EcbScores& o) {
    for (const auto& [category, prf] : o.by_category) by_category[category] += prf;
    documents += o.documents;
    sentences += o.sentences;
    return *this;
}

EcbEvaluation score_ecb(const ecb::EcbDocument& doc, const std::set<std::size_t>& sentences,
                        const std::vector<EcbMention>& system) {
    EcbEvaluation ev;
    ev.scores.documents = 1;
    std::set<std::size_t> present;
    for (const auto& t : doc.tokens)
        if (sentences.contains(t.sentence)) present.insert(t.sentence);
    ev.scores.sentences = present.size();
    auto scored = [&](const TokenSet& t) { return !t.empty() && sentences.contains(doc.tokens[t.front()].sentence); };
    std::map<std::string, CategoryMentions, std::less<>> by_category;
    for (const auto c : kEcbCategories) by_category[std::string(c)];
    for (const auto& m : doc.markables) {
        const auto c = ecb_category(m.tag);
        if (!c.empty() && scored(m.tokens)) by_category.find(c)->second.gold.insert(m.tokens);
    }
    for (const auto& s : system) {
        const auto it = by_category.find(s.category);
        if (it == by_category.end()) continue;
        auto tokens = tokens_of(doc, s.span);
        if (scored(tokens)) it->second.system.insert(std::move(tokens));
    }
    for (const auto c : kEcbCategories) score_category(doc, std::string(c), by_category.find(c)->second, ev);
    std::stable_sort(ev.errors.begin(), ev.errors.end(),
                     [](const EcbError& a, const EcbError& b) { return a.span < b.span; });
    return ev;
}

} // namespace annals
