// Store benchmark: builds stores from synthetic extraction records (10k and 100k events;
// 1M with --full) the way `annals merge` does (records hashed, merged compactly, written
// straight to the store), and reports build time (wall and CPU), peak memory, store size
// and query latency (median, p95) for neighbors, path and events:
//   - in process on the store, as `annals query` answers (name lookup included);
//   - in process on the whole graph loaded in memory (--graph);
//   - as fresh `annals query` processes (--cli PATH, the annals binary).
// Each phase runs in its own process, so its peak memory is its own.
//   annals_bench_store [--full] [--sizes N,N] [--dir DIR] [--queries N] [--graph]
//                      [--cli PATH] [--cli-runs N] [--reuse]
#include "annals/graph/merge.hpp"
#include "annals/graph/query.hpp"
#include "annals/graph/synthetic.hpp"
#include "annals/record/json_writer.hpp"
#include "annals/store/store.hpp"
#include "annals/store/store_query.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using annals::SyntheticOptions;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double cpu_seconds(bool system = true) {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const double user = static_cast<double>(ru.ru_utime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec) / 1e6;
    const double sys = static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) / 1e6;
    return system ? user + sys : user;
}

struct Config {
    std::string dir = ".";
    std::size_t queries = 200;
    bool graph = false;
    std::string cli;
    std::size_t cli_runs = 20;
    bool reuse = false; ///< query stores left by an earlier run instead of building them
};

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000 + static_cast<double>(ts.tv_nsec) / 1e6;
}

/// Median and 95th percentile of wall time, and of CPU time (which a busy machine inflates less).
struct Latency {
    double median_ms = 0, p95_ms = 0, cpu_median_ms = 0, cpu_p95_ms = 0;
};

std::pair<double, double> median_p95(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    if (ms.empty()) return {0, 0};
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

Latency summarize(std::vector<double> wall, std::vector<double> cpu) {
    const auto [m, p] = median_p95(std::move(wall));
    const auto [cm, cp] = median_p95(std::move(cpu));
    return {m, p, cm, cp};
}

template <class F>
Latency measure(std::size_t n, F&& f) {
    std::vector<double> wall, cpu;
    for (std::size_t i = 0; i < n; ++i) {
        const auto t = Clock::now();
        const double c = thread_cpu_ms();
        f(i);
        cpu.push_back(thread_cpu_ms() - c);
        wall.push_back(seconds_since(t) * 1000);
    }
    return summarize(std::move(wall), std::move(cpu));
}

SyntheticOptions options_for(std::size_t events) {
    SyntheticOptions o;
    o.events_per_doc = 10;
    o.actors = std::max<std::size_t>(100, events / 20);
    o.places = std::max<std::size_t>(20, events / 500);
    return o;
}

std::string store_path(const Config& c, std::size_t events) { return c.dir + "/bench-" + std::to_string(events) + ".db"; }

/// The actors queries ask about: spread over the pool, the same every run.
std::size_t actor_of(std::size_t i, const SyntheticOptions& o) { return (i * 7919 + 13) % o.actors; }
std::string actor_name(std::size_t i, const SyntheticOptions& o) { return "Actor " + std::to_string(actor_of(i, o)); }
std::string actor_key(std::size_t i, const SyntheticOptions& o) {
    return "organization:actor-" + std::to_string(actor_of(i, o));
}
constexpr std::size_t kOther = 1000003; ///< offset of a path's far end

void report(const char* what, const Latency& l) {
    std::printf("\n    %-9s wall %8.2f / %8.2f ms   cpu %8.2f / %8.2f ms", what, l.median_ms, l.p95_ms, l.cpu_median_ms, l.cpu_p95_ms);
}

void build(std::size_t events, const Config& c) {
    using namespace annals;
    const SyntheticOptions o = options_for(events);
    const std::size_t docs = events / o.events_per_doc;
    const std::string path = store_path(c, events);
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    const auto t0 = Clock::now();
    double t_records = 0, t_add = 0;
    GraphBuilder b(MergeOptions{1});
    for (std::size_t i = 0; i < docs; ++i) {
        const auto r = Clock::now();
        const Extraction x = synthetic_document(i, o);
        const std::string hash = content_hash(to_json(x));
        const auto a = Clock::now();
        b.add(x, hash, true);
        t_records += std::chrono::duration<double>(a - r).count();
        t_add += seconds_since(a);
    }
    const double c1 = cpu_seconds();
    const auto t1 = Clock::now();
    const MergedGraph m = b.merge();
    const double t_merge = seconds_since(t1);
    const double c2 = cpu_seconds(), u2 = cpu_seconds(false);
    const auto t2 = Clock::now();
    Store(path, true).save(m);
    const double t_save = seconds_since(t2);
    const double c3 = cpu_seconds(), u3 = cpu_seconds(false);
    std::printf("events %zu (docs %zu, actors %zu, places %zu): nodes %zu, relations %zu\n", events, docs, o.actors, o.places,
                m.nodes.size(), m.relations.size());
    std::printf("  build %.2f s wall, %.2f s CPU; wall: records %.2f, add %.2f, merge %.2f, save %.2f; "
                "CPU: records+add %.2f, merge %.2f, save %.2f (user %.2f); store %.1f MB\n",
                seconds_since(t0), c3, t_records, t_add, t_merge, t_save, c1, c2 - c1, c3 - c2, u3 - u2,
                static_cast<double>(std::filesystem::file_size(path)) / 1e6);
}

void store_queries(std::size_t events, const Config& c) {
    using namespace annals;
    const SyntheticOptions o = options_for(events);
    const auto t0 = Clock::now();
    StoreQuery q(store_path(c, events));
    const double t_open = seconds_since(t0);
    const DateWindow window{std::string("2010-01-01"), std::string("2019-12-31")};
    const Latency nb = measure(c.queries, [&](std::size_t i) { (void)q.neighbors(actor_name(i, o), std::nullopt, {}); });
    const Latency pa = measure(c.queries, [&](std::size_t i) { (void)q.path(actor_name(i, o), actor_name(i + kOther, o)); });
    const Latency ev = measure(c.queries, [&](std::size_t i) {
        (void)q.events(EventQuery{actor_name(i, o), std::nullopt, std::nullopt, std::nullopt, window});
    });
    std::printf("  store queries in process (open %.1f ms), median / p95:", t_open * 1000);
    report("neighbors", nb);
    report("path", pa);
    report("events", ev);
    std::printf("\n");
}

void graph_queries(std::size_t events, const Config& c) {
    using namespace annals;
    const SyntheticOptions o = options_for(events);
    const auto t0 = Clock::now();
    const KnowledgeGraph kg = Store(store_path(c, events), false).load();
    const double t_load = seconds_since(t0);
    auto actor = [&](std::size_t i) { return *kg.find(actor_key(i, o)); };
    const Latency nb = measure(c.queries, [&](std::size_t i) { (void)neighbors_table(kg, actor(i), std::nullopt, {}); });
    const Latency pa = measure(c.queries, [&](std::size_t i) { (void)path_table(kg, actor(i), actor(i + kOther)); });
    const Latency ev = measure(c.queries, [&](std::size_t i) {
        EventFilter f;
        f.actor = actor(i);
        f.window = DateWindow{std::string("2010-01-01"), std::string("2019-12-31")};
        (void)events_table(kg, f);
    });
    std::printf("  loaded graph (load %.2f s), median / p95:", t_load);
    report("neighbors", nb);
    report("path", pa);
    report("events", ev);
    std::printf("\n");
}

/// Wall and CPU time (user + system) of one `annals query ...` process, output discarded.
std::pair<double, double> run_cli(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    const auto t = Clock::now();
    pid_t pid = 0;
    int status = 1;
    rusage ru{};
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) wait4(pid, &status, 0, &ru);
    const double ms = seconds_since(t) * 1000;
    posix_spawn_file_actions_destroy(&fa);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::fprintf(stderr, "annals query failed: %s\n", args[4].c_str());
    const double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
                       static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
    return {ms, cpu};
}

