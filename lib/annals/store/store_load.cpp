// Store::load: rows back into the graph, in the order save() wrote them.
#include "annals/store/schema.hpp"
#include "annals/store/sqlite.hpp"
#include "annals/store/store.hpp"
#include "annals/store/store_codec.hpp"

#include <tuple>

namespace annals {
namespace {

using detail::Db;
using detail::read_geo;
using detail::split_aliases;
using detail::Stmt;
using detail::uz;

void load_entity_sources(Db& db, std::map<std::string, VertexBundle>& nodes) {
    Stmt st(db, "SELECT key, doc, name, type, subtype, lat, lon, aliases FROM entity_sources ORDER BY key, doc");
    while (st.step()) {
        auto it = nodes.find(st.text(0));
        if (it == nodes.end()) continue;
        it->second.entity_sources.push_back(
            EntitySource{st.text(1), st.text(2), st.text(3), st.opt_text(4), read_geo(st, 5), split_aliases(st.text(7))});
    }
}

void load_entities(Db& db, std::map<std::string, VertexBundle>& nodes) {
    Stmt st(db, (std::string("SELECT ") + detail::kEntityColumns + " FROM entities ORDER BY key").c_str());
    while (st.step()) {
        VertexBundle n = detail::read_entity(st, 0);
        std::string key = n.key;
        nodes.emplace(std::move(key), std::move(n));
    }
    load_entity_sources(db, nodes);
}

void load_event_sources(Db& db, std::map<std::string, VertexBundle>& nodes) {
    Stmt st(db, (std::string("SELECT event, ") + detail::kEventSourceColumns + " FROM event_sources ORDER BY event, doc, id").c_str());
    VertexBundle* cur = nullptr;
    while (st.step()) {
        const std::string key = st.text(0);
        if (!cur || cur->key != key) {
            auto it = nodes.find(key);
            if (it == nodes.end()) continue;
            cur = &it->second;
        }
        cur->event_sources.push_back(detail::read_event_source(st, 1));
    }
}

/// Events by key, with their place (for the located_in edge).
std::map<std::string, std::optional<std::string>> load_events(Db& db, std::map<std::string, VertexBundle>& nodes) {
    std::map<std::string, std::optional<std::string>> places;
    Stmt st(db, (std::string("SELECT ") + detail::kEventColumns + " FROM events ORDER BY key").c_str());
    while (st.step()) {
        VertexBundle n = detail::read_event(st, 0);
        places.emplace(n.key, st.opt_text(8));
        std::string key = n.key;
        nodes.emplace(std::move(key), std::move(n));
    }
    load_event_sources(db, nodes);
    return places;
}

/// Structural edges in the merge's order: per event (key order), participants by
/// (role, key), then the place.
void load_event_edges(Db& db, KnowledgeGraph& kg, const std::map<std::string, std::optional<std::string>>& places) {
    Stmt st(db, "SELECT event, role, entity FROM event_arguments ORDER BY event, role, entity");
    bool row = st.step();
    for (const auto& [key, place] : places) {
        const Vertex ev = *kg.find(key);
        const std::size_t w = kg[ev].event_sources.size();
        for (; row && st.text(0) <= key; row = st.step()) {
            if (st.text(0) != key) continue;
            if (auto a = kg.find(st.text(2))) kg.add_edge(*a, ev, EdgeBundle{EdgeKind::participates_in, st.text(1), w, {}});
        }
        if (place)
            if (auto p = kg.find(*place)) kg.add_edge(ev, *p, EdgeBundle{EdgeKind::located_in, "located_in", w, {}});
    }
}

void load_relations(Db& db, KnowledgeGraph& kg) {
    Stmt rel(db, "SELECT type, source, target, weight FROM relations ORDER BY type, source, target");
    Stmt ev(db, (std::string("SELECT type, source, target, ") + detail::kEvidenceColumns +
                 " FROM evidence ORDER BY type, source, target, seq").c_str());
    bool row = ev.step();
    while (rel.step()) {
        const auto k = std::make_tuple(rel.text(0), rel.text(1), rel.text(2));
        EdgeBundle b{EdgeKind::relation, rel.text(0), uz(rel.int64(3)), {}};
        for (; row; row = ev.step()) {
            const auto ek = std::make_tuple(ev.text(0), ev.text(1), ev.text(2));
            if (k < ek) break;
            if (ek < k) continue;
            b.evidence.push_back(detail::read_evidence(ev, 3));
        }
        const auto s = kg.find(std::get<1>(k)), t = kg.find(std::get<2>(k));
        if (s && t) kg.add_edge(*s, *t, std::move(b));
    }
}

} // namespace

KnowledgeGraph Store::load() const {
    Db& db = *db_;
    KnowledgeGraph kg;
    detail::Transaction snapshot(db, false); // one consistent read of every table
    {
        Stmt st(db, "SELECT value FROM meta WHERE name = 'merge_window_days'");
        if (st.step()) kg.merge_window_days = std::stoi(st.text(0));
    }
    {
        Stmt st(db, "SELECT id, hash, dct, title, url FROM documents ORDER BY id");
        while (st.step())
            kg.documents.emplace(st.text(0), DocInfo{st.text(0), st.text(1), st.opt_text(2), st.opt_text(3), st.opt_text(4)});
    }
    std::map<std::string, VertexBundle> nodes;
    load_entities(db, nodes);
    const auto places = load_events(db, nodes);
    for (auto& [key, n] : nodes) kg.add_node(std::move(n));
    nodes.clear();
    load_event_edges(db, kg, places);
    load_relations(db, kg);
    return kg;
}

} // namespace annals
