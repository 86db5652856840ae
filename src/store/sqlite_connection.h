// SPDX-License-Identifier: Apache-2.0
#pragma once

// The SQLite driver's Connection. Internal to store/: use OpenSqliteDatabase.

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"
#include "store/driver_support.h"
#include "store/writer_queue.h"

namespace carecoord::store::internal {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;

struct SqliteFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using SqliteStmtPtr = std::unique_ptr<sqlite3_stmt, SqliteFinalizer>;

// How long a writer waits for the write lock, in this process and across processes.
inline constexpr std::chrono::milliseconds kSqliteBusyTimeout{5000};

// One sqlite3 handle with its prepared-statement cache. `writer_slot` is shared by every
// connection of one database file in this process and must outlive the connection; it admits
// one writer at a time, first come first served (see OpenSqliteDatabase).
class SqliteConnection final : public Connection {
 public:
  // Opens `path` (a path, never a URI) and applies the connection settings.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path,
                                                        WriterQueue& writer_slot);
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<std::vector<Row>> Query(std::string_view sql, std::span<const Value> params) override;
  Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override;
  Status ExecuteScript(std::string_view sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

  // Pool hook: rolls back an open transaction and releases the writer slot. False when the
  // connection could not be brought back to autocommit mode and must be closed.
  bool ResetForReuse();

 private:
  // A cached statement and, for each placeholder $k, the SQLite parameter index at [k-1].
  struct Prepared {
    SqliteStmtPtr stmt;
    std::vector<int> slots;
    // The result's column names, shared by the rows it returns: named at the first row and
    // again only after SQLite re-prepared the statement for a schema change (the names of a
    // `SELECT *` may then differ).
    std::shared_ptr<const ColumnNames> columns;
    int named_at_reprepare = -1;  // SQLITE_STMTSTATUS_REPREPARE when `columns` was named
  };

  SqliteConnection(SqlitePtr db, WriterQueue& writer_slot);
  Status Configure();
  Result<Prepared*> Prepare(std::string_view sql);
  Status Bind(const Prepared& prepared, std::span<const Value> params);
  // Names prepared.columns unless already named since the statement was last re-prepared. Call
  // only after a step returned a row.
  static void NameColumns(Prepared& prepared);
  // Runs one statement to completion, appending its rows to `rows` when not null. Returns the
  // number of rows it changed.
  Result<std::int64_t> Run(std::string_view sql, std::span<const Value> params,
                           std::vector<Row>* rows);
  bool InTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }
  Status TakeWriterSlot();
  void ReleaseWriterSlotIfIdle();
  Error ErrorFor(int rc) const;

  SqlitePtr db_;  // declared first: statements are finalized before the handle closes
  WriterQueue& writer_slot_;
  bool holds_writer_slot_ = false;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> cache_;
};

}  // namespace carecoord::store::internal
