#include "annals/export/node_link.hpp"

#include "annals/core/json_out.hpp"
#include "annals/graph/event_date.hpp"

namespace annals {
namespace {

using json::key;
using json::put;
using json::put_opt;
using json::put_span;
using json::Writer;

void put_evidence(Writer& w, const Evidence& e) {
    w.StartObject();
    key(w, "doc"); put(w, e.doc);
    key(w, "sentence"); w.Uint64(e.sentence);
    key(w, "span"); put_span(w, e.sentence_span);
    key(w, "text"); if (e.text.empty()) w.Null(); else put(w, e.text);
    key(w, "rule"); put(w, e.rule);
    key(w, "event"); put_opt(w, e.event);
    w.EndObject();
}

void put_date(Writer& w, const VertexBundle& n) {
    const EventDate d = event_date(n);
    w.StartObject();
    key(w, "relation"); put(w, date_relation_name(d.relation));
    key(w, "precision"); put(w, date_precision_name(d.precision));
    key(w, "source"); put(w, d.source);
    key(w, "value"); put(w, n.time_value);
    key(w, "earliest"); if (d.earliest.empty()) w.Null(); else put(w, d.earliest);
    key(w, "latest"); if (d.latest.empty()) w.Null(); else put(w, d.latest);
    key(w, "label"); put(w, d.label);
    w.EndObject();
}

void put_node(Writer& w, const VertexBundle& n) {
    w.StartObject();
    key(w, "id"); put(w, n.key);
    key(w, "kind"); put(w, node_kind_name(n.kind));
    key(w, "name"); put(w, n.name);
    key(w, "type"); put(w, n.type);
    key(w, "sources"); w.Uint64(n.source_count);
    if (n.kind == NodeKind::event) {
        key(w, "date"); put_date(w, n);
        key(w, "modality"); put(w, n.modality);
        key(w, "reports");
        w.StartArray();
        for (const EventSource& s : n.event_sources)
            put_evidence(w, Evidence{s.doc, s.dct, s.sentence, s.sentence_span, s.text, s.rule, s.event});
        w.EndArray();
    } else {
        key(w, "subtype"); put_opt(w, n.subtype);
        key(w, "geo");
        json::put_geo(w, n.geo);
        key(w, "aliases");
        w.StartArray();
        for (const auto& a : n.aliases) put(w, a);
        w.EndArray();
    }
    w.EndObject();
}

} // namespace

std::string to_node_link_json(const KnowledgeGraph& kg) {
    const Graph& g = kg.graph();
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    key(w, "schema"); put(w, kGraphSchema);
    key(w, "directed"); w.Bool(true);
    key(w, "multigraph"); w.Bool(true);
    key(w, "graph");
    w.StartObject();
    key(w, "documents"); w.Uint64(kg.documents.size());
    key(w, "merge_window_days"); w.Int(kg.merge_window_days);
    w.EndObject();
    key(w, "nodes");
    w.StartArray();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) put_node(w, g[v]);
    w.EndArray();
    key(w, "links");
    w.StartArray();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
            w.StartObject();
            key(w, "source"); put(w, g[v].key);
            key(w, "target"); put(w, g[boost::target(e, g)].key);
            key(w, "kind"); put(w, edge_kind_name(g[e].kind));
            key(w, "type"); put(w, g[e].type);
            key(w, "weight"); w.Uint64(g[e].weight);
            key(w, "evidence");
            w.StartArray();
            if (g[e].kind == EdgeKind::relation)
                for (const Evidence& x : g[e].evidence) put_evidence(w, x);
            w.EndArray();
            w.EndObject();
        }
    }
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

} // namespace annals
