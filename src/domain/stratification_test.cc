// SPDX-License-Identifier: Apache-2.0
#include "domain/stratification.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "domain/policy_file.h"

namespace carecoord {
namespace {

Instant At(const char* text) {
  auto t = ParseInstant(text, "t");
  EXPECT_TRUE(t) << text;
  return t ? *t : Instant{};
}

// The default policy's tiers (policies/default.toml): high, moderate, standard.
const Policy& DefaultPolicy() {
  static const Policy kPolicy = *ParsePolicy(DefaultPolicyText());
  return kPolicy;
}

AssessmentFact Phq9(std::string id, const char* when, int total, std::string band,
                    std::string band_label) {
  AssessmentFact a;
  a.id = std::move(id);
  a.instrument = "phq9";
  a.instrument_title = "PHQ-9";
  a.assessed_at = At(when);
  a.recorded_at = a.assessed_at;
  a.total = total;
  a.band = std::move(band);
  a.band_label = std::move(band_label);
  return a;
}

AssessmentFact Level(std::string id, std::string instrument, const char* when, std::string level) {
  AssessmentFact a;
  a.id = std::move(id);
  a.instrument = instrument;
  a.instrument_title = instrument == "locus" ? "LOCUS" : "CALOCUS";
  a.assessed_at = At(when);
  a.recorded_at = a.assessed_at;
  a.recommended_level = std::move(level);
  return a;
}

const Instant kNow = At("2026-11-23T12:00:00Z");

TEST(StratificationTest, NoFactsIsTheLastTierWithThePolicySchedule) {
  const TierResult r = StratifyParticipant(DefaultPolicy(), {}, kNow);
  EXPECT_EQ(r.tier, "standard");
  EXPECT_EQ(r.computed_tier, "standard");
  EXPECT_EQ(r.title, "Standard");
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_FALSE(r.override);
  EXPECT_EQ(r.schedule.min_per_week, DefaultPolicy().schedule.min_per_week);
  EXPECT_EQ(r.schedule.default_per_week, DefaultPolicy().schedule.default_per_week);
}

TEST(StratificationTest, NoTiersGivesAnEmptyTierAndThePolicySchedule) {
  Policy policy;
  policy.schedule = {2, 6, 4};
  StratificationFacts f;
  f.assessments.push_back(Phq9("a1", "2026-11-20T15:00:00Z", 22, "severe", "Severe"));
  const TierResult r = StratifyParticipant(policy, f, kNow);
  EXPECT_EQ(r.tier, "");
  EXPECT_EQ(r.computed_tier, "");
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_EQ(r.schedule.min_per_week, 2);
  EXPECT_EQ(r.schedule.default_per_week, 4);
}

TEST(StratificationTest, SeverePhq9IsHighWithItsReasonAndSchedule) {
  StratificationFacts f;
  f.assessments.push_back(Phq9("a1", "2026-11-20T15:00:00Z", 22, "severe", "Severe"));
  const TierResult r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "high");
  EXPECT_EQ(r.title, "High");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].text, "PHQ-9 Severe (22) on 20 Nov 2026");
  EXPECT_EQ(r.reasons[0].source, "assessment");
  EXPECT_EQ(r.reasons[0].source_id, "a1");
  EXPECT_EQ(r.schedule.min_per_week, 5);
  EXPECT_EQ(r.schedule.max_per_week, 7);
  EXPECT_EQ(r.schedule.default_per_week, 5);
}

TEST(StratificationTest, LatestAssessmentPerInstrumentCounts) {
  StratificationFacts f;
  f.assessments.push_back(Phq9("a1", "2026-11-01T15:00:00Z", 22, "severe", "Severe"));
  f.assessments.push_back(Phq9("a2", "2026-11-20T15:00:00Z", 12, "moderate", "Moderate"));
  const TierResult r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "moderate");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].text, "PHQ-9 Moderate (12) on 20 Nov 2026");
  EXPECT_EQ(r.schedule.default_per_week, 3);
}

TEST(StratificationTest, FactsRecordedAfterAsOfAreIgnored) {
  StratificationFacts f;
  f.assessments.push_back(Phq9("a1", "2026-11-01T15:00:00Z", 22, "severe", "Severe"));
  AssessmentFact late = Phq9("a2", "2026-11-20T15:00:00Z", 3, "minimal", "Minimal");
  late.recorded_at = At("2026-11-23T12:00:00.001Z");  // entered a moment after as_of
  f.assessments.push_back(late);
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), f, kNow).tier, "high");
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), f, late.recorded_at).tier, "standard");
  // Assessed after as_of: not yet.
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), f, At("2026-10-31T00:00:00Z")).tier, "standard");
}

TEST(StratificationTest, LevelOfCareLatestAmongInstrumentsAtLeast) {
  StratificationFacts f;
  f.assessments.push_back(Level("l1", "locus", "2026-11-10T15:00:00Z", "4"));
  TierResult r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "high");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].text, "LOCUS recommended level 4 on 10 Nov 2026");
  // A newer CALOCUS at level 3 supersedes the LOCUS: moderate (level at least 2).
  f.assessments.push_back(Level("l2", "calocus", "2026-11-12T15:00:00Z", "3"));
  r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "moderate");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].source_id, "l2");
  // Level 1: below every threshold.
  f.assessments.push_back(Level("l3", "locus", "2026-11-13T15:00:00Z", "1"));
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), f, kNow).tier, "standard");
}

