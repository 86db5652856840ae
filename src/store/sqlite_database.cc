// SPDX-License-Identifier: Apache-2.0
#include "store/sqlite_database.h"

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "store/connection_pool.h"
#include "store/driver_support.h"
#include "store/sqlite_connection.h"
#include "store/writer_queue.h"

namespace carecoord::store {
namespace {

using internal::SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const DatabaseOptions& options)
      : path_(std::move(path)),
        pool_(
            static_cast<std::size_t>(options.pool_size > 0 ? options.pool_size
                                                           : internal::DefaultPoolSize()),
            options.acquire_timeout,
            [this]() -> Result<std::unique_ptr<Connection>> {
              auto conn = SqliteConnection::Open(path_, writer_slot_);
              if (!conn) return std::unexpected(std::move(conn.error()));
              return std::unique_ptr<Connection>(std::move(*conn));
            },
            [](Connection& conn) {
              // Every connection in this pool was made by the factory above.
              return static_cast<SqliteConnection&>(conn).ResetForReuse();
            }) {}

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<PooledConnection> Acquire() override { return pool_.Acquire(); }

 private:
  const std::string path_;
  // Admits one writer of this process at a time; declared before pool_ so it outlives every
  // connection.
  internal::WriterQueue writer_slot_;
  internal::ConnectionPool pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteDatabase(std::string_view path,
                                                     const DatabaseOptions& options) {
  if (path.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "sqlite: database path is empty", "database_url");
  }
  if (path == ":memory:") {
    return Fail(ErrorCode::kInvalidArgument,
                "sqlite: in-memory databases are not supported (each pooled connection would "
                "see its own)",
                "database_url");
  }
  std::error_code ec;
  // An absolute path also keeps SQLite from reading a name that starts with "file:" as a URI.
  const std::filesystem::path file = std::filesystem::absolute(std::filesystem::path(path), ec);
  if (ec) return Fail(ErrorCode::kUnavailable, "sqlite: cannot resolve the database path");
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
      return Fail(ErrorCode::kUnavailable, "sqlite: cannot create directory " +
                                               file.parent_path().string() + ": " + ec.message());
    }
  }
  auto db = std::make_unique<SqliteDatabase>(file.string(), options);
  // Open one connection now so a bad path fails here, not on first use; it stays pooled.
  if (auto first = db->Acquire(); !first) return std::unexpected(std::move(first.error()));
  return db;
}

}  // namespace carecoord::store
