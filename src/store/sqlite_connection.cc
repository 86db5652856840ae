// SPDX-License-Identifier: Apache-2.0
#include "store/sqlite_connection.h"

#include <climits>
#include <string_view>
#include <utility>

namespace carecoord::store::internal {
namespace {

// Resets a statement and drops its bindings on every exit path, so a cached statement holds no
// pointer into the caller's parameters and no read snapshot once the call returns.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementUse() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

struct SqliteFree {
  void operator()(char* p) const { sqlite3_free(p); }
};

Value ColumnValue(sqlite3_stmt* stmt, int col) {
  switch (sqlite3_column_type(stmt, col)) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(stmt, col));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt, col);
    case SQLITE_BLOB: {
      const void* data = sqlite3_column_blob(stmt, col);
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, col));
      return data ? std::string(static_cast<const char*>(data), size) : std::string();
    }
    default: {  // SQLITE_TEXT; text before bytes, as the SQLite documentation asks
      const unsigned char* text = sqlite3_column_text(stmt, col);
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, col));
      return text ? std::string(reinterpret_cast<const char*>(text), size) : std::string();
    }
  }
}

bool OnlySpace(std::string_view text) {
  return text.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

}  // namespace

SqliteConnection::SqliteConnection(SqlitePtr db, WriterQueue& writer_slot)
    : db_(std::move(db)), writer_slot_(writer_slot) {}

SqliteConnection::~SqliteConnection() {
  // Closing rolls back an open transaction; the slot must not stay taken for good.
  cache_.clear();
  db_.reset();
  if (holds_writer_slot_) writer_slot_.Release();
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 WriterQueue& writer_slot) {
  sqlite3* raw = nullptr;
  // NOMUTEX: the pool gives a connection to one thread at a time. EXRESCODE: extended codes
  // tell SQLITE_CONSTRAINT_UNIQUE from SQLITE_CONSTRAINT_FOREIGNKEY in messages.
  const int rc = sqlite3_open_v2(
      path.c_str(), &raw,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
      nullptr);
  SqlitePtr db(raw);  // the handle must be closed even when opening failed
  if (rc != SQLITE_OK) {
    return Fail(ErrorCode::kUnavailable, std::string("sqlite: cannot open database: ") +
                                             (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(std::move(db), writer_slot));
  if (auto st = conn->Configure(); !st) return std::unexpected(std::move(st.error()));
  return conn;
}

Status SqliteConnection::Configure() {
  sqlite3* db = db_.get();
  sqlite3_busy_timeout(db, static_cast<int>(kSqliteBusyTimeout.count()));
  // Double-quoted string literals are an SQLite quirk PostgreSQL reads as identifiers; refuse
  // them so SQL that passes on SQLite does not fail on PostgreSQL.
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  std::string journal_mode;
  char* raw_error = nullptr;
  const int rc = sqlite3_exec(
      db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
      [](void* out, int columns, char** values, char**) {
        if (columns == 1 && values[0] != nullptr) *static_cast<std::string*>(out) = values[0];
        return 0;
      },
      &journal_mode, &raw_error);
  std::unique_ptr<char, SqliteFree> error(raw_error);
  if (rc != SQLITE_OK) {
    Error e = ErrorFor(rc);
    e.message = std::string("sqlite: cannot configure connection: ") +
                (error ? error.get() : sqlite3_errstr(rc));
    return std::unexpected(std::move(e));
  }
  if (journal_mode != "wal") {
    return Fail(ErrorCode::kUnavailable, "sqlite: the database file does not support WAL mode");
  }
  return {};
}

Error SqliteConnection::ErrorFor(int rc) const {
  ErrorCode code = ErrorCode::kInternal;
  switch (rc & 0xff) {  // the primary code of an extended one
    case SQLITE_CONSTRAINT: code = ErrorCode::kConflict; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = ErrorCode::kUnavailable; break;
    default: break;
  }
  // SQLite's messages name tables, columns and constraints, never bound values.
  return Fail(code, std::string("sqlite: ") + sqlite3_errmsg(db_.get())).error();
}

Result<SqliteConnection::Prepared*> SqliteConnection::Prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) return &it->second;
  if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
    return Fail(ErrorCode::kInvalidArgument, "sqlite: statement too long");
  }
  // No statement is in use here (calls do not nest), so finalizing the cache is safe.
  if (cache_.size() >= kMaxCachedStatements) cache_.clear();

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, &tail);
  SqliteStmtPtr stmt(raw);
  if (rc != SQLITE_OK) return std::unexpected(ErrorFor(rc));
  if (!stmt) return Fail(ErrorCode::kInternal, "sqlite: empty statement");
  const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
  if (!OnlySpace(rest)) {
    // Only comments may follow; preparing the rest tells them from a second statement.
    sqlite3_stmt* second = nullptr;
    rc =
        sqlite3_prepare_v2(db_.get(), rest.data(), static_cast<int>(rest.size()), &second, nullptr);
    SqliteStmtPtr second_stmt(second);
    if (rc != SQLITE_OK || second_stmt) {
      return Fail(ErrorCode::kInternal,
                  "sqlite: one statement per call; use ExecuteScript for several");
    }
  }

  Prepared prepared{std::move(stmt), {}, nullptr, -1};
  const int count = sqlite3_bind_parameter_count(prepared.stmt.get());
  prepared.slots.reserve(static_cast<std::size_t>(count));
  for (int k = 1; k <= count; ++k) {
    const std::string name = "$" + std::to_string(k);
    const int slot = sqlite3_bind_parameter_index(prepared.stmt.get(), name.c_str());
    if (slot == 0) {
      return Fail(
          ErrorCode::kInternal,
          "sqlite: placeholders must be numbered $1..$N without gaps (missing " + name + ")");
    }
    prepared.slots.push_back(slot);
  }
  auto [it, inserted] = cache_.emplace(std::string(sql), std::move(prepared));
  return &it->second;
}

