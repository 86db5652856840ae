// SPDX-License-Identifier: Apache-2.0
#include "domain/policy_file.h"

#include <gtest/gtest.h>

#include <string>

namespace carecoord {
namespace {

std::string MemberOf(const Error& e, std::string_view name) {
  for (const ErrorMember& m : e.members) {
    if (m.name == name) return std::get<std::string>(m.value);
  }
  return "<missing>";
}

// A valid one-rule policy; tests break one line of it. Line numbers are 1-based from the first
// line of the text (the newline after R"( is line 1).
constexpr std::string_view kValid = R"(
[schedule]
min_per_week = 3
max_per_week = 7
default_per_week = 3

[[rule]]
id = "warm_handoff"
title = "Warm hand-off"
cite = "001 §8"
start = "referral_received"
window = "within_hours"
amount = 24
excused_by_refusal = true
suggest = { mode = "in_person", purpose = "warm_handoff", with = "participant" }

[[rule.satisfied_by]]
kind = "contact"
modes = ["in_person"]
by = "accountable_coordinator"
)";

std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const auto at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

// Expects a rejection naming `line` and `key`, whose message contains `what`.
void ExpectRejected(const std::string& text, int line, std::string_view key,
                    std::string_view what) {
  auto policy = ParsePolicy(text);
  ASSERT_FALSE(policy) << text;
  const Error& e = policy.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(MemberOf(e, "line"), std::to_string(line)) << e.message;
  EXPECT_EQ(MemberOf(e, "key"), key) << e.message;
  EXPECT_NE(e.message.find(what), std::string::npos) << e.message;
  EXPECT_EQ(e.message.rfind("line " + std::to_string(line), 0), 0u) << e.message;
}

TEST(PolicyFileTest, DefaultPolicyParsesAndEncodesTheGuidance) {
  auto policy = ParsePolicy(DefaultPolicyText());
  ASSERT_TRUE(policy) << policy.error().message;
  EXPECT_EQ(policy->schedule.min_per_week, 3);
  EXPECT_EQ(policy->schedule.max_per_week, 7);
  EXPECT_EQ(policy->history_months, 6);
  EXPECT_EQ(policy->horizon_days, 35);
  std::vector<std::string> ids;
  for (const PolicyRule& r : policy->rules) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "warm_handoff", "handoff_face_to_face", "early_engagement",
                     "coordinator_in_person_monthly", "peer_weekly", "locate_after_failed_attempts",
                     "psychiatric_linkage", "transition_follow_up", "release_renewal",
                     "care_plan_review", "monthly_staffing"}));

  const PolicyRule* warm = policy->FindRule("warm_handoff");
  ASSERT_NE(warm, nullptr);
  EXPECT_EQ(warm->window, WindowKind::kWithinHours);
  EXPECT_EQ(warm->amount, 24);  // 001 §8
  EXPECT_TRUE(warm->ends_on_transfer);
  EXPECT_EQ(warm->suggest_purpose, "warm_handoff");
  ASSERT_EQ(warm->satisfied_by.size(), 1u);
  EXPECT_EQ(warm->satisfied_by[0].by, ContactBy::kAccountableCoordinator);
  EXPECT_EQ(warm->satisfied_by[0].successful, true);

  const PolicyRule* early = policy->FindRule("early_engagement");
  ASSERT_NE(early, nullptr);
  EXPECT_EQ(early->for_days, 30);  // 001 §2
  EXPECT_TRUE(early->count_from_schedule);

  const PolicyRule* monthly = policy->FindRule("coordinator_in_person_monthly");
  ASSERT_NE(monthly, nullptr);
  EXPECT_EQ(monthly->window, WindowKind::kCalendarMonth);
  EXPECT_TRUE(monthly->first_period_full);

  const PolicyRule* peer = policy->FindRule("peer_weekly");
  ASSERT_NE(peer, nullptr);
  EXPECT_EQ(peer->assignee, Assignee::kTeamPeer);

  const PolicyRule* locate = policy->FindRule("locate_after_failed_attempts");
  ASSERT_NE(locate, nullptr);
  EXPECT_EQ(locate->after_failed_attempts, 3);

  const PolicyRule* psych = policy->FindRule("psychiatric_linkage");
  ASSERT_NE(psych, nullptr);
  EXPECT_TRUE(psych->medication_needed_only);  // 001 §6
  EXPECT_TRUE(psych->excused_by_unavailability);
  EXPECT_EQ(psych->amount, 7);
  EXPECT_TRUE(psych->suggest_mode.empty());

  const PolicyRule* release = policy->FindRule("release_renewal");
  ASSERT_NE(release, nullptr);
  EXPECT_EQ(release->days_before_expiry, 30);

  EXPECT_FALSE(policy->FindRule("care_plan_review")->enabled);
  EXPECT_FALSE(policy->FindRule("monthly_staffing")->enabled);
  EXPECT_EQ(policy->FindRule("nope"), nullptr);
}

