// SPDX-License-Identifier: Apache-2.0
// The care-plan, goal and safety-flag rules of the default policy (001 §4 §10, 000, 002) and
// the risk tier's hold on the contact schedule, at their edges.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "domain/obligations.h"
#include "domain/policy_file.h"

namespace carecoord {
namespace {

using std::chrono::minutes;

Instant At(const char* text) {
  auto t = ParseInstant(text, "t");
  EXPECT_TRUE(t) << text;
  return t ? *t : Instant{};
}

const Policy& DefaultPolicy() {
  static const Policy kPolicy = *ParsePolicy(DefaultPolicyText());
  return kPolicy;
}

// Ana's episode: accepted Saturday 21 Nov 2026 09:30 New York and enrolled at once, coordinator
// cc1.
EpisodeFacts Facts() {
  EpisodeFacts f;
  f.time_zone = "America/New_York";
  f.episode_id = "ep1";
  f.participant_id = "p1";
  f.status = "active";
  f.referral_received_at = At("2026-11-21T09:00:00-05:00");
  f.started_at = At("2026-11-21T09:30:00-05:00");
  f.enrolled_at = f.started_at;
  f.coordinator_id = "cc1";
  HandoffFact h;
  h.seq = 1;
  h.to_user_id = "cc1";
  h.occurred_at = f.started_at;
  f.handoffs.push_back(h);
  return f;
}

CarePlanVersionFact Version(int n, const char* at, std::string review_date,
                            std::string agreement = "") {
  CarePlanVersionFact v;
  v.version = n;
  v.recorded_at = At(at);
  v.review_date = std::move(review_date);
  v.agreement_method = std::move(agreement);
  return v;
}

CarePlanFact& Plan(EpisodeFacts& f) {
  if (!f.care_plan) {
    f.care_plan = CarePlanFact{};
    f.care_plan->id = "plan1";
  }
  return *f.care_plan;
}

const Obligation* Find(std::vector<Obligation>&& list, std::string_view key) = delete;
const Obligation* Find(const std::vector<Obligation>& list, std::string_view key) {
  for (const Obligation& o : list) {
    if (o.key == key) return &o;
  }
  return nullptr;
}

std::vector<Obligation> ForRule(const std::vector<Obligation>& list, std::string_view rule) {
  std::vector<Obligation> out;
  for (const Obligation& o : list) {
    if (o.rule_id == rule) out.push_back(o);
  }
  return out;
}

// ---- initial care plan (000, 001 §4): agreed within 30 days of enrolment ----

TEST(InitialCarePlanTest, OpenUntilAPlanRecordsAgreement) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-25T10:00:00-05:00", "2027-02-01"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-30T10:00:00-05:00"));
  const Obligation* o = Find(list, "initial_care_plan/enrolled/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);            // written, not yet agreed
  EXPECT_EQ(o->due_at, At("2026-12-21T09:30:00-05:00"));  // 30 × 24 h
  EXPECT_EQ(o->explanation,
            "Care plan agreed with the participant due within 30 days of enrolment (21 Nov); "
            "none yet.");
  EXPECT_TRUE(o->suggest_mode.empty());
}

TEST(InitialCarePlanTest, DayThirtyInTimeAMinuteLaterLate) {
  for (const auto& [at, late] : {std::pair{"2026-12-21T09:29:00-05:00", false},
                                 std::pair{"2026-12-21T09:30:00-05:00", true}}) {
    EpisodeFacts f = Facts();
    Plan(f).versions.push_back(Version(1, "2026-11-25T10:00:00-05:00", "2027-02-01"));
    Plan(f).versions.push_back(Version(2, at, "2027-02-01", "verbal"));
    auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-22T10:00:00-05:00"));
    const Obligation* o = Find(list, "initial_care_plan/enrolled/2026-11-21");
    ASSERT_NE(o, nullptr) << at;
    EXPECT_EQ(o->state, ObligationState::kMet) << at;
    EXPECT_EQ(o->resolved_at, At(at));
    EXPECT_EQ(o->explanation.find("met late") != std::string::npos, late) << o->explanation;
    if (!late) {
      EXPECT_EQ(o->explanation,
                "Care plan agreed with the participant due within 30 days of enrolment (21 Nov); "
                "met: 21 Dec, verbal agreement.");
    }
  }
}

