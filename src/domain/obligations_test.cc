// SPDX-License-Identifier: Apache-2.0
#include "domain/obligations.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace carecoord
