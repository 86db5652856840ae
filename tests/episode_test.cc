// SPDX-License-Identifier: Apache-2.0
// Episodes across the layers: reading, status moves, warm hand-offs of accountability and their
// races, on every driver (docs/participant-record.md "Episodes, hand-offs, care team").
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "episode_fixture.h"

namespace carecoord::tests {
namespace {

using std::chrono::hours;

class EpisodeTest : public EpisodeFixture {
 protected:
  app::EpisodeService& episodes() { return services_->episodes; }

  app::EpisodeTransfer To(const std::string& username) {
    app::EpisodeTransfer t;
    t.to_user_id = UserIdOf(username);
    t.face_to_face = true;
    t.note = "Met together at the clinic; reviewed the care plan.";
    return t;
  }
};

TEST_P(EpisodeTest, GetAndListShowHistoriesNewestFirst) {
  auto old = SeedEpisode("care_coordinator", "closed", 400);
  auto current = SeedEpisode("care_coordinator", "engaging", 10, old.participant_id);
  auto ctx = ContextFor("care_coordinator");
  auto got = episodes().Get(ctx, current.episode_id);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->episode.status, "engaging");
  EXPECT_EQ(got->episode.program_name, "Test Program");
  EXPECT_EQ(got->episode.coordinator_name, "User care_coordinator");
  ASSERT_EQ(got->status_history.size(), 2u);
  EXPECT_EQ(got->status_history[0].from_status, "");
  EXPECT_EQ(got->status_history[1].to_status, "engaging");
  ASSERT_EQ(got->handoffs.size(), 1u);
  EXPECT_EQ(got->handoffs[0].seq, 1);
  EXPECT_FALSE(got->handoffs[0].from_user_id);
  EXPECT_EQ(ctx.read_events.back().action, "episode.read");
  EXPECT_EQ(ctx.read_events.back().participant_id, current.participant_id);

  auto list = episodes().ListForParticipant(ctx, current.participant_id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].episode.id, current.episode_id);
  EXPECT_EQ((*list)[1].episode.id, old.episode_id);

  for (const std::string id : {"nope", "0192f0c8-0000-7000-8000-000000000000"}) {
    auto missing = episodes().Get(ctx, id);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  }
}

TEST_P(EpisodeTest, RelationshipDecidesWhoSeesAnEpisode) {
  auto s = SeedEpisode();
  AddUser("other_coordinator", Role::kCareCoordinator);
  for (const char* who : {"supervisor", "auditor", "care_coordinator"}) {
    auto ctx = ContextFor(who);
    EXPECT_TRUE(episodes().Get(ctx, s.episode_id)) << who;
  }
  for (const char* who : {"other_coordinator", "peer_support", "nurse_care_manager"}) {
    auto ctx = ContextFor(who);
    auto r = episodes().Get(ctx, s.episode_id);
    ASSERT_FALSE(r) << who;
    EXPECT_EQ(r.error().code, ErrorCode::kNotFound) << who;
    EXPECT_EQ(ctx.read_events.back().outcome, AuditOutcome::kDenied);
  }
  auto admin = ContextFor("admin");
  EXPECT_EQ(episodes().Get(admin, s.episode_id).error().code, ErrorCode::kPermissionDenied);
  // The auditor reads but never writes.
  auto auditor = ContextFor("auditor");
  app::EpisodeStatusChange change{"active", ""};
  EXPECT_EQ(episodes().ChangeStatus(auditor, s.episode_id, 1, change).error().code,
            ErrorCode::kPermissionDenied);
}

