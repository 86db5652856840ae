// SPDX-License-Identifier: Apache-2.0
#include "domain/obligations.h"

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

const Policy& DefaultPolicy() {
  static const Policy kPolicy = *ParsePolicy(DefaultPolicyText());
  return kPolicy;
}

// Ana's episode: referred Saturday 21 Nov 2026 09:00 New York, accepted at once, coordinator cc1.
EpisodeFacts Facts() {
  EpisodeFacts f;
  f.time_zone = "America/New_York";
  f.episode_id = "ep1";
  f.status = "active";
  f.referral_received_at = At("2026-11-21T09:00:00-05:00");
  f.started_at = At("2026-11-21T09:30:00-05:00");
  f.coordinator_id = "cc1";
  HandoffFact h;
  h.seq = 1;
  h.to_user_id = "cc1";
  h.occurred_at = f.started_at;
  f.handoffs.push_back(h);
  return f;
}

ContactFact Contact(std::string id, const char* when, std::string mode, bool successful,
                    std::string by = "cc1") {
  ContactFact c;
  c.id = std::move(id);
  c.occurred_at = At(when);
  c.recorded_at = c.occurred_at;
  c.mode = std::move(mode);
  c.successful = successful;
  c.with_whom = "participant";
  c.by_user_id = std::move(by);
  c.by_role = "care_coordinator";
  c.purposes = {"engagement"};
  c.outcome = successful ? "engaged" : "no_answer";
  return c;
}

// Pointers into a temporary list would dangle.
const Obligation* Find(std::vector<Obligation>&& list, std::string_view key) = delete;
const Obligation* Find(const std::vector<Obligation>& list, std::string_view key) {
  for (const Obligation& o : list) {
    if (o.key == key) return &o;
  }
  return nullptr;
}

TEST(ObligationsTest, WarmHandoffOpenExplainsItself) {
  EpisodeFacts f = Facts();
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-21T12:00:00-05:00"));
  const Obligation* o = Find(list, "warm_handoff/referral/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_EQ(o->due_at, At("2026-11-22T09:00:00-05:00"));
  EXPECT_EQ(o->assignee_id, "cc1");
  EXPECT_EQ(o->explanation,
            "First face-to-face contact due within 24 h of the referral (received 21 Nov 09:00); "
            "none yet.");
}

TEST(ObligationsTest, EarlyEngagementExplanationFromTheContract) {
  EpisodeFacts f = Facts();
  f.referral_received_at = At("2026-11-10T09:00:00-05:00");
  f.started_at = f.handoffs[0].occurred_at = At("2026-11-10T10:00:00-05:00");
  f.enrolled_at = At("2026-11-12T10:00:00-05:00");
  f.contacts_per_week = 3;
  f.schedule_reason = "safety";
  f.contacts.push_back(Contact("c1", "2026-11-17T11:00:00-05:00", "phone", true));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-18T12:00:00-05:00"));
  const Obligation* o = Find(list, "early_engagement/enrolled/2026-11-16");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->required, 3);
  EXPECT_EQ(o->counted, 1);
  EXPECT_EQ(o->explanation,
            "3 contacts due in the week of 16 Nov (schedule: 3 a week, safety); 1 logged: 17 Nov, "
            "phone.");
}

std::vector<Obligation> ForRule(const std::vector<Obligation>& list, std::string_view rule) {
  std::vector<Obligation> out;
  for (const Obligation& o : list) {
    if (o.rule_id == rule) out.push_back(o);
  }
  return out;
}

// ---- warm hand-off (001 §8): the 24 h edge is exact, due_at exclusive ----

class WarmHandoffEdgeTest : public ::testing::Test {
 protected:
  const Obligation* Evaluate(const char* contact_at) {
    EpisodeFacts f = Facts();
    f.contacts.push_back(Contact("c1", contact_at, "in_person", true));
    list_ = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-25T00:00:00-05:00"));
    return Find(list_, "warm_handoff/referral/2026-11-21");
  }
  std::vector<Obligation> list_;
};

TEST_F(WarmHandoffEdgeTest, OneMinuteBeforeTwentyFourHoursIsInTime) {
  const Obligation* o = Evaluate("2026-11-22T08:59:00-05:00");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_LT(*o->resolved_at, o->due_at);
  EXPECT_EQ(o->explanation,
            "First face-to-face contact due within 24 h of the referral (received 21 Nov 09:00); "
            "met: 22 Nov 08:59, in person.");
}

TEST_F(WarmHandoffEdgeTest, ExactlyTwentyFourHoursIsLate) {
  const Obligation* o = Evaluate("2026-11-22T09:00:00-05:00");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_EQ(*o->resolved_at, o->due_at);
  EXPECT_NE(o->explanation.find("met late, 24 h after the referral"), std::string::npos)
      << o->explanation;
}

TEST_F(WarmHandoffEdgeTest, TwentyFourHoursAndAMinuteIsLate) {
  const Obligation* o = Evaluate("2026-11-22T09:01:00-05:00");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_GT(*o->resolved_at, o->due_at);
  EXPECT_EQ(o->explanation,
            "First face-to-face contact due within 24 h of the referral (received 21 Nov 09:00); "
            "met late, 24 h after the referral: 22 Nov 09:01, in person.");
}