TEST(StratificationTest, FlagAndNeedConditions) {
  StratificationFacts f;
  AssessmentFact a = Phq9("a1", "2026-11-20T15:00:00Z", 8, "mild", "Mild");
  a.flags = {"safety"};
  f.assessments.push_back(a);
  TierResult r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "high");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].text, "PHQ-9: safety flag raised on 20 Nov 2026");

  StratificationFacts g;
  AssessmentFact s;
  s.id = "s1";
  s.instrument = "sdoh";
  s.instrument_title = "SDOH screener";
  s.assessed_at = At("2026-11-19T15:00:00Z");
  s.recorded_at = s.assessed_at;
  s.needs = {"food_insecurity", "housing_instability"};
  g.assessments.push_back(s);
  r = StratifyParticipant(DefaultPolicy(), g, kNow);
  EXPECT_EQ(r.tier, "moderate");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].text, "SDOH screener: housing instability identified on 19 Nov 2026");
  // A later screener without the need: no longer.
  s.id = "s2";
  s.assessed_at = At("2026-11-21T15:00:00Z");
  s.recorded_at = s.assessed_at;
  s.needs = {"food_insecurity"};
  g.assessments.push_back(s);
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), g, kNow).tier, "standard");
}

TEST(StratificationTest, RecentDischargeCountsForExactlyThirtyDays) {
  StratificationFacts f;
  DischargeFact d;
  d.transition_id = "t1";
  d.level = "inpatient_psychiatric";
  d.discharged_at = At("2026-11-01T10:00:00Z");
  d.recorded_at = d.discharged_at;
  f.discharges.push_back(d);
  const Instant edge = d.discharged_at + std::chrono::hours{30 * 24};
  TierResult r = StratifyParticipant(DefaultPolicy(), f, edge);
  EXPECT_EQ(r.tier, "high");
  ASSERT_EQ(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].text, "Discharged from inpatient psychiatric on 1 Nov 2026");
  EXPECT_EQ(r.reasons[0].source, "transition");
  EXPECT_EQ(r.reasons[0].source_id, "t1");
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), f, edge + std::chrono::minutes{1}).tier,
            "standard");
  // Before the discharge happened (as of the day before): not yet.
  EXPECT_EQ(StratifyParticipant(DefaultPolicy(), f, At("2026-10-31T10:00:00Z")).tier, "standard");
}

TEST(StratificationTest, FirstTierWinsAndListsEveryConditionThatHoldsInIt) {
  StratificationFacts f;
  AssessmentFact a = Phq9("a1", "2026-11-20T15:00:00Z", 24, "severe", "Severe");
  a.flags = {"safety"};
  f.assessments.push_back(a);
  AssessmentFact g;
  g.id = "g1";
  g.instrument = "gad7";
  g.instrument_title = "GAD-7";
  g.assessed_at = At("2026-11-20T16:00:00Z");
  g.recorded_at = g.assessed_at;
  g.total = 17;
  g.band = "severe";
  g.band_label = "Severe";
  f.assessments.push_back(g);  // a moderate-tier condition: not listed, high won
  const TierResult r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "high");
  ASSERT_EQ(r.reasons.size(), 2u);
  EXPECT_EQ(r.reasons[0].text, "PHQ-9 Severe (24) on 20 Nov 2026");
  EXPECT_EQ(r.reasons[1].text, "PHQ-9: safety flag raised on 20 Nov 2026");
}

TEST(StratificationTest, OverrideReplacesTheTierUnlessThePolicyLacksIt) {
  StratificationFacts f;
  f.assessments.push_back(Phq9("a1", "2026-11-20T15:00:00Z", 22, "severe", "Severe"));
  TierOverrideFact o;
  o.id = "o1";
  o.tier = "moderate";
  o.reason = "stable since the discharge";
  o.set_by = "sup1";
  o.set_at = At("2026-11-22T10:00:00Z");
  f.override = o;
  TierResult r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "moderate");
  EXPECT_EQ(r.title, "Moderate");
  EXPECT_EQ(r.computed_tier, "high");
  EXPECT_EQ(r.computed_title, "High");
  ASSERT_EQ(r.reasons.size(), 1u);  // why the computed tier
  ASSERT_TRUE(r.override);
  EXPECT_EQ(r.override->id, "o1");
  EXPECT_EQ(r.schedule.min_per_week, 3);  // the moderate tier's bounds
  // Before the override was set it was not in force.
  r = StratifyParticipant(DefaultPolicy(), f, At("2026-11-22T09:59:59Z"));
  EXPECT_EQ(r.tier, "high");
  EXPECT_FALSE(r.override);
  // An override to a tier the policy no longer has is ignored.
  f.override->tier = "critical";
  r = StratifyParticipant(DefaultPolicy(), f, kNow);
  EXPECT_EQ(r.tier, "high");
  EXPECT_FALSE(r.override);
}

}  // namespace
}  // namespace carecoord
