#include "annals/graph/resolve.hpp"

#include "annals/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace annals {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

NameIndex::NameIndex(const KnowledgeGraph& kg) : kg_(kg) {
    const Graph& g = kg.graph();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        if (g[v].kind == NodeKind::event) continue;
        by_name_[ascii_lower(g[v].name)].push_back(v);
        for (const auto& a : g[v].aliases) by_alias_[ascii_lower(a)].push_back(v);
        by_alias_[ascii_lower(g[v].key)].push_back(v);
    }
    for (auto* m : {&by_name_, &by_alias_})
        for (auto& [k, vs] : *m) {
            std::sort(vs.begin(), vs.end());
            vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
        }
}

namespace {

/// Letters and digits only, words single-spaced: "The \"Iron\\Gate\"" and "iron gate" meet.
std::string loose(std::string_view s) {
    std::string out;
    for (const char c : ascii_lower(s)) {
        const bool word = std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
        if (word) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string label(const KnowledgeGraph& kg, Vertex v) { return kg[v].name + " (" + kg[v].key + ")"; }

} // namespace

Resolution NameIndex::resolve(std::string_view name) const {
    Resolution r;
    if (auto v = kg_.find(name); v && kg_[*v].kind != NodeKind::event) {
        r.vertex = v;
        return r;
    }
    const std::string q = ascii_lower(name);
    for (const auto* m : {&by_name_, &by_alias_}) {
        const auto it = m->find(q);
        if (it == m->end()) continue;
        if (it->second.size() == 1) {
            r.vertex = it->second.front();
            return r;
        }
        r.ambiguous = true;
        for (const Vertex v : it->second) r.candidates.push_back(label(kg_, v));
        return r;
    }
    // Nothing matched: suggest near spellings and names that contain what was typed.
    std::set<std::tuple<std::size_t, std::string, Vertex>> near;
    const std::size_t limit = std::max<std::size_t>(2, q.size() / 4);
    const std::string lq = loose(q);
    for (const auto* m : {&by_name_, &by_alias_}) {
        for (const auto& [k, vs] : *m) {
            const bool contains = lq.size() >= 3 && loose(k).find(lq) != std::string::npos;
            const std::size_t d = edit_distance(q, k);
            if (d > limit && !contains) continue;
            for (const Vertex v : vs) near.emplace(contains ? std::min(d, limit) : d, kg_[v].name, v);
        }
    }
    std::set<Vertex> seen;
    for (const auto& [d, n, v] : near) {
        if (!seen.insert(v).second) continue;
        r.candidates.push_back(label(kg_, v));
        if (r.candidates.size() == 5) break;
    }
    return r;
}

Vertex NameIndex::require(std::string_view name) const {
    const Resolution r = resolve(name);
    if (!r.vertex) throw Error(Errc::bad_input, "", resolution_message(name, r));
    return *r.vertex;
}

std::string resolution_message(std::string_view name, const Resolution& r) {
    std::string list;
    for (const auto& c : r.candidates) list += (list.empty() ? "" : ", ") + c;
    if (r.ambiguous) return "'" + std::string(name) + "' is ambiguous: " + list;
    std::string out = "unknown name '" + std::string(name) + "'";
    if (!list.empty()) out += "; did you mean: " + list + "?";
    return out;
}

} // namespace annals
