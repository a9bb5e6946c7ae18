#include "annals/store/sqlite.hpp"

#include "annals/core/error.hpp"

#include <sqlite3.h>

namespace annals::detail {

Db::Db(const std::string& path, bool create) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(Errc::bad_store, path, "cannot open: " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
}

Db::~Db() { sqlite3_close(db_); }

void Db::fail(const std::string& what) const { throw Error(Errc::bad_store, path_, what + ": " + sqlite3_errmsg(db_)); }

void Db::exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("SQL failed");
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &st_, nullptr) != SQLITE_OK) db.fail("cannot prepare a statement");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

// An empty view may have no data; SQLite would read that as NULL.
Stmt& Stmt::bind(int i, std::string_view v) {
    if (sqlite3_bind_text64(st_, i, v.data() ? v.data() : "", v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) db_.fail("bind");
    return *this;
}

Stmt& Stmt::bind(int i, const std::optional<std::string>& v) { return v ? bind(i, std::string_view(*v)) : bind_null(i); }

Stmt& Stmt::bind_ref(int i, std::string_view v) {
    if (sqlite3_bind_text64(st_, i, v.data() ? v.data() : "", v.size(), SQLITE_STATIC, SQLITE_UTF8) != SQLITE_OK) db_.fail("bind");
    return *this;
}

Stmt& Stmt::bind_ref_opt(int i, std::optional<std::string_view> v) { return v ? bind_ref(i, *v) : bind_null(i); }

Stmt& Stmt::bind(int i, std::int64_t v) {
    if (sqlite3_bind_int64(st_, i, v) != SQLITE_OK) db_.fail("bind");
    return *this;
}

Stmt& Stmt::bind(int i, double v) {
    if (sqlite3_bind_double(st_, i, v) != SQLITE_OK) db_.fail("bind");
    return *this;
}

Stmt& Stmt::bind_null(int i) {
    if (sqlite3_bind_null(st_, i) != SQLITE_OK) db_.fail("bind");
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("query failed");
}

void Stmt::run() {
    while (step()) {
    }
    reset();
}

void Stmt::reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
}

std::string Stmt::text(int col) const {
    const auto* p = sqlite3_column_text(st_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
}

std::optional<std::string> Stmt::opt_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
}

std::int64_t Stmt::int64(int col) const { return sqlite3_column_int64(st_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(st_, col); }
bool Stmt::is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

Transaction::Transaction(Db& db, bool write) : db_(db) { db_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); }

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace annals::detail