TEST(PolicyFileTest, DescriptionsAreReadable) {
  auto policy = ParsePolicy(DefaultPolicyText());
  ASSERT_TRUE(policy);
  EXPECT_EQ(DescribeRule(*policy->FindRule("warm_handoff")),
            "A successful in-person contact with the participant by the accountable coordinator "
            "within 24 hours of the referral being received. Excused by a documented refusal. "
            "Ends when accountability is transferred. (001 §8)");
  EXPECT_EQ(DescribeRule(*policy->FindRule("psychiatric_linkage")),
            "A kept psychiatric appointment within 7 days of each discharge from a higher level "
            "of care of a participant who needs medication. Excused by a documented refusal, or "
            "when no appointment is available and the managing entity was notified. (001 §6)");
  for (const PolicyRule& r : policy->rules) EXPECT_FALSE(DescribeRule(r).empty()) << r.id;
}

TEST(PolicyFileTest, ValidSampleParses) {
  auto policy = ParsePolicy(kValid);
  ASSERT_TRUE(policy) << policy.error().message;
  ASSERT_EQ(policy->rules.size(), 1u);
  EXPECT_EQ(policy->rules[0].suggest_mode, "in_person");
  EXPECT_EQ(policy->history_months, 6);  // the section is optional
}

TEST(PolicyFileTest, SyntaxErrorNamesItsLine) {
  ExpectRejected(Replace(kValid, "amount = 24", "amount = = 24"), 13, "", "");
  auto policy = ParsePolicy(Replace(kValid, "amount = 24", "amount = = 24"));
  ASSERT_FALSE(policy);
  EXPECT_EQ(policy.error().message.find("key"), std::string::npos) << policy.error().message;
}

TEST(PolicyFileTest, UnknownKeysAreErrors) {
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 24\nwithin_hours = 24"), 14,
                 "within_hours", "unknown key");
  ExpectRejected(Replace(kValid, "modes = [", "mode = ["), 19, "satisfied_by.mode", "unknown key");
  ExpectRejected(Replace(kValid, "max_per_week = 7", "max_per_week = 7\nmaximum = 7"), 5,
                 "schedule.maximum", "unknown key");
  ExpectRejected(Replace(kValid, "purpose = \"warm_handoff\"", "purpos = \"warm_handoff\""), 15,
                 "suggest.purpos", "unknown key");
  ExpectRejected("[rules]\nid = \"x\"\n", 1, "rules", "unknown key");
}

TEST(PolicyFileTest, WrongTypesAreErrors) {
  ExpectRejected(Replace(kValid, "amount = 24", "amount = \"24\""), 13, "amount",
                 "must be a whole number");
  ExpectRejected(Replace(kValid, "excused_by_refusal = true", "excused_by_refusal = 1"), 14,
                 "excused_by_refusal", "must be true or false");
  ExpectRejected(Replace(kValid, "modes = [\"in_person\"]", "modes = \"in_person\""), 19,
                 "satisfied_by.modes", "array of strings");
  ExpectRejected(Replace(kValid, "suggest = {", "suggest = 1 #"), 15, "suggest", "inline table");
}

TEST(PolicyFileTest, OutOfRangeNumbersAreErrors) {
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 8761"), 13, "amount", "must be 1–8760");
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 0"), 13, "amount", "must be 1–8760");
  EXPECT_TRUE(ParsePolicy(Replace(kValid, "amount = 24", "amount = 8760")));
  ExpectRejected(Replace(kValid, "window = \"within_hours\"\namount = 24",
                         "window = \"within_days\"\namount = 3651"),
                 13, "amount", "must be 1–3650");
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 24\ncount = 51"), 14, "count",
                 "must be 1–50");
  ExpectRejected(Replace(kValid, "max_per_week = 7", "max_per_week = 8"), 4,
                 "schedule.max_per_week", "must be 1–7");
  ExpectRejected(Replace(kValid, "default_per_week = 3", "default_per_week = 2"), 5,
                 "schedule.default_per_week", "between");
  ExpectRejected(Replace(kValid, "[[rule]]", "[table]\nhorizon_days = 6\n\n[[rule]]"), 8,
                 "table.horizon_days", "must be 7–366");
  ExpectRejected(Replace(kValid, "[[rule]]", "[table]\nhistory_months = 25\n\n[[rule]]"), 8,
                 "table.history_months", "must be 1–24");
}

TEST(PolicyFileTest, IdsAreUniqueAndWellFormed) {
  std::string twice(kValid);
  twice += Replace(kValid.substr(kValid.find("[[rule]]")), "title", "title");
  ExpectRejected(twice, 22, "id", "used twice");
  ExpectRejected(Replace(kValid, "id = \"warm_handoff\"", "id = \"Warm-handoff\""), 8, "id",
                 "must match");
  ExpectRejected(Replace(kValid, "id = \"warm_handoff\"\n", ""), 7, "id", "missing");
}

