// SPDX-License-Identifier: Apache-2.0
// The statement-level contract of store::Connection, run on every driver under test.
#include <gtest/gtest.h>

#include <array>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/database.h"
#include "support/test_database.h"

namespace carecoord::store {
namespace {

using test_support::DriversUnderTest;
using test_support::DriverTest;
using test_support::DriverTestName;

constexpr std::string_view kCreateItems =
    "CREATE TABLE items (id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT, "
    "flag INTEGER CHECK (flag IN (0, 1)), parent BIGINT REFERENCES items (id), "
    "label TEXT UNIQUE, must TEXT NOT NULL DEFAULT 'x')";

class ConnectionContractTest : public DriverTest {
 protected:
  void SetUp() override {
    auto acquired = db().Acquire();
    ASSERT_TRUE(acquired) << acquired.error().message;
    conn_ = std::move(*acquired);
    auto made = conn_->Execute(kCreateItems);
    ASSERT_TRUE(made) << made.error().message;
  }

  std::int64_t CountItems() {
    auto row = conn_->QueryOne("SELECT count(*) FROM items");
    EXPECT_TRUE(row) << row.error().message;
    return row ? row->Int(0) : -1;
  }

  PooledConnection conn_;
};

TEST_P(ConnectionContractTest, BindsPlaceholdersByNumberNotPosition) {
  const std::array<Value, 3> params = {std::int64_t{7}, std::string("seven"), std::int64_t{1}};
  auto inserted = conn_->Execute("INSERT INTO items (t, i, id) VALUES ($2, $1, $3)", params);
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(*inserted, 1);

  // $1 twice, $2 before it.
  const std::array<Value, 2> lookup = {std::int64_t{7}, std::string("seven")};
  auto rows = conn_->Query("SELECT id FROM items WHERE t = $2 AND (i = $1 OR id = $1)", lookup);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].Int(0), 1);
}

TEST_P(ConnectionContractTest, EveryValueKindAndNullRoundTrips) {
  const std::array<Value, 4> full = {std::int64_t{1}, std::int64_t{-12345}, 0.1, std::string("x")};
  const std::array<Value, 4> nulls = {std::int64_t{2}, nullptr, nullptr, nullptr};
  const std::string_view insert = "INSERT INTO items (id, i, r, t) VALUES ($1, $2, $3, $4)";
  ASSERT_TRUE(conn_->Execute(insert, full));
  ASSERT_TRUE(conn_->Execute(insert, nulls));

  auto rows = conn_->Query("SELECT id, i, r, t FROM items ORDER BY id");
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const Row& a = (*rows)[0];
  EXPECT_EQ(a.at(1), Value(std::int64_t{-12345}));
  EXPECT_EQ(a.at(2), Value(0.1));  // exact: doubles cross the wire losslessly
  EXPECT_EQ(a.at(3), Value(std::string("x")));
  const Row& b = (*rows)[1];
  for (std::size_t c = 1; c < 4; ++c) EXPECT_TRUE(b.IsNull(c)) << c;
  EXPECT_EQ(b.OptInt(1), std::nullopt);
  EXPECT_EQ(b.OptText(3), std::nullopt);

  // NULL as a parameter compares as SQL NULL, not as a value.
  const std::array<Value, 1> null_param = {nullptr};
  auto matched = conn_->Query("SELECT id FROM items WHERE i IS NOT DISTINCT FROM $1", null_param);
  ASSERT_TRUE(matched) << matched.error().message;
  ASSERT_EQ(matched->size(), 1u);
  EXPECT_EQ((*matched)[0].Int(0), 2);
}