TEST(InitialCarePlanTest, ADocumentedDeclineCountsAndNotRecordedLaterThanAsOf) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-25T10:00:00-05:00", "2027-02-01", "declined"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-26T10:00:00-05:00"));
  const Obligation* o = Find(list, "initial_care_plan/enrolled/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_NE(o->explanation.find("declined (documented)"), std::string::npos) << o->explanation;
  // As of before the version was recorded: still open.
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-25T09:59:00-05:00"));
  EXPECT_EQ(Find(list, "initial_care_plan/enrolled/2026-11-21")->state, ObligationState::kOpen);
}

// ---- care plan review (001 §10): due at the end of the review date ----

TEST(CarePlanReviewTest, DueAtTheEndOfTheReviewDateOnTheWorklistTwoWeeksBefore) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-23T10:00:00-05:00", "2027-02-01"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-24T10:00:00-05:00"));
  const Obligation* o = Find(list, "care_plan_review/review-2027-02-01/2027-01-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->window_start, At("2027-01-18T00:00:00-05:00"));
  EXPECT_EQ(o->due_at, At("2027-02-02T00:00:00-05:00"));
  EXPECT_FALSE(o->recurring);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_EQ(o->assignee_id, "cc1");
  EXPECT_EQ(o->explanation, "Care plan review due by 1 Feb 2027 (set 23 Nov); none yet.");
  // 23:59 on the date: due; midnight: overdue.
  EXPECT_EQ(
      StatusAt(o->state, o->recurring, o->window_start, o->due_at, At("2027-02-01T23:59:00-05:00")),
      ObligationStatus::kDue);
  EXPECT_EQ(
      StatusAt(o->state, o->recurring, o->window_start, o->due_at, At("2027-02-02T00:00:00-05:00")),
      ObligationStatus::kOverdue);
  EXPECT_EQ(
      StatusAt(o->state, o->recurring, o->window_start, o->due_at, At("2027-01-17T23:59:00-05:00")),
      ObligationStatus::kUpcoming);
}

TEST(CarePlanReviewTest, DueAtLocalMidnightAcrossTheSpringChange) {
  // 14 Mar 2027: New York moves to daylight time; the date ends at 00:00 EDT on the 15th.
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-23T10:00:00-05:00", "2027-03-14"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-24T10:00:00-05:00"));
  const Obligation* o = Find(list, "care_plan_review/review-2027-03-14/2027-02-28");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->due_at, At("2027-03-15T00:00:00-04:00"));
  EXPECT_EQ(o->window_start, At("2027-02-28T00:00:00-05:00"));
}

TEST(CarePlanReviewTest, AReviewAfterTheDateWasSetMeetsItAndItsNextDateTakesOver) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-23T10:00:00-05:00", "2027-02-01"));
  // The review makes version 2 with the next review date, in one transaction.
  Plan(f).versions.push_back(Version(2, "2027-01-28T15:00:00-05:00", "2027-05-01"));
  CarePlanReviewFact r;
  r.reviewed_on = "2027-01-28";
  // Stamped a moment after its version: the version it made places it.
  r.recorded_at = At("2027-01-28T15:00:00.001-05:00");
  r.version = 2;
  Plan(f).reviews.push_back(r);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-29T10:00:00-05:00"));
  const Obligation* old = Find(list, "care_plan_review/review-2027-02-01/2027-01-18");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->state, ObligationState::kMet);
  EXPECT_EQ(old->resolved_at, r.recorded_at);
  EXPECT_EQ(old->explanation,
            "Care plan review due by 1 Feb 2027 (set 23 Nov); met: reviewed 28 Jan.");
  // The review does not meet the date it set.
  const Obligation* next = Find(list, "care_plan_review/review-2027-05-01/2027-04-17");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->state, ObligationState::kOpen);
  // Without the review's version, recorded_at alone: stamped with its version, it meets the
  // old date and not the one it set.
  r.version = 0;
  r.recorded_at = At("2027-01-28T15:00:00-05:00");
  Plan(f).reviews[0] = r;
  list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-29T10:00:00-05:00"));
  EXPECT_EQ(Find(list, "care_plan_review/review-2027-02-01/2027-01-18")->state,
            ObligationState::kMet);
  EXPECT_EQ(Find(list, "care_plan_review/review-2027-05-01/2027-04-17")->state,
            ObligationState::kOpen);
}

