#include "annals/graph/knowledge_graph.hpp"

#include "annals/core/error.hpp"

#include <algorithm>
#include <tuple>

namespace annals {

const char* node_kind_name(NodeKind k) noexcept {
    switch (k) {
    case NodeKind::actor: return "actor";
    case NodeKind::place: return "place";
    case NodeKind::event: return "event";
    }
    return "actor";
}

const char* edge_kind_name(EdgeKind k) noexcept {
    switch (k) {
    case EdgeKind::participates_in: return "participates_in";
    case EdgeKind::located_in: return "located_in";
    case EdgeKind::relation: return "relation";
    }
    return "relation";
}

Vertex KnowledgeGraph::add_node(VertexBundle node) {
    if (ids_.count(node.key) != 0) throw Error(Errc::internal, "", "duplicate node key '" + node.key + "'");
    std::string key = node.key;
    const Vertex v = boost::add_vertex(std::move(node), g_);
    ids_.emplace(std::move(key), v);
    return v;
}

Edge KnowledgeGraph::add_edge(Vertex from, Vertex to, EdgeBundle edge) {
    return boost::add_edge(from, to, std::move(edge), g_).first;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view key) const {
    const auto it = ids_.find(std::string(key));
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

std::vector<Evidence> edge_evidence(const KnowledgeGraph& kg, Edge e) {
    const EdgeBundle& eb = kg[e];
    if (eb.kind == EdgeKind::relation) return eb.evidence;
    const Graph& g = kg.graph();
    const Vertex ev = eb.kind == EdgeKind::participates_in ? boost::target(e, g) : boost::source(e, g);
    std::vector<Evidence> out;
    for (const EventSource& s : g[ev].event_sources)
        out.push_back(Evidence{s.doc, s.dct, s.sentence, s.sentence_span, s.text, s.rule, s.event});
    std::sort(out.begin(), out.end(), [](const Evidence& a, const Evidence& b) {
        return std::tie(a.doc, a.sentence, a.sentence_span) < std::tie(b.doc, b.sentence, b.sentence_span);
    });
    return out;
}

} // namespace annals
