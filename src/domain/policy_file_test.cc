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
                     "initial_care_plan", "care_plan_review", "goal_target_date",
                     "safety_flag_follow_up", "monthly_staffing"}));

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

  // 000 "Builds initial care plan", 001 §4 §10: the care-plan rules are on.
  const PolicyRule* initial = policy->FindRule("initial_care_plan");
  ASSERT_NE(initial, nullptr);
  EXPECT_TRUE(initial->enabled);
  EXPECT_EQ(initial->start, RuleStart::kEnrolled);
  EXPECT_EQ(initial->window, WindowKind::kWithinDays);
  EXPECT_EQ(initial->amount, 30);
  ASSERT_EQ(initial->satisfied_by.size(), 1u);
  EXPECT_EQ(initial->satisfied_by[0].kind, SatisfierKind::kCarePlanAgreed);
  const PolicyRule* review = policy->FindRule("care_plan_review");
  ASSERT_NE(review, nullptr);
  EXPECT_TRUE(review->enabled);
  EXPECT_EQ(review->start, RuleStart::kCarePlan);
  EXPECT_EQ(review->window, WindowKind::kByDate);
  EXPECT_EQ(review->days_before, 14);
  const PolicyRule* goal = policy->FindRule("goal_target_date");
  ASSERT_NE(goal, nullptr);
  EXPECT_EQ(goal->satisfied_by[0].kind, SatisfierKind::kGoalClosed);
  const PolicyRule* safety = policy->FindRule("safety_flag_follow_up");
  ASSERT_NE(safety, nullptr);
  EXPECT_EQ(safety->start, RuleStart::kAssessmentFlag);
  EXPECT_EQ(safety->flag, "safety");
  EXPECT_EQ(safety->window, WindowKind::kSameDay);
  EXPECT_EQ(safety->assignee, Assignee::kAccountableCoordinator);
  EXPECT_EQ(safety->suggest_purpose, "crisis");
  EXPECT_EQ(safety->satisfied_by[0].purposes, std::vector<std::string>{"crisis"});
  EXPECT_FALSE(policy->FindRule("monthly_staffing")->enabled);
  EXPECT_EQ(policy->FindRule("nope"), nullptr);

  // 002: tiers, highest first, the last for everyone else.
  ASSERT_EQ(policy->tiers.size(), 3u);
  EXPECT_EQ(policy->tiers[0].id, "high");
  EXPECT_EQ(policy->tiers[0].when.size(), 4u);
  EXPECT_EQ(policy->tiers[1].id, "moderate");
  EXPECT_EQ(policy->tiers[2].id, "standard");
  EXPECT_TRUE(policy->tiers[2].when.empty());
  EXPECT_EQ(policy->ScheduleFor("high").min_per_week, 5);
  EXPECT_EQ(policy->ScheduleFor("high").default_per_week, 5);
  EXPECT_EQ(policy->ScheduleFor("moderate").min_per_week, 3);
  // Without its own bounds, or unknown: the policy's [schedule].
  EXPECT_EQ(&policy->ScheduleFor("standard"), &policy->schedule);
  EXPECT_EQ(&policy->ScheduleFor("nope"), &policy->schedule);
  EXPECT_EQ(policy->FindTier("nope"), nullptr);
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
  EXPECT_EQ(DescribeRule(*policy->FindRule("care_plan_review")),
            "A recorded care plan review by each review date the care plan sets, on the worklist "
            "from 14 days before. (001 §10; 002)");
  EXPECT_EQ(DescribeRule(*policy->FindRule("safety_flag_follow_up")),
            "A successful contact with the participant with purpose crisis by the end of the day "
            "of an assessment raising the safety flag. (001 §2 §3)");
  for (const PolicyRule& r : policy->rules) EXPECT_FALSE(DescribeRule(r).empty()) << r.id;
  EXPECT_EQ(DescribeTierCondition(policy->tiers[0].when[0]),
            "a recommended level of care of at least 4 (locus, calocus or asam)");
  EXPECT_EQ(DescribeTierCondition(policy->tiers[0].when[3]),
            "a discharge from a higher level of care in the last 30 days");
  EXPECT_EQ(DescribeTierCondition(policy->tiers[1].when[0]), "phq9 moderately severe or moderate");
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