TEST(PolicyFileTest, UnknownEnumNamesAndCodesAreErrors) {
  ExpectRejected(Replace(kValid, "start = \"referral_received\"", "start = \"referral\""), 11,
                 "start", "expected one of");
  ExpectRejected(Replace(kValid, "window = \"within_hours\"", "window = \"weekly\""), 12, "window",
                 "expected one of");
  ExpectRejected(Replace(kValid, "[\"in_person\"]", "[\"in_person\", \"telepathy\"]"), 19,
                 "satisfied_by.modes", "unknown 'telepathy'");
  ExpectRejected(Replace(kValid, "by = \"accountable_coordinator\"",
                         "by = \"accountable_coordinator\"\npurposes = [\"lunch\"]"),
                 21, "satisfied_by.purposes", "unknown 'lunch'");
  ExpectRejected(Replace(kValid, "by = \"accountable_coordinator\"",
                         "by = \"accountable_coordinator\"\nroles = [\"peer_support_specialist\"]"),
                 21, "satisfied_by.roles", "unknown");
  ExpectRejected(Replace(kValid, "with = \"participant\"", "with = \"cat\""), 15, "suggest.with",
                 "unknown 'cat'");
  // "locate" is a purpose.
  EXPECT_TRUE(ParsePolicy(Replace(kValid, "by = \"accountable_coordinator\"",
                                  "by = \"accountable_coordinator\"\npurposes = [\"locate\"]")));
}

TEST(PolicyFileTest, KeysThatDoNotFitTheRuleAreErrors) {
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 24\ncount_from_schedule = true"), 14,
                 "count_from_schedule", "calendar_week");
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 24\nfor_days = 30"), 14, "for_days",
                 "recurring");
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 24\nfirst_period_full = true"), 14,
                 "first_period_full", "calendar_week and calendar_month");
  ExpectRejected(Replace(kValid, "window = \"within_hours\"\namount = 24",
                         "window = \"calendar_week\"\nfor_days = 367"),
                 13, "for_days", "must be 0–366");
  ExpectRejected(Replace(kValid, "amount = 24", "amount = 24\nafter_failed_attempts = 3"), 14,
                 "after_failed_attempts", "failed_attempts");
  ExpectRejected(Replace(kValid, "by = \"accountable_coordinator\"", "by = \"team_peer\""), 20,
                 "satisfied_by.by", "peer_on_team");
  ExpectRejected(Replace(kValid, "kind = \"contact\"", "kind = \"appointment_kept\""), 19,
                 "satisfied_by.modes", "applies only to kind 'contact'");
  ExpectRejected(Replace(kValid, "amount = 24\n", ""), 7, "amount", "missing");
}

TEST(PolicyFileTest, SatisfiedByIsRequired) {
  const std::string text(kValid.substr(0, kValid.find("[[rule.satisfied_by]]")));
  ExpectRejected(text, 7, "satisfied_by", "at least one");
  ExpectRejected(text + "satisfied_by = []\n", 17, "satisfied_by", "");
}

TEST(PolicyFileTest, CarePlanAndStaffingRulesMustStayOff) {
  constexpr std::string_view kCarePlan = R"(
[[rule]]
id = "care_plan_review"
title = "Care plan review"
start = "care_plan"
window = "within_days"
amount = 90
enabled = true
)";
  ExpectRejected(std::string(kCarePlan), 8, "enabled", "needs care plan records");
  ExpectRejected(
      Replace(Replace(kCarePlan, "\"care_plan\"", "\"staffing\""), "enabled = true\n", ""), 2,
      "enabled", "needs staffing records");
  auto off = ParsePolicy(Replace(kCarePlan, "enabled = true", "enabled = false"));
  ASSERT_TRUE(off) << off.error().message;
  EXPECT_FALSE(off->rules[0].enabled);
}

TEST(PolicyFileTest, ContactScheduleWithinTheBounds) {
  ContactScheduleBounds bounds;
  EXPECT_TRUE(ValidateContactSchedule(bounds, 3, "safety"));
  EXPECT_TRUE(ValidateContactSchedule(bounds, 7, "wishes"));
  auto low = ValidateContactSchedule(bounds, 2, "safety");
  ASSERT_FALSE(low);
  EXPECT_EQ(low.error().field, "per_week");
  auto reason = ValidateContactSchedule(bounds, 4, "whim");
  ASSERT_FALSE(reason);
  EXPECT_EQ(reason.error().field, "reason");
}

TEST(PolicyFileTest, EnumNamesRoundTrip) {
  EXPECT_EQ(ParseRuleStart(RuleStartName(RuleStart::kReleaseExpiring)),
            RuleStart::kReleaseExpiring);
  EXPECT_EQ(ParseWindowKind("calendar_month"), WindowKind::kCalendarMonth);
  EXPECT_EQ(SatisfierKindName(SatisfierKind::kHandoffFaceToFace), "handoff_face_to_face");
  EXPECT_EQ(ParseContactBy("team_peer"), ContactBy::kTeamPeer);
  EXPECT_EQ(AssigneeName(Assignee::kTeamPeer), "team_peer");
  EXPECT_FALSE(ParseAssignee("anyone"));
}

}  // namespace
}  // namespace carecoord
