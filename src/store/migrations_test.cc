// SPDX-License-Identifier: Apache-2.0
// Migrate and SchemaVersion on every driver under test.
#include "store/migrations.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include "store/database.h"
#include "support/test_database.h"

namespace carecoord::store {
namespace {

using test_support::DriversUnderTest;
using test_support::DriverTestName;
using test_support::TestDatabase;

int LatestVersion() {
  const auto& all = EmbeddedMigrations();
  return all.empty() ? 0 : all.back().version;
}

TEST(EmbeddedMigrationsTest, AreNumberedInOrderWithoutGaps) {
  const auto& all = EmbeddedMigrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t k = 0; k < all.size(); ++k) {
    EXPECT_EQ(all[k].version, static_cast<int>(k) + 1) << all[k].name;
    EXPECT_FALSE(all[k].name.empty());
    EXPECT_FALSE(all[k].sql.empty());
  }
}

class MigrationsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MigrationsTest, AppliesEverythingOnceThenNothing) {
  TestDatabase test_db(GetParam(), {.migrate = false, .database = {}});
  {
    auto conn = test_db.db().Acquire();
    ASSERT_TRUE(conn) << conn.error().message;
    auto version = SchemaVersion(**conn);
    ASSERT_TRUE(version) << version.error().message;
    EXPECT_EQ(*version, 0);
  }
  auto first = Migrate(test_db.db());
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, static_cast<int>(EmbeddedMigrations().size()));
  auto second = Migrate(test_db.db());
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(*second, 0);

  auto conn = test_db.db().Acquire();
  ASSERT_TRUE(conn) << conn.error().message;
  auto version = SchemaVersion(**conn);
  ASSERT_TRUE(version) << version.error().message;
  EXPECT_EQ(*version, LatestVersion());
  auto recorded = (*conn)->QueryOne("SELECT count(*), min(applied_at) FROM schema_migrations");
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(recorded->Int(0), static_cast<std::int64_t>(EmbeddedMigrations().size()));
  EXPECT_GT(recorded->Int(1), 0);
  // The schema is really there.
  EXPECT_TRUE((*conn)->Query("SELECT org_id, name, created_at FROM organizations"));
}

TEST_P(MigrationsTest, RefusesADatabaseNewerThanTheBinary) {
  TestDatabase test_db(GetParam());
  {
    auto conn = test_db.db().Acquire();
    ASSERT_TRUE(conn) << conn.error().message;
    ASSERT_TRUE((*conn)->Execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 1)"));
  }
  auto r = Migrate(test_db.db());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kPreconditionFailed);
}

TEST_P(MigrationsTest, ConcurrentMigratorsBothSucceedAndApplyEachMigrationOnce) {
  TestDatabase test_db(GetParam(), {.migrate = false, .database = {}});
  // Two Database objects stand for two processes starting at once.
  Result<int> results[2] = {0, 0};
  std::thread threads[2];
  for (int t = 0; t < 2; ++t) {
    threads[t] = std::thread([&, t] {
      auto db = OpenDatabase(test_db.url());
      if (!db) {
        results[t] = std::unexpected(db.error());
        return;
      }
      results[t] = Migrate(**db);
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_TRUE(results[0]) << results[0].error().message;
  ASSERT_TRUE(results[1]) << results[1].error().message;
  EXPECT_EQ(*results[0] + *results[1], static_cast<int>(EmbeddedMigrations().size()));

  auto conn = test_db.db().Acquire();
  ASSERT_TRUE(conn) << conn.error().message;
  auto version = SchemaVersion(**conn);
  ASSERT_TRUE(version) << version.error().message;
  EXPECT_EQ(*version, LatestVersion());
}

TEST_P(MigrationsTest, TestDatabaseComesMigrated) {
  TestDatabase test_db(GetParam());
  auto conn = test_db.db().Acquire();
  ASSERT_TRUE(conn) << conn.error().message;
  auto version = SchemaVersion(**conn);
  ASSERT_TRUE(version) << version.error().message;
  EXPECT_EQ(*version, LatestVersion());
}

INSTANTIATE_TEST_SUITE_P(Drivers, MigrationsTest, ::testing::ValuesIn(DriversUnderTest()),
                         DriverTestName);

}  // namespace
}  // namespace carecoord::store
