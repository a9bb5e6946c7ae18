// Store benchmark: builds stores from synthetic extraction records (10k and 100k events;
// 1M with --full) and reports build time, peak memory, store size, load time and query
// latency (median, p95) for neighbors, path and events.
//   annals_bench_store [--full] [--dir DIR] [--queries N]
#include "annals/graph/merge.hpp"
#include "annals/graph/query.hpp"
#include "annals/graph/synthetic.hpp"
#include "annals/record/json_writer.hpp"
#include "annals/store/store.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Latency {
    double median_ms = 0, p95_ms = 0;
};

template <class F>
Latency measure(std::size_t n, F&& f) {
    std::vector<double> ms;
    for (std::size_t i = 0; i < n; ++i) {
        const auto t = Clock::now();
        f(i);
        ms.push_back(seconds_since(t) * 1000);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

void run_size(std::size_t events, const std::string& dir, std::size_t queries) {
    using namespace annals;
    SyntheticOptions o;
    o.events_per_doc = 10;
    o.actors = std::max<std::size_t>(100, events / 20);
    o.places = std::max<std::size_t>(20, events / 500);
    const std::size_t docs = events / o.events_per_doc;
    const std::string path = dir + "/bench-" + std::to_string(events) + ".db";
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);

    const auto t0 = Clock::now();
    double t_add = 0, t_merge = 0, t_save = 0;
    std::size_t nodes = 0, edges = 0;
    {
        GraphBuilder b(MergeOptions{1});
        for (std::size_t i = 0; i < docs; ++i) {
            const Extraction x = synthetic_document(i, o);
            b.add(x, content_hash(to_json(x)), true);
        }
        t_add = seconds_since(t0);
        const auto t1 = Clock::now();
        const KnowledgeGraph kg = b.build();
        t_merge = seconds_since(t1);
        nodes = kg.node_count();
        edges = kg.edge_count();
        const auto t2 = Clock::now();
        Store(path, true).save(kg);
        t_save = seconds_since(t2);
    }
    const double t_build = seconds_since(t0);

    const auto t3 = Clock::now();
    const KnowledgeGraph loaded = Store(path, false).load();
    const double t_load = seconds_since(t3);

    auto actor = [&](std::size_t i) {
        return *loaded.find("organization:actor-" + std::to_string((i * 7919 + 13) % o.actors));
    };
    const Latency nb = measure(queries, [&](std::size_t i) { (void)neighbors_table(loaded, actor(i), std::nullopt, {}); });
    const Latency pa = measure(queries, [&](std::size_t i) { (void)path_table(loaded, actor(i), actor(i + 1000003)); });
    const Latency ev = measure(queries, [&](std::size_t i) {
        EventFilter f;
        f.actor = actor(i);
        f.window = DateWindow{std::string("2010-01-01"), std::string("2019-12-31")};
        (void)events_table(loaded, f);
    });
    std::printf("events %zu (docs %zu, actors %zu): nodes %zu, edges %zu\n", events, docs, o.actors, nodes, edges);
    std::printf("  build %.2f s (records+add %.2f, merge %.2f, save %.2f); store %.1f MB; load %.2f s\n", t_build, t_add,
                t_merge, t_save, static_cast<double>(std::filesystem::file_size(path)) / 1e6, t_load);
    std::printf("  neighbors median %.3f ms p95 %.3f ms; path median %.3f ms p95 %.3f ms; events median %.3f ms p95 %.3f ms\n",
                nb.median_ms, nb.p95_ms, pa.median_ms, pa.p95_ms, ev.median_ms, ev.p95_ms);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    bool full = false;
    std::string dir = ".";
    std::size_t queries = 200;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--full") full = true;
        else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (a == "--queries" && i + 1 < argc) queries = std::stoul(argv[++i]);
        else {
            std::fprintf(stderr, "usage: annals_bench_store [--full] [--dir DIR] [--queries N]\n");
            return 2;
        }
    }
    std::vector<std::size_t> sizes{10000, 100000};
    if (full) sizes.push_back(1000000);
    for (const std::size_t n : sizes) {
        // Each size in its own process, so its peak memory is its own.
        std::fflush(stdout);
        const pid_t pid = fork();
        if (pid == 0) {
            run_size(n, dir, queries);
            _exit(0);
        }
        int status = 0;
        rusage ru{};
        wait4(pid, &status, 0, &ru);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
        std::printf("  peak memory %.0f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    }
    return 0;
}
