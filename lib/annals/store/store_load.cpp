// Store::save and Store::load: the graph to rows and back, in the same canonical order.
#include "annals/store/schema.hpp"
#include "annals/store/sqlite.hpp"
#include "annals/store/store.hpp"

#include <algorithm>
#include <tuple>

namespace annals {
namespace {

using detail::Db;
using detail::Stmt;

constexpr char kAliasSep = '\x1f';

std::string join_aliases(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& a : v) {
        if (!out.empty()) out += kAliasSep;
        out += a;
    }
    return out;
}

std::vector<std::string> split_aliases(const std::string& s) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(kAliasSep, start);
        out.push_back(s.substr(start, pos - start));
        if (pos == std::string::npos) break;
        start = pos + 1;
    }
    return out;
}

std::int64_t i64(std::size_t v) { return static_cast<std::int64_t>(v); }
std::size_t uz(std::int64_t v) { return static_cast<std::size_t>(v); }

void bind_geo(Stmt& st, int i, const std::optional<GeoPoint>& g) {
    if (g) st.bind(i, g->lat).bind(i + 1, g->lon);
    else st.bind_null(i).bind_null(i + 1);
}

void bind_interval(Stmt& st, int i, const std::optional<DayInterval>& iv) {
    if (iv) st.bind(i, std::string_view(iv->earliest)).bind(i + 1, std::string_view(iv->latest));
    else st.bind_null(i).bind_null(i + 1);
}

std::optional<GeoPoint> read_geo(const Stmt& st, int i) {
    if (st.is_null(i)) return std::nullopt;
    return GeoPoint{st.real(i), st.real(i + 1)};
}

std::optional<DayInterval> read_interval(const Stmt& st, int i) {
    if (st.is_null(i)) return std::nullopt;
    return DayInterval{st.text(i), st.text(i + 1)};
}

/// Prepared inserts of one save, with a row counter for progress.
struct Writer {
    Db& db;
    const SaveProgress& progress;
    std::size_t rows = 0;
    Stmt doc{db, "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5)"};
    Stmt ent{db, "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"};
    Stmt ent_src{db, "INSERT INTO entity_sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"};
    Stmt ev{db, "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"};
    Stmt arg{db, "INSERT INTO event_arguments VALUES (?1, ?2, ?3)"};
    Stmt ev_src{db, "INSERT INTO event_sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"};
    Stmt rel{db, "INSERT INTO relations VALUES (?1, ?2, ?3, ?4)"};
    Stmt evid{db, "INSERT INTO evidence VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"};

    void done(Stmt& st) {
        st.run();
        if (++rows % 4096 == 0 && progress) progress(rows);
    }

    void entity(const VertexBundle& n) {
        ent.bind(1, std::string_view(n.key)).bind(2, std::string_view(node_kind_name(n.kind)));
        ent.bind(3, std::string_view(n.name)).bind(4, std::string_view(n.type)).bind(5, n.subtype);
        bind_geo(ent, 6, n.geo);
        ent.bind(8, std::string_view(join_aliases(n.aliases))).bind(9, i64(n.source_count));
        done(ent);
        for (const EntitySource& s : n.entity_sources) {
            ent_src.bind(1, std::string_view(n.key)).bind(2, std::string_view(s.doc)).bind(3, std::string_view(s.name));
            ent_src.bind(4, std::string_view(s.type)).bind(5, s.subtype);
            bind_geo(ent_src, 6, s.geo);
            ent_src.bind(8, std::string_view(join_aliases(s.aliases)));
            done(ent_src);
        }
    }

