#include "annals/runner.hpp"

#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/record/json_writer.hpp"

namespace annals {
namespace {

struct Extracted {
    Extraction record;
    std::string json;
};

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

// One document through every stage, and into its own copy of its JSON line when asked (it
// is handed on later, from another thread).
Extracted extract_one(Document&& doc, const Pipeline& pipeline, bool json_lines) {
    const std::string id = doc.id;
    return for_document(id, [&] {
        Extracted x{pipeline.extract(std::move(doc)), {}};
        if (json_lines) x.json = to_json(x.record);
        return x;
    });
}

} // namespace

RunStats run_extraction(const std::vector<std::string>& inputs, const IngestOptions& ingest,
                        const Pipeline& pipeline, const RunOptions& opts, const OnExtraction& on_result,
                        const OnProblem& on_problem) {
    RunStats stats;
    const unsigned threads = opts.threads == 0 ? 1 : opts.threads;
    const bool json_lines = opts.json_lines;
    auto on_doc_problem = [&](InputProblem&& p) {
        (p.rejected ? stats.rejected : stats.warnings)++;
        on_problem(std::move(p));
    };
    auto count = [&](const Document& doc) {
        ++stats.documents;
        stats.bytes += doc.text.size();
    };
    if (threads <= 1) {
        read_inputs(
            inputs, ingest,
            [&](Document&& doc) {
                count(doc);
                const std::string id = doc.id;
                const Extraction x = for_document(id, [&] { return pipeline.extract(std::move(doc)); });
                // Handed on at once: the line can stay in the serialiser's buffer, uncopied.
                const std::string_view line =
                    json_lines ? for_document(id, [&] { return to_json_view(x); }) : std::string_view();
                on_result(x, line);
            },
            on_doc_problem);
        return stats;
    }
    constexpr std::size_t kMaxBytesInFlight = 64u << 20;
    const std::size_t window = threads * (opts.batch_per_thread ? opts.batch_per_thread : 1);
    OrderedPool<Document, Extracted> pool(threads, window, kMaxBytesInFlight, [&](Document&& doc) {
        return extract_one(std::move(doc), pipeline, json_lines);
    });
    auto sink = [&](Extracted&& x) { on_result(x.record, x.json); };
    read_inputs(
        inputs, ingest,
        [&](Document&& doc) {
            count(doc);
            const std::size_t bytes = doc.text.size();
            pool.submit(std::move(doc), bytes, sink);
        },
        on_doc_problem);
    pool.finish(sink);
    return stats;
}

} // namespace annals
