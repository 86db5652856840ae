// SPDX-License-Identifier: Apache-2.0
// Transactions, the connection pool and concurrent writers, on every driver under test.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "support/test_database.h"

namespace carecoord::store {
namespace {

using test_support::DriversUnderTest;
using test_support::DriverTestName;
using test_support::TestDatabase;

class TransactionTest : public ::testing::TestWithParam<std::string> {
 protected:
  // A fresh database with a small pool (so a returned connection is the one handed out next)
  // and a short acquire timeout (so exhausting the pool fails quickly).
  explicit TransactionTest(int pool_size = 2)
      : test_db_(GetParam(), {.migrate = true,
                              .database = {.pool_size = pool_size,
                                           .acquire_timeout = std::chrono::milliseconds(200)}}) {}

  void SetUp() override {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn) << conn.error().message;
    auto made = (*conn)->Execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
    ASSERT_TRUE(made) << made.error().message;
  }

  Database& db() { return test_db_.db(); }

  PooledConnection MustAcquire() {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn) << conn.error().message;
    return conn ? std::move(*conn) : PooledConnection();
  }

  static Status Insert(Connection& conn, std::int64_t id) {
    const std::array<Value, 2> params = {id, std::string("note")};
    auto done = conn.Execute("INSERT INTO notes (id, body) VALUES ($1, $2)", params);
    if (!done) return std::unexpected(done.error());
    return {};
  }

  static std::int64_t CountNotes(Connection& conn) {
    auto row = conn.QueryOne("SELECT count(*) FROM notes");
    EXPECT_TRUE(row) << row.error().message;
    return row ? row->Int(0) : -1;
  }

 private:
  TestDatabase test_db_;
};

TEST_P(TransactionTest, InTransactionCommitsOnSuccess) {
  PooledConnection conn = MustAcquire();
  ASSERT_TRUE(conn);
  auto result = InTransaction(*conn, [&]() -> Result<int> {
    if (auto st = Insert(*conn, 1); !st) return std::unexpected(st.error());
    if (auto st = Insert(*conn, 2); !st) return std::unexpected(st.error());
    return 2;
  });
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(*result, 2);
  EXPECT_EQ(CountNotes(*conn), 2);
}