TEST_P(ConnectionContractTest, Int64ExtremesAndDoubleEdgesRoundTrip) {
  const std::vector<std::int64_t> ints = {std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max(), 0, -1};
  const std::vector<double> reals = {-1e300, std::numeric_limits<double>::max(),
                                     std::numeric_limits<double>::denorm_min(), -0.5};
  for (std::size_t k = 0; k < ints.size(); ++k) {
    const std::array<Value, 3> params = {static_cast<std::int64_t>(k), ints[k], reals[k]};
    auto inserted = conn_->Execute("INSERT INTO items (id, i, r) VALUES ($1, $2, $3)", params);
    ASSERT_TRUE(inserted) << inserted.error().message;
  }
  for (std::size_t k = 0; k < ints.size(); ++k) {
    const std::array<Value, 1> key = {ints[k]};
    auto row = conn_->QueryOne("SELECT id, i, r FROM items WHERE i = $1", key);
    ASSERT_TRUE(row) << row.error().message;
    EXPECT_EQ(row->Int(0), static_cast<std::int64_t>(k));
    EXPECT_EQ(row->Int(1), ints[k]);
    EXPECT_EQ(row->Real(2), reals[k]);
  }
}

TEST_P(ConnectionContractTest, UnicodeTextRoundTrips) {
  const std::string text = "Zoë 日本語 🚑";  // 9 code points
  const std::array<Value, 2> params = {std::int64_t{1}, text};
  ASSERT_TRUE(conn_->Execute("INSERT INTO items (id, t) VALUES ($1, $2)", params));
  const std::array<Value, 1> key = {text};
  auto row = conn_->QueryOne("SELECT t, length(t) FROM items WHERE t = $1", key);
  ASSERT_TRUE(row) << row.error().message;
  EXPECT_EQ(row->Text(0), text);
  EXPECT_EQ(row->Int(1), 9);
}

TEST_P(ConnectionContractTest, ConstraintViolationsAreConflictsAndWriteNothing) {
  const std::array<Value, 3> first = {std::int64_t{1}, std::int64_t{1}, std::string("l1")};
  const std::string_view insert = "INSERT INTO items (id, flag, label) VALUES ($1, $2, $3)";
  ASSERT_TRUE(conn_->Execute(insert, first));

  const std::string secret = "secret-label-4711";
  const std::array<Value, 3> primary_key = {std::int64_t{1}, std::int64_t{0}, secret};
  const std::array<Value, 3> unique = {std::int64_t{2}, std::int64_t{0}, std::string("l1")};
  const std::array<Value, 3> check = {std::int64_t{3}, std::int64_t{2}, secret};
  for (const auto& params : {primary_key, unique, check}) {
    auto result = conn_->Execute(insert, params);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kConflict) << result.error().message;
    EXPECT_EQ(result.error().message.find(secret), std::string::npos) << result.error().message;
  }
  const std::array<Value, 2> orphan = {std::int64_t{4}, std::int64_t{99}};
  auto foreign = conn_->Execute("INSERT INTO items (id, parent) VALUES ($1, $2)", orphan);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kConflict) << foreign.error().message;
  auto not_null = conn_->Execute("INSERT INTO items (id, must) VALUES (5, NULL)");
  ASSERT_FALSE(not_null);
  EXPECT_EQ(not_null.error().code, ErrorCode::kConflict) << not_null.error().message;

  EXPECT_EQ(CountItems(), 1);
}

TEST_P(ConnectionContractTest, BadSqlIsInternalAndTheConnectionStaysUsable) {
  for (std::string_view sql : {"SELEC 1", "SELECT * FROM no_such_table", "SELECT 1; SELECT 2"}) {
    auto result = conn_->Query(sql);
    ASSERT_FALSE(result) << sql;
    EXPECT_EQ(result.error().code, ErrorCode::kInternal) << sql;
    EXPECT_FALSE(result.error().message.empty());
  }
  auto script = conn_->ExecuteScript("CREATE TABLE ok_table (a TEXT); SELEC 1;");
  ASSERT_FALSE(script);
  EXPECT_EQ(script.error().code, ErrorCode::kInternal);

  auto row = conn_->QueryOne("SELECT 1");
  ASSERT_TRUE(row) << row.error().message;
  EXPECT_EQ(row->Int(0), 1);
}

