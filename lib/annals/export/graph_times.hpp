#pragma once
/// When nodes and edges exist, from the dates of events: what GEXF's start and end (Gephi's
/// timeline) and the CSV and GraphML date columns carry.

#include "annals/graph/knowledge_graph.hpp"

#include <string>
#include <vector>

namespace annals {

/// Days as YYYY-MM-DD; an empty end is open (unknown).
struct TimeSpan {
    std::string start, end;
    [[nodiscard]] bool empty() const noexcept { return start.empty() && end.empty(); }
};

/// Spans of every vertex and edge of a graph.
struct GraphTimes {
    std::vector<TimeSpan> nodes; ///< by vertex number
    std::vector<TimeSpan> edges; ///< in vertex then out-edge order
};

/// Events: their interval when dated on a day, month, year or range; only the end (the
/// document date) when known only to be before it, only the start when after it.
/// Participation and location edges: their event's span. Relations: the spans of the events
/// their evidence came from, else the evidence's document dates. Entities: from the earliest
/// to the latest of their edges' spans. Undated things get an empty span. Thread-safe.
[[nodiscard]] GraphTimes graph_times(const KnowledgeGraph& kg);

} // namespace annals