TEST_P(TransactionTest, InTransactionRollsBackWhenTheBodyFails) {
  PooledConnection conn = MustAcquire();
  ASSERT_TRUE(conn);
  ASSERT_TRUE(Insert(*conn, 1));
  auto result = InTransaction(*conn, [&]() -> Status {
    if (auto st = Insert(*conn, 2); !st) return st;
    return Insert(*conn, 1);  // duplicate key: the whole transaction must go
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kConflict);
  EXPECT_EQ(CountNotes(*conn), 1);

  auto refused = InTransaction(*conn, [&]() -> Status {
    if (auto st = Insert(*conn, 3); !st) return st;
    return Fail(ErrorCode::kPreconditionFailed, "changed my mind");
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(CountNotes(*conn), 1);
}

TEST_P(TransactionTest, TransactionStateErrors) {
  PooledConnection conn = MustAcquire();
  ASSERT_TRUE(conn);
  EXPECT_FALSE(conn->Commit());   // none open
  EXPECT_TRUE(conn->Rollback());  // nothing to do
  ASSERT_TRUE(conn->Begin());
  EXPECT_FALSE(conn->Begin());  // already open
  ASSERT_TRUE(conn->Commit());
}

TEST_P(TransactionTest, CommittedWritesAreVisibleToOtherConnections) {
  PooledConnection writer = MustAcquire();
  PooledConnection reader = MustAcquire();
  ASSERT_TRUE(writer && reader);
  ASSERT_TRUE(writer->Begin());
  ASSERT_TRUE(Insert(*writer, 1));
  EXPECT_EQ(CountNotes(*reader), 0);  // not before commit
  ASSERT_TRUE(writer->Commit());
  EXPECT_EQ(CountNotes(*reader), 1);
}

TEST_P(TransactionTest, ConnectionReturnedMidTransactionIsRolledBack) {
  {
    PooledConnection conn = MustAcquire();
    ASSERT_TRUE(conn);
    ASSERT_TRUE(conn->Begin());
    ASSERT_TRUE(Insert(*conn, 1));
  }  // returned without Commit or Rollback
  {
    // A connection whose transaction failed half way comes back too.
    PooledConnection conn = MustAcquire();
    ASSERT_TRUE(conn);
    ASSERT_TRUE(conn->Begin());
    ASSERT_TRUE(Insert(*conn, 2));
    EXPECT_FALSE(conn->Query("SELEC 1"));
  }
  // Hold both pooled connections so every one of them is checked.
  PooledConnection a = MustAcquire();
  PooledConnection b = MustAcquire();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(CountNotes(*a), 0);
  ASSERT_TRUE(a->Begin()) << "still inside the abandoned transaction";
  ASSERT_TRUE(Insert(*a, 3));
  ASSERT_TRUE(a->Commit());
  EXPECT_EQ(CountNotes(*b), 1);
}

TEST_P(TransactionTest, AcquireFailsWhenThePoolStaysExhausted) {
  PooledConnection a = MustAcquire();
  PooledConnection b = MustAcquire();
  ASSERT_TRUE(a && b);
  auto third = db().Acquire();
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::kUnavailable);

  a = PooledConnection();  // give one back
  auto again = db().Acquire();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(CountNotes(**again), 0);
}

TEST_P(TransactionTest, AcquireWaitsForAReturnedConnection) {
  // A generous timeout: the connection is returned at once, so the test never waits for it.
  TestDatabase test_db(
      GetParam(),
      {.migrate = false, .database = {.pool_size = 1, .acquire_timeout = std::chrono::minutes(5)}});
  auto held = test_db.db().Acquire();
  ASSERT_TRUE(held) << held.error().message;
  std::atomic<bool> acquired{false};
  std::thread waiter([&] {
    auto conn = test_db.db().Acquire();
    acquired = conn.has_value();
  });
  *held = PooledConnection();  // before or during the wait; either way it is handed on
  waiter.join();
  EXPECT_TRUE(acquired.load());
}

TEST_P(TransactionTest, ABrokenConnectionIsReplaced) {
  {
    PooledConnection conn = MustAcquire();
    ASSERT_TRUE(conn);
    if (conn->dialect() == Dialect::kPostgres) {
      // The server ends this session; the driver must notice and not pool it again.
      auto killed = conn->Query("SELECT pg_terminate_backend(pg_backend_pid())");
      ASSERT_FALSE(killed);
      EXPECT_EQ(killed.error().code, ErrorCode::kUnavailable) << killed.error().message;
    } else {
      EXPECT_FALSE(conn->Query("SELECT * FROM no_such_table"));
    }
  }
  PooledConnection a = MustAcquire();
  PooledConnection b = MustAcquire();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(CountNotes(*a), 0);
  EXPECT_EQ(CountNotes(*b), 0);
}

INSTANTIATE_TEST_SUITE_P(Drivers, TransactionTest, ::testing::ValuesIn(DriversUnderTest()),
                         DriverTestName);

// Four writers each increment one counter 100 times, reading it then writing it back inside a
// transaction: no update may be lost and no writer may time out.
class ConcurrentWritersTest : public test_support::DriverTest {};

TEST_P(ConcurrentWritersTest, ReadModifyWriteLosesNoUpdate) {
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn) << conn.error().message;
    ASSERT_TRUE(
        (*conn)->Execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"));
    ASSERT_TRUE((*conn)->Execute("INSERT INTO counter (id, n) VALUES (1, 0)"));
  }
  // PostgreSQL (READ COMMITTED) needs the row lock; SQLite's BEGIN IMMEDIATE already excludes
  // other writers and has no FOR UPDATE.
  const std::string read = db().dialect() == Dialect::kPostgres
                               ? "SELECT n FROM counter WHERE id = 1 FOR UPDATE"
                               : "SELECT n FROM counter WHERE id = 1";
  constexpr int kThreads = 4;
  constexpr int kIncrements = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto conn = db().Acquire();
      if (!conn) {
        failures += kIncrements;
        return;
      }
      Connection& c = **conn;
      for (int k = 0; k < kIncrements; ++k) {
        auto done = InTransaction(c, [&]() -> Status {
          auto row = c.QueryOne(read);
          if (!row) return std::unexpected(row.error());
          const std::array<Value, 1> next = {row->Int(0) + 1};
          auto written = c.Execute("UPDATE counter SET n = $1 WHERE id = 1", next);
          if (!written) return std::unexpected(written.error());
          return {};
        });
        if (!done) {
          ++failures;
          ADD_FAILURE() << done.error().message;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto conn = db().Acquire();
  ASSERT_TRUE(conn);
  auto row = (*conn)->QueryOne("SELECT n FROM counter WHERE id = 1");
  ASSERT_TRUE(row) << row.error().message;
  EXPECT_EQ(row->Int(0), kThreads * kIncrements);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ConcurrentWritersTest, ::testing::ValuesIn(DriversUnderTest()),
                         DriverTestName);

}  // namespace
}  // namespace carecoord::store
