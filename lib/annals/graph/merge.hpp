#pragma once
/// Merging extraction records into a knowledge graph: entities by key, events by type,
/// participants, place and a time window, relations by type and endpoints, every source
/// kept. The result depends only on the set of documents added, never on their order.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/merge_facts.hpp"
#include "annals/graph/merged.hpp"
#include "annals/graph/string_pool.hpp"
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
    /// Events of type `other` (a trigger that fits no ontology type) stay in the extraction
    /// records; the graph takes them only when asked, since they are mostly noise there.
    bool untyped_events = false;
};

/// A hex SHA-1 of a record's bytes: the content hash of a document.
[[nodiscard]] std::string content_hash(std::string_view bytes);

/// What adding a document did.
enum class AddOutcome { added, unchanged, replaced };

/// Collects documents (from records or from an existing graph) and merges them. Documents
/// are kept per id: the same id with the same hash changes nothing, a different hash
/// replaces the older version. Documents are held compactly (strings interned once), so a
/// builder costs far less memory than the graph it makes. Not thread-safe.
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
    [[nodiscard]] const MergeOptions& options() const noexcept { return opts_; }

    /// The merge in compact form (what the store writes); refers into this builder, which
    /// must not change while it is used.
    [[nodiscard]] MergedGraph merge() const;
    /// The merged graph; vertices in key order, edges in a canonical order. Same as
    /// merge().to_graph().
    [[nodiscard]] KnowledgeGraph build() const;

    /// The facts of document `id`, created empty (with the id interned) when new. For
    /// readers that fill a builder from stored rows.
    detail::DocFacts& document(const std::string& id);
    /// The pool the facts' numbers refer to.
    [[nodiscard]] StringPool& pool() noexcept { return pool_; }

private:
    MergeOptions opts_;
    StringPool pool_;
    std::map<std::string, detail::DocFacts> docs_;
};

/// Relation types that read the same both ways; their endpoints are stored in key order.
[[nodiscard]] bool is_symmetric_relation(std::string_view type) noexcept;

/// Relation types whose target is a place, so the target does not become an actor.
[[nodiscard]] bool is_spatial_relation(std::string_view type) noexcept;

} // namespace annals