TEST(CarePlanReviewTest, AReviewRecordedBeforeTheDateWasSetDoesNotCount) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-23T10:00:00-05:00", "2026-12-20"));
  // Reviewed on 15 Dec: version 2 sets 1 Feb.
  Plan(f).versions.push_back(Version(2, "2026-12-15T10:00:00-05:00", "2027-02-01"));
  CarePlanReviewFact r;
  r.reviewed_on = "2026-12-15";
  r.recorded_at = At("2026-12-15T10:00:00-05:00");
  r.version = 2;
  Plan(f).reviews.push_back(r);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2027-02-02T10:00:00-05:00"));
  const Obligation* first = Find(list, "care_plan_review/review-2026-12-20/2026-12-06");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->state, ObligationState::kMet);
  const Obligation* second = Find(list, "care_plan_review/review-2027-02-01/2027-01-18");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->state, ObligationState::kOpen);  // overdue: no review since 15 Dec
  EXPECT_EQ(StatusAt(second->state, false, second->window_start, second->due_at,
                     At("2027-02-02T10:00:00-05:00")),
            ObligationStatus::kOverdue);
  // A later review (version 3) recorded after the date passed meets it late.
  Plan(f).versions.push_back(Version(3, "2027-02-03T09:00:00-05:00", "2027-05-01"));
  r.reviewed_on = "2027-02-03";
  r.recorded_at = At("2027-02-03T09:00:00-05:00");
  r.version = 3;
  Plan(f).reviews.push_back(r);
  list = EvaluateEpisode(DefaultPolicy(), f, At("2027-02-04T10:00:00-05:00"));
  second = Find(list, "care_plan_review/review-2027-02-01/2027-01-18");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->state, ObligationState::kMet);
  EXPECT_EQ(second->explanation,
            "Care plan review due by 1 Feb 2027 (set 15 Dec); met late: reviewed 3 Feb.");
}

TEST(CarePlanReviewTest, MovingTheDateEndsTheOldDeadline) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(Version(1, "2026-11-23T10:00:00-05:00", "2027-01-10"));
  Plan(f).versions.push_back(Version(2, "2027-01-05T10:00:00-05:00", "2027-03-01"));
  // An edit that keeps the date does not start another.
  Plan(f).versions.push_back(Version(3, "2027-01-06T10:00:00-05:00", "2027-03-01"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-07T10:00:00-05:00"));
  const auto reviews = ForRule(list, "care_plan_review");
  ASSERT_EQ(reviews.size(), 2u);
  const Obligation* old = Find(list, "care_plan_review/review-2027-01-10/2026-12-27");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->state, ObligationState::kEnded);
  EXPECT_EQ(old->explanation,
            "Care plan review due by 10 Jan 2027 (set 23 Nov); none yet; ended: the review date "
            "was moved 5 Jan.");
  EXPECT_NE(Find(list, "care_plan_review/review-2027-03-01/2027-02-15"), nullptr);
  // Moved before its window opened: nothing was due, nothing is listed.
  f.care_plan->versions[1].recorded_at = At("2026-12-01T10:00:00-05:00");
  f.care_plan->versions[2].recorded_at = At("2026-12-02T10:00:00-05:00");
  list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-07T10:00:00-05:00"));
  EXPECT_EQ(Find(list, "care_plan_review/review-2027-01-10/2026-12-27"), nullptr);
  EXPECT_EQ(ForRule(list, "care_plan_review").size(), 1u);
}

