// SPDX-License-Identifier: Apache-2.0
// SQLite-only behaviour: file creation and the settings every pooled connection runs with.
#include "store/sqlite_database.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <filesystem>
#include <stdexcept>
#include <string>

namespace carecoord::store {
namespace {

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "carecoord-sqlite-XXXXXX");
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
};

TEST_F(SqliteDatabaseTest, CreatesTheFileAndItsParentDirectories) {
  const std::filesystem::path file = dir_ / "a" / "b" / "carecoord.db";
  {
    auto db = OpenDatabase("sqlite:" + file.string());
    ASSERT_TRUE(db) << db.error().message;
    EXPECT_EQ((*db)->dialect(), Dialect::kSqlite);
  }
  EXPECT_TRUE(std::filesystem::exists(file));
}

TEST_F(SqliteDatabaseTest, EveryConnectionHasTheDurableSettings) {
  auto db = OpenDatabase("sqlite:" + (dir_ / "settings.db").string(), 2);
  ASSERT_TRUE(db) << db.error().message;
  // Hold both connections so the second is a freshly opened one.
  auto a = (*db)->Acquire();
  auto b = (*db)->Acquire();
  ASSERT_TRUE(a && b);
  for (Connection* conn : {&**a, &**b}) {
    auto mode = conn->QueryOne("PRAGMA journal_mode");
    ASSERT_TRUE(mode) << mode.error().message;
    EXPECT_EQ(mode->Text(0), "wal");
    auto fk = conn->QueryOne("PRAGMA foreign_keys");
    ASSERT_TRUE(fk);
    EXPECT_EQ(fk->Int(0), 1);
    auto sync = conn->QueryOne("PRAGMA synchronous");
    ASSERT_TRUE(sync);
    EXPECT_EQ(sync->Int(0), 2);  // FULL
    auto busy = conn->QueryOne("PRAGMA busy_timeout");
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->Int(0), 5000);
  }
}

TEST_F(SqliteDatabaseTest, DoubleQuotedStringLiteralsAreRejectedAsOnPostgres) {
  auto db = OpenDatabase("sqlite:" + (dir_ / "dqs.db").string());
  ASSERT_TRUE(db) << db.error().message;
  auto conn = (*db)->Acquire();
  ASSERT_TRUE(conn);
  auto result = (*conn)->Query("SELECT \"not a column\"");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInternal);
}

// SQLite names a cached statement's columns once, and again after a schema change re-prepared
// it: the columns of `SELECT *` follow the table (PostgreSQL refuses such a cached plan).
TEST_F(SqliteDatabaseTest, ColumnNamesFollowASchemaChange) {
  auto db = OpenDatabase("sqlite:" + (dir_ / "names.db").string());
  ASSERT_TRUE(db) << db.error().message;
  auto conn = (*db)->Acquire();
  ASSERT_TRUE(conn) << conn.error().message;
  ASSERT_TRUE((*conn)->ExecuteScript("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x');"));
  const std::string_view select = "SELECT * FROM t";
  auto before = (*conn)->QueryOne(select);
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(before->Text("a"), "x");

  ASSERT_TRUE((*conn)->ExecuteScript("ALTER TABLE t RENAME COLUMN a TO b"));
  auto renamed = (*conn)->QueryOne(select);
  ASSERT_TRUE(renamed) << renamed.error().message;
  EXPECT_EQ(renamed->Text("b"), "x");
  EXPECT_THROW((void)renamed->Text("a"), std::out_of_range);

  ASSERT_TRUE((*conn)->ExecuteScript("ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 3"));
  auto added = (*conn)->QueryOne(select);
  ASSERT_TRUE(added) << added.error().message;
  ASSERT_EQ(added->size(), 2u);
  EXPECT_EQ(added->Int("c"), 3);
}

TEST_F(SqliteDatabaseTest, UnopenablePathIsUnavailable) {
  // A directory where the file should be.
  std::filesystem::create_directories(dir_ / "taken.db");
  auto db = OpenDatabase("sqlite:" + (dir_ / "taken.db").string());
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace carecoord::store