Status SqliteConnection::Bind(const Prepared& prepared, std::span<const Value> params) {
  if (params.size() != prepared.slots.size()) {
    return Fail(ErrorCode::kInternal, "sqlite: statement takes " +
                                          std::to_string(prepared.slots.size()) + " parameters, " +
                                          std::to_string(params.size()) + " given");
  }
  sqlite3_stmt* stmt = prepared.stmt.get();
  for (std::size_t k = 0; k < params.size(); ++k) {
    const int slot = prepared.slots[k];
    const Value& value = params[k];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
      rc = sqlite3_bind_null(stmt, slot);
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(stmt, slot, *i);
    } else if (const auto* d = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(stmt, slot, *d);
    } else {
      const auto& s = std::get<std::string>(value);
      // SQLITE_STATIC: `params` outlives the statement's use; StatementUse clears it after.
      rc = sqlite3_bind_text64(stmt, slot, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) return std::unexpected(ErrorFor(rc));
  }
  return {};
}

void SqliteConnection::NameColumns(Prepared& prepared) {
  sqlite3_stmt* stmt = prepared.stmt.get();
  const int reprepared = sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_REPREPARE, 0);
  if (prepared.columns != nullptr && prepared.named_at_reprepare == reprepared) return;
  const int columns = sqlite3_column_count(stmt);
  auto names = std::make_shared<ColumnNames>();
  names->reserve(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    const char* name = sqlite3_column_name(stmt, c);  // null only when out of memory
    names->emplace_back(name != nullptr ? name : "");
  }
  prepared.columns = std::move(names);
  prepared.named_at_reprepare = reprepared;
}

