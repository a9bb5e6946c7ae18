#pragma once
/// The knowledge graph: actors, places and events as a Boost.Graph adjacency list with
/// plain bundled structs, ids kept in an external hash map.

#include "annals/core/span.hpp"
#include "annals/entities/entity.hpp"
#include "annals/time/timex.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals {

enum class NodeKind { actor, place, event };
enum class EdgeKind { participates_in, located_in, relation };

/// "actor", "place", "event".
[[nodiscard]] const char* node_kind_name(NodeKind k) noexcept;
/// "participates_in", "located_in", "relation".
[[nodiscard]] const char* edge_kind_name(EdgeKind k) noexcept;

/// One document known to the graph.
struct DocInfo {
    std::string id;
    std::string hash; ///< content hash of the record: re-adding the same record changes nothing
    std::optional<std::string> dct, title, url;
};

/// What one document says about an entity; the node's fields are voted from these.
struct EntitySource {
    std::string doc;
    std::string name, type;
    std::optional<std::string> subtype;
    std::optional<GeoPoint> geo;
    std::vector<std::string> aliases; ///< mention texts, sorted and unique
};

/// One report of an event: the event of one document, with the sentence it came from.
struct EventSource {
    std::string doc, event; ///< document id and the event id within it ("V3")
    std::optional<std::string> dct;
    std::size_t sentence = 0;
    Span sentence_span;
    std::string text;    ///< the sentence, when the text was at hand; else empty
    std::string trigger; ///< trigger text
    std::string rule;
    std::string value;   ///< time value as the document gave it
    std::optional<DayInterval> interval;
    std::string time_source = "none"; ///< explicit | inherited | tense | none
    std::string modality = "asserted";
    double confidence = 0;
};

/// One sentence supporting a relation edge.
struct Evidence {
    std::string doc;
    std::optional<std::string> dct;
    std::size_t sentence = 0;
    Span sentence_span;
    std::string text; ///< the sentence, when the text was at hand; else empty
    std::string rule;
    std::optional<std::string> event; ///< event id within the document, when the relation came from one
};

/// A node. Entity nodes use name/type/subtype/geo/aliases/entity_sources; event nodes use
/// type (the ontology type), name (the trigger), the time fields and event_sources.
struct VertexBundle {
    NodeKind kind = NodeKind::actor;
    std::string key;
    std::string name;
    std::string type;
    std::optional<std::string> subtype;
    std::optional<GeoPoint> geo;
    std::vector<std::string> aliases;
    std::vector<EntitySource> entity_sources;
    // Events only.
    std::string time_value;
    std::optional<DayInterval> interval;
    std::string time_source = "none";
    std::string modality;
    std::vector<EventSource> event_sources;
    /// Distinct documents reporting the node.
    std::size_t source_count = 0;
};

/// An edge: actor -participates_in(role)-> event, event -located_in-> place, or an
/// entity-to-entity relation of a PRODUCT.md type. Structural edges (participates_in,
/// located_in) take their evidence from the event's sources, so `evidence` stays empty.
struct EdgeBundle {
    EdgeKind kind = EdgeKind::relation;
    std::string type; ///< the role, "located_in", or the relation type
    std::size_t weight = 0; ///< supporting sentences
    std::vector<Evidence> evidence;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexBundle, EdgeBundle>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

/// The graph with its id index and the documents it was built from. Vertices are added in
/// key order by the merge, so vertex numbers are canonical. Not thread-safe for writes;
/// concurrent const use is safe.
class KnowledgeGraph {
public:
    /// Adds a node; throws Error(Errc::internal) for a key already present.
    Vertex add_node(VertexBundle node);
    /// Adds an edge between existing nodes.
    Edge add_edge(Vertex from, Vertex to, EdgeBundle edge);
    /// The node with this key, if any.
    [[nodiscard]] std::optional<Vertex> find(std::string_view key) const;

    [[nodiscard]] const Graph& graph() const noexcept { return g_; }
    [[nodiscard]] Graph& graph() noexcept { return g_; }
    [[nodiscard]] const VertexBundle& operator[](Vertex v) const { return g_[v]; }
    [[nodiscard]] const EdgeBundle& operator[](Edge e) const { return g_[e]; }
    [[nodiscard]] std::size_t node_count() const noexcept { return boost::num_vertices(g_); }
    [[nodiscard]] std::size_t edge_count() const noexcept { return boost::num_edges(g_); }

    /// Documents by id (sorted).
    std::map<std::string, DocInfo> documents;
    /// The time window (days) events were merged with.
    int merge_window_days = 0;

private:
    Graph g_;
    std::unordered_map<std::string, Vertex> ids_;
};

/// The evidence of an edge: its own list for relations, the event's sources turned into
/// evidence for structural edges. Sorted by document, sentence.
[[nodiscard]] std::vector<Evidence> edge_evidence(const KnowledgeGraph& kg, Edge e);

} // namespace annals
