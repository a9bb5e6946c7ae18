#include "annals/eval/names.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace annals {
namespace {

bool is_scored(std::string_view label) {
    return std::find(std::begin(kNameLabels), std::end(kNameLabels), label) != std::end(kNameLabels);
}

void sort_unique(std::vector<LabeledSpan>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

void sort_unique(std::vector<Span>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Splits "B-PER" into ('B', "PER"); a tag without a prefix ("O") gives ('O', "").
std::pair<char, std::string_view> split_tag(std::string_view tag) {
    if (tag.size() < 3 || tag[1] != '-') return {'O', {}};
    return {tag[0], tag.substr(2)};
}

// Gathers names token by token; one reader serves IOB1 and IOB2, since both only differ in
// when B- is used.
class NameBuilder {
public:
    explicit NameBuilder(GoldNames& out) : out_(out) {}
    void token(std::string_view tag, const Span& span) {
        const auto [prefix, type] = split_tag(tag);
        if (prefix != 'B' && prefix != 'I') return close();
        if (prefix == 'I' && open_ && label_ == type) {
            end_ = span.end;
            return;
        }
        close();
        open_ = true;
        label_ = std::string(type);
        begin_ = span.begin;
        end_ = span.end;
    }
    void close() {
        if (!open_) return;
        open_ = false;
        if (is_scored(label_))
            out_.names.push_back({{begin_, end_}, label_});
        else
            out_.ignore.push_back({begin_, end_});
    }

private:
    GoldNames& out_;
    bool open_ = false;
    std::string label_;
    std::size_t begin_ = 0, end_ = 0;
};

bool overlaps_any(const Span& s, const std::vector<Span>& spans) {
    return std::any_of(spans.begin(), spans.end(), [&](const Span& x) { return x.overlaps(s); });
}

void add_label_rows(NameScores& scores) {
    for (const auto label : kNameLabels) scores.by_label.try_emplace(std::string(label));
}

} // namespace

std::string_view name_label(std::string_view entity_type) noexcept {
    if (entity_type == "person") return "PER";
    if (entity_type == "organization") return "ORG";
    if (entity_type == "gpe" || entity_type == "location" || entity_type == "facility") return "LOC";
    return {};
}

std::string_view enamex_label(std::string_view enamex_type) noexcept {
    if (enamex_type == "PERSON") return "PER";
    if (enamex_type == "ORGANIZATION") return "ORG";
    if (enamex_type == "LOCATION") return "LOC";
    return {};
}

const char* name_error_kind(NameError::Kind k) noexcept {
    switch (k) {
    case NameError::Kind::miss: return "miss";
    case NameError::Kind::false_alarm: return "false_alarm";
    case NameError::Kind::wrong_type: return "wrong_type";
    }
    return "?";
}

std::vector<LabeledSpan> system_names(const Extraction& x) {
    std::vector<LabeledSpan> out;
    for (const auto& e : x.entities) {
        const auto label = name_label(e.type);
        if (label.empty()) continue;
        for (const auto& m : e.mentions)
            if (m.kind == "name") out.push_back({m.span, std::string(label)});
    }
    sort_unique(out);
    return out;
}

GoldNames conll_names(const conll::ConllDocument& doc) {
    GoldNames out;
    NameBuilder builder(out);
    for (const auto& s : doc.sentences) {
        for (const auto& t : s.tokens) builder.token(t.ner, t.span);
        builder.close();
    }
    sort_unique(out.names);
    sort_unique(out.ignore);
    return out;
}

GoldNames enamex_names(const timeml::TimemlDocument& doc) {
    GoldNames out;
    for (const auto* e : doc.all("ENAMEX")) {
        if (e->span.empty()) continue;
        const auto label = enamex_label(e->attr("TYPE"));
        if (label.empty())
            out.ignore.push_back(e->span);
        else
            out.names.push_back({e->span, std::string(label)});
    }
    sort_unique(out.names);
    sort_unique(out.ignore);
    return out;
}

NameScores& NameScores::operator+=(const NameScores& o) {
    for (const auto& [label, prf] : o.by_label) by_label[label] += prf;
    overall += o.overall;
    documents += o.documents;
    ignored += o.ignored;
    return *this;
}

NameEvaluation score_names(const GoldNames& gold, const std::vector<LabeledSpan>& system) {
    NameEvaluation ev;
    auto& sc = ev.scores;
    sc.documents = 1;
    add_label_rows(sc);
    std::vector<LabeledSpan> sys;
    for (const auto& s : system) {
        if (overlaps_any(s.span, gold.ignore))
            ++sc.ignored;
        else
            sys.push_back(s);
    }
    sort_unique(sys);
    const std::set<LabeledSpan> gold_set(gold.names.begin(), gold.names.end());
    std::vector<bool> sys_explained(sys.size(), false);
    std::set<LabeledSpan> found;
    for (std::size_t j = 0; j < sys.size(); ++j) {
        auto& row = sc.by_label[sys[j].label];
        ++row.system;
        if (gold_set.contains(sys[j])) {
            ++row.system_matched;
            found.insert(sys[j]);
            sys_explained[j] = true;
        }
    }
    for (const auto& g : gold_set) {
        auto& row = sc.by_label[g.label];
        ++row.gold;
        if (found.contains(g)) {
            ++row.gold_matched;
            continue;
        }
        // The same span predicted with another label, not already right or blamed elsewhere.
        const auto first = std::lower_bound(sys.begin(), sys.end(), LabeledSpan{g.span, {}});
        auto it = first;
        while (it != sys.end() && it->span == g.span && sys_explained[static_cast<std::size_t>(it - sys.begin())]) ++it;
        if (it != sys.end() && it->span == g.span) {
            sys_explained[static_cast<std::size_t>(it - sys.begin())] = true;
            ev.errors.push_back({NameError::Kind::wrong_type, g, *it});
        } else {
            ev.errors.push_back({NameError::Kind::miss, g, std::nullopt});
        }
    }
    for (std::size_t j = 0; j < sys.size(); ++j)
        if (!sys_explained[j]) ev.errors.push_back({NameError::Kind::false_alarm, std::nullopt, sys[j]});
    for (const auto& [label, prf] : sc.by_label) sc.overall += prf;
    std::stable_sort(ev.errors.begin(), ev.errors.end(),
                     [](const NameError& a, const NameError& b) { return a.span() < b.span(); });
    return ev;
}

std::string format_name_scores(const NameScores& scores) {
    std::string out;
    char line[160];
    auto row = [&](std::string_view name, const Prf& p) {
        std::snprintf(line, sizeof line, "%-8.*s %8zu %8zu %8.2f %8.2f %8.2f\n", static_cast<int>(name.size()),
                      name.data(), p.gold, p.system, p.precision(), p.recall(), p.f1());
        out += line;
    };
    std::snprintf(line, sizeof line, "%-8s %8s %8s %8s %8s %8s\n", "", "gold", "system", "P", "R", "F1");
    out += line;
    for (const auto label : kNameLabels) {
        const auto it = scores.by_label.find(label);
        row(label, it == scores.by_label.end() ? Prf{} : it->second);
    }
    row("overall", scores.overall);
    return out;
}

} // namespace annals
