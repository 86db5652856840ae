// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace carecoord::test_support {

// The drivers every store-backed test runs on: "sqlite" always, plus "postgres" when
// CARECOORD_TEST_PG_URL names a server (a database the test user may create schemas in).
// With CARECOORD_REQUIRE_PG=1 "postgres" is listed even without that URL, so its tests fail
// with a message saying so instead of silently not running.
//
//   INSTANTIATE_TEST_SUITE_P(Drivers, MyTest, ::testing::ValuesIn(DriversUnderTest()),
//                            DriverTestName);
std::vector<std::string> DriversUnderTest();

// Names parameterized instances by driver ("Drivers/MyTest.Case/sqlite") instead of by index.
std::string DriverTestName(const ::testing::TestParamInfo<std::string>& info);

struct TestDatabaseOptions {
  bool migrate = true;              // run store::Migrate before handing the database out
  store::DatabaseOptions database;  // pool size and acquire timeout
};

// A fresh, isolated database for one test, removed again when this object is destroyed:
// SQLite - a new file in a new temporary directory; PostgreSQL - a new schema t_<random> on
// the CARECOORD_TEST_PG_URL server, which every connection opened through url() uses.
//
// Setup failures (unknown driver, server unreachable, migration error) are reported as a test
// failure from the constructor; db() then returns a Database whose Acquire fails with the same
// message, so the test stops at its first assertion on it. Not thread-safe itself; db() is
// (see store::Database). Non-copyable.
class TestDatabase {
 public:
  explicit TestDatabase(std::string_view driver, TestDatabaseOptions options = {});
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  store::Database& db();  // never null
  // A URL for store::OpenDatabase, or for a server process started by the test, that reaches
  // this same database.
  const std::string& url() const { return url_; }
  const std::string& driver() const { return driver_; }

 private:
  void SetUpSqlite();
  void SetUpPostgres();
  void SetUpFailed(std::string message);

  std::string driver_;
  std::string url_;
  std::filesystem::path temp_dir_;          // SQLite
  std::unique_ptr<store::Database> admin_;  // PostgreSQL: creates and drops the schema
  std::string schema_;                      // PostgreSQL
  std::unique_ptr<store::Database> db_;
};

// A value-parameterized fixture over DriversUnderTest() with a migrated TestDatabase.
class DriverTest : public ::testing::TestWithParam<std::string> {
 protected:
  store::Database& db() { return test_db_.db(); }
  TestDatabase& test_db() { return test_db_; }

 private:
  TestDatabase test_db_{GetParam()};
};

}  // namespace carecoord::test_support
