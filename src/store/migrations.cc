// SPDX-License-Identifier: Apache-2.0
#include "store/migrations.h"

#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "store/database.h"

namespace carecoord::store {
namespace {

// The migration bookkeeping itself; the schema proper lives in migrations/*.sql.
constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kCurrentVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kRecord =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
constexpr std::string_view kSqliteTableExists =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr std::string_view kPostgresTableExists =
    "SELECT count(*) FROM pg_catalog.pg_tables "
    "WHERE schemaname = current_schema() AND tablename = 'schema_migrations'";
// Serializes migrators on PostgreSQL until their transaction ends (any key of our own would
// do; this one spells "carecoor" in ASCII). SQLite's BEGIN IMMEDIATE already serializes them.
constexpr std::string_view kPostgresLock = "SELECT pg_advisory_xact_lock(7161130662281310066)";

Status LockForMigration(Connection& conn) {
  if (conn.dialect() != Dialect::kPostgres) return {};
  auto locked = conn.Execute(kPostgresLock);
  if (!locked) return std::unexpected(std::move(locked.error()));
  return {};
}

std::int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Applies `m` unless a concurrent migrator already did. Returns whether it applied it.
Result<bool> ApplyOne(Connection& conn, const Migration& m) {
  return InTransaction(conn, [&]() -> Result<bool> {
    if (auto st = LockForMigration(conn); !st) return std::unexpected(std::move(st.error()));
    auto current = conn.QueryOne(kCurrentVersion);
    if (!current) return std::unexpected(std::move(current.error()));
    if (m.version <= current->Int(0)) return false;
    if (auto st = conn.ExecuteScript(m.sql); !st) return std::unexpected(std::move(st.error()));
    const std::array<Value, 3> params = {std::int64_t{m.version}, std::string(m.name), NowMillis()};
    if (auto recorded = conn.Execute(kRecord, params); !recorded) {
      return std::unexpected(std::move(recorded.error()));
    }
    return true;
  });
}

}  // namespace

Result<int> SchemaVersion(Connection& conn) {
  auto exists = conn.QueryOne(conn.dialect() == Dialect::kPostgres ? kPostgresTableExists
                                                                   : kSqliteTableExists);
  if (!exists) return std::unexpected(std::move(exists.error()));
  if (exists->Int(0) == 0) return 0;
  auto current = conn.QueryOne(kCurrentVersion);
  if (!current) return std::unexpected(std::move(current.error()));
  return static_cast<int>(current->Int(0));
}

Result<int> Migrate(Database& db) {
  auto conn = db.Acquire();
  if (!conn) return std::unexpected(std::move(conn.error()));
  Connection& c = **conn;

  // Created under the lock too: concurrent CREATE TABLE IF NOT EXISTS can fail on PostgreSQL
  // with a unique violation in its catalog.
  auto created = InTransaction(c, [&]() -> Status {
    if (auto st = LockForMigration(c); !st) return st;
    auto done = c.Execute(kCreateTable);
    if (!done) return std::unexpected(std::move(done.error()));
    return {};
  });
  if (!created) return std::unexpected(std::move(created.error()));

  // Read once without the lock to skip the usual case, an up-to-date database, cheaply;
  // ApplyOne checks again under the lock.
  auto version = SchemaVersion(c);
  if (!version) return std::unexpected(std::move(version.error()));
  // A binary older than its database would read and write a schema it does not know.
  if (!EmbeddedMigrations().empty() && *version > EmbeddedMigrations().back().version) {
    return Fail(ErrorCode::kPreconditionFailed,
                "the database schema (version " + std::to_string(*version) +
                    ") is newer than this carecoord binary knows (version " +
                    std::to_string(EmbeddedMigrations().back().version) + "); upgrade carecoord");
  }
  int applied = 0;
  for (const Migration& m : EmbeddedMigrations()) {
    if (m.version <= *version) continue;
    auto done = ApplyOne(c, m);
    if (!done) {
      Error e = std::move(done.error());
      e.message = "migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                  ") failed: " + e.message;
      return std::unexpected(std::move(e));
    }
    if (*done) ++applied;
  }
  return applied;
}

}  // namespace carecoord::store
