#pragma once
/// The questions users ask of the graph, each answered as a Table. Every function is const
/// on the graph and thread-safe; rows come in a documented, deterministic order.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/table.hpp"

#include <optional>
#include <string>

namespace annals {

/// A closed range of days as ISO dates; either end may be open. `YYYY` and `YYYY-MM` are
/// widened to their first (from) or last (to) day by parse_date_bound.
struct DateWindow {
    std::optional<std::string> from, to;
    [[nodiscard]] bool active() const noexcept { return from || to; }
    /// True when [earliest, latest] meets the window (an open window meets everything).
    [[nodiscard]] bool meets(const std::optional<DayInterval>& iv) const;
};

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a day; nullopt when malformed.
[[nodiscard]] std::optional<std::string> parse_date_bound(std::string_view s, bool upper);

/// Actors (and places) with their type and how much the graph knows about them; sorted by
/// name then key. `type` filters on the entity type ("person", "organization" ...).
[[nodiscard]] Table actors_table(const KnowledgeGraph& kg, const std::optional<std::string>& type);

/// Who an actor is linked to: relation edges either way and actors sharing an event, one
/// row per (neighbour, relation), heaviest first. `relation` keeps one relation or event type.
[[nodiscard]] Table neighbors_table(const KnowledgeGraph& kg, Vertex actor, const std::optional<std::string>& relation,
                                    const DateWindow& window);

/// Relations of `a` (with `b` only, when given; then shared events too), one row per
/// evidence sentence, quoted.
[[nodiscard]] Table relations_table(const KnowledgeGraph& kg, Vertex a, std::optional<Vertex> b);

/// The shortest path from `a` to `b` (not through places), one row per step with the edge
/// and its first evidence. Empty table when there is no path.
[[nodiscard]] Table path_table(const KnowledgeGraph& kg, Vertex a, Vertex b);

/// Filters for events_table; unset fields do not filter.
struct EventFilter {
    std::optional<Vertex> actor, place;
    std::optional<std::string> type, modality;
    DateWindow window;
};

/// Events matching the filter, by date (undated last) then key. A type filter matches the
/// type or any dotted prefix of it ("conflict" matches "conflict.attack").
[[nodiscard]] Table events_table(const KnowledgeGraph& kg, const EventFilter& f);

enum class Centrality { degree, betweenness, pagerank };

/// The `top` actors by a centrality computed on the whole graph (undirected, simple),
/// highest first, ties by key.
[[nodiscard]] Table central_table(const KnowledgeGraph& kg, Centrality by, std::size_t top);

/// Connected components, largest first, with their sizes and leading actors.
[[nodiscard]] Table components_table(const KnowledgeGraph& kg);

/// The quoted sentence of a piece of evidence, or its place when the text was not kept.
[[nodiscard]] std::string quote(const Evidence& e);

} // namespace annals