Result<std::int64_t> SqliteConnection::Run(std::string_view sql, std::span<const Value> params,
                                           std::vector<Row>* rows) {
  auto prepared = Prepare(sql);
  if (!prepared) return std::unexpected(std::move(prepared.error()));
  sqlite3_stmt* stmt = (*prepared)->stmt.get();
  StatementUse use(stmt);
  if (auto st = Bind(**prepared, params); !st) return std::unexpected(std::move(st.error()));

  // A write outside a transaction queues for the writer slot like Begin does.
  const bool needs_slot = !InTransaction() && !sqlite3_stmt_readonly(stmt);
  if (needs_slot) {
    if (auto st = TakeWriterSlot(); !st) return std::unexpected(std::move(st.error()));
  }
  const sqlite3_int64 changes_before = sqlite3_total_changes64(db_.get());
  int rc = SQLITE_OK;
  int columns = 0;
  bool first_row = true;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (rows == nullptr) continue;
    if (first_row) {
      // After the first step: a schema change re-prepares the statement inside sqlite3_step,
      // which may change the columns of a `SELECT *`.
      first_row = false;
      columns = sqlite3_column_count(stmt);
      NameColumns(**prepared);
    }
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) values.push_back(ColumnValue(stmt, c));
    rows->emplace_back(std::move(values), (*prepared)->columns);
  }
  // sqlite3_changes64 keeps the count of the last INSERT/UPDATE/DELETE, so report it only when
  // this statement changed something (not for a SELECT or DDL after an UPDATE).
  const std::int64_t changed =
      sqlite3_total_changes64(db_.get()) != changes_before ? sqlite3_changes64(db_.get()) : 0;
  Result<std::int64_t> result = changed;
  if (rc != SQLITE_DONE) result = std::unexpected(ErrorFor(rc));
  if (needs_slot) ReleaseWriterSlotIfIdle();
  return result;
}

Result<std::vector<Row>> SqliteConnection::Query(std::string_view sql,
                                                 std::span<const Value> params) {
  std::vector<Row> rows;
  auto run = Run(sql, params, &rows);
  if (!run) return std::unexpected(std::move(run.error()));
  return rows;
}

Result<std::int64_t> SqliteConnection::Execute(std::string_view sql,
                                               std::span<const Value> params) {
  return Run(sql, params, nullptr);
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  const std::string script(sql);  // sqlite3_exec needs a terminated string
  const bool needs_slot = !InTransaction();
  if (needs_slot) {
    if (auto st = TakeWriterSlot(); !st) return st;
  }
  char* raw_error = nullptr;
  const int rc = sqlite3_exec(db_.get(), script.c_str(), nullptr, nullptr, &raw_error);
  std::unique_ptr<char, SqliteFree> error(raw_error);
  Status result;
  if (rc != SQLITE_OK) {
    Error e = ErrorFor(rc);
    if (error) e.message = std::string("sqlite: ") + error.get();
    result = std::unexpected(std::move(e));
  }
  if (needs_slot) ReleaseWriterSlotIfIdle();
  return result;
}

Status SqliteConnection::TakeWriterSlot() {
  if (holds_writer_slot_) return {};
  if (!writer_slot_.TryAcquireFor(kSqliteBusyTimeout)) {
    return Fail(ErrorCode::kUnavailable, "sqlite: timed out waiting for the write lock");
  }
  holds_writer_slot_ = true;
  return {};
}

void SqliteConnection::ReleaseWriterSlotIfIdle() {
  // SQLite may end a transaction by itself (e.g. on SQLITE_FULL); autocommit mode is the truth.
  if (holds_writer_slot_ && !InTransaction()) {
    holds_writer_slot_ = false;
    writer_slot_.Release();
  }
}

Status SqliteConnection::Begin() {
  if (InTransaction()) return Fail(ErrorCode::kInternal, "sqlite: a transaction is already open");
  if (auto st = TakeWriterSlot(); !st) return st;
  auto run = Run("BEGIN IMMEDIATE", {}, nullptr);
  ReleaseWriterSlotIfIdle();  // only when BEGIN failed
  if (!run) return std::unexpected(std::move(run.error()));
  return {};
}

Status SqliteConnection::Commit() {
  if (!InTransaction()) return Fail(ErrorCode::kInternal, "sqlite: no transaction is open");
  auto run = Run("COMMIT", {}, nullptr);
  ReleaseWriterSlotIfIdle();
  if (!run) return std::unexpected(std::move(run.error()));
  return {};
}

Status SqliteConnection::Rollback() {
  Result<std::int64_t> run = 0;
  if (InTransaction()) run = Run("ROLLBACK", {}, nullptr);
  ReleaseWriterSlotIfIdle();
  if (!run) return std::unexpected(std::move(run.error()));
  return {};
}

bool SqliteConnection::ResetForReuse() {
  (void)Rollback();
  return !InTransaction() && !holds_writer_slot_;
}

}  // namespace carecoord::store::internal
