// StoreQuery: names through the names table, and each question over the part of the graph
// it reads (see subgraph.hpp for why the answers equal those over the whole graph).
#include "annals/store/store_query.hpp"

#include "annals/core/error.hpp"
#include "annals/store/sqlite.hpp"
#include "annals/store/store_codec.hpp"
#include "annals/store/store_walk.hpp"
#include "annals/store/subgraph.hpp"

namespace annals {
namespace {

using detail::Db;
using detail::Stmt;
using detail::SubgraphLoader;

/// The entities alone, in key order: all NameIndex needs to suggest spellings.
KnowledgeGraph entity_graph(Db& db) {
    KnowledgeGraph kg;
    Stmt st(db, (std::string("SELECT ") + detail::kEntityColumns + " FROM entities ORDER BY key").c_str());
    while (st.step()) kg.add_node(detail::read_entity(st, 0));
    return kg;
}

std::vector<std::string> keys_of(Stmt& st) {
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    st.reset();
    return out;
}

/// The events an entity takes part in, in key order.
std::vector<std::string> events_of(Db& db, const std::string& entity) {
    Stmt st(db, "SELECT DISTINCT event FROM event_arguments WHERE entity = ?1 ORDER BY event");
    st.bind(1, entity);
    return keys_of(st);
}

KeyResolution resolve_in(Db& db, std::string_view name) {
    KeyResolution r;
    {
        Stmt st(db, "SELECT 1 FROM entities WHERE key = ?1");
        st.bind(1, name);
        if (st.step()) {
            r.key = std::string(name);
            return r;
        }
    }
    // A name match beats an alias (or key) match, as in NameIndex.
    Stmt st(db, "SELECT n.key, e.name FROM names n JOIN entities e ON e.key = n.key WHERE n.name = ?1 AND n.how = ?2 "
                "ORDER BY n.key");
    const std::string q = ascii_lower(name);
    for (const std::int64_t how : {0, 1}) {
        st.bind(1, q).bind(2, how);
        std::vector<std::pair<std::string, std::string>> hits;
        while (st.step()) hits.emplace_back(st.text(0), st.text(1));
        st.reset();
        if (hits.empty()) continue;
        if (hits.size() == 1) {
            r.key = hits.front().first;
            return r;
        }
        r.ambiguous = true;
        for (const auto& [key, shown] : hits) r.candidates.push_back(shown + " (" + key + ")");
        return r;
    }
    const KnowledgeGraph entities = entity_graph(db);
    const Resolution whole = NameIndex(entities).resolve(name);
    if (whole.vertex) r.key = entities[*whole.vertex].key;
    r.candidates = whole.candidates;
    r.ambiguous = whole.ambiguous;
    return r;
}

std::string require_in(Db& db, std::string_view name) {
    KeyResolution r = resolve_in(db, name);
    if (r.key) return *r.key;
    throw Error(Errc::bad_input, "", resolution_message(name, Resolution{std::nullopt, std::move(r.candidates), r.ambiguous}));
}

/// Candidate events of a filter: the actor's, the place's, or those of the type and modality.
std::vector<std::string> candidate_events(Db& db, const std::optional<std::string>& actor, const std::optional<std::string>& place,
                                          const EventQuery& q) {
    if (actor) return events_of(db, *actor);
    if (place) {
        Stmt st(db, "SELECT key FROM events WHERE place = ?1 ORDER BY key");
        st.bind(1, *place);
        return keys_of(st);
    }
    // The same test as the type filter (the type or a dotted family), narrowed by index order.
    Stmt st(db, "SELECT key FROM events WHERE (?1 IS NULL OR type = ?1 OR (type >= ?1 || '.' AND type < ?1 || '/')) "
                "AND (?2 IS NULL OR modality = ?2) ORDER BY key");
    st.bind(1, q.type).bind(2, q.modality);
    return keys_of(st);
}

} // namespace

StoreQuery::StoreQuery(const std::string& path) : store_(path, false) {}

KeyResolution StoreQuery::resolve(std::string_view name) {
    detail::Transaction snapshot(*store_.db_, false);
    return resolve_in(*store_.db_, name);
}

std::string StoreQuery::require(std::string_view name) {
    detail::Transaction snapshot(*store_.db_, false);
    return require_in(*store_.db_, name);
}

Table StoreQuery::actors(const std::optional<std::string>& type) {
    Db& db = *store_.db_;
    detail::Transaction snapshot(db, false);
    // Counts as actors_table makes them: distinct events taken part in plus events held at
    // the place; relation edges either way.
    Stmt st(db, "SELECT e.name, e.key, e.kind, e.type, coalesce(e.subtype, ''), "
                "(SELECT count(DISTINCT a.event) FROM event_arguments a WHERE a.entity = e.key) + "
                "(SELECT count(*) FROM events v WHERE v.place = e.key), "
                "(SELECT count(*) FROM relations r WHERE r.source = e.key) + "
                "(SELECT count(*) FROM relations r WHERE r.target = e.key), e.source_count "
                "FROM entities e WHERE ?1 IS NULL OR e.type = ?1 ORDER BY e.name, e.key");
    st.bind(1, type);
    Table t{{"name", "key", "kind", "type", "subtype", "events", "relations", "documents"},
            {false, false, false, false, false, true, true, true}, {}};
    while (st.step())
        t.rows.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), std::to_string(st.int64(5)),
                          std::to_string(st.int64(6)), std::to_string(st.int64(7))});
    return t;
}

