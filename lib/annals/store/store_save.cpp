// Store::save: a graph, or a builder's compact merge, to rows in one transaction. Both
// write the same rows in the same (primary-key) order, so a graph and the merge it came
// from give the same store.
#include "annals/core/error.hpp"
#include "annals/store/row_writer.hpp"
#include "annals/store/schema.hpp"
#include "annals/store/store.hpp"

#include <algorithm>
#include <tuple>

namespace annals {
namespace {

using detail::Db;
using detail::RowWriter;
using detail::Stmt;
using OptText = std::optional<std::string_view>;

OptText view(const std::optional<std::string>& s) { return s ? OptText(*s) : std::nullopt; }

std::vector<std::string_view> views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

bool is_empty(Db& db) {
    Stmt st(db, "SELECT NOT EXISTS (SELECT 1 FROM documents) AND NOT EXISTS (SELECT 1 FROM entities) "
                "AND NOT EXISTS (SELECT 1 FROM events)");
    return st.step() && st.int64(0) != 0;
}

/// Sets the journal mode; false when SQLite keeps the old one, as it must while another
/// connection has the store open (it then answers "database is locked").
bool journal_mode(Db& db, const char* mode) {
    try {
        Stmt st(db, (std::string("PRAGMA journal_mode = ") + mode).c_str());
        return st.step() && st.text(0) == mode;
    } catch (const Error&) {
        return false;
    }
}

/// Runs `write_rows(writer)` inside a transaction that first empties the store, with the
/// secondary indexes dropped while rows go in. A store with nothing in it yet is filled
/// under a rollback journal, which writes each page once (WAL would write it to the log and
/// again at the checkpoint); a kill midway still rolls back to the empty store. The store
/// returns to WAL afterwards.
template <class Fill>
void replace_content(Db& db, int window_days, const SaveProgress& progress, Fill&& write_rows) {
    const bool rollback = is_empty(db) && journal_mode(db, "delete");
    {
        detail::Transaction tx(db);
        db.exec(detail::kDropIndexSql);
        for (const auto& t : detail::kTables)
            if (std::string_view(t.name) != "meta") db.exec((std::string("DELETE FROM ") + t.name).c_str());
        for (const char* t : detail::kDerivedTables) db.exec((std::string("DELETE FROM ") + t).c_str());
        Stmt win(db, "UPDATE meta SET value = ?1 WHERE name = 'merge_window_days'");
        win.bind(1, std::string_view(std::to_string(window_days))).run();
        RowWriter w(db, progress);
        write_rows(w);
        w.finish();
        db.exec(detail::kIndexSql);
        tx.commit();
    }
    if (rollback) (void)journal_mode(db, "wal");
    else db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

void write_graph(RowWriter& w, const KnowledgeGraph& kg) {
    for (const auto& [id, d] : kg.documents) w.document(d);
    const Graph& g = kg.graph();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const VertexBundle& n = g[v];
        if (n.kind != NodeKind::event) {
            w.entity(n.key, n.kind, n.name, n.type, view(n.subtype), n.geo, views(n.aliases), n.source_count);
            for (const EntitySource& s : n.entity_sources) w.entity_source(n.key, s.doc, s.name, s.type, view(s.subtype), s.geo, views(s.aliases));
            continue;
        }
        OptText place;
        std::vector<std::pair<std::string_view, std::string_view>> args;
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
            if (g[e].kind == EdgeKind::located_in) place = g[boost::target(e, g)].key;
        for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
            if (g[e].kind == EdgeKind::participates_in) args.emplace_back(g[e].type, g[boost::source(e, g)].key);
        std::sort(args.begin(), args.end());
        const OptText earliest = n.interval ? OptText(n.interval->earliest) : std::nullopt;
        const OptText latest = n.interval ? OptText(n.interval->latest) : std::nullopt;
        w.event(detail::EventRow{n.key, n.type, n.name, n.time_value, earliest, latest, n.time_source, n.modality, place,
                                 n.source_count});
        for (const auto& [role, key] : args) w.argument(n.key, role, key);
        for (const EventSource& s : n.event_sources) {
            const OptText se = s.interval ? OptText(s.interval->earliest) : std::nullopt;
            const OptText sl = s.interval ? OptText(s.interval->latest) : std::nullopt;
            w.event_source(detail::EventSourceRow{n.key, s.doc, s.event, view(s.dct), s.sentence, s.sentence_span, s.text,
                                                  s.trigger, s.rule, s.value, se, sl, s.time_source, s.modality, s.confidence});
        }
    }
    // Rows go in primary-key order: appending to a B-tree is far cheaper than scattering.
    std::vector<Edge> relations;
    for (const Edge e : boost::make_iterator_range(boost::edges(g)))
        if (g[e].kind == EdgeKind::relation) relations.push_back(e);
    std::sort(relations.begin(), relations.end(), [&g](Edge a, Edge b) {
        return std::tie(g[a].type, g[boost::source(a, g)].key, g[boost::target(a, g)].key) <
               std::tie(g[b].type, g[boost::source(b, g)].key, g[boost::target(b, g)].key);
    });
    for (const Edge e : relations) {
        const EdgeBundle& b = g[e];
        const std::string& src = g[boost::source(e, g)].key;
        const std::string& tgt = g[boost::target(e, g)].key;
        w.relation(b.type, src, tgt, b.weight);
        std::int64_t seq = 0;
        for (const Evidence& x : b.evidence)
            w.evidence(detail::EvidenceRow{b.type, src, tgt, seq++, x.doc, view(x.dct), x.sentence, x.sentence_span, x.text,
                                           x.rule, view(x.event)});
    }
}

/// Views of a merge's strings; `none` (kNone) as an empty optional.
struct MergedText {
    const MergedGraph& m;
    std::string_view operator()(detail::Id id) const { return m.str(id); }
    OptText opt(detail::Id id) const { return id == detail::kNone ? std::nullopt : OptText(m.str(id)); }
    std::string_view text(const detail::DocFacts& f, std::uint32_t i) const {
        return i == detail::kNoText ? std::string_view("") : std::string_view(f.texts[i]);
    }
    std::vector<std::string_view> list(const detail::Id* ids, std::size_t n) const {
        std::vector<std::string_view> out;
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i) out.push_back(m.str(ids[i]));
        return out;
    }
};

void write_merged_entity(RowWriter& w, const MergedGraph& m, const MergedGraph::Entity& n) {
    const MergedText s{m};
    const std::string_view key = m.str(n.key);
    w.entity(key, n.kind, s(n.name), s(n.type), s.opt(n.subtype), n.geo, s.list(n.aliases.data(), n.aliases.size()), n.source_count);
    for (const MergedGraph::Ref& r : n.sources) {
        const detail::EntityFact& e = r.doc->entities[r.index];
        w.entity_source(key, s(r.doc->doc), s(e.name), s(e.type), s.opt(e.subtype), e.geo,
                        s.list(r.doc->aliases.data() + e.aliases, e.alias_count));
    }
}

void write_merged_event(RowWriter& w, const MergedGraph& m, const MergedGraph::Event& n) {
    const MergedText s{m};
    w.event(detail::EventRow{n.key, s(n.type), s(n.name), s(n.value), s.opt(n.earliest), s.opt(n.latest), s(n.time_source),
                             s(n.modality), n.place ? OptText(m.key(*n.place)) : std::nullopt, n.source_count});
    for (const auto& [role, node] : n.participants) w.argument(n.key, s(role), m.key(node));
    for (const MergedGraph::Ref& r : n.sources) {
        const detail::EventFact& e = r.doc->events[r.index];
        w.event_source(detail::EventSourceRow{n.key, s(r.doc->doc), s(e.at.event), s.opt(e.at.dct), e.at.sentence, e.at.span,
                                              s.text(*r.doc, e.at.text), s(e.trigger), s(e.at.rule), s(e.value),
                                              s.opt(e.earliest), s.opt(e.latest), s(e.time_source), s(e.modality),
                                              e.confidence});
    }
}

void write_merged(RowWriter& w, const MergedGraph& m) {
    const MergedText s{m};
    for (const auto& [id, f] : m.documents()) w.document(f.info);
    for (const MergedGraph::Node& n : m.nodes) {
        if (n.event) write_merged_event(w, m, m.events[n.index]);
        else write_merged_entity(w, m, m.entities[n.index]);
    }
    for (const MergedGraph::Relation& r : m.relations) {
        const std::string_view src = m.key(r.source);
        const std::string_view tgt = m.key(r.target);
        w.relation(s(r.type), src, tgt, r.weight);
        std::int64_t seq = 0;
        for (const MergedGraph::Ref& x : r.evidence) {
            const detail::Anchor& a = x.doc->relations[x.index].at;
            w.evidence(detail::EvidenceRow{s(r.type), src, tgt, seq++, s(x.doc->doc), s.opt(a.dct), a.sentence, a.span,
                                           s.text(*x.doc, a.text), s(a.rule), s.opt(a.event)});
        }
    }
}

} // namespace

void Store::save(const KnowledgeGraph& kg, const SaveProgress& progress) {
    replace_content(*db_, kg.merge_window_days, progress, [&kg](RowWriter& w) { write_graph(w, kg); });
}

void Store::save(const MergedGraph& m, const SaveProgress& progress) {
    replace_content(*db_, m.window_days(), progress, [&m](RowWriter& w) { write_merged(w, m); });
}

} // namespace annals