TEST(ObligationsTest, ContactsThatDoNotCountForTheWarmHandoff) {
  EpisodeFacts f = Facts();
  f.contacts.push_back(Contact("failed", "2026-11-21T10:00:00-05:00", "in_person", false));
  f.contacts.push_back(Contact("phone", "2026-11-21T11:00:00-05:00", "phone", true));
  f.contacts.push_back(Contact("other", "2026-11-21T12:00:00-05:00", "in_person", true, "cc9"));
  ContactFact guardian = Contact("guardian", "2026-11-21T13:00:00-05:00", "in_person", true);
  guardian.with_whom = "guardian";
  f.contacts.push_back(guardian);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-22T12:00:00-05:00"));
  const Obligation* o = Find(list, "warm_handoff/referral/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_EQ(o->counted, 0);
  EXPECT_EQ(
      StatusAt(o->state, o->recurring, o->window_start, o->due_at, At("2026-11-22T12:00:00-05:00")),
      ObligationStatus::kOverdue);
}

TEST(ObligationsTest, RoleFilterRejectsTheWrongRole) {
  auto policy = ParsePolicy(R"(
[[rule]]
id = "nurse_visit"
title = "Nurse visit"
start = "episode_started"
window = "within_days"
amount = 7
[[rule.satisfied_by]]
kind = "contact"
roles = ["nurse_care_manager"]
)");
  ASSERT_TRUE(policy) << policy.error().message;
  EpisodeFacts f = Facts();
  f.contacts.push_back(Contact("cc", "2026-11-22T10:00:00-05:00", "in_person", true));
  ContactFact nurse = Contact("rn", "2026-11-23T10:00:00-05:00", "in_person", true, "rn1");
  nurse.by_role = "nurse_care_manager";
  auto before = EvaluateEpisode(*policy, f, At("2026-11-22T12:00:00-05:00"));
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].counted, 0);
  f.contacts.push_back(nurse);
  auto after = EvaluateEpisode(*policy, f, At("2026-11-23T12:00:00-05:00"));
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].state, ObligationState::kMet);
  EXPECT_EQ(*after[0].resolved_at, nurse.occurred_at);
}

// ---- early engagement (001 §2): calendar weeks of the first 30 days ----

// Enrolled Wednesday 18 Nov 2026: day 1 is 18 Nov, day 30 is Thursday 17 Dec.
EpisodeFacts Enrolled18Nov() {
  EpisodeFacts f = Facts();
  f.referral_received_at = At("2026-11-16T09:00:00-05:00");
  f.started_at = f.handoffs[0].occurred_at = At("2026-11-16T10:00:00-05:00");
  f.enrolled_at = At("2026-11-18T10:00:00-05:00");
  return f;
}

TEST(EarlyEngagementTest, WeeksOfTheFirstThirtyDaysProratedAtBothEnds) {
  EpisodeFacts f = Enrolled18Nov();
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-18T12:00:00-05:00"));
  auto weeks = ForRule(list, "early_engagement");
  ASSERT_EQ(weeks.size(), 5u);
  // Wed–Sun (5 days): ceil(3 × 5 / 7) = 3; Mon–Thu 14–17 Dec (4 days): ceil(12 / 7) = 2.
  EXPECT_EQ(weeks[0].key, "early_engagement/enrolled/2026-11-18");
  EXPECT_EQ(weeks[0].window_start, *f.enrolled_at);
  EXPECT_EQ(weeks[0].due_at, At("2026-11-23T00:00:00-05:00"));
  EXPECT_EQ(weeks[0].required, 3);
  EXPECT_EQ(weeks[1].key, "early_engagement/enrolled/2026-11-23");
  EXPECT_EQ(weeks[1].required, 3);
  EXPECT_EQ(weeks[4].key, "early_engagement/enrolled/2026-12-14");
  EXPECT_EQ(weeks[4].due_at, At("2026-12-18T00:00:00-05:00"));
  EXPECT_EQ(weeks[4].required, 2);
  EXPECT_EQ(weeks[0].explanation,
            "3 contacts due in the week of 16 Nov (schedule: 3 a week, the program's default; "
            "prorated: 5 days, 18 Nov–22 Nov); none yet.");
}

TEST(EarlyEngagementTest, ScheduleSetsTheCountAndProratesIt) {
  EpisodeFacts f = Enrolled18Nov();
  f.contacts_per_week = 7;
  f.schedule_reason = "safety";
  auto weeks = ForRule(EvaluateEpisode(DefaultPolicy(), f, At("2026-11-18T12:00:00-05:00")),
                       "early_engagement");
  ASSERT_EQ(weeks.size(), 5u);
  EXPECT_EQ(weeks[0].required, 5);  // daily, five days
  EXPECT_EQ(weeks[1].required, 7);
  EXPECT_EQ(weeks[4].required, 4);
  f.contacts_per_week = 5;  // ceil(5 × 5 / 7) = 4, ceil(5 × 4 / 7) = 3
  weeks = ForRule(EvaluateEpisode(DefaultPolicy(), f, At("2026-11-18T12:00:00-05:00")),
                  "early_engagement");
  EXPECT_EQ(weeks[0].required, 4);
  EXPECT_EQ(weeks[4].required, 3);
}

TEST(EarlyEngagementTest, DayThirtyCountsDayThirtyOneDoesNot) {
  EpisodeFacts f = Enrolled18Nov();
  f.contacts.push_back(Contact("d30a", "2026-12-17T08:00:00-05:00", "phone", true));
  f.contacts.push_back(Contact("d30b", "2026-12-17T23:59:00-05:00", "phone", true));
  f.contacts.push_back(Contact("d31", "2026-12-18T00:00:00-05:00", "phone", true));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-20T00:00:00-05:00"));
  auto weeks = ForRule(list, "early_engagement");
  ASSERT_EQ(weeks.size(), 5u);
  const Obligation* last = &weeks[4];
  EXPECT_EQ(last->counted, 2);
  EXPECT_EQ(last->state, ObligationState::kMet);
  EXPECT_EQ(*last->resolved_at, At("2026-12-17T23:59:00-05:00"));
  // The earlier weeks passed without contacts: missed.
  EXPECT_EQ(StatusAt(weeks[1].state, weeks[1].recurring, weeks[1].window_start, weeks[1].due_at,
                     At("2026-12-20T00:00:00-05:00")),
            ObligationStatus::kMissed);
}

