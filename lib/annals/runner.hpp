#pragma once
/// Extraction over a stream of inputs on several threads, results in input order.

#include "annals/ingest/reader.hpp"
#include "annals/pipeline.hpp"

#include <functional>
#include <string>
#include <vector>

namespace annals {

struct RunOptions {
    unsigned threads = 1;
    /// Documents read ahead per thread; memory is bounded by this many documents.
    std::size_t batch_per_thread = 32;
};

/// What a run did, for the exit status and the summary line.
struct RunStats {
    std::size_t documents = 0;
    std::size_t bytes = 0;
    std::size_t rejected = 0; ///< inputs or lines dropped
    std::size_t warnings = 0;
};

using OnExtraction = std::function<void(const Extraction&)>;

/// Reads `inputs`, extracts each document with `pipeline` on `opts.threads` threads and
/// calls `on_result` for each in input order on the calling thread, whatever the thread
/// count (so the output is byte-identical for any -j). Problems go to `on_problem`. With
/// several threads, reading overlaps extraction; at most two batches are held in memory.
RunStats run_extraction(const std::vector<std::string>& inputs, const IngestOptions& ingest,
                        const Pipeline& pipeline, const RunOptions& opts, const OnExtraction& on_result,
                        const OnProblem& on_problem);

} // namespace annals
