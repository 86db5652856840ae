// SPDX-License-Identifier: Apache-2.0
// The on-call rota through the use cases, on both drivers (001 §2: "on call services are
// available 24 hours, seven days a week"; docs/worklists.md "On call"): who is on call now and
// until when, gaps in a range, who may plan it, and that it stays a record.
#include <gtest/gtest.h>

#include "episode_fixture.h"

namespace carecoord::tests {
namespace {

using std::chrono::days;
using std::chrono::hours;

class OnCallTest : public EpisodeFixture {
 protected:
  app::OnCallService& on_call() { return services_->on_call; }

  app::NewShift Shift(const std::string& username, hours from, hours to) {
    app::NewShift s;
    s.user_id = UserIdOf(username);
    s.starts_at = clock_.Now() + from;
    s.ends_at = clock_.Now() + to;
    s.phone = "(555) 010-2000";
    s.note = "Backup: the supervisor.";
    return s;
  }

  std::string Add(app::Context& ctx, const std::string& username, hours from, hours to) {
    auto s = on_call().AddShift(ctx, program_id_, Shift(username, from, to));
    EXPECT_TRUE(s) << (s ? "" : s.error().message);
    return s ? s->id : "";
  }

  const app::OnCallNow* ForProgram(const std::vector<app::OnCallNow>& now,
                                   const std::string& program_id) {
    for (const app::OnCallNow& p : now) {
      if (p.program_id == program_id) return &p;
    }
    return nullptr;
  }
};

TEST_P(OnCallTest, NowFollowsContinuousCoverageAcrossAdjacentAndOverlappingShifts) {
  auto supervisor = ContextFor("supervisor");
  auto coordinator = ContextFor("care_coordinator");
  {
    auto before = on_call().Now(coordinator);
    ASSERT_TRUE(before) << before.error().message;
    ASSERT_EQ(before->size(), 1u);
    EXPECT_TRUE((*before)[0].on_call.empty());  // nobody: a gap the header warns about
    EXPECT_FALSE((*before)[0].covered_until);
  }
  const std::string first = Add(supervisor, "care_coordinator", hours(-2), hours(10));
  Add(supervisor, "peer_support", hours(10), hours(20));      // back to back
  Add(supervisor, "supervisor", hours(15), hours(30));        // overlapping
  Add(supervisor, "care_coordinator", hours(40), hours(50));  // after a gap

  auto now = on_call().Now(coordinator);
  ASSERT_TRUE(now) << now.error().message;
  ASSERT_EQ(now->size(), 1u);
  const app::OnCallNow& p = (*now)[0];
  EXPECT_EQ(p.program_id, program_id_);
  EXPECT_EQ(p.program_name, "Test Program");
  ASSERT_EQ(p.on_call.size(), 1u);
  EXPECT_EQ(p.on_call[0].id, first);
  EXPECT_EQ(p.on_call[0].display_name, "User care_coordinator");
  EXPECT_EQ(p.on_call[0].phone, "(555) 010-2000");
  ASSERT_TRUE(p.covered_until);
  EXPECT_EQ(*p.covered_until, clock_.Now() + hours(30));

  // Inside the overlap two people answer; at the exact end of the last shift nobody does.
  clock_.Advance(hours(16));
  now = on_call().Now(coordinator);
  ASSERT_TRUE(now);
  EXPECT_EQ((*now)[0].on_call.size(), 2u);
  clock_.Advance(hours(14));
  now = on_call().Now(coordinator);
  ASSERT_TRUE(now);
  EXPECT_TRUE((*now)[0].on_call.empty());
  EXPECT_FALSE((*now)[0].covered_until);
}

TEST_P(OnCallTest, RotaListsShiftsAndTheGapsBetweenThem) {
  auto supervisor = ContextFor("supervisor");
  Add(supervisor, "care_coordinator", hours(-2), hours(10));
  Add(supervisor, "peer_support", hours(10), hours(20));
  Add(supervisor, "supervisor", hours(15), hours(30));
  Add(supervisor, "care_coordinator", hours(40), hours(50));
  Add(supervisor, "care_coordinator", hours(100), hours(110));  // outside the range
  const Instant t0 = clock_.Now();
  auto peer = ContextFor("peer_support");
  auto rota = on_call().Rota(peer, program_id_, t0 - hours(5), t0 + hours(60));
  ASSERT_TRUE(rota) << rota.error().message;
  EXPECT_EQ(rota->shifts.size(), 4u);
  ASSERT_EQ(rota->gaps.size(), 3u);
  EXPECT_EQ(rota->gaps[0].from, t0 - hours(5));
  EXPECT_EQ(rota->gaps[0].to, t0 - hours(2));
  EXPECT_EQ(rota->gaps[1].from, t0 + hours(30));
  EXPECT_EQ(rota->gaps[1].to, t0 + hours(40));
  EXPECT_EQ(rota->gaps[2].from, t0 + hours(50));
  EXPECT_EQ(rota->gaps[2].to, t0 + hours(60));

  // Fully covered: no gaps.
  auto covered = on_call().Rota(peer, program_id_, t0, t0 + hours(30));
  ASSERT_TRUE(covered);
  EXPECT_TRUE(covered->gaps.empty());
  EXPECT_EQ(covered->shifts.size(), 3u);

  auto inverted = on_call().Rota(peer, program_id_, t0, t0);
  ASSERT_FALSE(inverted);
  EXPECT_EQ(inverted.error().field, "to");
  auto too_long = on_call().Rota(peer, program_id_, t0, t0 + days(62) + hours(1));
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().field, "to");
  EXPECT_TRUE(on_call().Rota(peer, program_id_, t0, t0 + days(62)));
}

TEST_P(OnCallTest, InvalidShiftsNameTheFieldAndChangeNothing) {
  auto supervisor = ContextFor("supervisor");
  const std::string other_program = AddTestProgram(db(), org_id_, "Youth Program", clock_.Now());
  AddTestUser(db(), org_id_, other_program, "youth_coordinator", Role::kCareCoordinator,
              clock_.Now());
  struct Case {
    const char* field;
    std::function<void(app::NewShift&)> spoil;
  };
  const Case cases[] = {
      {"ends_at", [](auto& s) { s.ends_at = s.starts_at; }},
      {"ends_at", [](auto& s) { s.ends_at = s.starts_at + days(7) + std::chrono::minutes(1); }},
      {"ends_at",
       [&](auto& s) { s.starts_at = clock_.Now() - hours(9), s.ends_at = clock_.Now(); }},
      {"phone", [](auto& s) { s.phone = std::string(41, '5'); }},
      {"note", [](auto& s) { s.note = std::string(501, 'n'); }},
      {"user_id", [&](auto& s) { s.user_id = UserIdOf("youth_coordinator"); }},  // no role here
      {"user_id", [](auto& s) { s.user_id = "nobody"; }},
  };
  for (const Case& c : cases) {
    app::NewShift s = Shift("care_coordinator", hours(1), hours(13));
    c.spoil(s);
    auto r = on_call().AddShift(supervisor, program_id_, s);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  // The limits themselves: exactly 7 days, 40 bytes of phone, 500 of note.
  app::NewShift edge = Shift("care_coordinator", hours(1), hours(1 + 7 * 24));
  edge.phone = std::string(40, '5');
  edge.note = std::string(500, 'n');
  EXPECT_TRUE(on_call().AddShift(supervisor, program_id_, edge));
  auto rota = on_call().Rota(supervisor, program_id_, clock_.Now(), clock_.Now() + days(30));
  ASSERT_TRUE(rota);
  EXPECT_EQ(rota->shifts.size(), 1u);
}

TEST_P(OnCallTest, SupervisorsOfTheProgramAndAdministratorsPlanIt) {
  const std::string other_program = AddTestProgram(db(), org_id_, "Youth Program", clock_.Now());
  AddTestUser(db(), org_id_, other_program, "youth_supervisor", Role::kSupervisor, clock_.Now());
  const app::NewShift shift = Shift("care_coordinator", hours(1), hours(13));

  for (const char* who : {"care_coordinator", "peer_support", "auditor"}) {
    auto ctx = ContextFor(who);
    auto r = on_call().AddShift(ctx, program_id_, shift);
    ASSERT_FALSE(r) << who;
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied) << who;
  }
  auto youth = ContextFor("youth_supervisor");
  auto elsewhere = on_call().AddShift(youth, program_id_, shift);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kPermissionDenied);
  ASSERT_FALSE(youth.read_events.empty());
  EXPECT_EQ(youth.read_events.back().outcome, AuditOutcome::kDenied);
  auto unknown = on_call().AddShift(youth, "0192f0c8-0000-7000-8000-000000000000", shift);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  auto admin = ContextFor("admin");
  auto made = on_call().AddShift(admin, program_id_, shift);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(AuditCount("on_call.manage", made->id), 1);

