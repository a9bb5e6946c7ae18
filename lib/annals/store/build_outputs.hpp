#pragma once
/// The jobs behind `annals merge` and `annals build`: record files into a store, and the
/// default exports of a merged graph into a folder.

#include "annals/graph/knowledge_graph.hpp"
#include "annals/graph/merge.hpp"
#include "annals/record/json_reader.hpp"
#include "annals/store/store.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace annals {

/// Merges JSON Lines record files into the store at `store_path` (created when missing) in
/// one transaction. Malformed lines go to `on_problem` and are skipped; the report counts
/// `rejected` lines. Throws Error for an unreadable file or a bad store (nothing written).
struct RecordMergeReport : StoreMergeReport {
    std::size_t rejected = 0;
};
[[nodiscard]] RecordMergeReport merge_record_files(const std::vector<std::string>& files, const std::string& store_path,
                                                   const MergeOptions& opts,
                                                   const std::function<void(RecordProblem&&)>& on_problem);

/// A file an operation wrote, and what it holds.
struct WrittenFile {
    std::string path;
    std::string what;
};

/// Writes the default exports into `dir`, each whole or not at all: graph.dot, graph.svg
/// (cut to its most connected nodes when large, as the returned description says),
/// graph.json (node-link), graph.graphml, timeline.json and timelinejs.json (TimelineJS3).
/// Throws Error(Errc::io) when a file cannot be written, Error(Errc::render) when Graphviz
/// fails.
[[nodiscard]] std::vector<WrittenFile> write_default_exports(const KnowledgeGraph& kg, const std::filesystem::path& dir);

/// Opens a store for reading and loads its graph.
[[nodiscard]] KnowledgeGraph load_graph(const std::string& store_path);

/// The graph `select_graph(load_graph(store_path), s)` gives for a selection of the `top`
/// most central actors alone, read without loading the whole store: the actors are ranked
/// by SQL over the store's tables, and only their events, places, relations and evidence are
/// copied into a scratch store (in the system's temp folder, removed after) and loaded.
/// Throws as load_graph does, and Error(Errc::io) when the scratch store cannot be written.
[[nodiscard]] KnowledgeGraph load_top_actors(const std::string& store_path, std::size_t top);

} // namespace annals
