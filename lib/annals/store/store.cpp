#include "annals/store/store.hpp"

#include "annals/core/error.hpp"
#include "annals/store/schema.hpp"
#include "annals/store/sqlite.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

namespace annals {
namespace {

using detail::Db;
using detail::Stmt;

bool has_table(Db& db, const char* name) {
    Stmt st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    st.bind(1, std::string_view(name));
    return st.step();
}

std::size_t table_count(Db& db) {
    Stmt st(db, "SELECT count(*) FROM sqlite_master");
    st.step();
    return static_cast<std::size_t>(st.int64(0));
}

std::optional<std::string> meta(Db& db, const char* name) {
    Stmt st(db, "SELECT value FROM meta WHERE name = ?1");
    st.bind(1, std::string_view(name));
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void create_schema(Db& db) {
    detail::Transaction tx(db);
    db.exec(detail::kSchemaSql);
    db.exec(detail::kIndexSql);
    Stmt put(db, "INSERT INTO meta(name, value) VALUES (?1, ?2)");
    put.bind(1, std::string_view("format")).bind(2, std::string_view(kStoreFormat)).run();
    put.bind(1, std::string_view("version")).bind(2, std::string_view(std::to_string(kStoreVersion))).run();
    put.bind(1, std::string_view("merge_window_days")).bind(2, std::string_view("1")).run();
    tx.commit();
}

void check_format(Db& db) {
    if (!has_table(db, "meta")) throw Error(Errc::bad_store, db.path(), "not an annals store (no meta table)");
    const auto format = meta(db, "format");
    if (format != std::string(kStoreFormat))
        throw Error(Errc::bad_store, db.path(), "not an annals store (format '" + format.value_or("") + "')");
    const auto version = meta(db, "version");
    if (version != std::to_string(kStoreVersion))
        throw Error(Errc::bad_store, db.path(),
                    "store version " + version.value_or("?") + ", this annals reads version " +
                        std::to_string(kStoreVersion) + ": rebuild it with this version of annals");
}

/// One dump cell: NULL as \N, text with tab, newline and backslash escaped, reals exact.
void dump_cell(sqlite3_stmt* st, int col, std::string& out) {
    switch (sqlite3_column_type(st, col)) {
    case SQLITE_NULL: out += "\\N"; return;
    case SQLITE_INTEGER: out += std::to_string(sqlite3_column_int64(st, col)); return;
    case SQLITE_FLOAT: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(st, col));
        out += buf;
        return;
    }
    default: break;
    }
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
    const int n = sqlite3_column_bytes(st, col);
    for (int i = 0; i < n; ++i) {
        const char c = p[i];
        if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
}

} // namespace

Store::Store(const std::string& path, bool create) {
    if (!create && !std::filesystem::exists(path)) throw Error(Errc::bad_store, path, "no such store");
    db_ = std::make_unique<Db>(path, create);
    try {
        db_->exec("PRAGMA journal_mode = WAL");
        db_->exec("PRAGMA synchronous = NORMAL");
        db_->exec("PRAGMA cache_size = -65536");
        db_->exec("PRAGMA temp_store = MEMORY");
        if (create && table_count(*db_) == 0) create_schema(*db_);
        check_format(*db_);
    } catch (const Error& e) {
        if (e.code() == Errc::bad_store && std::string(e.what()).find("not a database") != std::string::npos)
            throw Error(Errc::bad_store, path, "not an annals store (not an SQLite database)");
        throw;
    }
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const noexcept { return db_->path(); }

std::size_t Store::document_count() const {
    Stmt st(*db_, "SELECT count(*) FROM documents");
    st.step();
    return static_cast<std::size_t>(st.int64(0));
}

std::string Store::dump() const {
    std::string out;
    for (const auto& t : detail::kTables) {
        const std::string sql = std::string("SELECT * FROM ") + t.name + " ORDER BY " + t.order_by;
        Stmt st(*db_, sql.c_str());
        sqlite3_stmt* raw = st.raw();
        while (st.step()) {
            out += t.name;
            for (int c = 0; c < sqlite3_column_count(raw); ++c) {
                out += '\t';
                dump_cell(raw, c, out);
            }
            out += '\n';
        }
    }
    return out;
}

StoreMerge::StoreMerge(const std::string& path, MergeOptions opts) : store_(path, true), builder_(opts) {
    KnowledgeGraph old = store_.load();
    window_changed_ = old.merge_window_days != opts.window_days && store_.document_count() > 0;
    builder_.add_graph(old);
}

AddOutcome StoreMerge::add(const Extraction& x, const std::string& hash, bool has_text) {
    const AddOutcome o = builder_.add(x, hash, has_text);
    if (o == AddOutcome::added) ++report_.added;
    else if (o == AddOutcome::replaced) ++report_.replaced;
    else ++report_.unchanged;
    return o;
}

namespace {

bool changed(const StoreMergeReport& r, bool window_changed) { return r.added + r.replaced > 0 || window_changed; }

} // namespace

const StoreMergeReport& StoreMerge::write(const SaveProgress& progress) {
    if (changed(report_, window_changed_)) {
        store_.save(builder_.merge(), progress);
        report_.written = true;
    }
    return report_;
}

KnowledgeGraph StoreMerge::commit(const SaveProgress& progress) {
    const MergedGraph merged = builder_.merge();
    if (changed(report_, window_changed_)) {
        store_.save(merged, progress);
        report_.written = true;
    }
    return merged.to_graph();
}

} // namespace annals