    void event(const Graph& g, Vertex v) {
        const VertexBundle& n = g[v];
        std::optional<std::string> place;
        std::vector<std::pair<std::string, std::string>> args;
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (g[e].kind == EdgeKind::located_in) place = g[boost::target(e, g)].key;
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
            if (g[e].kind == EdgeKind::participates_in) args.emplace_back(g[e].type, g[boost::source(e, g)].key);
        std::sort(args.begin(), args.end());
        ev.bind(1, std::string_view(n.key)).bind(2, std::string_view(n.type)).bind(3, std::string_view(n.name));
        ev.bind(4, std::string_view(n.time_value));
        bind_interval(ev, 5, n.interval);
        ev.bind(7, std::string_view(n.time_source)).bind(8, std::string_view(n.modality)).bind(9, place);
        ev.bind(10, i64(n.source_count));
        done(ev);
        for (const auto& [role, key] : args) {
            arg.bind(1, std::string_view(n.key)).bind(2, std::string_view(role)).bind(3, std::string_view(key));
            done(arg);
        }
        for (const EventSource& s : n.event_sources) event_source(n.key, s);
    }

    void event_source(const std::string& key, const EventSource& s) {
        ev_src.bind(1, std::string_view(key)).bind(2, std::string_view(s.doc)).bind(3, std::string_view(s.event));
        ev_src.bind(4, s.dct).bind(5, i64(s.sentence)).bind(6, i64(s.sentence_span.begin)).bind(7, i64(s.sentence_span.end));
        ev_src.bind(8, std::string_view(s.text)).bind(9, std::string_view(s.trigger)).bind(10, std::string_view(s.rule));
        ev_src.bind(11, std::string_view(s.value));
        bind_interval(ev_src, 12, s.interval);
        ev_src.bind(14, std::string_view(s.time_source)).bind(15, std::string_view(s.modality)).bind(16, s.confidence);
        done(ev_src);
    }

    void relation(const Graph& g, Edge e) {
        const EdgeBundle& b = g[e];
        const std::string& src = g[boost::source(e, g)].key;
        const std::string& tgt = g[boost::target(e, g)].key;
        rel.bind(1, std::string_view(b.type)).bind(2, std::string_view(src)).bind(3, std::string_view(tgt));
        rel.bind(4, i64(b.weight));
        done(rel);
        std::int64_t seq = 0;
        for (const Evidence& x : b.evidence) {
            evid.bind(1, std::string_view(b.type)).bind(2, std::string_view(src)).bind(3, std::string_view(tgt));
            evid.bind(4, seq++).bind(5, std::string_view(x.doc)).bind(6, x.dct).bind(7, i64(x.sentence));
            evid.bind(8, i64(x.sentence_span.begin)).bind(9, i64(x.sentence_span.end)).bind(10, std::string_view(x.text));
            evid.bind(11, std::string_view(x.rule)).bind(12, x.event);
            done(evid);
        }
    }
};

} // namespace

void Store::save(const KnowledgeGraph& kg, const SaveProgress& progress) {
    Db& db = *db_;
    {
        detail::Transaction tx(db);
        db.exec(detail::kDropIndexSql);
        for (const auto& t : detail::kTables)
            if (std::string_view(t.name) != "meta") db.exec((std::string("DELETE FROM ") + t.name).c_str());
        Stmt win(db, "UPDATE meta SET value = ?1 WHERE name = 'merge_window_days'");
        win.bind(1, std::string_view(std::to_string(kg.merge_window_days))).run();
        Writer w{db, progress};
        for (const auto& [id, d] : kg.documents) {
            w.doc.bind(1, std::string_view(d.id)).bind(2, std::string_view(d.hash)).bind(3, d.dct).bind(4, d.title).bind(5, d.url);
            w.done(w.doc);
        }
        const Graph& g = kg.graph();
        for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
            if (g[v].kind == NodeKind::event) w.event(g, v);
            else w.entity(g[v]);
        }
        // Rows go in primary-key order: appending to a B-tree is far cheaper than scattering.
        std::vector<Edge> relations;
        for (const Edge e : boost::make_iterator_range(boost::edges(g)))
            if (g[e].kind == EdgeKind::relation) relations.push_back(e);
        std::sort(relations.begin(), relations.end(), [&g](Edge a, Edge b) {
            return std::tie(g[a].type, g[boost::source(a, g)].key, g[boost::target(a, g)].key) <
                   std::tie(g[b].type, g[boost::source(b, g)].key, g[boost::target(b, g)].key);
        });
        for (const Edge e : relations) w.relation(g, e);
        db.exec(detail::kIndexSql);
        tx.commit();
    }
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

