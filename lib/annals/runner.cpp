#include "annals/runner.hpp"

#include "annals/core/parallel.hpp"

#include <future>

namespace annals {
namespace {

std::vector<Extraction> extract_batch(std::vector<Document>& batch, const Pipeline& pipeline, unsigned threads) {
    std::vector<Extraction> out(batch.size());
    parallel_for(batch.size(), threads, [&](std::size_t i) { out[i] = pipeline.extract(std::move(batch[i])); });
    return out;
}

} // namespace

RunStats run_extraction(const std::vector<std::string>& inputs, const IngestOptions& ingest,
                        const Pipeline& pipeline, const RunOptions& opts, const OnExtraction& on_result,
                        const OnProblem& on_problem) {
    RunStats stats;
    const unsigned threads = opts.threads == 0 ? 1 : opts.threads;
    const std::size_t capacity = threads * (opts.batch_per_thread ? opts.batch_per_thread : 1);
    constexpr std::size_t kMaxBatchBytes = 64u << 20;
    std::vector<Document> batch;
    std::size_t batch_bytes = 0;
    // With several threads, batch k is extracted in the background while batch k+1 is read,
    // so reading files does not leave the workers idle; at most two batches are held.
    std::future<std::vector<Extraction>> pending;
    auto drain = [&] {
        if (!pending.valid()) return;
        for (const auto& x : pending.get()) on_result(x);
    };
    auto flush = [&] {
        if (threads <= 1) {
            for (const auto& x : extract_batch(batch, pipeline, threads)) on_result(x);
        } else {
            drain();
            pending = std::async(std::launch::async, [&pipeline, threads, b = std::move(batch)]() mutable {
                return extract_batch(b, pipeline, threads);
            });
        }
        batch = {};
        batch_bytes = 0;
    };
    read_inputs(
        inputs, ingest,
        [&](Document&& doc) {
            ++stats.documents;
            stats.bytes += doc.text.size();
            batch_bytes += doc.text.size();
            batch.push_back(std::move(doc));
            if (batch.size() >= capacity || batch_bytes >= kMaxBatchBytes) flush();
        },
        [&](InputProblem&& p) {
            (p.rejected ? stats.rejected : stats.warnings)++;
            on_problem(std::move(p));
        });
    if (!batch.empty()) flush();
    drain();
    return stats;
}

} // namespace annals
