// SPDX-License-Identifier: Apache-2.0
// Risk tiers on both drivers (002 stratification; docs/assessments.md "Risk tiers"): the
// default policy's tiers follow the latest assessments and recent discharges, a supervisor of
// the deciding program may override with a reason (audited) and clear it, and the tier in force
// sets the contact schedule of the early-engagement weeks in the same commit.
#include <gtest/gtest.h>

#include "app/core/obligation_engine.h"
#include "assessment_fixture.h"
#include "store/transition_repository.h"

namespace carecoord::tests {
namespace {

class RiskTierTest : public AssessmentFixture {
 protected:
  app::RiskTierService& tiers() { return services_->risk_tiers; }

  app::ParticipantTier TierOf(const std::string& participant_id,
                              const std::string& username = "care_coordinator") {
    auto ctx = ContextFor(username);
    auto t = tiers().Get(ctx, participant_id);
    EXPECT_TRUE(t) << (t ? "" : t.error().message);
    EXPECT_TRUE(HasReadEvent(ctx, "risk_tier.read"));
    return t ? *t : app::ParticipantTier{};
  }

  AssessmentRecord Phq9At(const std::string& participant_id, int total, std::chrono::hours ago) {
    auto ctx = ContextFor("care_coordinator");
    app::NewAssessment in = Phq9Assessment(total);
    in.assessed_at = clock_.Now() - ago;
    return RecordOk(ctx, participant_id, in);
  }

  // A stay in a crisis stabilization unit that ended `ago` before now.
  std::string Discharge(const SeededEpisode& s, std::chrono::hours ago) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const Instant now = clock_.Now();
    TransitionRecord t;
    t.org_id = org_id_;
    t.id = app::NewId(now);
    t.episode_id = s.episode_id;
    t.participant_id = s.participant_id;
    t.level = "crisis_stabilization";
    t.facility = "County CSU";
    t.discharged_at = now - ago;
    t.admitted_at = *t.discharged_at - std::chrono::days(3);
    t.recorded_by = UserIdOf("care_coordinator");
    t.created_at = t.updated_at = now;
    EXPECT_TRUE(store::TransitionRepository(**conn).Insert(t));
    return t.id;
  }
};

TEST_P(RiskTierTest, NoEpisodeMeansNoProgramAndSoNoTier) {
  const std::string participant = SeedParticipantOnly();
  auto ctx = ContextFor("auditor");  // auditors see the whole organization
  auto t = tiers().Get(ctx, participant);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kNotFound);
}

TEST_P(RiskTierTest, StandardWithoutAssessmentsWithThePolicysTiers) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  const auto t = TierOf(s.participant_id);
  EXPECT_EQ(t.tier.tier, "standard");
  EXPECT_EQ(t.tier.title, "Standard");
  EXPECT_EQ(t.tier.computed_tier, "standard");
  EXPECT_TRUE(t.tier.reasons.empty());
  EXPECT_FALSE(t.tier.override);
  EXPECT_EQ(t.program_id, program_id_);
  EXPECT_EQ(t.policy_version, 0);
  EXPECT_EQ(t.tier_ids, (std::vector<std::string>{"high", "moderate", "standard"}));
  EXPECT_EQ(t.tier_titles, (std::vector<std::string>{"High", "Moderate", "Standard"}));
}

TEST_P(RiskTierTest, TheLatestPhq9MovesTheTierUpAndDown) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  const auto moderate = Phq9At(s.participant_id, 10, std::chrono::hours(72));
  auto t = TierOf(s.participant_id);
  EXPECT_EQ(t.tier.tier, "moderate");
  ASSERT_EQ(t.tier.reasons.size(), 1u);
  EXPECT_EQ(t.tier.reasons[0].source, "assessment");
  EXPECT_EQ(t.tier.reasons[0].source_id, moderate.id);
  EXPECT_EQ(t.tier.schedule.default_per_week, 3);

  const auto severe = Phq9At(s.participant_id, 22, std::chrono::hours(48));
  t = TierOf(s.participant_id);
  EXPECT_EQ(t.tier.tier, "high");
  EXPECT_EQ(t.tier.title, "High");
  ASSERT_EQ(t.tier.reasons.size(), 1u);
  EXPECT_EQ(t.tier.reasons[0].source_id, severe.id);
  EXPECT_NE(t.tier.reasons[0].text.find("PHQ-9"), std::string::npos) << t.tier.reasons[0].text;
  EXPECT_NE(t.tier.reasons[0].text.find("22"), std::string::npos) << t.tier.reasons[0].text;
  EXPECT_EQ(t.tier.schedule.min_per_week, 5);
  EXPECT_EQ(t.tier.schedule.default_per_week, 5);

  // A PHQ-9 given earlier but recorded now does not displace the later one.
  Phq9At(s.participant_id, 2, std::chrono::hours(60));
  EXPECT_EQ(TierOf(s.participant_id).tier.tier, "high");
  // A later minimal PHQ-9 brings the tier back down.
  Phq9At(s.participant_id, 4, std::chrono::hours(24));
  t = TierOf(s.participant_id);
  EXPECT_EQ(t.tier.tier, "standard");
  EXPECT_TRUE(t.tier.reasons.empty());
}

