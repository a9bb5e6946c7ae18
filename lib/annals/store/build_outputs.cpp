#include "annals/store/build_outputs.hpp"

#include "annals/core/atomic_file.hpp"
#include "annals/export/dot.hpp"
#include "annals/export/formats.hpp"
#include "annals/export/node_link.hpp"
#include "annals/export/render.hpp"
#include "annals/export/select.hpp"
#include "annals/store/sqlite.hpp"
#include "annals/timeline/timeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <unordered_map>

namespace annals {
namespace {

using detail::Db;
using detail::Stmt;

/// Distinct neighbours of every actor, as select_graph counts them: the events it takes part
/// in or is the place of, and the entities it has a relation with either way.
std::vector<std::pair<std::size_t, std::string>> actor_degrees(Db& db) {
    std::unordered_map<std::string, std::size_t> index; // every entity
    std::vector<std::string> keys;
    std::vector<char> actor;
    {
        Stmt st(db, "SELECT key, kind FROM big.entities");
        while (st.step()) {
            index.emplace(st.text(0), keys.size());
            keys.push_back(st.text(0));
            actor.push_back(st.text(1) == "actor" ? 1 : 0);
        }
    }
    std::vector<std::size_t> degree(keys.size(), 0);
    const char* event_counts[] = {
        "SELECT entity, COUNT(DISTINCT event) FROM big.event_arguments GROUP BY entity",
        "SELECT place, COUNT(*) FROM big.events e WHERE place IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM big.event_arguments a WHERE a.event = e.key AND a.entity = e.place) GROUP BY place"};
    for (const char* sql : event_counts) {
        Stmt st(db, sql);
        while (st.step())
            if (const auto it = index.find(st.text(0)); it != index.end()) degree[it->second] += static_cast<std::size_t>(st.int64(1));
    }
    // Relation partners, either way and of any type, counted once (in memory: SQL's UNION
    // spills a large temporary tree).
    std::vector<std::vector<std::size_t>> partners(keys.size());
    {
        Stmt st(db, "SELECT source, target FROM big.relations");
        while (st.step()) {
            const auto a = index.find(st.text(0)), b = index.find(st.text(1));
            if (a == index.end() || b == index.end()) continue;
            partners[a->second].push_back(b->second);
            partners[b->second].push_back(a->second);
        }
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!actor[i]) continue;
        auto& p = partners[i];
        std::sort(p.begin(), p.end());
        ranked.emplace_back(degree[i] + static_cast<std::size_t>(std::unique(p.begin(), p.end()) - p.begin()), keys[i]);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    return ranked;
}

/// Copies the chosen actors' part of the attached store `big` into the open scratch store.
void copy_top_part(Db& db, const std::vector<std::pair<std::size_t, std::string>>& ranked, std::size_t top) {
    db.exec("CREATE TEMP TABLE top_actor(key TEXT PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TEMP TABLE top_event(key TEXT PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TEMP TABLE top_entity(key TEXT PRIMARY KEY) WITHOUT ROWID;");
    {
        Stmt ins(db, "INSERT INTO top_actor VALUES (?1)");
        for (std::size_t i = 0; i < ranked.size() && i < top; ++i) ins.bind(1, std::string_view(ranked[i].second)).run();
    }
    db.exec(R"sql(
INSERT OR REPLACE INTO meta SELECT * FROM big.meta;
INSERT INTO documents SELECT * FROM big.documents;
INSERT OR IGNORE INTO top_event SELECT event FROM big.event_arguments WHERE entity IN (SELECT key FROM top_actor);
INSERT OR IGNORE INTO top_event SELECT key FROM big.events WHERE place IN (SELECT key FROM top_actor);
INSERT INTO events SELECT * FROM big.events WHERE key IN (SELECT key FROM top_event);
INSERT INTO event_arguments SELECT * FROM big.event_arguments WHERE event IN (SELECT key FROM top_event);
INSERT INTO event_sources SELECT * FROM big.event_sources WHERE event IN (SELECT key FROM top_event);
INSERT OR IGNORE INTO top_entity SELECT key FROM top_actor;
INSERT OR IGNORE INTO top_entity SELECT x.key FROM big.entities x WHERE x.kind = 'place' AND
  (x.key IN (SELECT place FROM events) OR x.key IN (SELECT entity FROM event_arguments) OR
   x.key IN (SELECT target FROM big.relations WHERE source IN (SELECT key FROM top_actor)) OR
   x.key IN (SELECT source FROM big.relations WHERE target IN (SELECT key FROM top_actor)));
INSERT INTO entities SELECT * FROM big.entities WHERE key IN (SELECT key FROM top_entity);
INSERT INTO entity_sources SELECT * FROM big.entity_sources WHERE key IN (SELECT key FROM top_entity);
INSERT INTO relations SELECT * FROM big.relations
  WHERE source IN (SELECT key FROM top_entity) AND target IN (SELECT key FROM top_entity);
INSERT INTO evidence SELECT v.* FROM relations r JOIN big.evidence v
  ON v.type = r.type AND v.source = r.source AND v.target = r.target;
)sql");
}

/// A scratch file removed (with its journal files) when it goes out of scope.
class ScratchStore {
public:
    ScratchStore() {
        static std::atomic<unsigned> counter{0};
        path_ = (std::filesystem::temp_directory_path() /
                 ("annals-top-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                    .string();
        remove();
    }
    ~ScratchStore() { remove(); }
    ScratchStore(const ScratchStore&) = delete;
    ScratchStore& operator=(const ScratchStore&) = delete;
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    void remove() const {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path_ + suffix, ec);
    }
    std::string path_;
};

} // namespace

RecordMergeReport merge_record_files(const std::vector<std::string>& files, const std::string& store_path,
                                     const MergeOptions& opts, const std::function<void(RecordProblem&&)>& on_problem) {
    StoreMerge merge(store_path, opts);
    RecordMergeReport report;
    for (const auto& f : files) {
        read_records(
            f, [&](Extraction&& x, std::string_view line) { merge.add(x, content_hash(line), false); },
            [&](RecordProblem&& p) {
                ++report.rejected;
                on_problem(std::move(p));
            });
    }
    (void)merge.commit();
    static_cast<StoreMergeReport&>(report) = merge.report();
    return report;
}

std::vector<WrittenFile> write_default_exports(const KnowledgeGraph& kg, const std::filesystem::path& dir) {
    std::vector<WrittenFile> out;
    auto write = [&](const char* name, const std::string& what, const auto& fill) {
        AtomicFile f(dir / name);
        fill(f.stream());
        f.commit();
        out.push_back({(dir / name).string(), what});
    };
    const Timeline timeline = build_timeline(kg, {});
    write("graph.dot", "graph, Graphviz DOT", [&](std::ostream& s) { write_dot(kg, s); });
    write("graph.json", "graph, node-link JSON", [&](std::ostream& s) { s << to_node_link_json(kg); });
    write("graph.graphml", "graph, GraphML", [&](std::ostream& s) { write_graphml(kg, s); });
    write("timeline.json", "timeline, JSON", [&](std::ostream& s) { s << timeline_json(timeline); });
    write("timelinejs.json", "timeline, TimelineJS3 JSON", [&](std::ostream& s) { s << timeline_timelinejs(timeline); });
    // The picture last: should Graphviz fail, every data file is already written.
    const Rendered svg = render_graph(kg, ImageFormat::svg);
    write("graph.svg", "graph picture, SVG" + (svg.note.empty() ? std::string() : ": " + svg.note),
          [&](std::ostream& s) { s << svg.bytes; });
    return out;
}

KnowledgeGraph load_graph(const std::string& store_path) { return Store(store_path, false).load(); }

KnowledgeGraph load_top_actors(const std::string& store_path, std::size_t top) {
    (void)Store(store_path, false); // checks that it is a store of this version
    const ScratchStore scratch;
    (void)Store(scratch.path(), true);
    {
        Db db(scratch.path(), false);
        Stmt attach(db, "ATTACH DATABASE ?1 AS big");
        attach.bind(1, std::string_view(store_path)).run();
        db.exec("BEGIN");
        copy_top_part(db, actor_degrees(db), top);
        db.exec("COMMIT");
    }
    // The copy holds the top actors and everything the selection keeps with them; selecting
    // again drops what select_graph drops (actors left without edges) and nothing else.
    GraphSelection s;
    s.top = top;
    return select_graph(Store(scratch.path(), false).load(), s);
}

} // namespace annals