TEST(PolicyFileTest, StaffingRulesMustStayOff) {
  constexpr std::string_view kStaffing = R"(
[[rule]]
id = "monthly_staffing"
title = "Monthly staffing"
start = "staffing"
window = "calendar_month"
enabled = true
)";
  ExpectRejected(std::string(kStaffing), 7, "enabled", "needs staffing records");
  ExpectRejected(Replace(kStaffing, "enabled = true\n", ""), 2, "enabled",
                 "needs staffing records");
  auto off = ParsePolicy(Replace(kStaffing, "enabled = true", "enabled = false"));
  ASSERT_TRUE(off) << off.error().message;
  EXPECT_FALSE(off->rules[0].enabled);
}

// A care-plan review rule; tests break one line of it.
constexpr std::string_view kReview = R"(
[[rule]]
id = "care_plan_review"
title = "Care plan review"
start = "care_plan"
window = "by_date"
days_before = 14

[[rule.satisfied_by]]
kind = "care_plan_reviewed"
)";

TEST(PolicyFileTest, CarePlanRulesAreCheckedByStartAndWindow) {
  auto ok = ParsePolicy(kReview);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_TRUE(ok->rules[0].enabled);
  EXPECT_EQ(ok->rules[0].days_before, 14);
  // A review date is a day: only by_date fits it, and by_date fits only dates.
  ExpectRejected(Replace(kReview, "window = \"by_date\"", "window = \"within_days\"\namount = 9"),
                 6, "window", "needs window 'by_date'");
  ExpectRejected(Replace(kReview, "start = \"care_plan\"", "start = \"enrolled\""), 6, "window",
                 "by_date needs start");
  ExpectRejected(Replace(kReview, "days_before = 14", "days_before = 367"), 7, "days_before",
                 "must be 0–366");
  ExpectRejected(Replace(kReview, "days_before = 14", "days_before = 14\namount = 3"), 8, "amount",
                 "applies only to");
  ExpectRejected(Replace(kReview, "days_before = 14", "days_before = 14\nflag = \"safety\""), 8,
                 "flag", "applies only to start 'assessment_flag'");
  ExpectRejected(Replace(kReview, "care_plan_reviewed", "goal_closed"), 10, "satisfied_by.kind",
                 "goal_closed needs start 'goal_target_date'");
  ExpectRejected(Replace(kReview, "care_plan_reviewed", "care_plan_agreed"), 10,
                 "satisfied_by.kind", "care_plan_agreed needs start");
  ExpectRejected(Replace(kReview, "[[rule.satisfied_by]]\nkind = \"care_plan_reviewed\"\n", ""), 2,
                 "satisfied_by", "at least one");
}

TEST(PolicyFileTest, FlagRulesNeedTheirFlag) {
  constexpr std::string_view kFlag = R"(
[[rule]]
id = "safety_flag_follow_up"
title = "Safety flag follow-up"
start = "assessment_flag"
flag = "safety"
window = "same_day"

[[rule.satisfied_by]]
kind = "contact"
purposes = ["crisis"]
)";
  auto ok = ParsePolicy(kFlag);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->rules[0].flag, "safety");
  EXPECT_EQ(ok->rules[0].window, WindowKind::kSameDay);
  ExpectRejected(Replace(kFlag, "flag = \"safety\"\n", ""), 2, "flag", "missing");
  ExpectRejected(Replace(kFlag, "\"safety\"", "\"Safety!\""), 6, "flag", "must match");
  ExpectRejected(Replace(kFlag, "window = \"same_day\"", "window = \"same_day\"\namount = 1"), 8,
                 "amount", "applies only to");
}