// ---- goal target dates (001 §10) ----

CarePlanVersionFact WithGoal(CarePlanVersionFact v, std::string target, std::string status) {
  v.goals.push_back({"g1", std::move(target), std::move(status)});
  return v;
}

TEST(GoalTargetDateTest, AchievedTheDayBeforeMetTheDayAfterLate) {
  const char* key = "goal_target_date/goal-g1-2027-01-15/2027-01-01";
  for (const auto& [at, late] : {std::pair{"2027-01-14T16:00:00-05:00", false},
                                 std::pair{"2027-01-16T00:00:00-05:00", true}}) {
    EpisodeFacts f = Facts();
    Plan(f).versions.push_back(
        WithGoal(Version(1, "2026-11-23T10:00:00-05:00", "2027-02-01"), "2027-01-15", "active"));
    // Still open the day after: overdue.
    auto list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-16T10:00:00-05:00"));
    const Obligation* open = Find(list, key);
    ASSERT_NE(open, nullptr);
    EXPECT_EQ(open->state, ObligationState::kOpen);
    EXPECT_EQ(open->due_at, At("2027-01-16T00:00:00-05:00"));
    EXPECT_EQ(open->explanation, "Goal target date 15 Jan 2027 (set 23 Nov); none yet.");
    EXPECT_EQ(StatusAt(open->state, false, open->window_start, open->due_at,
                       At("2027-01-16T10:00:00-05:00")),
              ObligationStatus::kOverdue);

    Plan(f).versions.push_back(WithGoal(Version(2, at, "2027-02-01"), "2027-01-15", "achieved"));
    list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-16T10:00:00-05:00"));
    const Obligation* o = Find(list, key);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->state, ObligationState::kMet) << at;
    EXPECT_EQ(o->resolved_at, At(at));
    EXPECT_EQ(o->explanation, std::string("Goal target date 15 Jan 2027 (set 23 Nov); ") +
                                  (late ? "met late: achieved 16 Jan." : "met: achieved 14 Jan."));
  }
}

