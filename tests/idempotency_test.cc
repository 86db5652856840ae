// SPDX-License-Identifier: Apache-2.0
// Idempotency keys (app/idempotency.h) on both drivers: a retry replays, a reused key for a
// different request is refused, and two concurrent requests with one key create one record.
#include "app/core/idempotency.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/core/crypto.h"
#include "app_fixture.h"

namespace carecoord::tests {
namespace {

class IdempotencyTest : public AppTest {
 protected:
  app::Context KeyedContext(const std::string& key, const std::string& fingerprint) {
    app::Context ctx = ContextFor("care_coordinator");
    ctx.idempotency_key = key;
    ctx.request_fingerprint = fingerprint;
    return ctx;
  }

  // Runs CreateOnce with a body that counts its runs and returns a new id.
  Result<app::Created> Create(const app::Context& ctx, std::atomic<int>& runs,
                              std::string_view type = "contact") {
    auto conn = runner_->db().Acquire();
    if (!conn) return std::unexpected(conn.error());
    return app::CreateOnce(**conn, ctx, type, clock_.Now(), [&]() -> Result<std::string> {
      ++runs;
      return app::NewId(clock_.Now());
    });
  }
};

TEST_P(IdempotencyTest, ARetryWithTheSameKeyReplaysTheFirstResult) {
  std::atomic<int> runs = 0;
  const app::Context ctx = KeyedContext("key-1", "POST /x body-a");
  auto first = Create(ctx, runs);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto second = Create(ctx, runs);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->replayed);
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(runs.load(), 1);
}

TEST_P(IdempotencyTest, TheSameKeyForAnotherRequestOrRecordKindIsAConflict) {
  std::atomic<int> runs = 0;
  ASSERT_TRUE(Create(KeyedContext("key-2", "POST /x body-a"), runs));
  auto other_body = Create(KeyedContext("key-2", "POST /x body-b"), runs);
  ASSERT_FALSE(other_body);
  EXPECT_EQ(other_body.error().code, ErrorCode::kConflict);
  EXPECT_EQ(other_body.error().field, "Idempotency-Key");
  auto other_kind = Create(KeyedContext("key-2", "POST /x body-a"), runs, "consent");
  ASSERT_FALSE(other_kind);
  EXPECT_EQ(other_kind.error().code, ErrorCode::kConflict);
  EXPECT_EQ(runs.load(), 1);
}

TEST_P(IdempotencyTest, WithoutAKeyEveryRequestCreates) {
  std::atomic<int> runs = 0;
  auto a = Create(KeyedContext("", ""), runs);
  auto b = Create(KeyedContext("", ""), runs);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->id, b->id);
  EXPECT_EQ(runs.load(), 2);
}

TEST_P(IdempotencyTest, KeysBelongToOneUser) {
  std::atomic<int> runs = 0;
  app::Context mine = KeyedContext("shared-key", "POST /x body");
  app::Context theirs = ContextFor("peer_support");
  theirs.idempotency_key = "shared-key";
  theirs.request_fingerprint = "POST /x body";
  auto a = Create(mine, runs);
  auto b = Create(theirs, runs);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->id, b->id);
  EXPECT_FALSE(b->replayed);
}

TEST_P(IdempotencyTest, ConcurrentRequestsWithOneKeyCreateOneRecord) {
  std::atomic<int> runs = 0;
  const app::Context ctx = KeyedContext("race-key", "POST /x body");
  Result<app::Created> results[4];
  {
    std::vector<std::jthread> threads;
    for (auto& r : results) threads.emplace_back([&] { r = Create(ctx, runs); });
  }
  std::string id;
  int created = 0;
  for (const auto& r : results) {
    ASSERT_TRUE(r) << r.error().message;
    if (!r->replayed) ++created;
    if (id.empty()) id = r->id;
    EXPECT_EQ(r->id, id);
  }
  EXPECT_EQ(created, 1);
}

TEST(IdempotencyKeyTest, FormatIsValidated) {
  EXPECT_TRUE(app::ValidateIdempotencyKey(""));
  EXPECT_TRUE(app::ValidateIdempotencyKey("0b6f6a52-9a4e-4a8e-8d3c-1d2f3a4b5c6d"));
  EXPECT_FALSE(app::ValidateIdempotencyKey("has space"));
  EXPECT_FALSE(app::ValidateIdempotencyKey(std::string(201, 'k')));
  EXPECT_FALSE(app::ValidateIdempotencyKey("caf\xc3\xa9"));
}

INSTANTIATE_TEST_SUITE_P(Drivers, IdempotencyTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