// A valid two-tier policy; tests break one line of it.
constexpr std::string_view kTiers = R"(
[[tier]]
id = "high"
title = "High"
schedule = { min_per_week = 5, max_per_week = 7, default_per_week = 5 }

[[tier.when]]
kind = "band"
instrument = "phq9"
bands = ["severe"]

[[tier.when]]
kind = "recent_discharge"
days = 30
levels = ["inpatient_psychiatric"]

[[tier]]
id = "standard"
title = "Standard"
)";

TEST(PolicyFileTest, TiersParse) {
  auto ok = ParsePolicy(kTiers);
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->tiers.size(), 2u);
  const RiskTier& high = ok->tiers[0];
  ASSERT_TRUE(high.schedule);
  EXPECT_EQ(high.schedule->min_per_week, 5);
  ASSERT_EQ(high.when.size(), 2u);
  EXPECT_EQ(high.when[0].kind, TierConditionKind::kBand);
  EXPECT_EQ(high.when[0].bands, std::vector<std::string>{"severe"});
  EXPECT_EQ(high.when[1].kind, TierConditionKind::kRecentDischarge);
  EXPECT_EQ(high.when[1].levels, std::vector<std::string>{"inpatient_psychiatric"});
  EXPECT_FALSE(ok->tiers[1].schedule);
  // One tier alone holds everyone.
  EXPECT_TRUE(ParsePolicy("[[tier]]\nid = \"all\"\ntitle = \"All\"\n"));
}

TEST(PolicyFileTest, TierErrorsNameTheirLineAndKey) {
  ExpectRejected(Replace(kTiers, "id = \"standard\"", "id = \"high\""), 18, "id", "used twice");
  ExpectRejected(Replace(kTiers, "id = \"high\"", "id = \"High\""), 3, "id", "must match");
  ExpectRejected(Replace(kTiers, "title = \"High\"\n", ""), 2, "title", "missing");
  ExpectRejected(Replace(kTiers, "title = \"High\"", "title = \"High\"\ncolour = \"red\""), 5,
                 "colour", "unknown key");
  ExpectRejected(Replace(kTiers, "min_per_week = 5", "min_per_week = 0"), 5,
                 "schedule.min_per_week", "must be 1–7");
  ExpectRejected(Replace(kTiers, "default_per_week = 5", "default_per_week = 4"), 5,
                 "schedule.default_per_week", "between");
  ExpectRejected(Replace(kTiers, "kind = \"band\"", "kind = \"mood\""), 8, "when.kind",
                 "unknown 'mood'");
  ExpectRejected(Replace(kTiers, "bands = [\"severe\"]\n", ""), 7, "when.bands", "missing");
  ExpectRejected(Replace(kTiers, "bands = [\"severe\"]", "bands = []"), 10, "when.bands",
                 "at least one");
  ExpectRejected(Replace(kTiers, "instrument = \"phq9\"", "instrument = \"phq9\"\nflag = \"x\""),
                 10, "when.flag", "does not apply to kind 'band'");
  ExpectRejected(Replace(kTiers, "days = 30", "days = 0"), 14, "when.days", "must be 1–366");
  ExpectRejected(Replace(kTiers, "\"inpatient_psychiatric\"", "\"spa\""), 15, "when.levels",
                 "unknown 'spa'");
  // Only the last tier holds everyone; every other needs a condition.
  ExpectRejected(Replace(kTiers, "title = \"Standard\"",
                         "title = \"Standard\"\n[[tier.when]]\nkind = \"flag\"\nflag = \"safety\""),
                 20, "when", "last tier");
  std::string no_conditions(kTiers.substr(0, kTiers.find("[[tier.when]]")));
  no_conditions += kTiers.substr(kTiers.rfind("[[tier]]"));
  ExpectRejected(no_conditions, 2, "when", "needs at least one");
  auto e = ParsePolicy(Replace(kTiers, "days = 30", "days = 0"));
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("tier 'high'"), std::string::npos) << e.error().message;
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