void cli_queries(std::size_t events, const Config& c) {
    const SyntheticOptions o = options_for(events);
    const std::string db = store_path(c, events);
    auto runs = [&](const std::function<std::vector<std::string>(std::size_t)>& args) {
        std::vector<double> wall, cpu;
        for (std::size_t i = 0; i < c.cli_runs; ++i) {
            const auto [w, u] = run_cli(args(i));
            wall.push_back(w);
            cpu.push_back(u);
        }
        return summarize(std::move(wall), std::move(cpu));
    };
    const std::vector<std::string> base{c.cli, "query", "--db", db};
    auto with = [&base](std::vector<std::string> rest) {
        std::vector<std::string> a = base;
        a.insert(a.end(), rest.begin(), rest.end());
        return a;
    };
    const Latency nb = runs([&](std::size_t i) { return with({"neighbors", actor_name(i, o)}); });
    const Latency pa = runs([&](std::size_t i) { return with({"path", actor_name(i, o), actor_name(i + kOther, o)}); });
    const Latency ev = runs([&](std::size_t i) {
        return with({"events", "--actor", actor_name(i, o), "--from", "2010", "--to", "2019"});
    });
    std::printf("  fresh 'annals query' processes (%zu each), median / p95:", c.cli_runs);
    report("neighbors", nb);
    report("path", pa);
    report("events", ev);
    std::printf("\n");
}

/// Runs `f` in a child process and prints its peak memory.
bool in_child(const char* phase, const std::function<void()>& f) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        f();
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return false;
    std::printf("  peak memory (%s) %.0f MB\n", phase, static_cast<double>(ru.ru_maxrss) / 1024.0);
    return true;
}

std::vector<std::size_t> parse_sizes(const std::string& s) {
    std::vector<std::size_t> out;
    std::size_t start = 0;
    while (start < s.size()) {
        const auto comma = s.find(',', start);
        out.push_back(std::stoul(s.substr(start, comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    Config c;
    std::vector<std::size_t> sizes{10000, 100000};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool more = i + 1 < argc;
        if (a == "--full") sizes.push_back(1000000);
        else if (a == "--sizes" && more) sizes = parse_sizes(argv[++i]);
        else if (a == "--dir" && more) c.dir = argv[++i];
        else if (a == "--queries" && more) c.queries = std::stoul(argv[++i]);
        else if (a == "--graph") c.graph = true;
        else if (a == "--cli" && more) c.cli = argv[++i];
        else if (a == "--cli-runs" && more) c.cli_runs = std::stoul(argv[++i]);
        else if (a == "--reuse") c.reuse = true;
        else {
            std::fprintf(stderr, "usage: annals_bench_store [--full] [--sizes N,N] [--dir DIR] [--queries N] [--graph] "
                                 "[--cli PATH] [--cli-runs N] [--reuse]\n");
            return 2;
        }
    }
    for (const std::size_t n : sizes) {
        if (!c.reuse && !in_child("build", [&] { build(n, c); })) return 1;
        if (!in_child("store queries", [&] { store_queries(n, c); })) return 1;
        if (c.graph && !in_child("loaded graph", [&] { graph_queries(n, c); })) return 1;
        if (!c.cli.empty()) cli_queries(n, c);
    }
    return 0;
}
