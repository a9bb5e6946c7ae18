#pragma once
/// Queries answered from a store without loading the whole graph: names resolve through
/// an index table, each question reads only the nodes and edges it needs (a path is found
/// by a bidirectional search over indexed edge lookups), and the answers are exactly those
/// of the same question asked of the loaded graph.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/query.hpp"
#include "annals/graph/resolve.hpp"
#include "annals/graph/table.hpp"
#include "annals/store/store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace annals {

/// Event filters by name, as a user gives them; see EventFilter.
struct EventQuery {
    std::optional<std::string> actor, place; ///< names, aliases or keys
    std::optional<std::string> type, modality;
    DateWindow window;
};

/// The outcome of resolving a name in a store: NameIndex::resolve's, with a key.
struct KeyResolution {
    std::optional<std::string> key;      ///< set when the name picks exactly one entity
    std::vector<std::string> candidates; ///< "Name (key)": the matches when ambiguous, else suggestions
    bool ambiguous = false;
};

/// The events matching a query with everything a listing of them reads, and the filter
/// over that graph.
struct EventSelection {
    KnowledgeGraph graph;
    EventFilter filter;
};

/// An open store for queries. Each call reads in its own consistent snapshot. Throws
/// Error(Errc::bad_store) for a broken store and Error(Errc::bad_input) for a name that
/// does not resolve. One thread per StoreQuery.
class StoreQuery {
public:
    /// Opens `path` for reading (see Store).
    explicit StoreQuery(const std::string& path);

    /// What NameIndex::resolve on the whole graph answers, through the names table (the
    /// entities are read only to suggest spellings for a name that matches nothing).
    [[nodiscard]] KeyResolution resolve(std::string_view name);
    /// The key `name` picks; throws Error(Errc::bad_input) with resolution_message otherwise.
    [[nodiscard]] std::string require(std::string_view name);

    /// As actors_table on the whole graph.
    [[nodiscard]] Table actors(const std::optional<std::string>& type);
    /// As neighbors_table; `actor` is a name.
    [[nodiscard]] Table neighbors(std::string_view actor, const std::optional<std::string>& relation,
                                  const DateWindow& window);
    /// As relations_table.
    [[nodiscard]] Table relations(std::string_view a, const std::optional<std::string>& b);
    /// As path_table.
    [[nodiscard]] Table path(std::string_view a, std::string_view b);
    /// As events_table.
    [[nodiscard]] Table events(const EventQuery& q);
    /// The events of `q` as a small graph (for timelines).
    [[nodiscard]] EventSelection select_events(const EventQuery& q);
    /// The whole graph (for questions about all of it: central, components).
    [[nodiscard]] KnowledgeGraph whole() const { return store_.load(); }

private:
    Store store_;
};

} // namespace annals