TEST_P(EpisodeTest, StatusMovesFollowTheStateMachine) {
  auto s = SeedEpisode();
  auto ctx = ContextFor("care_coordinator");
  // Illegal: 409 naming both statuses, nothing changed.
  auto illegal = episodes().ChangeStatus(ctx, s.episode_id, 1, {"transitioning", ""});
  ASSERT_FALSE(illegal);
  EXPECT_EQ(illegal.error().code, ErrorCode::kConflict);
  EXPECT_NE(illegal.error().message.find("engaging"), std::string::npos);
  EXPECT_NE(illegal.error().message.find("transitioning"), std::string::npos);
  auto unknown = episodes().ChangeStatus(ctx, s.episode_id, 1, {"enrolled", ""});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "status");
  auto no_reason = episodes().ChangeStatus(ctx, s.episode_id, 1, {"refused", "  "});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(VersionOf(s.episode_id), 1);

  auto active = episodes().ChangeStatus(ctx, s.episode_id, 1, {"active", ""});
  ASSERT_TRUE(active) << active.error().message;
  EXPECT_EQ(active->episode.status, "active");
  EXPECT_EQ(active->episode.version, 2);
  ASSERT_TRUE(active->episode.enrolled_at);
  const Instant enrolled = *active->episode.enrolled_at;
  EXPECT_EQ(active->status_history.back().from_status, "engaging");
  EXPECT_EQ(active->status_history.back().changed_by_name, "User care_coordinator");

  auto stale = episodes().ChangeStatus(ctx, s.episode_id, 1, {"transitioning", ""});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);

  clock_.Advance(hours(30));
  ASSERT_TRUE(episodes().ChangeStatus(ctx, s.episode_id, 2, {"transitioning", "stepping down"}));
  auto again = episodes().ChangeStatus(ctx, s.episode_id, 3, {"active", "crisis"});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->episode.enrolled_at, enrolled) << "enrolled_at is set the first time only";
  EXPECT_FALSE(again->episode.ended_at);

  auto closed = episodes().ChangeStatus(ctx, s.episode_id, 4, {"closed", "goals met"});
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_EQ(closed->episode.ended_at, clock_.Now());
  EXPECT_EQ(closed->episode.status_reason, "goals met");
  EXPECT_EQ(closed->status_history.size(), 6u);
  // Closing ends the internal memberships today.
  for (const auto& m : TeamOf(s.episode_id)) {
    EXPECT_EQ(m.end_date, Today());
  }
  auto reopen = episodes().ChangeStatus(ctx, s.episode_id, 5, {"active", ""});
  ASSERT_FALSE(reopen);
  EXPECT_EQ(reopen.error().code, ErrorCode::kConflict);
  EXPECT_EQ(AuditCount("episode.change_status", s.episode_id), 4);
}

TEST_P(EpisodeTest, TransferIsAWarmHandOffThatMovesAccountabilityAndTheCareTeam) {
  auto s = SeedEpisode();
  const std::string old_id = UserIdOf("care_coordinator");
  const std::string new_id = AddUser("coordinator2", Role::kCareCoordinator);
  auto ctx = ContextFor("care_coordinator");
  auto newcomer = ContextFor("coordinator2");
  EXPECT_EQ(episodes().Get(newcomer, s.episode_id).error().code, ErrorCode::kNotFound);

  auto t = To("coordinator2");
  t.occurred_at = clock_.Now() - hours(2);
  auto moved = episodes().Transfer(ctx, s.episode_id, 1, t);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->episode.coordinator_id, new_id);
  EXPECT_EQ(moved->episode.coordinator_name, "User coordinator2");
  EXPECT_EQ(moved->episode.version, 2);
  ASSERT_EQ(moved->handoffs.size(), 2u);
  EXPECT_EQ(moved->handoffs[1].seq, 2);
  EXPECT_EQ(moved->handoffs[1].from_user_id, old_id);
  EXPECT_EQ(moved->handoffs[1].from_name, "User care_coordinator");
  EXPECT_EQ(moved->handoffs[1].to_user_id, new_id);
  EXPECT_EQ(moved->handoffs[1].occurred_at, clock_.Now() - hours(2));
  EXPECT_TRUE(moved->handoffs[1].face_to_face);
  EXPECT_EQ(AuditCount("episode.transfer", s.episode_id), 1);

  int ongoing = 0;
  for (const auto& m : TeamOf(s.episode_id)) {
    if (m.user_id == old_id) {
      EXPECT_EQ(m.end_date, Today());
    }
    if (m.user_id == new_id) {
      EXPECT_EQ(m.start_date, Today());
      EXPECT_FALSE(m.end_date);
    }
    if (m.role == "care_coordinator" && !m.end_date) ++ongoing;
  }
  EXPECT_EQ(ongoing, 1);
  EXPECT_TRUE(episodes().Get(newcomer, s.episode_id));
  // The previous coordinator keeps the record through the hand-off day (their membership's
  // last day) to document it, and loses it the next day.
  auto old_ctx = ContextFor("care_coordinator");
  EXPECT_TRUE(episodes().Get(old_ctx, s.episode_id));
  clock_.Advance(hours(24));
  EXPECT_EQ(episodes().Get(old_ctx, s.episode_id).error().code, ErrorCode::kNotFound);

  // And back again: hand-offs keep counting.
  auto back = episodes().Transfer(newcomer, s.episode_id, 2, To("care_coordinator"));
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->handoffs.size(), 3u);
  EXPECT_EQ(back->handoffs[2].seq, 3);
  EXPECT_EQ(back->episode.coordinator_id, old_id);
}

