// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"

namespace carecoord::store {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter or a column value. Booleans are stored as integers 0/1 and instants as
// int64 milliseconds since the Unix epoch (UTC) so that one schema works on both drivers.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// The column names of one result, in SELECT order: the driver's name of each column (the
// column's own name for `t.col`, the alias for `expr AS alias`). An unaliased expression is
// named differently by the two drivers (`count(*)` on SQLite, `count` on PostgreSQL), so a
// computed column that is read by name needs an alias.
using ColumnNames = std::vector<std::string>;

// One result row. Repositories read columns by name (`r.Text("party_name")`), so a column added
// to a select list moves nothing; the positional accessors remain for one-value results
// (`SELECT count(*)`) and for rows built by hand. The accessors convert between value kinds because
// the drivers type some expressions differently (SUM over BIGINT is NUMERIC, so a double, on
// PostgreSQL and an integer on SQLite): Int truncates a double and parses decimal text, Real widens
// an integer and parses text, Text formats numbers; unparseable text reads as 0. A position past
// the end, or a name the result does not have or has twice, is a programming error
// (std::out_of_range naming it). Names compare exactly: PostgreSQL folds unquoted aliases to lower
// case, so aliases are written in lower case.
class Row {
 public:
  // `columns` is shared by every row of one result (shared_ptr: the rows are handed out one by
  // one and may outlive each other); null for a row built by hand, which has positions only.
  explicit Row(std::vector<Value> values, std::shared_ptr<const ColumnNames> columns = nullptr)
      : values_(std::move(values)), columns_(std::move(columns)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t i) const;
  std::int64_t Int(std::size_t i) const;  // 0 when NULL
  double Real(std::size_t i) const;       // 0 when NULL
  std::string Text(std::size_t i) const;  // "" when NULL
  std::optional<std::string> OptText(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  const Value& at(std::size_t i) const { return values_.at(i); }

  // By name: the same conversions as by position; Time reads int64 milliseconds since the
  // epoch, Bool an integer other than 0.
  std::size_t IndexOf(std::string_view column) const;
  bool IsNull(std::string_view column) const { return IsNull(IndexOf(column)); }
  std::int64_t Int(std::string_view column) const { return Int(IndexOf(column)); }
  double Real(std::string_view column) const { return Real(IndexOf(column)); }
  std::string Text(std::string_view column) const { return Text(IndexOf(column)); }
  std::optional<std::string> OptText(std::string_view column) const {
    return OptText(IndexOf(column));
  }
  std::optional<std::int64_t> OptInt(std::string_view column) const {
    return OptInt(IndexOf(column));
  }
  const Value& at(std::string_view column) const { return at(IndexOf(column)); }
  bool Bool(std::string_view column) const { return Int(column) != 0; }
  Instant Time(std::string_view column) const { return FromMillis(Int(column)); }
  std::optional<Instant> OptTime(std::string_view column) const;

 private:
  std::vector<Value> values_;
  std::shared_ptr<const ColumnNames> columns_;
};

// One database session. Not thread-safe: a connection is used by one thread at a time (the
// pool hands it out exclusively). SQL uses $1, $2, ... placeholders on both drivers; statements
// are prepared once per connection and cached by their text.
//
// Errors: unique/foreign-key/check violations -> kConflict; lock/busy timeouts, lost server
// connections and serialization failures -> kUnavailable; anything else -> kInternal. The
// message never includes parameter values.
class Connection {
 public:
  virtual ~Connection() = default;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Dialect dialect() const = 0;

  // Runs one statement and returns all rows it produced (possibly none).
  virtual Result<std::vector<Row>> Query(std::string_view sql,
                                         std::span<const Value> params = {}) = 0;
  // Runs one statement and returns the number of rows it inserted, updated or deleted (0 for
  // any other kind of statement).
  virtual Result<std::int64_t> Execute(std::string_view sql,
                                       std::span<const Value> params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;

  // Transactions. Begin on SQLite takes the write lock at once (BEGIN IMMEDIATE) so a
  // read-then-write transaction never fails half way with SQLITE_BUSY; PostgreSQL uses READ
  // COMMITTED and callers lock the rows they depend on (SELECT ... FOR UPDATE).
  // Begin fails (kInternal) when a transaction is already open; Commit fails when none is open,
  // and on PostgreSQL also when a statement inside it had failed (it is then rolled back);
  // Rollback without an open transaction does nothing.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Convenience: the first row, or kNotFound.
  Result<Row> QueryOne(std::string_view sql, std::span<const Value> params = {});
};

// A connection on loan from a Database; returns to the pool when destroyed or assigned over. A
// connection left inside a transaction is rolled back before reuse. Must not outlive the
// Database it came from. A default-constructed or moved-from PooledConnection holds nothing.
class PooledConnection {
 public:
  PooledConnection() = default;
  PooledConnection(std::unique_ptr<Connection> conn,
                   std::function<void(std::unique_ptr<Connection>)> give_back);
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) noexcept;
  ~PooledConnection();
  Connection* operator->() const { return conn_.get(); }
  Connection& operator*() const { return *conn_; }
  explicit operator bool() const { return conn_ != nullptr; }

 private:
  void GiveBack();

  std::unique_ptr<Connection> conn_;
  std::function<void(std::unique_ptr<Connection>)> give_back_;
};

// A database: a pool of connections to one SQLite file or PostgreSQL server. Thread-safe.
// Every PooledConnection must be returned before the Database is destroyed.
class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual Dialect dialect() const = 0;
  // Waits (bounded) for a free connection; kUnavailable when none frees up in time.
  virtual Result<PooledConnection> Acquire() = 0;
};

struct DatabaseOptions {
  // Most connections open at once; 0 means 2 x hardware threads, at least 4.
  int pool_size = 0;
  // How long Acquire waits for a connection to be returned before failing with kUnavailable.
  std::chrono::milliseconds acquire_timeout{5000};
};

// Opens "sqlite:PATH" (file and parent directory created if missing) or "postgresql://..." /
// "postgres://..." (a libpq URI), opening one connection at once to check it works.
// kInvalidArgument for any other scheme or a malformed URL; kUnavailable when the file cannot
// be opened or the server cannot be reached.
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url,
                                               const DatabaseOptions& options);
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, int pool_size = 0);

// Runs `body` inside one transaction on `conn`: commits when it returns a value, rolls back
// when it returns an error or the commit fails. The error of body (or of commit) is returned.
template <typename F>
auto InTransaction(Connection& conn, F&& body) -> decltype(body()) {
  if (auto st = conn.Begin(); !st) return std::unexpected(st.error());
  auto result = body();
  if (!result) {
    (void)conn.Rollback();
    return result;
  }
  if (auto st = conn.Commit(); !st) {
    (void)conn.Rollback();  // a failed COMMIT may leave the transaction open (SQLite)
    return std::unexpected(st.error());
  }
  return result;
}

}  // namespace carecoord::store
