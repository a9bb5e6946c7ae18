#pragma once
/// The persistent store: the merged knowledge graph in one SQLite file (`annals.db`),
/// versioned, in WAL mode, every write in one transaction.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/merge.hpp"

#include <functional>
#include <memory>
#include <string>

namespace annals {

/// The format name and version written in the store's meta table and checked on open.
inline constexpr const char* kStoreFormat = "annals.store";
inline constexpr int kStoreVersion = 2;

namespace detail {
class Db;
}

/// Called during save() with the number of rows written so far (every 4096 rows).
using SaveProgress = std::function<void(std::size_t rows)>;

/// An open store. Opening checks the format and version and throws Error(Errc::bad_store)
/// with the file name for a file that is not an annals store or has another version.
/// One thread per Store; several processes may read while one writes (WAL).
class Store {
public:
    /// Opens `path`; creates an empty store when `create` and the file does not exist.
    Store(const std::string& path, bool create);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    /// The whole graph, exactly as save() was given it (same vertex and edge order).
    [[nodiscard]] KnowledgeGraph load() const;
    /// Replaces the store's content with `kg` in one transaction: a failure or a kill
    /// midway leaves the previous content. Throws Error(Errc::bad_store) on failure.
    void save(const KnowledgeGraph& kg, const SaveProgress& progress = {});
    /// The same for a builder's merge, without building the graph: the rows are those of
    /// save(m.to_graph()), at a fraction of the memory and time.
    void save(const MergedGraph& m, const SaveProgress& progress = {});
    /// Every table as sorted text lines (`table<TAB>col<TAB>...`), a canonical dump: two
    /// stores with the same content give the same bytes.
    [[nodiscard]] std::string dump() const;
    /// How many documents the store holds.
    [[nodiscard]] std::size_t document_count() const;
    [[nodiscard]] const std::string& path() const noexcept;

private:
    friend class StoreQuery;
    std::unique_ptr<detail::Db> db_;
};

/// What a merge into a store did.
struct StoreMergeReport {
    std::size_t added = 0, unchanged = 0, replaced = 0;
    bool written = false; ///< false when nothing changed: the store was left as it was
};

/// Merges documents into a store: loads what it holds, takes new documents, and on
/// commit() writes the merged graph in one transaction (only if anything changed).
/// Not thread-safe.
class StoreMerge {
public:
    StoreMerge(const std::string& path, MergeOptions opts);
    /// See GraphBuilder::add.
    AddOutcome add(const Extraction& x, const std::string& hash, bool has_text);
    /// Merges and writes when anything changed, without building the graph in memory.
    const StoreMergeReport& write(const SaveProgress& progress = {});
    /// As write(), and returns the merged graph.
    KnowledgeGraph commit(const SaveProgress& progress = {});
    [[nodiscard]] const StoreMergeReport& report() const noexcept { return report_; }

private:
    Store store_;
    GraphBuilder builder_;
    StoreMergeReport report_;
    bool window_changed_ = false;
};

} // namespace annals
