#include "annals/store/subgraph.hpp"

#include "annals/store/store_codec.hpp"

namespace annals::detail {
namespace {

std::string select(const char* columns, const char* rest) { return std::string("SELECT ") + columns + " " + rest; }

} // namespace

SubgraphLoader::SubgraphLoader(Db& db)
    : db_(db), args_(db, "SELECT role, entity FROM event_arguments WHERE event = ?1 ORDER BY role, entity"),
      place_(db, "SELECT place FROM events WHERE key = ?1"),
      rel_from_(db, "SELECT type, target FROM relations WHERE source = ?1"),
      rel_to_(db, "SELECT type, source FROM relations WHERE target = ?1"),
      entity_(db, select(kEntityColumns, "FROM entities WHERE key = ?1").c_str()),
      event_(db, select(kEventColumns, "FROM events WHERE key = ?1").c_str()),
      sources_(db, select(kEventSourceColumns, "FROM event_sources WHERE event = ?1 ORDER BY doc, id").c_str()),
      relation_(db, "SELECT weight FROM relations WHERE type = ?1 AND source = ?2 AND target = ?3"),
      evidence_(db, select(kEvidenceColumns, "FROM evidence WHERE type = ?1 AND source = ?2 AND target = ?3 ORDER BY seq").c_str()) {}

void SubgraphLoader::node(const std::string& key, bool event) { nodes_.emplace(key, event); }

void SubgraphLoader::event_with_edges(const std::string& key, bool with_place) {
    node(key, true);
    args_.bind(1, key);
    while (args_.step()) {
        std::string entity = args_.text(1);
        node(entity, false);
        participations_.emplace(key, args_.text(0), std::move(entity));
    }
    args_.reset();
    if (!with_place) return;
    place_.bind(1, key);
    if (place_.step() && !place_.is_null(0)) {
        std::string place = place_.text(0);
        node(place, false);
        locations_.emplace(key, std::move(place));
    }
    place_.reset();
}

void SubgraphLoader::relations_of(const std::string& key, const std::optional<std::string>& other) {
    node(key, false);
    for (Stmt* st : {&rel_from_, &rel_to_}) {
        st->bind(1, key);
        while (st->step()) {
            std::string end = st->text(1);
            if (other && end != *other) continue;
            node(end, false);
            if (st == &rel_from_) relations_.emplace(st->text(0), key, std::move(end));
            else relations_.emplace(st->text(0), std::move(end), key);
        }
        st->reset();
    }
}

void SubgraphLoader::edges_among() {
    auto is = [this](const std::string& key, bool event) {
        const auto it = nodes_.find(key);
        return it != nodes_.end() && it->second == event;
    };
    for (const auto& [key, event] : nodes_) {
        if (event) {
            args_.bind(1, key);
            while (args_.step())
                if (is(args_.text(1), false)) participations_.emplace(key, args_.text(0), args_.text(1));
            args_.reset();
            place_.bind(1, key);
            if (place_.step() && !place_.is_null(0) && is(place_.text(0), false)) locations_.emplace(key, place_.text(0));
            place_.reset();
            continue;
        }
        rel_from_.bind(1, key);
        while (rel_from_.step())
            if (is(rel_from_.text(1), false)) relations_.emplace(rel_from_.text(0), key, rel_from_.text(1));
        rel_from_.reset();
    }
}

void SubgraphLoader::add_node(KnowledgeGraph& kg, const std::string& key, bool event) {
    Stmt& st = event ? event_ : entity_;
    st.bind(1, key);
    const bool found = st.step();
    VertexBundle n;
    if (found) n = event ? read_event(st, 0) : read_entity(st, 0);
    st.reset();
    if (!found) return;
    if (event) {
        sources_.bind(1, key);
        while (sources_.step()) n.event_sources.push_back(read_event_source(sources_, 0));
        sources_.reset();
    }
    kg.add_node(std::move(n));
}

void SubgraphLoader::add_relation(KnowledgeGraph& kg, const std::tuple<std::string, std::string, std::string>& r) {
    const auto& [type, source, target] = r;
    const auto s = kg.find(source), t = kg.find(target);
    if (!s || !t) return;
    relation_.bind(1, type).bind(2, source).bind(3, target);
    const bool found = relation_.step();
    EdgeBundle b{EdgeKind::relation, type, found ? uz(relation_.int64(0)) : 0, {}};
    relation_.reset();
    if (!found) return;
    evidence_.bind(1, type).bind(2, source).bind(3, target);
    while (evidence_.step()) b.evidence.push_back(read_evidence(evidence_, 0));
    evidence_.reset();
    kg.add_edge(*s, *t, std::move(b));
}

KnowledgeGraph SubgraphLoader::finish() {
    KnowledgeGraph kg;
    for (const auto& [key, event] : nodes_) add_node(kg, key, event);
    // Structural edges per event in key order, participants by (role, key), then the place.
    auto p = participations_.begin();
    for (const auto& [key, event] : nodes_) {
        if (!event) continue;
        const auto ev = kg.find(key);
        for (; p != participations_.end() && std::get<0>(*p) <= key; ++p) {
            if (std::get<0>(*p) != key || !ev) continue;
            if (const auto a = kg.find(std::get<2>(*p)))
                kg.add_edge(*a, *ev, EdgeBundle{EdgeKind::participates_in, std::get<1>(*p), kg[*ev].event_sources.size(), {}});
        }
        const auto l = locations_.find(key);
        if (ev && l != locations_.end())
            if (const auto pl = kg.find(l->second))
                kg.add_edge(*ev, *pl, EdgeBundle{EdgeKind::located_in, "located_in", kg[*ev].event_sources.size(), {}});
    }
    for (const auto& r : relations_) add_relation(kg, r);
    return kg;
}

} // namespace annals::detail
