// SPDX-License-Identifier: Apache-2.0
// The hash-chained audit log: appends, group commit under concurrency, tamper detection.
#include <thread>

#include "app_fixture.h"

namespace carecoord::tests {
namespace {

class AuditLogTest : public AppTest {
 protected:
  AuditRecord Event(const std::string& reason) {
    AuditRecord e;
    e.org_id = org_id_;
    e.occurred_at = clock_.Now();
    e.actor_id = "tester";
    e.actor_username = "tester";
    e.action = "account.read";
    e.resource_type = "user";
    e.reason = reason;
    return e;
  }
  void Exec(const std::string& sql) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    ASSERT_TRUE((*conn)->Execute(sql)) << sql;
  }
  app::AuditVerification Verify() {
    auto v = app::VerifyAuditChains(db());
    EXPECT_TRUE(v);
    return v ? *v : app::AuditVerification{};
  }
};

TEST_P(AuditLogTest, RecordedEventsFormAnIntactChain) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(runner_->audit().Record({Event("e" + std::to_string(i))}));
  auto v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events_checked, 5);
}

TEST_P(AuditLogTest, ConcurrentSubmissionsAreAllCommittedInOneOrder) {
  constexpr int kThreads = 8, kEach = 40;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (!runner_->audit().Record({Event(std::to_string(t) + ":" + std::to_string(i))}))
          ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(runner_->audit().events_committed(), std::uint64_t{kThreads * kEach});
  EXPECT_LE(runner_->audit().batches_committed(), std::uint64_t{kThreads * kEach});
  auto v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events_checked, kThreads * kEach);
}

TEST_P(AuditLogTest, WritesAndTheirEventsRollBackTogether) {
  ASSERT_TRUE(runner_->audit().Record({Event("before")}));
  auto conn = db().Acquire();
  ASSERT_TRUE(conn);
  auto st = store::InTransaction(**conn, [&]() -> Status {
    std::vector events{Event("rolled back")};
    if (auto s = runner_->audit().AppendInTransaction(**conn, events); !s) return s;
    return Fail(ErrorCode::kConflict, "the write failed");
  });
  EXPECT_FALSE(st);
  ASSERT_TRUE(runner_->audit().Record({Event("after")}));
  auto v = Verify();
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.events_checked, 2);
}

TEST_P(AuditLogTest, AnEditedRowIsFoundByItsSeq) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(runner_->audit().Record({Event("e")}));
  Exec("UPDATE audit_events SET reason = 'covered up' WHERE seq = 3");
  auto v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_seq, 3);
  EXPECT_EQ(v.broken_org_id, org_id_);
}

TEST_P(AuditLogTest, ADeletedRowIsFound) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(runner_->audit().Record({Event("e")}));
  Exec("DELETE FROM audit_events WHERE seq = 2");
  auto v = Verify();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.broken_seq, 2);
}

TEST_P(AuditLogTest, DeletingTheNewestRowIsFound) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(runner_->audit().Record({Event("e")}));
  Exec("DELETE FROM audit_events WHERE seq = 4");
  EXPECT_FALSE(Verify().intact);
}

TEST_P(AuditLogTest, AuditorsSearchByUserAndDateNewestFirst) {
  auto coordinator = SignIn("care_coordinator");
  clock_.Advance(std::chrono::hours(48));
  SignIn("supervisor");
  app::Context auditor = ContextFor("auditor");
  app::AuditQuery q;
  q.user_id = coordinator.actor.user_id.value;
  auto page = services_->audit_query.Search(auditor, q);
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].action, "session.create");

  app::AuditQuery recent;
  recent.from = clock_.Now() - std::chrono::hours(1);
  auto recent_page = services_->audit_query.Search(auditor, recent);
  ASSERT_TRUE(recent_page);
  ASSERT_EQ(recent_page->items.size(), 2u);  // supervisor's and auditor's sign-ins
  EXPECT_GT(recent_page->items[0].seq, recent_page->items[1].seq);

  app::AuditQuery paged;
  paged.limit = 1;
  auto first = services_->audit_query.Search(auditor, paged);
  ASSERT_TRUE(first);
  ASSERT_TRUE(first->next_before_seq);
  paged.before_seq = *first->next_before_seq;
  auto second = services_->audit_query.Search(auditor, paged);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_LT(second->items[0].seq, first->items[0].seq);

  app::Context admin = ContextFor("admin");
  EXPECT_EQ(services_->audit_query.Search(admin, q).error().code, ErrorCode::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Drivers, AuditLogTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