TEST(EarlyEngagementTest, SundayNightAndMondayMidnightFallInDifferentWeeks) {
  EpisodeFacts f = Enrolled18Nov();
  f.contacts.push_back(Contact("sun", "2026-11-22T23:59:00-05:00", "phone", true));
  f.contacts.push_back(Contact("mon", "2026-11-23T00:00:00-05:00", "phone", true));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-24T00:00:00-05:00"));
  const Obligation* first = Find(list, "early_engagement/enrolled/2026-11-18");
  const Obligation* second = Find(list, "early_engagement/enrolled/2026-11-23");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->counted, 1);
  EXPECT_EQ(second->counted, 1);
  EXPECT_EQ(second->window_start, At("2026-11-23T00:00:00-05:00"));
}

TEST(EarlyEngagementTest, NotEnrolledNoWindows) {
  EpisodeFacts f = Facts();
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-22T00:00:00-05:00"));
  EXPECT_TRUE(ForRule(list, "early_engagement").empty());
  EXPECT_TRUE(ForRule(list, "coordinator_in_person_monthly").empty());
}

TEST(EarlyEngagementTest, WeeksFollowLocalMidnightAcrossDaylightSavingChanges) {
  // Spring forward Sunday 8 Mar 2026: the week of 2 Mar ends at Monday 00:00 EDT (UTC-4).
  EpisodeFacts f = Facts();
  f.referral_received_at = At("2026-03-01T09:00:00-05:00");
  f.started_at = f.handoffs[0].occurred_at = At("2026-03-01T10:00:00-05:00");
  f.enrolled_at = At("2026-03-02T09:00:00-05:00");
  f.contacts.push_back(Contact("sun", "2026-03-08T23:30:00-04:00", "phone", true));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-03-10T00:00:00-04:00"));
  const Obligation* week = Find(list, "early_engagement/enrolled/2026-03-02");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->due_at, At("2026-03-09T04:00:00Z"));
  EXPECT_EQ(week->counted, 1);
  const Obligation* next = Find(list, "early_engagement/enrolled/2026-03-09");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->due_at - next->window_start, std::chrono::hours(7 * 24));

  // Fall back Sunday 1 Nov 2026: the week of 26 Oct is 7 days and an hour long.
  f.referral_received_at = At("2026-10-25T09:00:00-04:00");
  f.started_at = f.handoffs[0].occurred_at = At("2026-10-25T10:00:00-04:00");
  f.enrolled_at = At("2026-10-26T00:00:00-04:00");
  f.contacts = {Contact("sun", "2026-11-01T23:30:00-05:00", "phone", true),
                Contact("mon", "2026-11-02T00:00:00-05:00", "phone", true)};
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-03T00:00:00-05:00"));
  week = Find(list, "early_engagement/enrolled/2026-10-26");
  ASSERT_NE(week, nullptr);
  EXPECT_EQ(week->window_start, At("2026-10-26T04:00:00Z"));
  EXPECT_EQ(week->due_at, At("2026-11-02T05:00:00Z"));
  EXPECT_EQ(week->required, 3);
  EXPECT_EQ(week->counted, 1);
  next = Find(list, "early_engagement/enrolled/2026-11-02");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->counted, 1);
}

// ---- coordinator in person monthly (000) ----

TEST(CoordinatorMonthlyTest, StartsWithTheFirstFullMonth) {
  EpisodeFacts f = Enrolled18Nov();
  auto months = ForRule(EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00")),
                        "coordinator_in_person_monthly");
  ASSERT_EQ(months.size(), 1u);  // December, within the 35-day horizon
  EXPECT_EQ(months[0].key, "coordinator_in_person_monthly/enrolled/2026-12-01");
  EXPECT_EQ(months[0].window_start, At("2026-12-01T00:00:00-05:00"));
  EXPECT_EQ(months[0].due_at, At("2027-01-01T00:00:00-05:00"));
  EXPECT_EQ(StatusAt(months[0].state, true, months[0].window_start, months[0].due_at,
                     At("2026-11-20T00:00:00-05:00")),
            ObligationStatus::kUpcoming);
  EXPECT_EQ(months[0].explanation, "1 in-person contact due in December 2026; none yet.");

  // Enrolled exactly at local midnight on the first: that month is full.
  f.enrolled_at = At("2026-12-01T00:00:00-05:00");
  months = ForRule(EvaluateEpisode(DefaultPolicy(), f, At("2026-12-02T00:00:00-05:00")),
                   "coordinator_in_person_monthly");
  ASSERT_FALSE(months.empty());
  EXPECT_EQ(months[0].key, "coordinator_in_person_monthly/enrolled/2026-12-01");
}

TEST(CoordinatorMonthlyTest, LeapDayBelongsToFebruary) {
  EpisodeFacts f = Facts();
  f.referral_received_at = At("2028-01-10T09:00:00-05:00");
  f.started_at = f.handoffs[0].occurred_at = At("2028-01-10T10:00:00-05:00");
  f.enrolled_at = At("2028-01-15T10:00:00-05:00");
  f.contacts.push_back(Contact("leap", "2028-02-29T23:00:00-05:00", "in_person", true));
  f.contacts.push_back(Contact("march", "2028-03-01T00:00:00-05:00", "in_person", true));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2028-03-02T00:00:00-05:00"));
  const Obligation* feb = Find(list, "coordinator_in_person_monthly/enrolled/2028-02-01");
  const Obligation* mar = Find(list, "coordinator_in_person_monthly/enrolled/2028-03-01");
  ASSERT_NE(feb, nullptr);
  ASSERT_NE(mar, nullptr);
  EXPECT_EQ(feb->due_at, At("2028-03-01T00:00:00-05:00"));
  EXPECT_EQ(feb->state, ObligationState::kMet);
  EXPECT_EQ(*feb->resolved_at, At("2028-02-29T23:00:00-05:00"));
  EXPECT_EQ(mar->state, ObligationState::kMet);
  EXPECT_EQ(*mar->resolved_at, At("2028-03-01T00:00:00-05:00"));
  EXPECT_EQ(Find(list, "coordinator_in_person_monthly/enrolled/2028-01-15"), nullptr);
}

