#pragma once
/// Merging extraction records into a knowledge graph: entities by key, events by type,
/// participants, place and a time window, relations by type and endpoints, every source
/// kept. The result depends only on the set of documents added, never on their order.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/record/extraction.hpp"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals {

struct MergeOptions {
    /// Two reports of the same type, participants and place are one event when their time
    /// intervals overlap once widened by this many days.
    int window_days = 1;
};

/// A hex SHA-1 of a record's bytes: the content hash of a document.
[[nodiscard]] std::string content_hash(std::string_view bytes);

/// What adding a document did.
enum class AddOutcome { added, unchanged, replaced };

/// Collects documents (from records or from an existing graph) and builds the merged graph.
/// Documents are kept per id: the same id with the same hash changes nothing, a different
/// hash replaces the older version. Not thread-safe.
class GraphBuilder {
public:
    explicit GraphBuilder(MergeOptions opts = {}) : opts_(opts) {}

    /// Adds one document's record. `hash` is its content hash; `has_text` says whether
    /// `x.doc.text` is the real text (from extraction) so sentences can be quoted, or a
    /// stand-in rebuilt from a record (then evidence keeps spans only).
    AddOutcome add(const Extraction& x, const std::string& hash, bool has_text);
    /// Takes every document of an existing graph (as loaded from a store).
    void add_graph(const KnowledgeGraph& kg);
    /// True when the document id is known with this hash.
    [[nodiscard]] bool has(const std::string& doc_id, const std::string& hash) const;
    [[nodiscard]] std::size_t document_count() const noexcept { return docs_.size(); }

    /// The merged graph; vertices in key order, edges in a canonical order.
    [[nodiscard]] KnowledgeGraph build() const;

    /// One report of an event with its merge signature, resolved to entity keys.
    struct EventMention {
        std::string type;
        std::vector<std::pair<std::string, std::string>> participants; ///< (role, key), sorted, unique
        std::optional<std::string> place;                               ///< entity key
        std::string name;                                               ///< trigger text
        EventSource source;
    };
    /// One sentence stating a relation between two entity keys.
    struct RelationMention {
        std::string type, source, target;
        Evidence evidence;
    };
    /// Everything one document contributes.
    struct DocFacts {
        DocInfo info;
        std::vector<std::pair<std::string, EntitySource>> entities; ///< (key, source)
        std::vector<EventMention> events;
        std::vector<RelationMention> relations;
    };

private:
    MergeOptions opts_;
    std::map<std::string, DocFacts> docs_;
};

/// Relation types that read the same both ways; their endpoints are stored in key order.
[[nodiscard]] bool is_symmetric_relation(std::string_view type) noexcept;

} // namespace annals