  // Reading: the youth supervisor sees only their program now; the admin sees both.
  auto youth_now = on_call().Now(youth);
  ASSERT_TRUE(youth_now);
  ASSERT_EQ(youth_now->size(), 1u);
  EXPECT_EQ((*youth_now)[0].program_id, other_program);
  auto denied = on_call().Rota(youth, program_id_, clock_.Now(), clock_.Now() + days(1));
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  auto admin_now = on_call().Now(admin);
  ASSERT_TRUE(admin_now);
  EXPECT_EQ(admin_now->size(), 2u);
  EXPECT_TRUE(ForProgram(*admin_now, program_id_));
  EXPECT_TRUE(ForProgram(*admin_now, other_program));
  EXPECT_EQ(ForProgram(*admin_now, program_id_)->on_call.size(), 0u);  // starts in an hour
}

TEST_P(OnCallTest, OnlyShiftsThatHaveNotEndedCanBeRemoved) {
  auto supervisor = ContextFor("supervisor");
  const std::string past = Add(supervisor, "care_coordinator", hours(1), hours(3));
  const std::string running = Add(supervisor, "peer_support", hours(2), hours(12));
  const std::string future = Add(supervisor, "supervisor", hours(20), hours(30));
  clock_.Advance(hours(4));

  auto ended = on_call().RemoveShift(supervisor, past);
  ASSERT_FALSE(ended);
  EXPECT_EQ(ended.error().code, ErrorCode::kConflict);
  auto coordinator = ContextFor("care_coordinator");
  auto denied = on_call().RemoveShift(coordinator, future);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  ASSERT_TRUE(on_call().RemoveShift(supervisor, running));
  ASSERT_TRUE(on_call().RemoveShift(supervisor, future));
  auto again = on_call().RemoveShift(supervisor, future);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(AuditCount("on_call.manage", future), 2);  // added, removed

  auto rota =
      on_call().Rota(supervisor, program_id_, clock_.Now() - hours(10), clock_.Now() + hours(40));
  ASSERT_TRUE(rota);
  ASSERT_EQ(rota->shifts.size(), 1u);
  EXPECT_EQ(rota->shifts[0].id, past);
}

TEST_P(OnCallTest, ARetryWithTheSameKeyAddsOneShift) {
  auto supervisor = ContextFor("supervisor");
  supervisor.idempotency_key = "shift-1";
  supervisor.request_fingerprint = "POST shift";
  const app::NewShift shift = Shift("care_coordinator", hours(1), hours(13));
  auto first = on_call().AddShift(supervisor, program_id_, shift);
  ASSERT_TRUE(first) << first.error().message;
  auto second = on_call().AddShift(supervisor, program_id_, shift);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->id, first->id);
  auto rota = on_call().Rota(supervisor, program_id_, clock_.Now(), clock_.Now() + days(1));
  ASSERT_TRUE(rota);
  EXPECT_EQ(rota->shifts.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Drivers, OnCallTest, ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
