// SPDX-License-Identifier: Apache-2.0
// The queries embedded from queries/*.sql (cmake/embed_sql_script.cmake): a `-- columns: NAME`
// block is substituted for `{columns:NAME}` in the queries of its file.
#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "store/database.h"
#include "store/org_repository.h"
#include "store/sql_queries.h"
#include "support/test_database.h"

namespace carecoord::store {
namespace {

using test_support::DriversUnderTest;
using test_support::DriverTest;
using test_support::DriverTestName;

// users.sql declares `-- columns: user` once and selects it in find_by_username, find_by_id and
// list; care_plans.sql's `plan` block itself uses the `version` block.
static_assert(sql::kUsersFindById.find("{columns:") == std::string_view::npos);
static_assert(sql::kUsersList.find("password_changed_at") != std::string_view::npos);
static_assert(sql::kCarePlansGet.find("{columns:") == std::string_view::npos);
static_assert(sql::kCarePlansGet.find("AS version_created_by_name") != std::string_view::npos);

class SqlQueriesTest : public DriverTest {};

TEST_P(SqlQueriesTest, AQueryUsingAColumnsBlockReadsBackItsColumns) {
  auto conn = db().Acquire();
  ASSERT_TRUE(conn) << conn.error().message;
  const Instant now = FromMillis(1700000000000);
  ASSERT_TRUE(OrgRepository(**conn).InsertOrg("org1", "Org One", now));
  const std::int64_t ms = ToMillis(now);
  const Value user[] = {std::string("org1"),
                        std::string("u1"),
                        std::string("ada"),
                        std::string("Ada"),
                        std::string("hash"),
                        std::int64_t{0},
                        std::int64_t{0},
                        nullptr,
                        ms,
                        ms,
                        ms,
                        std::int64_t{1}};
  auto inserted = (*conn)->Execute(sql::kUsersInsert, user);
  ASSERT_TRUE(inserted) << inserted.error().message;

  const Value params[] = {std::string("org1"), std::string("u1")};
  auto row = (*conn)->QueryOne(sql::kUsersFindById, params);
  ASSERT_TRUE(row) << row.error().message;
  // The block's columns, in its order.
  constexpr std::array<std::string_view, 12> kColumns = {"org_id",
                                                         "id",
                                                         "username",
                                                         "display_name",
                                                         "password_hash",
                                                         "disabled",
                                                         "failed_logins",
                                                         "locked_at",
                                                         "password_changed_at",
                                                         "created_at",
                                                         "updated_at",
                                                         "version"};
  ASSERT_EQ(row->size(), kColumns.size());
  for (std::size_t k = 0; k < kColumns.size(); ++k) {
    EXPECT_EQ(row->IndexOf(kColumns[k]), k) << kColumns[k];
  }
  EXPECT_EQ(row->Text("username"), "ada");
  EXPECT_EQ(row->Time("password_changed_at"), now);
}

INSTANTIATE_TEST_SUITE_P(Drivers, SqlQueriesTest, ::testing::ValuesIn(DriversUnderTest()),
                         DriverTestName);

}  // namespace
}  // namespace carecoord::store
