#pragma once
// Helpers shared by the graph, store and timeline tests: the hand-written records.

#include "annals/graph/merge.hpp"
#include "annals/record/json_reader.hpp"
#include "test_scratch.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace graph_test {

inline std::string record_file(const char* name) { return std::string(ANNALS_TEST_DATA_DIR) + "/records/" + name; }

/// Adds every record of the named files to `b`, as `annals merge` does.
inline void add_files(annals::GraphBuilder& b, const std::vector<const char*>& files) {
    for (const char* f : files)
        annals::read_records(
            record_file(f),
            [&](annals::Extraction&& x, std::string_view line) { b.add(x, annals::content_hash(line), false); },
            [](annals::RecordProblem&&) {});
}

inline annals::KnowledgeGraph graph_of(const std::vector<const char*>& files, int window = 1) {
    annals::GraphBuilder b(annals::MergeOptions{window});
    add_files(b, files);
    return b.build();
}

/// A fresh path in this process's own scratch folder under the system temp folder, so test
/// runs never write into the source tree; any old file (and its WAL) removed.
inline std::string fresh_path(const std::string& name) {
    const std::string path = (annals::test::scratch_dir() / name).string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    return path;
}

} // namespace graph_test