// The default policy: a discharge from a higher level of care within 30 days puts the
// participant in the high tier.
TEST_P(RiskTierTest, ARecentDischargeIsHighForThirtyDays) {
  const auto within = SeedEpisode("care_coordinator", "active", 60);
  const std::string stay = Discharge(within, std::chrono::hours(30 * 24 - 1));
  auto t = TierOf(within.participant_id);
  EXPECT_EQ(t.tier.tier, "high");
  ASSERT_EQ(t.tier.reasons.size(), 1u);
  EXPECT_EQ(t.tier.reasons[0].source, "transition");
  EXPECT_EQ(t.tier.reasons[0].source_id, stay);

  const auto past = SeedEpisode("care_coordinator", "active", 60);
  Discharge(past, std::chrono::hours(30 * 24 + 1));
  EXPECT_EQ(TierOf(past.participant_id).tier.tier, "standard");

  // A stay still going on is no discharge.
  const auto inside = SeedEpisode("care_coordinator", "active", 60);
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    TransitionRecord t2;
    t2.org_id = org_id_;
    t2.id = app::NewId(clock_.Now());
    t2.episode_id = inside.episode_id;
    t2.participant_id = inside.participant_id;
    t2.level = "inpatient_psychiatric";
    t2.facility = "General";
    t2.admitted_at = clock_.Now() - std::chrono::days(2);
    t2.recorded_by = UserIdOf("care_coordinator");
    t2.created_at = t2.updated_at = clock_.Now();
    ASSERT_TRUE(store::TransitionRepository(**conn).Insert(t2));
  }
  EXPECT_EQ(TierOf(inside.participant_id).tier.tier, "standard");
}

TEST_P(RiskTierTest, ASupervisorOverridesWithAReasonAndClears) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  Phq9At(s.participant_id, 22, std::chrono::hours(5));
  auto sup = ContextFor("supervisor");

  auto no_reason = tiers().Override(sup, s.participant_id, "moderate", "  ");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_reason.error().field, "reason");
  auto long_reason = tiers().Override(sup, s.participant_id, "moderate", std::string(1001, 'r'));
  ASSERT_FALSE(long_reason);
  EXPECT_EQ(long_reason.error().field, "reason");
  auto unknown = tiers().Override(sup, s.participant_id, "extreme", "why not");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "tier");
  auto nothing_to_clear = tiers().Override(sup, s.participant_id, std::nullopt, "clear");
  ASSERT_FALSE(nothing_to_clear);
  EXPECT_EQ(nothing_to_clear.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM risk_tier_overrides", {}), 0);

  const std::string reason = "Stable on new medication; sister staying with her.";
  auto set = tiers().Override(sup, s.participant_id, "moderate", std::string(1000, 'r'));
  ASSERT_TRUE(set) << set.error().message;  // 1000 bytes is the edge
  set = tiers().Override(sup, s.participant_id, "moderate", reason);
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_EQ(set->tier.tier, "moderate");
  EXPECT_EQ(set->tier.title, "Moderate");
  EXPECT_EQ(set->tier.computed_tier, "high");
  ASSERT_TRUE(set->tier.override);
  EXPECT_EQ(set->tier.override->tier, "moderate");
  EXPECT_EQ(set->tier.override->reason, reason);
  EXPECT_EQ(set->tier.override->set_by, UserIdOf("supervisor"));
  EXPECT_EQ(set->tier.override->set_by_name, "User supervisor");
  EXPECT_EQ(set->tier.override->set_at, clock_.Now());
  EXPECT_EQ(set->tier.schedule.default_per_week, 3);  // the moderate tier's
  EXPECT_EQ(AuditCount("risk_tier.override", set->tier.override->id), 1);
  // Only one override is ever in force.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM risk_tier_overrides WHERE cleared_at IS NULL", {}), 1);

  // Everyone who reads the tier sees the override.
  const auto seen = TierOf(s.participant_id);
  EXPECT_EQ(seen.tier.tier, "moderate");
  ASSERT_TRUE(seen.tier.override);
  EXPECT_EQ(seen.tier.override->reason, reason);

  const std::string override_id = set->tier.override->id;
  auto cleared = tiers().Override(sup, s.participant_id, std::nullopt, "Back to the rules.");
  ASSERT_TRUE(cleared) << cleared.error().message;
  EXPECT_EQ(cleared->tier.tier, "high");
  EXPECT_FALSE(cleared->tier.override);
  EXPECT_EQ(AuditCount("risk_tier.override", override_id), 2);  // set, then cleared
  EXPECT_EQ(Count("SELECT COUNT(*) FROM risk_tier_overrides WHERE cleared_at IS NULL", {}), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM risk_tier_overrides WHERE cleared_by = $1",
                  {UserIdOf("supervisor")}),
            2);
}

