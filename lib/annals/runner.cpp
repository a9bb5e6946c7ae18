#include "annals/runner.hpp"

#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/record/json_writer.hpp"

#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace annals {
namespace {

// A batch ends at this much text, whatever RunOptions::batch_docs says: a few long documents
// make a batch of their own rather than hold many megabytes in flight.
constexpr std::size_t kBatchBytes = 256u << 10;

// Runs `work` for the document `id`; anything it throws leaves as annals::Error naming the
// document.
template <class F>
auto for_document(const std::string& id, F&& work) {
    try {
        return work();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(Errc::internal, id, e.what());
    } catch (...) {
        throw Error(Errc::internal, id, "unknown exception");
    }
}

// Documents read and waiting to be extracted together.
struct Pending {
    std::vector<Document> docs;
    std::size_t bytes = 0;
};

// A batch's records, and their JSON lines when they were written on a worker.
struct Extracted {
    Pipeline::Batch batch;
    std::vector<std::string> json;
};

Extracted extract_all(Pending&& p, const Pipeline& pipeline, bool json_lines) {
    Extracted x{pipeline.extract_batch(std::move(p.docs)), {}};
    if (!json_lines) return x;
    x.json.resize(x.batch.records.size());
    for (std::size_t i = 0; i < x.json.size(); ++i) {
        if (x.batch.errors[i]) continue;
        try {
            x.json[i] = to_json(x.batch.records[i]);
        } catch (...) {
            x.batch.errors[i] = std::current_exception();
        }
    }
    return x;
}

// Hands the records on in order. The first failed document stops the run, after the records
// before it. `serialise` writes each JSON line here, into the serialiser's own buffer (one
// thread: no copy), when the worker did not.
void hand_on(const Extracted& x, bool json_lines, bool serialise, const OnExtraction& on_result) {
    for (std::size_t i = 0; i < x.batch.records.size(); ++i) {
        const Extraction& record = x.batch.records[i];
        const std::string& id = record.doc.id;
        if (x.batch.errors[i]) for_document(id, [&]() -> int { std::rethrow_exception(x.batch.errors[i]); });
        std::string_view line;
        if (json_lines) line = serialise ? for_document(id, [&] { return to_json_view(record); }) : x.json[i];
        on_result(record, line);
    }
}

} // namespace

RunStats run_extraction(const std::vector<std::string>& inputs, const IngestOptions& ingest,
                        const Pipeline& pipeline, const RunOptions& opts, const OnExtraction& on_result,
                        const OnProblem& on_problem) {
    RunStats stats;
    const unsigned threads = opts.threads == 0 ? 1 : opts.threads;
    const bool json_lines = opts.json_lines;
    const std::size_t batch_docs = opts.batch_docs ? opts.batch_docs : 1;
    auto on_doc_problem = [&](InputProblem&& p) {
        (p.rejected ? stats.rejected : stats.warnings)++;
        on_problem(std::move(p));
    };
    // Reads every input, handing on a batch whenever one is full, and the rest at the end.
    auto read_batches = [&](auto&& hand) {
        Pending pending;
        read_inputs(
            inputs, ingest,
            [&](Document&& doc) {
                ++stats.documents;
                stats.bytes += doc.text.size();
                pending.bytes += doc.text.size();
                pending.docs.push_back(std::move(doc));
                if (pending.docs.size() >= batch_docs || pending.bytes >= kBatchBytes) hand(std::exchange(pending, {}));
            },
            on_doc_problem);
        if (!pending.docs.empty()) hand(std::move(pending));
    };
    if (threads <= 1) {
        read_batches([&](Pending&& p) { hand_on(extract_all(std::move(p), pipeline, false), json_lines, true, on_result); });
        return stats;
    }
    constexpr std::size_t kMaxBytesInFlight = 64u << 20;
    const std::size_t window = threads * (opts.batches_per_thread ? opts.batches_per_thread : 1);
    OrderedPool<Pending, Extracted> pool(threads, window, kMaxBytesInFlight, [&](Pending&& p) {
        return extract_all(std::move(p), pipeline, json_lines);
    });
    auto sink = [&](Extracted&& x) { hand_on(x, json_lines, false, on_result); };
    read_batches([&](Pending&& p) {
        const std::size_t bytes = p.bytes;
        pool.submit(std::move(p), bytes, sink);
    });
    pool.finish(sink);
    return stats;
}

} // namespace annals
