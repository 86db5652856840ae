// SPDX-License-Identifier: Apache-2.0
// Driver-independent parts of store/database.h: Row conversions, PooledConnection, URL schemes.
#include "store/database.h"

#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <stdexcept>
#include <vector>

namespace carecoord::store {
namespace {

TEST(RowTest, AccessorsReadTheirOwnKind) {
  const Row row({nullptr, std::int64_t{42}, 2.5, std::string("text")});
  EXPECT_EQ(row.size(), 4u);
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_FALSE(row.IsNull(1));
  EXPECT_EQ(row.Int(1), 42);
  EXPECT_DOUBLE_EQ(row.Real(2), 2.5);
  EXPECT_EQ(row.Text(3), "text");
}

TEST(RowTest, NullReadsAsZeroOrEmptyOrNullopt) {
  const Row row({nullptr});
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Real(0), 0.0);
  EXPECT_EQ(row.Text(0), "");
  EXPECT_EQ(row.OptText(0), std::nullopt);
  EXPECT_EQ(row.OptInt(0), std::nullopt);
}

TEST(RowTest, ConvertsBetweenKindsAsDriversDiffer) {
  const Row row({std::int64_t{-7}, 3.9, std::string("123"), std::string("1.5"), std::string("abc"),
                 1e300, -1e300, std::numeric_limits<double>::quiet_NaN()});
  EXPECT_EQ(row.Text(0), "-7");
  EXPECT_DOUBLE_EQ(row.Real(0), -7.0);
  EXPECT_EQ(row.Int(1), 3);  // truncated toward zero
  EXPECT_EQ(row.Text(1), "3.9");
  EXPECT_EQ(row.Int(2), 123);
  EXPECT_DOUBLE_EQ(row.Real(3), 1.5);
  EXPECT_EQ(row.Int(3), 1);
  EXPECT_EQ(row.Int(4), 0);  // unparseable
  EXPECT_EQ(row.Real(4), 0.0);
  EXPECT_EQ(row.Int(5), std::numeric_limits<std::int64_t>::max());  // saturates, no UB
  EXPECT_EQ(row.Int(6), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(row.Int(7), 0);
  EXPECT_EQ(row.OptInt(2), 123);
  EXPECT_EQ(row.OptText(0), "-7");
}

TEST(RowTest, DoubleTextRoundTrips) {
  const double value = 0.1 + 0.2;
  const Row row({value});
  EXPECT_EQ(Row({row.Text(0)}).Real(0), value);
}

TEST(RowTest, ByNameReadsTheNamedColumnWithTheSameConversions) {
  const auto names =
      std::make_shared<const ColumnNames>(ColumnNames{"n", "at", "flag", "missing", "sum"});
  const Row row({std::int64_t{7}, std::int64_t{1700000000123}, std::int64_t{0}, nullptr, 12.0},
                names);
  EXPECT_EQ(row.IndexOf("sum"), 4u);
  EXPECT_EQ(row.Text("n"), "7");
  EXPECT_EQ(row.Time("at"), FromMillis(1700000000123));
  EXPECT_EQ(row.OptTime("at"), FromMillis(1700000000123));
  EXPECT_FALSE(row.Bool("flag"));
  EXPECT_TRUE(row.IsNull("missing"));
  EXPECT_EQ(row.OptTime("missing"), std::nullopt);
  EXPECT_EQ(row.OptInt("missing"), std::nullopt);
  EXPECT_EQ(row.Int("sum"), 12);  // a NUMERIC sum from PostgreSQL arrives as a double
}

TEST(RowTest, AnUnknownOrRepeatedNameThrows) {
  const auto names = std::make_shared<const ColumnNames>(ColumnNames{"id", "name", "id"});
  const Row row({std::int64_t{1}, std::string("a"), std::int64_t{2}}, names);
  EXPECT_EQ(row.Text("name"), "a");
  EXPECT_THROW((void)row.Text("nope"), std::out_of_range);
  EXPECT_THROW((void)row.Int("id"), std::out_of_range);
  // A row built by hand has positions only.
  EXPECT_THROW((void)Row({std::int64_t{1}}).Int("id"), std::out_of_range);
}

// A stand-in connection for PooledConnection's bookkeeping.
class FakeConnection final : public Connection {
 public:
  explicit FakeConnection(int id) : id_(id) {}
  int id() const { return id_; }
  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<std::vector<Row>> Query(std::string_view, std::span<const Value>) override {
    return std::vector<Row>{};
  }
  Result<std::int64_t> Execute(std::string_view, std::span<const Value>) override { return 0; }
  Status ExecuteScript(std::string_view) override { return {}; }
  Status Begin() override { return {}; }
  Status Commit() override { return {}; }
  Status Rollback() override { return {}; }

 private:
  int id_;
};

TEST(PooledConnectionTest, ReturnsItsConnectionExactlyOnce) {
  std::vector<int> returned;
  auto give_back = [&](std::unique_ptr<Connection> c) {
    returned.push_back(static_cast<FakeConnection&>(*c).id());
  };
  {
    PooledConnection a(std::make_unique<FakeConnection>(1), give_back);
    PooledConnection b(std::make_unique<FakeConnection>(2), give_back);
    EXPECT_TRUE(a);
    PooledConnection moved(std::move(a));
    EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): moved-from holds nothing
    EXPECT_TRUE(returned.empty());
    moved = std::move(b);  // gives back 1, takes 2
    EXPECT_EQ(returned, std::vector<int>{1});
    EXPECT_EQ(static_cast<FakeConnection&>(*moved).id(), 2);
  }
  EXPECT_EQ(returned, (std::vector<int>{1, 2}));
}

TEST(PooledConnectionTest, DefaultConstructedHoldsNothing) {
  PooledConnection empty;
  EXPECT_FALSE(empty);
}

TEST(OpenDatabaseTest, UnknownSchemeIsInvalidArgument) {
  for (const char* url : {"mysql://x", "", "sqlite", "postgresql:/x", "file:/tmp/x.db"}) {
    auto db = OpenDatabase(url);
    ASSERT_FALSE(db) << url;
    EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument) << url;
  }
}

TEST(OpenDatabaseTest, SqliteNeedsAFilePath) {
  for (const char* url : {"sqlite:", "sqlite::memory:"}) {
    auto db = OpenDatabase(url);
    ASSERT_FALSE(db) << url;
    EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument) << url;
  }
}

TEST(OpenDatabaseTest, MalformedPostgresUrlIsInvalidArgument) {
  auto db = OpenDatabase("postgresql://127.0.0.1/db?no_such_parameter=1");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
}

TEST(OpenDatabaseTest, UnreachablePostgresIsUnavailable) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  auto db = OpenDatabase("postgresql://carecoord@127.0.0.1:1/carecoord_test?connect_timeout=5");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
}

TEST(OpenDatabaseTest, NegativePoolSizeIsInvalidArgument) {
  auto db = OpenDatabase("sqlite:/nonexistent/never-created.db", -1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace carecoord::store