TEST_P(ConnectionContractTest, WrongParameterCountIsInternal) {
  const std::array<Value, 2> two = {std::int64_t{1}, std::int64_t{2}};
  auto extra = conn_->Execute("INSERT INTO items (id) VALUES ($1)", two);
  ASSERT_FALSE(extra);
  EXPECT_EQ(extra.error().code, ErrorCode::kInternal);
  auto missing = conn_->Execute("INSERT INTO items (id, i) VALUES ($1, $2)");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kInternal);
  EXPECT_EQ(CountItems(), 0);
}

TEST_P(ConnectionContractTest, QueryOneOnNoRowsIsNotFound) {
  auto row = conn_->QueryOne("SELECT id FROM items");
  ASSERT_FALSE(row);
  EXPECT_EQ(row.error().code, ErrorCode::kNotFound);
}

TEST_P(ConnectionContractTest, ExecuteCountsChangedRowsOnly) {
  ASSERT_TRUE(conn_->Execute("INSERT INTO items (id, i) VALUES (1, 0), (2, 0), (3, 5)"));
  auto updated = conn_->Execute("UPDATE items SET i = 1 WHERE i = 0");
  ASSERT_TRUE(updated);
  EXPECT_EQ(*updated, 2);
  auto selected = conn_->Execute("SELECT id FROM items");
  ASSERT_TRUE(selected);
  EXPECT_EQ(*selected, 0);  // a SELECT changes nothing
  auto created = conn_->Execute("CREATE TABLE after_update (a TEXT)");
  ASSERT_TRUE(created);
  EXPECT_EQ(*created, 0);  // nor does DDL, though it follows an UPDATE
  auto returning = conn_->Query("DELETE FROM items WHERE id = 3 RETURNING i");
  ASSERT_TRUE(returning) << returning.error().message;
  ASSERT_EQ(returning->size(), 1u);
  EXPECT_EQ((*returning)[0].Int(0), 5);
}

TEST_P(ConnectionContractTest, StatementsArePreparedOncePerConnection) {
  // Each driver's own view of the statements prepared on this session.
  const std::string_view count_sql = conn_->dialect() == Dialect::kPostgres
                                         ? "SELECT count(*) FROM pg_prepared_statements"
                                         : "SELECT count(*) FROM sqlite_stmt";
  auto prepared = [&]() {
    auto row = conn_->QueryOne(count_sql);
    EXPECT_TRUE(row) << row.error().message;
    return row ? row->Int(0) : -1;
  };
  const std::int64_t before = prepared();
  const std::string_view insert = "INSERT INTO items (id, i) VALUES ($1, $2)";
  for (std::int64_t k = 0; k < 200; ++k) {
    const std::array<Value, 2> params = {k, k * 2};
    ASSERT_TRUE(conn_->Execute(insert, params));
  }
  const std::int64_t after = prepared();
  EXPECT_EQ(after, before + 1);
  for (std::int64_t k = 200; k < 400; ++k) {
    const std::array<Value, 2> params = {k, k * 2};
    ASSERT_TRUE(conn_->Execute(insert, params));
  }
  EXPECT_EQ(prepared(), after);
  EXPECT_EQ(CountItems(), 400);
  auto sum = conn_->QueryOne("SELECT sum(i) FROM items");
  ASSERT_TRUE(sum);
  EXPECT_EQ(sum->Int(0), 399 * 400);  // numeric on PostgreSQL, integer on SQLite
}