namespace {

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
    Stmt st(db, "SELECT key, kind, name, type, subtype, lat, lon, aliases, source_count FROM entities ORDER BY key");
    while (st.step()) {
        VertexBundle n;
        n.key = st.text(0);
        n.kind = st.text(1) == "place" ? NodeKind::place : NodeKind::actor;
        n.name = st.text(2);
        n.type = st.text(3);
        n.subtype = st.opt_text(4);
        n.geo = read_geo(st, 5);
        n.aliases = split_aliases(st.text(7));
        n.source_count = uz(st.int64(8));
        nodes.emplace(n.key, std::move(n));
    }
    load_entity_sources(db, nodes);
}

void load_event_sources(Db& db, std::map<std::string, VertexBundle>& nodes) {
    Stmt st(db, "SELECT event, doc, id, dct, sentence, sent_begin, sent_end, text, trigger, rule, value, earliest, latest, "
                "time_source, modality, confidence FROM event_sources ORDER BY event, doc, id");
    VertexBundle* cur = nullptr;
    while (st.step()) {
        const std::string key = st.text(0);
        if (!cur || cur->key != key) {
            auto it = nodes.find(key);
            if (it == nodes.end()) continue;
            cur = &it->second;
        }
        EventSource s;
        s.doc = st.text(1);
        s.event = st.text(2);
        s.dct = st.opt_text(3);
        s.sentence = uz(st.int64(4));
        s.sentence_span = Span{uz(st.int64(5)), uz(st.int64(6))};
        s.text = st.text(7);
        s.trigger = st.text(8);
        s.rule = st.text(9);
        s.value = st.text(10);
        s.interval = read_interval(st, 11);
        s.time_source = st.text(13);
        s.modality = st.text(14);
        s.confidence = st.real(15);
        cur->event_sources.push_back(std::move(s));
    }
}

/// Events by key, with their place (for the located_in edge).
std::map<std::string, std::optional<std::string>> load_events(Db& db, std::map<std::string, VertexBundle>& nodes) {
    std::map<std::string, std::optional<std::string>> places;
    Stmt st(db, "SELECT key, type, name, value, earliest, latest, time_source, modality, place, source_count "
                "FROM events ORDER BY key");
    while (st.step()) {
        VertexBundle n;
        n.kind = NodeKind::event;
        n.key = st.text(0);
        n.type = st.text(1);
        n.name = st.text(2);
        n.time_value = st.text(3);
        n.interval = read_interval(st, 4);
        n.time_source = st.text(6);
        n.modality = st.text(7);
        n.source_count = uz(st.int64(9));
        places.emplace(n.key, st.opt_text(8));
        nodes.emplace(n.key, std::move(n));
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
    Stmt ev(db, "SELECT type, source, target, doc, dct, sentence, sent_begin, sent_end, text, rule, event "
                "FROM evidence ORDER BY type, source, target, seq");
    bool row = ev.step();
    while (rel.step()) {
        const auto k = std::make_tuple(rel.text(0), rel.text(1), rel.text(2));
        EdgeBundle b{EdgeKind::relation, rel.text(0), uz(rel.int64(3)), {}};
        for (; row; row = ev.step()) {
            const auto ek = std::make_tuple(ev.text(0), ev.text(1), ev.text(2));
            if (k < ek) break;
            if (ek < k) continue;
            b.evidence.push_back(Evidence{ev.text(3), ev.opt_text(4), uz(ev.int64(5)),
                                          Span{uz(ev.int64(6)), uz(ev.int64(7))}, ev.text(8), ev.text(9), ev.opt_text(10)});
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
