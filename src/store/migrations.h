// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "domain/error.h"

namespace carecoord::store {

class Connection;
class Database;

// One numbered schema change from src/store/migrations/NNNN_name.sql. The same SQL runs on
// SQLite and PostgreSQL, so it sticks to the common subset (TEXT, BIGINT, INTEGER, no BLOB).
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The migrations compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

// Applies every migration newer than the database's recorded version, each in its own
// transaction, recording it in schema_migrations. Safe to run concurrently from two processes
// (the second waits, then finds nothing to do). Returns the number applied; kPreconditionFailed
// when the database is newer than this binary.
// Waits for a concurrent migrator to finish. Fails with the error of the first migration that
// does not apply, naming it; the migrations before it stay applied.
Result<int> Migrate(Database& db);

// The highest migration version recorded in schema_migrations; 0 when the table does not exist
// yet (a new database).
Result<int> SchemaVersion(Connection& conn);

}  // namespace carecoord::store