// Repositories read columns by name (store/database.h Row), so both drivers must name a column
// the same: `t.col` by the column's own name, `expr AS alias` by the alias.
TEST_P(ConnectionContractTest, NamesColumnsByTheirOwnNameOrTheirAlias) {
  ASSERT_TRUE(conn_->Execute(
      "INSERT INTO items (id, i, r, t, flag) VALUES (1, 1700000000123, 2.5, 'one', 1)"));
  auto row = conn_->QueryOne(
      "SELECT it.id, it.t, it.r * 2 AS doubled, COALESCE(it.label, 'none') AS label_or_none, "
      "it.flag AS is_set, it.i AS at_ms, it.parent FROM items it");
  ASSERT_TRUE(row) << row.error().message;
  ASSERT_EQ(row->size(), 7u);
  const std::array<std::string_view, 7> names = {"id",     "t",     "doubled", "label_or_none",
                                                 "is_set", "at_ms", "parent"};
  for (std::size_t k = 0; k < names.size(); ++k) EXPECT_EQ(row->IndexOf(names[k]), k) << names[k];

  EXPECT_EQ(row->Int("id"), 1);
  EXPECT_EQ(row->Text("t"), "one");
  EXPECT_EQ(row->Real("doubled"), 5.0);
  EXPECT_EQ(row->Text("label_or_none"), "none");
  EXPECT_TRUE(row->Bool("is_set"));
  EXPECT_EQ(row->Time("at_ms"), FromMillis(1700000000123));
  EXPECT_EQ(row->OptTime("at_ms"), FromMillis(1700000000123));
  EXPECT_TRUE(row->IsNull("parent"));
  EXPECT_EQ(row->OptTime("parent"), std::nullopt);
  EXPECT_EQ(row->OptText("parent"), std::nullopt);
  EXPECT_EQ(row->OptInt("parent"), std::nullopt);
  EXPECT_EQ(row->at("t"), Value(std::string("one")));
}

TEST_P(ConnectionContractTest, NamesTheColumnsOfReturning) {
  auto row =
      conn_->QueryOne("INSERT INTO items (id, t) VALUES (1, 'x') RETURNING id, t AS label_text");
  ASSERT_TRUE(row) << row.error().message;
  EXPECT_EQ(row->Int("id"), 1);
  EXPECT_EQ(row->Text("label_text"), "x");
}

// Every row of a result, and of each later run of the same (cached) statement, carries the
// names.
TEST_P(ConnectionContractTest, EveryRowOfEveryRunIsNamed) {
  ASSERT_TRUE(conn_->Execute("INSERT INTO items (id, t) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
  const std::string_view select = "SELECT id AS item_id, t FROM items WHERE id >= $1 ORDER BY id";
  for (std::int64_t from : {1, 2}) {
    const std::array<Value, 1> params = {from};
    auto rows = conn_->Query(select, params);
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows->size(), static_cast<std::size_t>(4 - from));
    for (std::size_t k = 0; k < rows->size(); ++k) {
      EXPECT_EQ((*rows)[k].Int("item_id"), from + static_cast<std::int64_t>(k));
    }
    EXPECT_EQ(rows->back().Text("t"), "c");
  }
}

// An unknown name is a programming error, as is a name two columns share (`a.id, b.id`): it
// would otherwise read one of them without notice.
TEST_P(ConnectionContractTest, AnUnknownOrAmbiguousNameThrowsNamingIt) {
  ASSERT_TRUE(conn_->Execute("INSERT INTO items (id, parent) VALUES (1, NULL), (2, 1)"));
  auto row = conn_->QueryOne(
      "SELECT child.id, parent.id, child.t FROM items child "
      "JOIN items parent ON parent.id = child.parent");
  ASSERT_TRUE(row) << row.error().message;
  try {
    (void)row->Text("no_such_column");
    ADD_FAILURE() << "an unknown name was read";
  } catch (const std::out_of_range& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_column"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)row->Int("ID"), std::out_of_range);  // names compare exactly
  try {
    (void)row->Int("id");
    ADD_FAILURE() << "an ambiguous name was read";
  } catch (const std::out_of_range& e) {
    EXPECT_NE(std::string(e.what()).find("id"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(row->IsNull("t"));  // other names still read
  EXPECT_EQ(row->Int(0), 2);      // and so do positions
  EXPECT_EQ(row->Int(1), 1);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ConnectionContractTest, ::testing::ValuesIn(DriversUnderTest()),
                         DriverTestName);

}  // namespace
}  // namespace carecoord::store
