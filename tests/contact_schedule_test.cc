// SPDX-License-Identifier: Apache-2.0
// The participant's contact schedule for the first 30 days (001 §2: "ranging from daily to a
// minimum of three times per week", considering safety, independence and wishes), on both
// drivers: the policy's bounds, optimistic concurrency, closed episodes, access, and its effect
// on the weekly early-engagement obligations in the same commit.
#include <gtest/gtest.h>

#include "app/core/obligation_engine.h"
#include "episode_fixture.h"

namespace carecoord::tests {
namespace {

class ContactScheduleTest : public EpisodeFixture {
 protected:
  app::EpisodeService& episodes() { return services_->episodes; }

  static app::ContactSchedule Schedule(int per_week, std::string reason = "safety") {
    app::ContactSchedule s;
    s.per_week = per_week;
    s.reason = std::move(reason);
    s.note = "Recent crisis stay; lives alone.";
    return s;
  }

  // The largest number of contacts any early-engagement week of the episode asks for (full
  // weeks ask for the schedule; partial ones a prorated share). -1 when there is none.
  int MaxEarlyEngagementRequired(const std::string& episode_id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const store::Value params[] = {episode_id};
    auto row = (*conn)->QueryOne(
        "SELECT COALESCE(MAX(required), -1) FROM obligations WHERE episode_id = $1 AND rule_id "
        "= 'early_engagement'",
        params);
    EXPECT_TRUE(row) << (row ? "" : row.error().message);
    return row ? static_cast<int>(row->Int(0)) : -2;
  }
};

TEST_P(ContactScheduleTest, SetsTheScheduleWithinThePolicysBounds) {
  const auto s = SeedEpisode("care_coordinator", "active", 5);
  auto ctx = ContextFor("care_coordinator");
  // The default policy: 3 to 7 a week (001 §2).
  for (int bad : {0, 2, 8}) {
    auto r = episodes().SetContactSchedule(ctx, s.episode_id, 1, Schedule(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "per_week") << r.error().message;
  }
  auto reason = episodes().SetContactSchedule(ctx, s.episode_id, 1, Schedule(5, "budget"));
  ASSERT_FALSE(reason);
  EXPECT_EQ(reason.error().field, "reason");
  app::ContactSchedule long_note = Schedule(5);
  long_note.note = std::string(1001, 'n');
  auto note = episodes().SetContactSchedule(ctx, s.episode_id, 1, long_note);
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().field, "note");
  EXPECT_EQ(VersionOf(s.episode_id), 1);  // nothing changed

  for (int per_week : {3, 7}) {
    const std::int64_t version = VersionOf(s.episode_id);
    auto set = episodes().SetContactSchedule(ctx, s.episode_id, version, Schedule(per_week));
    ASSERT_TRUE(set) << set.error().message;
    EXPECT_EQ(set->episode.contacts_per_week, per_week);
    EXPECT_EQ(set->episode.schedule_reason, "safety");
    EXPECT_EQ(set->episode.schedule_note, "Recent crisis stay; lives alone.");
    EXPECT_EQ(set->episode.time_zone, "America/New_York");
    EXPECT_EQ(set->episode.version, version + 1);
  }
  EXPECT_EQ(AuditCount("episode.set_contact_schedule", s.episode_id), 2);
  auto got = episodes().Get(ctx, s.episode_id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->episode.contacts_per_week, 7);
}

TEST_P(ContactScheduleTest, StaleVersionsClosedEpisodesAndOtherCaseloadsAreRefused) {
  const auto s = SeedEpisode("care_coordinator", "active", 5);
  auto ctx = ContextFor("care_coordinator");
  auto stale = episodes().SetContactSchedule(ctx, s.episode_id, 9, Schedule(4));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);

  AddUser("other_coordinator", Role::kCareCoordinator);
  auto other = ContextFor("other_coordinator");
  auto hidden = episodes().SetContactSchedule(other, s.episode_id, 1, Schedule(4));
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto peer = ContextFor("peer_support");  // peers log contacts; the schedule is coordination
  auto denied = episodes().SetContactSchedule(peer, s.episode_id, 1, Schedule(4));
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);

  const auto closed = SeedEpisode("care_coordinator", "closed", 40);
  auto r = episodes().SetContactSchedule(ctx, closed.episode_id, 1, Schedule(4));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(VersionOf(s.episode_id), 1);
  EXPECT_EQ(VersionOf(closed.episode_id), 1);
}

// 001 §2 / docs/worklists.md: early_engagement asks, each calendar week of the first 30 days,
// for the participant's schedule of contacts (the policy's default of 3 until one is set).
TEST_P(ContactScheduleTest, TheScheduleSetsTheWeeklyEarlyEngagementCount) {
  const auto s = SeedEpisode("care_coordinator", "active", 3);
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    ASSERT_TRUE(services_->refresher->RefreshEpisode(**conn, org_id_, s.episode_id, clock_.Now()));
  }
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 3);
  auto ctx = ContextFor("care_coordinator");
  ASSERT_TRUE(episodes().SetContactSchedule(ctx, s.episode_id, 1, Schedule(5)));
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 5);
  ASSERT_TRUE(episodes().SetContactSchedule(ctx, s.episode_id, 2, Schedule(7, "wishes")));
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 7);
}

// 002: the participant's risk tier bounds the schedule. A PHQ-9 in the severe band puts the
// participant in the default policy's high tier (5–7 a week, 5 by default): 3 and 4 are refused
// naming the tier, 5 is accepted, and until one is set the weekly count is the tier's default.
TEST_P(ContactScheduleTest, TheRiskTierBoundsTheSchedule) {
  const auto s = SeedEpisode("care_coordinator", "active", 3);
  auto ctx = ContextFor("care_coordinator");
  ASSERT_TRUE(episodes().SetContactSchedule(ctx, s.episode_id, 1, Schedule(3)));  // standard

  app::NewAssessment a;
  a.instrument_id = "phq9";
  a.episode_id = s.episode_id;
  a.assessed_at = clock_.Now();
  for (int i = 1; i <= 9; ++i) a.answers["q" + std::to_string(i)] = Answer{i == 9 ? 0 : 3, ""};
  auto recorded = services_->assessments.Record(ctx, s.participant_id, a);  // 24: severe
  ASSERT_TRUE(recorded) << recorded.error().message;
  // The stored 3 a week is below the tier's bounds: the weeks ask for 5.
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 5);

  for (int bad : {3, 4}) {
    auto r = episodes().SetContactSchedule(ctx, s.episode_id, 2, Schedule(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "per_week");
    EXPECT_NE(r.error().message.find("5–7"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("tier High"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(VersionOf(s.episode_id), 2);
  ASSERT_TRUE(episodes().SetContactSchedule(ctx, s.episode_id, 2, Schedule(6)));
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 6);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ContactScheduleTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
