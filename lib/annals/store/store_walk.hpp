#pragma once
// The graph's adjacency read from a store one vertex at a time, for path searches.

#include "annals/store/sqlite.hpp"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace annals::detail {

/// Lists a vertex's neighbours (by key) in the order the loaded graph keeps its edges:
/// out-edges then in-edges, each in insertion order. Remembers the kind of every key it
/// has seen. The caller holds a read transaction. One thread.
class StoreWalker {
public:
    explicit StoreWalker(Db& db);

    /// Appends (neighbour, may pass through it) for each edge of `key`.
    void neighbors(const std::string& key, std::vector<std::pair<std::string, bool>>& out);
    /// The shortest path between two entities, not through places (as shortest_path on
    /// the loaded graph finds it); empty when there is none.
    [[nodiscard]] std::vector<std::string> path(const std::string& from, const std::string& to);
    /// True for a key seen as an event.
    [[nodiscard]] bool is_event(const std::string& key) const;

private:
    void collect(Stmt& st, const std::string& key, bool events, std::vector<std::pair<std::string, bool>>& out);

    std::unordered_map<std::string, char> kind_; ///< 'e' event, 'p' place, 'a' actor
    Stmt entity_events_, relations_out_, place_events_, relations_in_, event_place_, event_args_;
};

} // namespace annals::detail