// ---- transfers: accountability moves mid-window (001 §1 §8) ----

TEST(TransferTest, HandoffStartsItsOwnRuleAndEndsTheWarmHandoff) {
  EpisodeFacts f = Enrolled18Nov();
  f.referral_received_at = At("2026-11-16T09:00:00-05:00");
  HandoffFact h;
  h.seq = 2;
  h.from_user_id = "cc1";
  h.to_user_id = "cc2";
  h.occurred_at = At("2026-11-16T15:00:00-05:00");
  h.face_to_face = true;
  f.handoffs.push_back(h);
  f.coordinator_id = "cc2";
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  const Obligation* warm = Find(list, "warm_handoff/referral/2026-11-16");
  ASSERT_NE(warm, nullptr);
  EXPECT_EQ(warm->state, ObligationState::kEnded);
  EXPECT_EQ(warm->assignee_id, "cc1");
  EXPECT_EQ(warm->explanation,
            "First face-to-face contact due within 24 h of the referral (received 16 Nov 09:00); "
            "none yet; ended: accountability moved to another coordinator 16 Nov.");
  const Obligation* handoff = Find(list, "handoff_face_to_face/handoff-2/2026-11-16");
  ASSERT_NE(handoff, nullptr);
  EXPECT_EQ(handoff->state, ObligationState::kMet);
  EXPECT_EQ(*handoff->resolved_at, h.occurred_at);
  EXPECT_EQ(handoff->assignee_id, "cc2");

  // Not face to face: the new coordinator must meet the participant in person.
  f.handoffs[1].face_to_face = false;
  f.contacts.push_back(Contact("old", "2026-11-16T16:00:00-05:00", "in_person", true, "cc1"));
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-16T18:00:00-05:00"));
  handoff = Find(list, "handoff_face_to_face/handoff-2/2026-11-16");
  ASSERT_NE(handoff, nullptr);
  EXPECT_EQ(handoff->state, ObligationState::kOpen);
  EXPECT_EQ(handoff->explanation,
            "Face-to-face meeting with the new coordinator due within 24 h of the transfer (16 Nov "
            "15:00); none yet.");
  f.contacts.push_back(Contact("new", "2026-11-17T10:00:00-05:00", "in_person", true, "cc2"));
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-17T18:00:00-05:00"));
  handoff = Find(list, "handoff_face_to_face/handoff-2/2026-11-16");
  ASSERT_NE(handoff, nullptr);
  EXPECT_EQ(handoff->state, ObligationState::kMet);
}

TEST(TransferTest, MonthlyContactCountsForWhoeverWasAccountableThen) {
  EpisodeFacts f = Facts();
  f.referral_received_at = At("2026-10-01T09:00:00-04:00");
  f.started_at = f.handoffs[0].occurred_at = At("2026-10-01T10:00:00-04:00");
  f.enrolled_at = At("2026-10-01T11:00:00-04:00");
  HandoffFact h;
  h.seq = 2;
  h.from_user_id = "cc1";
  h.to_user_id = "cc2";
  h.occurred_at = At("2026-11-15T12:00:00-05:00");
  f.handoffs.push_back(h);
  f.coordinator_id = "cc2";
  const Instant as_of = At("2026-12-05T00:00:00-05:00");

  // cc1 before the transfer counts for November.
  f.contacts = {Contact("c1", "2026-11-10T10:00:00-05:00", "in_person", true, "cc1")};
  auto before = EvaluateEpisode(DefaultPolicy(), f, as_of);
  const Obligation* nov = Find(before, "coordinator_in_person_monthly/enrolled/2026-11-01");
  ASSERT_NE(nov, nullptr);
  EXPECT_EQ(nov->state, ObligationState::kMet);
  EXPECT_EQ(nov->assignee_id, "cc1");

  // cc1 after the transfer does not; cc2 after it does.
  f.contacts = {Contact("c1", "2026-11-20T10:00:00-05:00", "in_person", true, "cc1")};
  auto list = EvaluateEpisode(DefaultPolicy(), f, as_of);
  nov = Find(list, "coordinator_in_person_monthly/enrolled/2026-11-01");
  ASSERT_NE(nov, nullptr);
  EXPECT_EQ(nov->state, ObligationState::kOpen);
  EXPECT_EQ(nov->assignee_id, "cc2");
  f.contacts = {Contact("c2", "2026-11-20T10:00:00-05:00", "in_person", true, "cc2")};
  list = EvaluateEpisode(DefaultPolicy(), f, as_of);
  nov = Find(list, "coordinator_in_person_monthly/enrolled/2026-11-01");
  ASSERT_NE(nov, nullptr);
  EXPECT_EQ(nov->state, ObligationState::kMet);
}

// ---- peer weekly (000) ----