Table StoreQuery::neighbors(std::string_view actor, const std::optional<std::string>& relation, const DateWindow& window) {
    Db& db = *store_.db_;
    detail::Transaction snapshot(db, false);
    const std::string key = require_in(db, actor);
    SubgraphLoader part(db);
    part.relations_of(key, std::nullopt);
    for (const auto& ev : events_of(db, key)) part.event_with_edges(ev, false);
    const KnowledgeGraph kg = part.finish();
    return neighbors_table(kg, *kg.find(key), relation, window);
}

Table StoreQuery::relations(std::string_view a, const std::optional<std::string>& b) {
    Db& db = *store_.db_;
    detail::Transaction snapshot(db, false);
    const std::string ka = require_in(db, a);
    const std::optional<std::string> kb = b ? std::optional<std::string>(require_in(db, *b)) : std::nullopt;
    SubgraphLoader part(db);
    part.relations_of(ka, kb);
    if (kb) {
        part.node(*kb, false);
        Stmt st(db, "SELECT DISTINCT x.event FROM event_arguments x JOIN event_arguments y ON y.event = x.event "
                    "WHERE x.entity = ?1 AND y.entity = ?2 ORDER BY x.event");
        st.bind(1, ka).bind(2, *kb);
        for (const auto& ev : keys_of(st)) part.event_with_edges(ev, false);
    }
    const KnowledgeGraph kg = part.finish();
    return relations_table(kg, *kg.find(ka), kb ? kg.find(*kb) : std::nullopt);
}

Table StoreQuery::path(std::string_view a, std::string_view b) {
    Db& db = *store_.db_;
    detail::Transaction snapshot(db, false);
    const std::string ka = require_in(db, a), kb = require_in(db, b);
    detail::StoreWalker walk(db);
    const auto keys = walk.path(ka, kb);
    // The path's nodes and the edges between them: a shortest path has no shortcuts, so
    // the search on this part retraces it.
    SubgraphLoader part(db);
    part.node(ka, false);
    part.node(kb, false);
    for (const auto& k : keys) part.node(k, walk.is_event(k));
    part.edges_among();
    const KnowledgeGraph kg = part.finish();
    return path_table(kg, *kg.find(ka), *kg.find(kb));
}

EventSelection StoreQuery::select_events(const EventQuery& q) {
    Db& db = *store_.db_;
    detail::Transaction snapshot(db, false);
    const auto actor = q.actor ? std::optional<std::string>(require_in(db, *q.actor)) : std::nullopt;
    const auto place = q.place ? std::optional<std::string>(require_in(db, *q.place)) : std::nullopt;
    SubgraphLoader part(db);
    for (const auto& ev : candidate_events(db, actor, place, q)) part.event_with_edges(ev, true);
    if (actor) part.node(*actor, false);
    if (place) part.node(*place, false);
    EventSelection out{part.finish(), {}};
    if (actor) out.filter.actor = out.graph.find(*actor);
    if (place) out.filter.place = out.graph.find(*place);
    out.filter.type = q.type;
    out.filter.modality = q.modality;
    out.filter.window = q.window;
    return out;
}

Table StoreQuery::events(const EventQuery& q) {
    const EventSelection s = select_events(q);
    return events_table(s.graph, s.filter);
}

} // namespace annals
