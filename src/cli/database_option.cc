// SPDX-License-Identifier: Apache-2.0
#include "cli/database_option.h"

#include <fmt/core.h>

#include "store/migrations.h"

namespace carecoord::cli {

void AddDatabaseOption(CLI::App& command, std::string& url) {
  command.add_option("--db", url, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("CARECOORD_DB")
      ->required();
}

std::unique_ptr<store::Database> OpenOrReport(const std::string& url) {
  auto db = store::OpenDatabase(url);
  if (!db) {
    fmt::print(stderr, "carecoord: cannot open database: {}\n", db.error().message);
    return nullptr;
  }
  return std::move(*db);
}

std::unique_ptr<store::Database> OpenMigratedOrReport(const std::string& url) {
  auto db = OpenOrReport(url);
  if (!db) return nullptr;
  auto applied = store::Migrate(*db);
  if (!applied) {
    fmt::print(stderr, "carecoord: migration failed: {}\n", applied.error().message);
    return nullptr;
  }
  return db;
}

}  // namespace carecoord::cli