TEST(PeerWeeklyTest, WeeklyByThatPeerUntilTheMembershipEnds) {
  EpisodeFacts f = Enrolled18Nov();
  TeamMemberFact peer;
  peer.id = "m1";
  peer.role = "peer_support_specialist";
  peer.user_id = "peer1";
  peer.start_date = "2026-11-18";
  peer.end_date = "2026-12-02";
  f.team.push_back(peer);
  TeamMemberFact outside;
  outside.id = "m2";
  outside.role = "peer_support_specialist";  // external: no user, nobody's worklist
  outside.start_date = "2026-11-18";
  f.team.push_back(outside);
  f.contacts.push_back(Contact("cc", "2026-11-24T10:00:00-05:00", "in_person", true, "cc1"));
  f.contacts.push_back(Contact("p", "2026-12-01T10:00:00-05:00", "phone", true, "peer1"));
  auto weeks =
      ForRule(EvaluateEpisode(DefaultPolicy(), f, At("2026-12-10T00:00:00-05:00")), "peer_weekly");
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].key, "peer_weekly/peer-m1/2026-11-23");
  EXPECT_EQ(weeks[0].assignee_id, "peer1");
  EXPECT_EQ(weeks[0].state,
            ObligationState::kOpen);  // the coordinator's contact is not the peer's
  EXPECT_EQ(weeks[1].key, "peer_weekly/peer-m1/2026-11-30");
  EXPECT_EQ(weeks[1].state, ObligationState::kMet);

  // Without the peer's contact the last week ends with the membership (Thursday 3 Dec 00:00),
  // it is not missed.
  f.contacts.pop_back();
  weeks =
      ForRule(EvaluateEpisode(DefaultPolicy(), f, At("2026-12-10T00:00:00-05:00")), "peer_weekly");
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[1].state, ObligationState::kEnded);
  EXPECT_NE(weeks[1].explanation.find("ended: the peer left the care team 3 Dec"),
            std::string::npos)
      << weeks[1].explanation;
}

// ---- locate after failed attempts (001 §2) ----

TEST(LocateTest, ThreeFailedAttemptsInARowStartIt) {
  EpisodeFacts f = Enrolled18Nov();
  f.contacts = {Contact("a1", "2026-11-19T10:00:00-05:00", "phone", false),
                Contact("a2", "2026-11-20T10:00:00-05:00", "phone", false)};
  const Instant as_of = At("2026-11-25T00:00:00-05:00");
  EXPECT_TRUE(
      ForRule(EvaluateEpisode(DefaultPolicy(), f, as_of), "locate_after_failed_attempts").empty());

  // A success between resets the run.
  f.contacts.push_back(Contact("ok", "2026-11-20T12:00:00-05:00", "phone", true));
  f.contacts.push_back(Contact("a3", "2026-11-21T10:00:00-05:00", "phone", false));
  f.contacts.push_back(Contact("a4", "2026-11-21T11:00:00-05:00", "phone", false));
  EXPECT_TRUE(
      ForRule(EvaluateEpisode(DefaultPolicy(), f, as_of), "locate_after_failed_attempts").empty());

  f.contacts.push_back(Contact("a5", "2026-11-21T12:00:00-05:00", "in_person", false));
  auto locate = ForRule(EvaluateEpisode(DefaultPolicy(), f, as_of), "locate_after_failed_attempts");
  ASSERT_EQ(locate.size(), 1u);
  EXPECT_EQ(locate[0].key, "locate_after_failed_attempts/attempts-a5/2026-11-21");
  EXPECT_EQ(locate[0].window_start, At("2026-11-21T12:00:00-05:00"));
  EXPECT_EQ(locate[0].due_at, At("2026-11-24T12:00:00-05:00"));
  EXPECT_EQ(locate[0].state, ObligationState::kOpen);
  EXPECT_EQ(locate[0].suggest_purpose, "locate");
  EXPECT_EQ(locate[0].explanation,
            "Attempt to locate the participant due within 3 days of the 3rd failed attempt in a "
            "row (21 Nov 12:00); none yet.");

  // A locate attempt, successful or not, satisfies it.
  ContactFact search = Contact("search", "2026-11-22T09:00:00-05:00", "in_person", false);
  search.with_whom = "natural_support";
  search.purposes = {"locate"};
  f.contacts.push_back(search);
  locate = ForRule(EvaluateEpisode(DefaultPolicy(), f, as_of), "locate_after_failed_attempts");
  ASSERT_EQ(locate.size(), 1u);
  EXPECT_EQ(locate[0].state, ObligationState::kMet);
}

// ---- transitions: psychiatric linkage (001 §6) and follow-up (001 §8) ----

EpisodeFacts Discharged18Nov(bool medication_needed) {
  EpisodeFacts f = Enrolled18Nov();
  TransitionFact t;
  t.id = "t1";
  t.level = "crisis_stabilization";
  t.facility = "Sunrise CSU";
  t.admitted_at = At("2026-11-17T20:00:00-05:00");
  t.discharged_at = At("2026-11-18T10:00:00-05:00");
  t.medication_needed = medication_needed;
  t.recorded_at = At("2026-11-18T11:00:00-05:00");
  f.transitions.push_back(t);
  return f;
}

AppointmentFact Appointment(std::string status, const char* recorded) {
  AppointmentFact a;
  a.id = "a-" + status;
  a.status = std::move(status);
  a.recorded_at = At(recorded);
  a.provider = "Dr. Lee";
  return a;
}

