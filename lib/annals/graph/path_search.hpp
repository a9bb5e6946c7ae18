#pragma once
/// Bidirectional breadth-first search over a graph given by a neighbour function, so the
/// same search (and the same choice among equally short paths) runs on a graph in memory
/// and on one read from a store edge by edge.

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

namespace annals::detail {

/// The shortest path from `from` to `to`, or empty when there is none. `neighbors(u, out)`
/// appends (v, may_pass_v) for each edge of u, out-edges then in-edges, in edge order;
/// may_pass says whether v may be an inner vertex (the far root is always allowed). `Id`
/// is hashable and its `<` must be the vertex order: among shortest paths the one met
/// first in that order is returned, so the answer is deterministic.
template <class Id, class Neighbors>
std::vector<Id> bidirectional_path(const Id& from, const Id& to, Neighbors&& neighbors) {
    if (from == to) return {from};
    struct Mark {
        Id parent;
        std::size_t dist;
    };
    struct Side {
        std::unordered_map<Id, Mark> marks;
        std::vector<Id> frontier;
    };
    Side a, b;
    a.marks.emplace(from, Mark{from, 0});
    a.frontier.push_back(from);
    b.marks.emplace(to, Mark{to, 0});
    b.frontier.push_back(to);
    std::vector<std::pair<Id, bool>> adjacent;

    // Expands one level of `s`; returns the meeting vertex closest to the other root.
    auto expand = [&](Side& s, const Side& other, const Id& other_root) -> const Id* {
        std::vector<Id> next;
        const Id* meet = nullptr;
        std::size_t meet_dist = 0;
        for (const Id& u : s.frontier) {
            const std::size_t du = s.marks.at(u).dist;
            adjacent.clear();
            neighbors(u, adjacent);
            for (const auto& [v, may_pass] : adjacent) {
                if (s.marks.count(v) != 0) continue;
                if (!(v == other_root) && !may_pass) continue;
                const auto& stored = s.marks.emplace(v, Mark{u, du + 1}).first->first;
                const auto o = other.marks.find(v);
                if (o == other.marks.end()) next.push_back(v);
                else if (!meet || o->second.dist < meet_dist || (o->second.dist == meet_dist && v < *meet))
                    meet = &stored, meet_dist = o->second.dist;
            }
        }
        std::sort(next.begin(), next.end());
        s.frontier.swap(next);
        return meet;
    };

    const Id* meet = nullptr;
    while (!meet && !a.frontier.empty() && !b.frontier.empty())
        meet = a.frontier.size() <= b.frontier.size() ? expand(a, b, to) : expand(b, a, from);
    if (!meet) return {};
    std::vector<Id> path;
    for (Id v = *meet; !(v == from); v = a.marks.at(v).parent) path.push_back(v);
    path.push_back(from);
    std::reverse(path.begin(), path.end());
    for (Id v = *meet; !(v == to);) {
        v = b.marks.at(v).parent;
        path.push_back(v);
    }
    return path;
}

} // namespace annals::detail
