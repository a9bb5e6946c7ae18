#pragma once
/// Extraction over a stream of inputs on several threads, results in input order.

#include "annals/ingest/reader.hpp"
#include "annals/pipeline.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

struct RunOptions {
    unsigned threads = 1;
    /// Documents extracted together, each stage over all of them before the next stage
    /// (Pipeline::extract_batch), and handed to a worker as one piece of work. A batch also
    /// ends at 256 KB of text.
    std::size_t batch_docs = 32;
    /// Batches in flight per thread (read, being extracted, or waiting for their turn to be
    /// handed on); memory is bounded by this many batches and by 64 MB of their text.
    std::size_t batches_per_thread = 2;
    /// Whether each record is also written as its JSON line (to_json) on the worker threads.
    bool json_lines = true;
};

/// What a run did, for the exit status and the summary line.
struct RunStats {
    std::size_t documents = 0;
    std::size_t bytes = 0;
    std::size_t rejected = 0; ///< inputs or lines dropped
    std::size_t warnings = 0;
};

/// Receives a record and its JSON line (to_json, no newline; empty unless
/// RunOptions::json_lines). The line is valid only during the call.
using OnExtraction = std::function<void(const Extraction&, std::string_view json_line)>;

/// Reads `inputs`, extracts each document with `pipeline` on `opts.threads` threads and
/// calls `on_result` for each in input order on the calling thread, whatever the thread
/// count (so the output is byte-identical for any -j). Problems go to `on_problem`. With
/// several threads, the calling thread only reads inputs and hands results on, while
/// `opts.threads` long-lived workers extract and serialise. An exception from a stage
/// reaches the caller as annals::Error (Errc::internal when it was of another type), after
/// the records of the documents before it.
RunStats run_extraction(const std::vector<std::string>& inputs, const IngestOptions& ingest,
                        const Pipeline& pipeline, const RunOptions& opts, const OnExtraction& on_result,
                        const OnProblem& on_problem);

} // namespace annals
