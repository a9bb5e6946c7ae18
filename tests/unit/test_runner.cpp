// The runner: records come back in input order and byte-identical whatever the thread count,
// and the ordered pool under it keeps order, bounds what is in flight and passes errors on.
#include "annals/core/error.hpp"
#include "annals/core/parallel.hpp"
#include "annals/record/json_writer.hpp"
#include "annals/runner.hpp"
#include "test_scratch.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace annals;
namespace fs = std::filesystem;

namespace {

// Writes documents of different lengths, so that workers finish them out of order.
fs::path write_documents(std::size_t count) {
    const auto dir = test::scratch_dir() / "annals_test_runner";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::vector<std::string> sentences = {
        "The council of Northfield approved a new budget on Tuesday after a long debate.",
        "Maria Lopez, the mayor, said the vote would let the city hire forty teachers next year.",
        "Two days later, protesters gathered outside the town hall in the rain.",
        "Police arrested three men in Eastport on March 3, 2019, and charged them with fraud.",
        "The company announced that it had bought a rival firm for $2 billion.",
    };
    for (std::size_t i = 0; i < count; ++i) {
        std::ofstream out(dir / ("doc" + std::to_string(100 + i) + ".txt"));
        out << "Published 2020-05-" << (10 + i % 18) << "\n\n";
        for (std::size_t k = 0; k <= (i * 7) % 11; ++k) out << sentences[(i + k) % sentences.size()] << ' ';
        out << '\n';
    }
    return dir;
}

std::vector<std::string> run_lines(const fs::path& dir, const Pipeline& pipeline, unsigned threads) {
    RunOptions run;
    run.threads = threads;
    run.batch_docs = 3;          // small batches in a small window, so that it fills and
    run.batches_per_thread = 2;  // drains many times
    std::vector<std::string> lines;
    const auto stats = run_extraction(
        {dir.string()}, IngestOptions{}, pipeline, run,
        [&](const Extraction& x, std::string_view line) {
            CHECK(!line.empty());
            CHECK(line.find(x.doc.id) != std::string::npos);
            lines.emplace_back(line);
        },
        [](InputProblem&& p) { FAIL(p.where.str() << ": " << p.message); });
    CHECK(stats.documents == lines.size());
    return lines;
}

} // namespace

TEST_CASE("runner: -j 1 and -j 3 give identical records in input order", "[runner]") {
    const auto dir = write_documents(40);
    const Pipeline pipeline;
    const auto one = run_lines(dir, pipeline, 1);
    const auto three = run_lines(dir, pipeline, 3);
    REQUIRE(one.size() == 40);
    CHECK(one == three);
    // Input order is the sorted order of the folder.
    for (std::size_t i = 1; i < one.size(); ++i)
        CHECK(one[i - 1].find("doc" + std::to_string(100 + i - 1)) != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("runner: a batch, stage by stage, gives the records of one document at a time", "[runner]") {
    const Pipeline pipeline;
    std::vector<Document> docs = {
        {"a", "Police arrested three men in Eastport on March 3, 2019.", std::string("2019-03-05"), {}, {}},
        {"b", "The meeting was held on Monday in Rome. Ministers met the Italian envoy there.", {}, {}, {}},
        {"c", "Protesters gathered outside the town hall. They said they would return next week.",
         std::string("2020-05-10"), {}, {}},
    };
    std::vector<std::string> alone;
    for (const auto& d : docs) alone.push_back(to_json(pipeline.extract(d)));
    const auto batch = pipeline.extract_batch(docs);
    REQUIRE(batch.records.size() == docs.size());
    REQUIRE(batch.errors.size() == docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        CHECK(!batch.errors[i]);
        CHECK(batch.records[i].doc.id == docs[i].id);
        CHECK(to_json(batch.records[i]) == alone[i]);
    }
    CHECK(pipeline.extract_batch({}).records.empty());
}

TEST_CASE("runner: the ordered pool keeps submission order and bounds the window", "[runner]") {
    std::atomic<int> in_flight{0}, most{0};
    OrderedPool<int, int> pool(3, 4, 1000, [&](int&& v) {
        const int now = ++in_flight;
        for (int m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {
        }
        // Later items finish first now and then.
        std::this_thread::sleep_for(std::chrono::microseconds((v % 3) * 200));
        --in_flight;
        return v * 2;
    });
    std::vector<int> out;
    auto sink = [&](int&& v) { out.push_back(v); };
    for (int i = 0; i < 50; ++i) pool.submit(i, 1, sink);
    pool.finish(sink);
    REQUIRE(out.size() == 50);
    for (int i = 0; i < 50; ++i) CHECK(out[static_cast<std::size_t>(i)] == 2 * i);
    CHECK(most.load() <= 3);
}

TEST_CASE("runner: the ordered pool hands results on half a window at a time", "[runner]") {
    // One worker finishes items in order: when the window of 8 is full, the submitting thread
    // sleeps until the first 4 are done, rather than waking for each one.
    std::atomic<int> finished{0};
    OrderedPool<int, int> pool(1, 8, 1000, [&](int&& v) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        ++finished;
        return v;
    });
    std::vector<int> finished_at_hand_on;
    auto sink = [&](int&&) { finished_at_hand_on.push_back(finished.load()); };
    for (int i = 0; i < 9; ++i) pool.submit(i, 1, sink);
    REQUIRE_FALSE(finished_at_hand_on.empty());
    CHECK(finished_at_hand_on.front() >= 4);
    pool.finish(sink);
    CHECK(finished_at_hand_on.size() == 9);
}

TEST_CASE("runner: an error in a worker reaches the caller after the results before it", "[runner]") {
    OrderedPool<int, int> pool(2, 8, 1000, [](int&& v) {
        if (v == 5) throw Error(Errc::internal, "item5", "broken");
        return v;
    });
    std::vector<int> out;
    auto sink = [&](int&& v) { out.push_back(v); };
    bool thrown = false;
    try {
        for (int i = 0; i < 30; ++i) pool.submit(i, 1, sink);
        pool.finish(sink);
    } catch (const Error& e) {
        thrown = true;
        CHECK(e.where() == "item5");
    }
    CHECK(thrown);
    CHECK(out == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("runner: the ordered pool holds one heavy item at a time past its weight limit", "[runner]") {
    std::atomic<int> in_flight{0}, most{0};
    OrderedPool<int, int> pool(2, 8, 10, [&](int&& v) {
        const int now = ++in_flight;
        for (int m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --in_flight;
        return v;
    });
    std::vector<int> out;
    auto sink = [&](int&& v) { out.push_back(v); };
    for (int i = 0; i < 10; ++i) pool.submit(i, 20, sink);
    pool.finish(sink);
    CHECK(out.size() == 10);
    CHECK(most.load() == 1);
}