TEST(GoalTargetDateTest, DiscontinuedCountsOnHoldDoesNot) {
  const char* key = "goal_target_date/goal-g1-2027-01-15/2027-01-01";
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(
      WithGoal(Version(1, "2026-11-23T10:00:00-05:00", "2027-02-01"), "2027-01-15", "active"));
  Plan(f).versions.push_back(
      WithGoal(Version(2, "2026-12-01T10:00:00-05:00", "2027-02-01"), "2027-01-15", "on_hold"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-02T10:00:00-05:00"));
  ASSERT_EQ(ForRule(list, "goal_target_date").size(), 1u);
  EXPECT_EQ(Find(list, key)->state, ObligationState::kOpen);
  Plan(f).versions.push_back(WithGoal(Version(3, "2026-12-03T10:00:00-05:00", "2027-02-01"),
                                      "2027-01-15", "discontinued"));
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-04T10:00:00-05:00"));
  EXPECT_EQ(Find(list, key)->state, ObligationState::kMet);
  EXPECT_EQ(Find(list, key)->resolved_at, At("2026-12-03T10:00:00-05:00"));
  // A goal written as already achieved has no deadline.
  EpisodeFacts g = Facts();
  Plan(g).versions.push_back(
      WithGoal(Version(1, "2026-11-23T10:00:00-05:00", "2027-02-01"), "2027-01-15", "achieved"));
  EXPECT_TRUE(ForRule(EvaluateEpisode(DefaultPolicy(), g, At("2026-12-04T10:00:00-05:00")),
                      "goal_target_date")
                  .empty());
}

TEST(GoalTargetDateTest, MovingTheDateEndsItAndTheNewDateTakesOver) {
  EpisodeFacts f = Facts();
  Plan(f).versions.push_back(
      WithGoal(Version(1, "2026-11-23T10:00:00-05:00", "2027-02-01"), "2027-01-15", "active"));
  Plan(f).versions.push_back(
      WithGoal(Version(2, "2027-01-10T10:00:00-05:00", "2027-02-01"), "2027-03-31", "active"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2027-01-11T10:00:00-05:00"));
  const Obligation* old = Find(list, "goal_target_date/goal-g1-2027-01-15/2027-01-01");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->state, ObligationState::kEnded);
  EXPECT_NE(old->explanation.find("ended: the target date was moved 10 Jan"), std::string::npos)
      << old->explanation;
  const Obligation* next = Find(list, "goal_target_date/goal-g1-2027-03-31/2027-03-17");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->state, ObligationState::kOpen);
  // Achieved later: meets the new date, not the old one.
  Plan(f).versions.push_back(
      WithGoal(Version(3, "2027-03-01T10:00:00-05:00", "2027-02-01"), "2027-03-31", "achieved"));
  list = EvaluateEpisode(DefaultPolicy(), f, At("2027-03-02T10:00:00-05:00"));
  EXPECT_EQ(Find(list, "goal_target_date/goal-g1-2027-01-15/2027-01-01")->state,
            ObligationState::kEnded);
  EXPECT_EQ(Find(list, "goal_target_date/goal-g1-2027-03-31/2027-03-17")->state,
            ObligationState::kMet);
}

// ---- safety flag follow-up: a crisis contact by the end of the day ----

AssessmentFact SafetyFlag(const char* at) {
  AssessmentFact a;
  a.id = "a1";
  a.instrument = "phq9";
  a.instrument_title = "PHQ-9";
  a.assessed_at = At(at);
  a.recorded_at = a.assessed_at;
  a.total = 14;
  a.band = "moderate";
  a.band_label = "Moderate";
  a.flags = {"safety"};
  return a;
}

ContactFact Crisis(const char* at, std::vector<std::string> purposes = {"crisis"}) {
  ContactFact c;
  c.id = "c1";
  c.occurred_at = At(at);
  c.recorded_at = c.occurred_at;
  c.mode = "phone";
  c.successful = true;
  c.with_whom = "participant";
  c.by_user_id = "cc1";
  c.by_role = "care_coordinator";
  c.purposes = std::move(purposes);
  c.outcome = "engaged";
  return c;
}

TEST(SafetyFlagTest, RaisedAt2359IsDueOneMinuteLater) {
  EpisodeFacts f = Facts();
  f.stratification.assessments.push_back(SafetyFlag("2026-11-25T23:59:00-05:00"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-25T23:59:30-05:00"));
  const Obligation* o = Find(list, "safety_flag_follow_up/flag-a1/2026-11-25");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->window_start, At("2026-11-25T23:59:00-05:00"));
  EXPECT_EQ(o->due_at, At("2026-11-26T00:00:00-05:00"));
  EXPECT_EQ(o->assignee_id, "cc1");
  EXPECT_EQ(o->suggest_mode, "phone");
  EXPECT_EQ(o->suggest_purpose, "crisis");
  EXPECT_EQ(o->suggest_with, "participant");
  EXPECT_EQ(o->explanation,
            "Crisis contact due by the end of the day of the PHQ-9 safety flag (25 Nov 23:59); "
            "none yet.");
}

TEST(SafetyFlagTest, AContactAtMidnightIsLate) {
  for (const auto& [at, late] : {std::pair{"2026-11-25T23:59:59-05:00", false},
                                 std::pair{"2026-11-26T00:00:00-05:00", true}}) {
    EpisodeFacts f = Facts();
    f.stratification.assessments.push_back(SafetyFlag("2026-11-25T23:59:00-05:00"));
    f.contacts.push_back(Crisis(at));
    auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-26T10:00:00-05:00"));
    const Obligation* o = Find(list, "safety_flag_follow_up/flag-a1/2026-11-25");
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->state, ObligationState::kMet) << at;
    EXPECT_EQ(o->resolved_at, At(at));
    EXPECT_EQ(o->explanation.find("met late") != std::string::npos, late) << o->explanation;
  }
}

TEST(SafetyFlagTest, AContactWithoutPurposeCrisisDoesNotCount) {
  EpisodeFacts f = Facts();
  f.stratification.assessments.push_back(SafetyFlag("2026-11-25T10:00:00-05:00"));
  f.contacts.push_back(Crisis("2026-11-25T11:00:00-05:00", {"engagement"}));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-26T10:00:00-05:00"));
  const Obligation* o = Find(list, "safety_flag_follow_up/flag-a1/2026-11-25");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_EQ(StatusAt(o->state, false, o->window_start, o->due_at, At("2026-11-26T10:00:00-05:00")),
            ObligationStatus::kOverdue);
}

TEST(SafetyFlagTest, OnlyAssessmentsDuringTheEpisodeAndRecordedByAsOf) {
  EpisodeFacts f = Facts();
  AssessmentFact before = SafetyFlag("2026-11-20T10:00:00-05:00");  // before the episode
  before.id = "a0";
  f.stratification.assessments.push_back(before);
  AssessmentFact unflagged = SafetyFlag("2026-11-24T10:00:00-05:00");
  unflagged.id = "a2";
  unflagged.flags.clear();
  f.stratification.assessments.push_back(unflagged);
  AssessmentFact late = SafetyFlag("2026-11-25T10:00:00-05:00");
  late.recorded_at = At("2026-11-27T10:00:00-05:00");
  f.stratification.assessments.push_back(late);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-26T10:00:00-05:00"));
  EXPECT_TRUE(ForRule(list, "safety_flag_follow_up").empty());
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-27T10:00:00-05:00"));
  EXPECT_EQ(ForRule(list, "safety_flag_follow_up").size(), 1u);
  // After the episode closed: not this episode's.
  f.ended_at = At("2026-11-24T12:00:00-05:00");
  f.status = "closed";
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-27T10:00:00-05:00"));
  EXPECT_TRUE(ForRule(list, "safety_flag_follow_up").empty());
}

// ---- the risk tier bounds the contact schedule (001 §2, 002) ----

TEST(TierScheduleTest, HighTierRaisesTheScheduleAndSaysSo) {
  EpisodeFacts f = Facts();
  f.contacts_per_week = 3;
  f.schedule_reason = "wishes";
  AssessmentFact a = SafetyFlag("2026-11-22T10:00:00-05:00");
  a.flags.clear();
  a.total = 22;
  a.band = "severe";
  a.band_label = "Severe";
  f.stratification.assessments.push_back(a);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-24T10:00:00-05:00"));
  const Obligation* week = Find(list, "early_engagement/enrolled/2026-11-23");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->required, 5);
  EXPECT_EQ(week->explanation,
            "5 contacts due in the week of 23 Nov (schedule: 5 a week, tier High, not the 3 "
            "set); none yet.");
  // Not set: the tier's default.
  f.contacts_per_week = 0;
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-24T10:00:00-05:00"));
  week = Find(list, "early_engagement/enrolled/2026-11-23");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->required, 5);
  EXPECT_NE(week->explanation.find("schedule: 5 a week, the default of tier High"),
            std::string::npos)
      << week->explanation;
  // Within the bounds: as set.
  f.contacts_per_week = 6;
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-24T10:00:00-05:00"));
  EXPECT_EQ(Find(list, "early_engagement/enrolled/2026-11-23")->required, 6);
  // Before the assessment was recorded the participant was in the standard tier.
  f.contacts_per_week = 3;
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-22T09:00:00-05:00"));
  const Obligation* first = Find(list, "early_engagement/enrolled/2026-11-21");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->required, 1);  // 21–22 Nov: 2 of 7 days of 3 a week, rounded up
  EXPECT_NE(first->explanation.find("schedule: 3 a week, wishes"), std::string::npos)
      << first->explanation;

  // Evaluated later, the week that started before the assessment keeps the standard count:
  // a tier raised on Sunday changes the weeks after it, not the one it was raised in.
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-30T10:00:00-05:00"));
  first = Find(list, "early_engagement/enrolled/2026-11-21");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->required, 1);
  EXPECT_EQ(Find(list, "early_engagement/enrolled/2026-11-23")->required, 5);
}

}  // namespace
}  // namespace carecoord