TEST_P(EpisodeTest, TransferRefusesWithClearReasonsAndChangesNothing) {
  auto s = SeedEpisode();
  AddUser("coordinator2", Role::kCareCoordinator);
  auto ctx = ContextFor("care_coordinator");
  struct Case {
    app::EpisodeTransfer transfer;
    ErrorCode code;
    std::string field;
  };
  std::vector<Case> cases;
  cases.push_back({To("care_coordinator"), ErrorCode::kInvalidArgument, "to_user_id"});
  cases.push_back({To("peer_support"), ErrorCode::kInvalidArgument, "to_user_id"});
  cases.push_back({To("supervisor"), ErrorCode::kInvalidArgument, "to_user_id"});
  auto unknown = To("coordinator2");
  unknown.to_user_id = "0192f0c8-0000-7000-8000-000000000000";
  cases.push_back({unknown, ErrorCode::kInvalidArgument, "to_user_id"});
  auto empty = To("coordinator2");
  empty.to_user_id = "";
  cases.push_back({empty, ErrorCode::kInvalidArgument, "to_user_id"});
  auto future = To("coordinator2");
  future.occurred_at = clock_.Now() + hours(1);
  cases.push_back({future, ErrorCode::kInvalidArgument, "occurred_at"});
  auto long_note = To("coordinator2");
  long_note.note = std::string(4001, 'n');
  cases.push_back({long_note, ErrorCode::kInvalidArgument, "note"});
  for (const Case& c : cases) {
    auto r = episodes().Transfer(ctx, s.episode_id, 1, c.transfer);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, c.code) << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  EXPECT_EQ(episodes().Transfer(ctx, s.episode_id, 7, To("coordinator2")).error().code,
            ErrorCode::kPreconditionFailed);
  EXPECT_EQ(VersionOf(s.episode_id), 1);
  EXPECT_EQ(TeamOf(s.episode_id).size(), 1u);

  // Roles and relationships: a peer may not transfer (403); a coordinator with no relationship
  // sees nothing (404); the auditor may not (403); a supervisor of the program may.
  auto peer = ContextFor("peer_support");
  EXPECT_EQ(episodes().Transfer(peer, s.episode_id, 1, To("coordinator2")).error().code,
            ErrorCode::kPermissionDenied);
  auto stranger = ContextFor("coordinator2");
  EXPECT_EQ(episodes().Transfer(stranger, s.episode_id, 1, To("coordinator2")).error().code,
            ErrorCode::kNotFound);
  auto auditor = ContextFor("auditor");
  EXPECT_EQ(episodes().Transfer(auditor, s.episode_id, 1, To("coordinator2")).error().code,
            ErrorCode::kPermissionDenied);
  auto supervisor = ContextFor("supervisor");
  EXPECT_TRUE(episodes().Transfer(supervisor, s.episode_id, 1, To("coordinator2")));

  auto closed = SeedEpisode("care_coordinator", "closed", 30);
  auto r = episodes().Transfer(ctx, closed.episode_id, 1, To("coordinator2"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("closed"), std::string::npos);
}

// Two coordinators hand the same episode over at the same moment to two different colleagues:
// exactly one wins; the other is told someone else moved first, and the record stays whole.
TEST_P(EpisodeTest, ConcurrentTransfersExactlyOneWins) {
  AddUser("coordinator2", Role::kCareCoordinator);
  AddUser("coordinator3", Role::kCareCoordinator);
  const std::string targets[2] = {UserIdOf("coordinator2"), UserIdOf("coordinator3")};
  for (int round = 0; round < 4; ++round) {
    auto s = SeedEpisode();
    app::Context ctxs[2] = {ContextFor("care_coordinator"), ContextFor("supervisor")};
    std::latch start(2);
    Result<EpisodeDetail> results[2] = {Fail(ErrorCode::kInternal, "not run"),
                                        Fail(ErrorCode::kInternal, "not run")};
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
      threads.emplace_back([&, i] {
        app::EpisodeTransfer t;
        t.to_user_id = targets[i];
        t.note = "race " + std::to_string(i);
        start.arrive_and_wait();
        results[i] = services_->episodes.Transfer(ctxs[i], s.episode_id, 1, t);
      });
    }
    for (auto& t : threads) t.join();
    int wins = 0;
    int winner = -1;
    for (int i = 0; i < 2; ++i) {
      if (results[i]) {
        ++wins;
        winner = i;
      } else {
        const ErrorCode code = results[i].error().code;
        EXPECT_TRUE(code == ErrorCode::kConflict || code == ErrorCode::kPreconditionFailed)
            << results[i].error().message;
      }
    }
    ASSERT_EQ(wins, 1) << "round " << round;
    auto ctx = ContextFor("supervisor");
    auto after = episodes().Get(ctx, s.episode_id);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->episode.coordinator_id, targets[winner]);
    EXPECT_EQ(after->episode.version, 2);
    ASSERT_EQ(after->handoffs.size(), 2u);
    EXPECT_EQ(after->handoffs[1].to_user_id, targets[winner]);
    int ongoing = 0;
    for (const auto& m : TeamOf(s.episode_id)) {
      if (m.role == "care_coordinator" && !m.end_date) {
        ++ongoing;
        EXPECT_EQ(m.user_id, targets[winner]);
      }
    }
    EXPECT_EQ(ongoing, 1);
    EXPECT_EQ(AuditCount("episode.transfer", s.episode_id), 1);
  }
}

INSTANTIATE_TEST_SUITE_P(Drivers, EpisodeTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
