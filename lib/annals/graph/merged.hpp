#pragma once
/// The merge of a builder's documents in compact form: nodes in key order, each with the
/// facts it was voted from, and the edges between them. build() turns it into a
/// KnowledgeGraph; the store writes it row by row without building the graph.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/merge_facts.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals {

/// Refers into the builder's pool and documents: the builder must outlive it unchanged.
/// Const use is thread-safe.
class MergedGraph {
public:
    using Id = detail::Id;

    /// One fact of one document: entities[index], events[index] or relations[index].
    struct Ref {
        const detail::DocFacts* doc = nullptr;
        std::uint32_t index = 0;
    };
    struct Entity {
        Id key = detail::kNone, name = detail::kNone, type = detail::kNone, subtype = detail::kNone;
        NodeKind kind = NodeKind::actor;
        std::optional<GeoPoint> geo;
        std::vector<Id> aliases; ///< byte order
        std::vector<Ref> sources; ///< by document
        std::size_t source_count = 0;
    };
    struct Event {
        std::string key;
        Id type = detail::kNone, name = detail::kNone, value = detail::kNone, earliest = detail::kNone,
           latest = detail::kNone, time_source = detail::kNone, modality = detail::kNone;
        std::vector<Ref> sources; ///< by (document, event id)
        std::size_t source_count = 0;
        std::vector<std::pair<Id, std::uint32_t>> participants; ///< (role, node), by (role, key)
        std::optional<std::uint32_t> place;                      ///< node
    };
    struct Relation {
        Id type = detail::kNone;
        std::uint32_t source = 0, target = 0; ///< nodes
        std::vector<Ref> evidence;            ///< by (document, sentence, span, rule, event)
        std::size_t weight = 0;               ///< distinct sentences
    };
    /// A node: entities[index] or events[index].
    struct Node {
        bool event = false;
        std::uint32_t index = 0;
    };

    MergedGraph(const StringPool& pool, const std::map<std::string, detail::DocFacts>& docs, int window_days)
        : pool_(pool), docs_(docs), window_days_(window_days) {}

    std::vector<Node> nodes;          ///< in key order: node numbers are vertex numbers
    std::vector<Entity> entities;
    std::vector<Event> events;
    std::vector<Relation> relations;  ///< by (type, source key, target key)

    [[nodiscard]] const StringPool& pool() const noexcept { return pool_; }
    [[nodiscard]] std::string_view str(Id id) const { return pool_.str(id); }
    [[nodiscard]] const std::map<std::string, detail::DocFacts>& documents() const noexcept { return docs_; }
    [[nodiscard]] int window_days() const noexcept { return window_days_; }
    /// The key of node `n`.
    [[nodiscard]] std::string_view key(std::uint32_t n) const;

    /// The sources and evidence as the graph holds them.
    [[nodiscard]] EntitySource entity_source(const Ref& r) const;
    [[nodiscard]] EventSource event_source(const Ref& r) const;
    [[nodiscard]] Evidence evidence(const Ref& r) const;
    /// The node as a graph vertex.
    [[nodiscard]] VertexBundle vertex(const Node& n) const;

    /// The whole graph: vertices in node order, then edges per event (in key order:
    /// participants by role and key, then the place), then relations in order.
    [[nodiscard]] KnowledgeGraph to_graph() const;

private:
    const StringPool& pool_;
    const std::map<std::string, detail::DocFacts>& docs_;
    int window_days_ = 0;
};

} // namespace annals
