#include "annals/store/store_walk.hpp"

#include "annals/graph/path_search.hpp"

namespace annals::detail {

// Structural edges come first in the graph (per event in key order: participants by
// role and key, then the place), then relations by (type, source, target); the ORDER BY
// clauses below restate that order for one vertex.
StoreWalker::StoreWalker(Db& db)
    : entity_events_(db, "SELECT event FROM event_arguments WHERE entity = ?1 ORDER BY event, role"),
      relations_out_(db, "SELECT r.target, e.kind FROM relations r JOIN entities e ON e.key = r.target "
                         "WHERE r.source = ?1 ORDER BY r.type, r.target"),
      place_events_(db, "SELECT key FROM events WHERE place = ?1 ORDER BY key"),
      relations_in_(db, "SELECT r.source, e.kind FROM relations r JOIN entities e ON e.key = r.source "
                        "WHERE r.target = ?1 ORDER BY r.type, r.source"),
      event_place_(db, "SELECT v.place, e.kind FROM events v JOIN entities e ON e.key = v.place WHERE v.key = ?1"),
      event_args_(db, "SELECT a.entity, e.kind FROM event_arguments a JOIN entities e ON e.key = a.entity "
                      "WHERE a.event = ?1 ORDER BY a.role, a.entity") {}

void StoreWalker::collect(Stmt& st, const std::string& key, bool events, std::vector<std::pair<std::string, bool>>& out) {
    st.bind(1, key);
    while (st.step()) {
        std::string v = st.text(0);
        const char kind = events ? 'e' : st.text(1) == "place" ? 'p' : 'a';
        kind_.emplace(v, kind);
        out.emplace_back(std::move(v), kind != 'p');
    }
    st.reset();
}

void StoreWalker::neighbors(const std::string& key, std::vector<std::pair<std::string, bool>>& out) {
    if (is_event(key)) {
        collect(event_place_, key, false, out);
        collect(event_args_, key, false, out);
        return;
    }
    collect(entity_events_, key, true, out);
    collect(relations_out_, key, false, out);
    collect(place_events_, key, true, out);
    collect(relations_in_, key, false, out);
}

bool StoreWalker::is_event(const std::string& key) const {
    const auto it = kind_.find(key);
    return it != kind_.end() && it->second == 'e';
}

std::vector<std::string> StoreWalker::path(const std::string& from, const std::string& to) {
    return bidirectional_path(from, to, [this](const std::string& u, std::vector<std::pair<std::string, bool>>& out) {
        neighbors(u, out);
    });
}

} // namespace annals::detail