TEST(PsychiatricLinkageTest, ScheduledThenKept) {
  EpisodeFacts f = Discharged18Nov(true);
  AppointmentFact a = Appointment("scheduled", "2026-11-19T09:00:00-05:00");
  a.scheduled_for = At("2026-11-20T14:00:00-05:00");
  f.transitions[0].appointments.push_back(a);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-19T12:00:00-05:00"));
  const Obligation* o = Find(list, "psychiatric_linkage/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->due_at, At("2026-11-25T10:00:00-05:00"));
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_TRUE(o->suggest_mode.empty());
  EXPECT_EQ(o->explanation,
            "Psychiatric appointment due within 7 days of discharge from Crisis stabilization "
            "(Sunrise CSU) on 18 Nov; appointment scheduled 20 Nov with Dr. Lee.");

  f.transitions[0].appointments[0].status = "kept";
  f.transitions[0].appointments[0].recorded_at = At("2026-11-20T16:00:00-05:00");
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-21T12:00:00-05:00"));
  o = Find(list, "psychiatric_linkage/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_EQ(*o->resolved_at, At("2026-11-20T14:00:00-05:00"));
}

TEST(PsychiatricLinkageTest, NoneAvailableExcusesOnlyWithTheManagingEntityNotified) {
  EpisodeFacts f = Discharged18Nov(true);
  f.transitions[0].appointments.push_back(
      Appointment("none_available", "2026-11-19T09:00:00-05:00"));
  const Instant as_of = At("2026-11-27T00:00:00-05:00");
  auto open = EvaluateEpisode(DefaultPolicy(), f, as_of);
  const Obligation* o = Find(open, "psychiatric_linkage/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_EQ(StatusAt(o->state, o->recurring, o->window_start, o->due_at, as_of),
            ObligationStatus::kOverdue);

  f.transitions[0].appointments[0].me_notified_at = At("2026-11-19T10:00:00-05:00");
  auto list = EvaluateEpisode(DefaultPolicy(), f, as_of);
  o = Find(list, "psychiatric_linkage/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kExcused);
  EXPECT_EQ(o->explanation, "Excused: no appointment available, managing entity notified 19 Nov.");
}

TEST(PsychiatricLinkageTest, RefusalExcuses) {
  EpisodeFacts f = Discharged18Nov(true);
  f.transitions[0].appointments.push_back(Appointment("refused", "2026-11-19T09:00:00-05:00"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  const Obligation* o = Find(list, "psychiatric_linkage/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kExcused);

  ContactFact refusal = Contact("r", "2026-11-19T10:00:00-05:00", "phone", false);
  refusal.outcome = "refused_services";
  f.transitions[0].appointments.clear();
  f.contacts.push_back(refusal);
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  o = Find(list, "psychiatric_linkage/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kExcused);
  EXPECT_EQ(o->explanation, "Excused: the participant refused services on 19 Nov.");
}

TEST(PsychiatricLinkageTest, NotStartedWithoutMedicationNeeded) {
  EpisodeFacts f = Discharged18Nov(false);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  EXPECT_TRUE(ForRule(list, "psychiatric_linkage").empty());
  EXPECT_EQ(ForRule(list, "transition_follow_up").size(), 1u);
}

TEST(TransitionFollowUpTest, MetByAFollowUpContactWithinSevenDays) {
  EpisodeFacts f = Discharged18Nov(false);
  ContactFact other = Contact("c1", "2026-11-19T10:00:00-05:00", "phone", true);
  f.contacts.push_back(other);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  const Obligation* o = Find(list, "transition_follow_up/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  EXPECT_EQ(o->suggest_purpose, "transition_follow_up");
  ContactFact follow = Contact("c2", "2026-11-25T09:59:00-05:00", "phone", true);
  follow.purposes = {"transition_follow_up"};
  f.contacts.push_back(follow);
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-26T00:00:00-05:00"));
  o = Find(list, "transition_follow_up/discharge-t1/2026-11-18");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_LT(*o->resolved_at, o->due_at);
}

// ---- release renewal (004) ----

ReleaseFact Release(std::string id, std::string effective, std::string expiry,
                    const char* recorded) {
  ReleaseFact r;
  r.id = std::move(id);
  r.party_name = "Dr. Lee";
  r.party_name_norm = "dr lee";
  r.effective_date = std::move(effective);
  r.expiry_date = std::move(expiry);
  r.recorded_at = At(recorded);
  return r;
}

TEST(ReleaseRenewalTest, DueThirtyDaysBeforeExpiryUntilItsLastDay) {
  EpisodeFacts f = Enrolled18Nov();
  f.releases.push_back(Release("r1", "2026-01-01", "2026-12-31", "2026-11-18T12:00:00-05:00"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  const Obligation* o = Find(list, "release_renewal/release-r1/2026-12-01");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->window_start, At("2026-12-01T00:00:00-05:00"));
  EXPECT_EQ(o->due_at, At("2027-01-01T00:00:00-05:00"));
  EXPECT_TRUE(o->suggest_mode.empty());
  EXPECT_EQ(o->explanation,
            "Release to Dr. Lee expires 31 Dec; a renewal is due by then; none yet.");

  // A renewal to the same party that takes over the next day satisfies it.
  f.releases.push_back(Release("r2", "2027-01-01", "2027-12-31", "2026-12-15T10:00:00-05:00"));
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-16T00:00:00-05:00"));
  o = Find(list, "release_renewal/release-r1/2026-12-01");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  // A release that starts later leaves a gap: not a renewal.
  f.releases[1].effective_date = "2027-01-02";
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-16T00:00:00-05:00"));
  o = Find(list, "release_renewal/release-r1/2026-12-01");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
}

TEST(ReleaseRenewalTest, RevokedBeforeTheWindowHasNoObligation) {
  EpisodeFacts f = Enrolled18Nov();
  f.releases.push_back(Release("r1", "2026-01-01", "2026-12-31", "2026-11-18T12:00:00-05:00"));
  f.releases[0].revoked_date = "2026-11-25";
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-05T00:00:00-05:00"));
  EXPECT_TRUE(ForRule(list, "release_renewal").empty());
  f.releases[0].revoked_date = "2026-12-10";
  list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-15T00:00:00-05:00"));
  auto renewal = ForRule(list, "release_renewal");
  ASSERT_EQ(renewal.size(), 1u);
  EXPECT_EQ(renewal[0].state, ObligationState::kEnded);
}

TEST(ObligationsTest, RefusalExcusesTheWarmHandoff) {
  EpisodeFacts f = Facts();
  ContactFact refusal = Contact("r", "2026-11-21T11:00:00-05:00", "in_person", false);
  refusal.outcome = "refused_services";
  f.contacts.push_back(refusal);
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-23T00:00:00-05:00"));
  const Obligation* o = Find(list, "warm_handoff/referral/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kExcused);
  EXPECT_EQ(*o->resolved_at, refusal.occurred_at);
  EXPECT_EQ(o->explanation, "Excused: the participant refused services on 21 Nov.");
}

TEST(ObligationsTest, ExplanationListsAtMostThreeEvents) {
  EpisodeFacts f = Enrolled18Nov();
  f.contacts_per_week = 7;
  f.schedule_reason = "wishes";
  for (int day = 23; day <= 27; ++day) {
    const std::string when = "2026-11-" + std::to_string(day) + "T10:00:00-05:00";
    f.contacts.push_back(Contact("c" + std::to_string(day), when.c_str(), "video", true));
  }
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-28T00:00:00-05:00"));
  const Obligation* o = Find(list, "early_engagement/enrolled/2026-11-23");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->explanation,
            "7 contacts due in the week of 23 Nov (schedule: 7 a week, wishes); 5 logged: 23 Nov, "
            "video; 24 Nov, video; 25 Nov, video and 2 more.");
}

TEST(ReleaseRenewalTest, ReleaseExpiredBeforeTheEpisodeIsNotItsConcern) {
  EpisodeFacts f = Enrolled18Nov();
  f.releases.push_back(Release("old", "2025-01-01", "2025-12-31", "2025-01-01T12:00:00-05:00"));
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00"));
  EXPECT_TRUE(ForRule(list, "release_renewal").empty());
}

TEST(ObligationsTest, RollingPeriodsFromTheStartClippedByForDays) {
  auto policy = ParsePolicy(R"(
[[rule]]
id = "fortnightly"
title = "Fortnightly contact"
start = "episode_started"
window = "rolling_days"
amount = 14
for_days = 20
count = 2
excused_by_refusal = true
[[rule.satisfied_by]]
kind = "contact"
successful = true
)");
  ASSERT_TRUE(policy) << policy.error().message;
  EpisodeFacts f = Facts();  // started 21 Nov 09:30
  f.contacts.push_back(Contact("a", "2026-11-22T10:00:00-05:00", "phone", true));
  f.contacts.push_back(Contact("b", "2026-12-04T10:00:00-05:00", "phone", true));
  ContactFact refusal = Contact("r", "2026-12-06T10:00:00-05:00", "phone", false);
  refusal.outcome = "refused_services";
  f.contacts.push_back(refusal);
  auto list = EvaluateEpisode(*policy, f, At("2026-12-20T00:00:00-05:00"));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].key, "fortnightly/started/2026-11-21");
  EXPECT_EQ(list[0].due_at, f.started_at + std::chrono::days(14));
  EXPECT_EQ(list[0].state, ObligationState::kMet);
  // Day 20 is 10 Dec: the second period is clipped at midnight after it, and excused.
  EXPECT_EQ(list[1].window_start, f.started_at + std::chrono::days(14));
  EXPECT_EQ(list[1].due_at, At("2026-12-11T00:00:00-05:00"));
  EXPECT_EQ(list[1].state, ObligationState::kExcused);
}

// ---- the episode closes; evaluation as of a past instant ----

TEST(EpisodeEndTest, ClosedEpisodeEndsOpenWindowsAndStartsNothingAfter) {
  EpisodeFacts f = Enrolled18Nov();
  f.ended_at = At("2026-11-25T12:00:00-05:00");
  f.status = "closed";
  auto list = EvaluateEpisode(DefaultPolicy(), f, At("2026-12-20T00:00:00-05:00"));
  auto weeks = ForRule(list, "early_engagement");
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].state, ObligationState::kOpen);  // passed before the close: missed
  EXPECT_EQ(weeks[1].state, ObligationState::kEnded);
  EXPECT_TRUE(ForRule(list, "coordinator_in_person_monthly").empty());
  const Obligation* warm = Find(list, "warm_handoff/referral/2026-11-16");
  ASSERT_NE(warm, nullptr);
  EXPECT_EQ(warm->state, ObligationState::kEnded);
  for (const Obligation& o : list) {
    EXPECT_LT(o.window_start, *f.ended_at) << o.key;
    EXPECT_NE(StatusAt(o.state, o.recurring, o.window_start, o.due_at, At("2026-12-20T00:00:00Z")),
              ObligationStatus::kOverdue)
        << o.key;
  }
}

TEST(AsOfTest, ContactRecordedAfterAsOfDoesNotCount) {
  EpisodeFacts f = Facts();
  ContactFact c = Contact("c1", "2026-11-21T15:00:00-05:00", "in_person", true);
  c.recorded_at = At("2026-11-23T08:00:00-05:00");  // written up two days later
  f.contacts.push_back(c);
  auto then = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-22T12:00:00-05:00"));
  const Obligation* o = Find(then, "warm_handoff/referral/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kOpen);
  auto now = EvaluateEpisode(DefaultPolicy(), f, At("2026-11-23T12:00:00-05:00"));
  o = Find(now, "warm_handoff/referral/2026-11-21");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->state, ObligationState::kMet);
  EXPECT_EQ(*o->resolved_at, c.occurred_at);  // in time, by when it happened
}

TEST(AsOfTest, NothingBeforeTheEpisodeStarted) {
  EpisodeFacts f = Facts();
  EXPECT_TRUE(EvaluateEpisode(DefaultPolicy(), f, At("2026-11-20T00:00:00-05:00")).empty());
}

TEST(AsOfTest, HorizonLimitsFutureWindowsAndOutputIsOrdered) {
  EpisodeFacts f = Facts();
  f.referral_received_at = At("2026-01-05T09:00:00-05:00");
  f.started_at = f.handoffs[0].occurred_at = At("2026-01-05T10:00:00-05:00");
  f.enrolled_at = At("2026-01-05T11:00:00-05:00");
  const Instant as_of = At("2026-11-20T00:00:00-05:00");
  auto list = EvaluateEpisode(DefaultPolicy(), f, as_of);
  ASSERT_FALSE(list.empty());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_LT(list[i].window_start, as_of + std::chrono::days(35));
    if (i > 0) {
      EXPECT_LE(list[i - 1].due_at, list[i].due_at);
    }
  }
  const auto again = EvaluateEpisode(DefaultPolicy(), f, as_of);
  ASSERT_EQ(again.size(), list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(again[i].key, list[i].key);
    EXPECT_EQ(again[i].explanation, list[i].explanation);
  }
}

// ---- status and retention ----

TEST(StatusAtTest, Boundaries) {
  const Instant start = At("2026-11-16T00:00:00-05:00");
  const Instant due = At("2026-11-23T00:00:00-05:00");
  const auto ms = std::chrono::milliseconds(1);
  using S = ObligationState;
  EXPECT_EQ(StatusAt(S::kOpen, true, start, due, start - ms), ObligationStatus::kUpcoming);
  EXPECT_EQ(StatusAt(S::kOpen, true, start, due, start), ObligationStatus::kDue);
  EXPECT_EQ(StatusAt(S::kOpen, true, start, due, due - ms), ObligationStatus::kDue);
  EXPECT_EQ(StatusAt(S::kOpen, true, start, due, due), ObligationStatus::kMissed);
  EXPECT_EQ(StatusAt(S::kOpen, false, start, due, due), ObligationStatus::kOverdue);
  EXPECT_EQ(StatusAt(S::kMet, false, start, due, due), ObligationStatus::kMet);
  EXPECT_EQ(StatusAt(S::kExcused, true, start, due, start - ms), ObligationStatus::kExcused);
  EXPECT_EQ(StatusAt(S::kEnded, true, start, due, due), ObligationStatus::kEnded);
  EXPECT_EQ(ObligationStatusName(ObligationStatus::kOverdue), "overdue");
  EXPECT_EQ(ObligationStateName(S::kExcused), "excused");
  EXPECT_EQ(ParseObligationState("ended"), S::kEnded);
  EXPECT_FALSE(ParseObligationState("missed"));
}

TEST(RetainedInTableTest, HistoryMonthsAndOpenDeadlines) {
  Policy policy = DefaultPolicy();  // six months
  const Instant as_of = At("2026-11-20T12:00:00-05:00");
  Obligation o;
  o.recurring = true;
  o.window_start = At("2026-05-01T00:00:00-04:00");
  o.due_at = At("2026-05-01T00:00:00-04:00");  // the first instant of May, six months back
  EXPECT_TRUE(RetainedInTable(policy, o, as_of, "America/New_York"));
  o.due_at -= std::chrono::milliseconds(1);
  EXPECT_FALSE(RetainedInTable(policy, o, as_of, "America/New_York"));
  o.recurring = false;  // an open deadline stays, however old
  EXPECT_TRUE(RetainedInTable(policy, o, as_of, "America/New_York"));
  o.state = ObligationState::kMet;
  EXPECT_FALSE(RetainedInTable(policy, o, as_of, "America/New_York"));
  o.window_start = as_of + std::chrono::days(35);  // beyond the horizon
  o.state = ObligationState::kOpen;
  EXPECT_FALSE(RetainedInTable(policy, o, as_of, "America/New_York"));
}

// The fast path of refreshes and rebuilds: an episode enrolled a year and a half ago with a peer
// on the team and a contact a week gives the same retained rows with and without the skip.
TEST(RetainedInTableTest, SkippingOldRecurringWindowsKeepsTheSameRows) {
  EpisodeFacts f = Facts();
  f.enrolled_at = At("2025-05-04T10:00:00-04:00");
  f.referral_received_at = At("2025-05-01T10:00:00-04:00");
  f.started_at = f.referral_received_at;
  f.handoffs[0].occurred_at = f.started_at;
  TeamMemberFact peer;
  peer.id = "m1";
  peer.role = "peer_support_specialist";
  peer.user_id = "pss1";
  peer.start_date = "2025-05-05";
  f.team.push_back(peer);
  Instant t = At("2025-05-05T15:00:00-04:00");
  for (int i = 0; i < 80; ++i, t += std::chrono::days{7}) {
    ContactFact c = Contact("c" + std::to_string(i), "2025-05-05T15:00:00-04:00", "in_person", true,
                            i % 2 == 0 ? "cc1" : "pss1");
    c.occurred_at = c.recorded_at = t;
    c.by_role = i % 2 == 0 ? "care_coordinator" : "peer_support";
    f.contacts.push_back(c);
  }
  const Policy& policy = DefaultPolicy();
  const Instant as_of = At("2026-11-23T12:00:00-05:00");
  std::vector<Obligation> slow;
  for (Obligation& o : EvaluateEpisode(policy, f, as_of)) {
    if (RetainedInTable(policy, o, as_of, f.time_zone)) slow.push_back(std::move(o));
  }
  const Instant from = RetentionStart(policy, as_of, f.time_zone);
  EXPECT_EQ(from, At("2026-05-01T00:00:00-04:00"));
  std::vector<Obligation> fast;
  for (Obligation& o : EvaluateEpisodeFrom(policy, f, as_of, from)) {
    if (RetainedInTable(policy, o, as_of, f.time_zone)) fast.push_back(std::move(o));
  }
  ASSERT_GT(slow.size(), 20u);
  ASSERT_EQ(fast.size(), slow.size());
  for (std::size_t i = 0; i < slow.size(); ++i) {
    EXPECT_EQ(fast[i].key, slow[i].key);
    EXPECT_EQ(fast[i].state, slow[i].state);
    EXPECT_EQ(fast[i].counted, slow[i].counted);
    EXPECT_EQ(fast[i].explanation, slow[i].explanation);
  }
}

}  // namespace
}  // namespace carecoord