TEST_P(RiskTierTest, OnlyASupervisorOfTheDecidingProgramMayOverride) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto coordinator = ContextFor("care_coordinator");
  auto denied = tiers().Override(coordinator, s.participant_id, "high", "worried");
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(HasReadEvent(coordinator, "risk_tier.override", AuditOutcome::kDenied));

  // A supervisor of another program where the participant once had an episode sees them, but
  // the tier is decided by the open episode's program.
  const std::string program_b = AddTestProgram(db(), org_id_, "Program B", clock_.Now());
  AddTestUser(db(), org_id_, program_b, "supervisor_b", Role::kSupervisor, clock_.Now());
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    auto e = store::EpisodeRepository(**conn).Find(org_id_, s.episode_id);
    ASSERT_TRUE(e && *e);
    EpisodeRecord old = **e;
    old.id = app::NewId(clock_.Now());
    old.program_id = program_b;
    old.status = "closed";
    old.started_at = old.referral_received_at = clock_.Now() - std::chrono::days(200);
    old.ended_at = clock_.Now() - std::chrono::days(100);
    ASSERT_TRUE(store::EpisodeRepository(**conn).Insert(old));
  }
  auto other_sup = ContextFor("supervisor_b");
  auto read = tiers().Get(other_sup, s.participant_id);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->program_id, program_id_);
  auto refused = tiers().Override(other_sup, s.participant_id, "high", "worried");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(HasReadEvent(other_sup, "risk_tier.override", AuditOutcome::kDenied));

  // Someone with no relationship at all gets 404.
  const auto elsewhere = SeedEpisode("care_coordinator", "active", 10);
  AddUser("stranger", Role::kCareCoordinator);
  auto stranger = ContextFor("stranger");
  auto hidden = tiers().Get(stranger, elsewhere.participant_id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(HasReadEvent(stranger, "risk_tier.read", AuditOutcome::kDenied));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM risk_tier_overrides", {}), 0);
}

// The latest episode decides when none is open.
TEST_P(RiskTierTest, TheLatestEpisodeDecidesWhenNoneIsOpen) {
  const auto s = SeedEpisode("care_coordinator", "closed", 90);
  const std::string program_b = AddTestProgram(db(), org_id_, "Program B", clock_.Now());
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    auto e = store::EpisodeRepository(**conn).Find(org_id_, s.episode_id);
    ASSERT_TRUE(e && *e);
    EpisodeRecord older = **e;
    older.id = app::NewId(clock_.Now());
    older.program_id = program_b;
    older.started_at = older.referral_received_at = clock_.Now() - std::chrono::days(400);
    ASSERT_TRUE(store::EpisodeRepository(**conn).Insert(older));
  }
  EXPECT_EQ(TierOf(s.participant_id, "auditor").program_id, program_id_);
}

// 001 §2: safety needs drive the number of contacts; the tier's schedule bounds set the early
// engagement weeks' count, in the commit that changes the tier.
TEST_P(RiskTierTest, TheTierSetsTheContactScheduleDefault) {
  const auto s = SeedEpisode("care_coordinator", "active", 3);
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    ASSERT_TRUE(services_->refresher->RefreshEpisode(**conn, org_id_, s.episode_id, clock_.Now()));
  }
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 3);
  Phq9At(s.participant_id, 22, std::chrono::hours(1));
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 5);  // the high tier's default
  auto sup = ContextFor("supervisor");
  ASSERT_TRUE(tiers().Override(sup, s.participant_id, "standard", "Family moved in with him."));
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 3);
  ASSERT_TRUE(tiers().Override(sup, s.participant_id, std::nullopt, "Family moved out."));
  EXPECT_EQ(MaxEarlyEngagementRequired(s.episode_id), 5);
}

INSTANTIATE_TEST_SUITE_P(Drivers, RiskTierTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
