#pragma once
/// A thin RAII layer over the system SQLite: a connection, prepared statements with bound
/// values (text never reaches SQL by splicing), and a transaction guard.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace annals::detail {

/// One connection. Throws Error(Errc::bad_store or io) with the file name on failure.
/// Not thread-safe: one thread per connection.
class Db {
public:
    /// Opens (creating when `create`) the database at `path`.
    Db(const std::string& path, bool create);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    /// Runs statements that take no parameters (schema, pragmas).
    void exec(const char* sql);
    [[nodiscard]] sqlite3* handle() const noexcept { return db_; }
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    /// Throws Error(Errc::bad_store) naming the file and SQLite's message.
    [[noreturn]] void fail(const std::string& what) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

/// A prepared statement. bind_* take 1-based positions; step() returns true while rows come.
class Stmt {
public:
    Stmt(Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const std::optional<std::string>& v);
    /// Binds text without copying it: the caller keeps it alive until the statement is run
    /// or reset. For bulk inserts; an empty optional binds NULL.
    Stmt& bind_ref(int i, std::string_view v);
    Stmt& bind_ref_opt(int i, std::optional<std::string_view> v);
    Stmt& bind(int i, std::int64_t v);
    Stmt& bind(int i, double v);
    Stmt& bind_null(int i);
    /// True when a row is ready; false when done. Throws on error.
    bool step();
    /// Runs an insert or update to completion and resets for the next use.
    void run();
    void reset();

    [[nodiscard]] std::string text(int col) const;
    [[nodiscard]] std::optional<std::string> opt_text(int col) const;
    [[nodiscard]] std::int64_t int64(int col) const;
    [[nodiscard]] double real(int col) const;
    [[nodiscard]] bool is_null(int col) const;
    /// The underlying statement, for generic column access.
    [[nodiscard]] sqlite3_stmt* raw() const noexcept { return st_; }

private:
    Db& db_;
    sqlite3_stmt* st_ = nullptr;
};

/// BEGIN IMMEDIATE (a writer) or BEGIN (a consistent read) on construction, ROLLBACK on
/// destruction unless commit() ran.
class Transaction {
public:
    explicit Transaction(Db& db, bool write = true);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

} // namespace annals::detail
