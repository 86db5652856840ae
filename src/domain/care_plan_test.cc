// SPDX-License-Identifier: Apache-2.0
#include "domain/care_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace carecoord {
namespace {

constexpr std::string_view kToday = "2026-11-20";

CarePlanDocument Plan() {
  CarePlanDocument p;
  p.needs = {{.id = "n1", .description = "Stable housing", .assessment_ids = {"a1"}}};
  p.strengths = {"Close to her sister", "Knows the bus routes"};
  CarePlanGoal g;
  g.id = "g1";
  g.statement = "I want my own apartment by spring";
  g.expressed_by = "participant";
  g.need_ids = {"n1"};
  g.indicator = "Nights housed per week";
  g.unit = "nights";
  g.baseline = 2;
  g.target = 7;
  g.target_date = "2027-03-31";
  p.goals = {g};
  CarePlanIntervention v;
  v.id = "i1";
  v.goal_id = "g1";
  v.action = "Apply for housing voucher";
  v.responsible = "care_coordinator";
  v.frequency = "once";
  v.due_date = "2026-12-15";
  p.interventions = {v};
  p.barriers = {"No ID documents"};
  p.natural_supports = {
      {.name = "Ana", .relationship = "sister", .role = "rides to appointments", .phone = ""}};
  p.resources = {"Food bank on Main St"};
  p.crisis_plan = {.warning_signs = "Stops answering the phone",
                   .coping_steps = "Walks, calls Ana",
                   .contacts = {{.name = "Mobile crisis", .phone = "555-0100", .role = "crisis"}},
                   .crisis_line = "988"};
  p.medical_summary = {.diagnoses = {"Major depressive disorder"},
                       .medications = {"Sertraline 50 mg"},
                       .allergies = {},
                       .providers = {"Dr. Lee"}};
  p.transition_plan = {
      {.step = "Join the peer-run recovery group", .target_date = "", .done = false}};
  p.agreement = {.method = "verbal",
                 .date = "2026-11-20",
                 .signer = "participant",
                 .signer_name = "Maria",
                 .note = ""};
  p.review_date = "2027-02-20";
  return p;
}

std::string FieldOf(const Status& st) {
  return st ? "" : st.error().field;
}

// ---- ValidateCarePlan ----

TEST(CarePlanValidationTest, AWholePlanIsValid) {
  EXPECT_TRUE(ValidateCarePlan(Plan(), kToday));
}

TEST(CarePlanValidationTest, AnEmptyPlanNeedsOnlyAReviewDate) {
  CarePlanDocument p;
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "review_date");
  p.review_date = "2027-01-01";
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
}

TEST(CarePlanValidationTest, ErrorsAreInvalidArgumentWithAMessageNamingThePath) {
  CarePlanDocument p = Plan();
  p.goals[0].target_date = "";
  auto st = ValidateCarePlan(p, kToday);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(st.error().field, "goals[0].target_date");
  EXPECT_EQ(st.error().message, "goals[0].target_date: is required");
}

TEST(CarePlanValidationTest, GoalRequiredFieldsNameTheirIndex) {
  CarePlanDocument p = Plan();
  p.goals.push_back(p.goals[0]);
  p.goals[1].id = "g2";
  ASSERT_TRUE(ValidateCarePlan(p, kToday));
  for (auto [member, clear] : std::vector<std::pair<std::string, void (*)(CarePlanGoal&)>>{
           {"statement", [](CarePlanGoal& g) { g.statement.clear(); }},
           {"expressed_by", [](CarePlanGoal& g) { g.expressed_by.clear(); }},
           {"indicator", [](CarePlanGoal& g) { g.indicator.clear(); }},
           {"target_date", [](CarePlanGoal& g) { g.target_date.clear(); }},
           {"status", [](CarePlanGoal& g) { g.status.clear(); }}}) {
    CarePlanDocument q = p;
    clear(q.goals[1]);
    EXPECT_EQ(FieldOf(ValidateCarePlan(q, kToday)), "goals[1]." + member) << member;
  }
}

TEST(CarePlanValidationTest, GoalCodes) {
  CarePlanDocument p = Plan();
  for (std::string_view status : kGoalStatuses) {
    p.goals[0].status = std::string(status);
    EXPECT_TRUE(ValidateCarePlan(p, kToday)) << status;
  }
  p.goals[0].status = "abandoned";
  auto st = ValidateCarePlan(p, kToday);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "goals[0].status");
  EXPECT_NE(st.error().message.find("active, achieved, on_hold, discontinued"), std::string::npos);
  p = Plan();
  for (std::string_view voice : kGoalVoices) {
    p.goals[0].expressed_by = std::string(voice);
    EXPECT_TRUE(ValidateCarePlan(p, kToday)) << voice;
  }
  p.goals[0].expressed_by = "coordinator";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].expressed_by");
}

TEST(CarePlanValidationTest, DatesMustBeRealCalendarDates) {
  CarePlanDocument p = Plan();
  p.goals[0].target_date = "2027-02-29";  // not a leap year
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].target_date");
  p.goals[0].target_date = "2028-02-29";
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.goals[0].target_date = "31/03/2027";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].target_date");
  p = Plan();
  p.interventions[0].due_date = "2026-13-01";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[0].due_date");
  p.interventions[0].due_date = "";  // optional
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p = Plan();
  p.transition_plan[0].target_date = "soon";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "transition_plan[0].target_date");
  p = Plan();
  p.review_date = "2027-02-30";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "review_date");
}

TEST(CarePlanValidationTest, NumbersMustBeFinite) {
  CarePlanDocument p = Plan();
  p.goals[0].baseline = std::nullopt;
  p.goals[0].target = std::nullopt;
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.goals[0].baseline = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].baseline");
  p.goals[0].baseline = 0;
  p.goals[0].target = std::numeric_limits<double>::infinity();
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].target");
}

TEST(CarePlanValidationTest, IdsAreUniqueWithinTheirList) {
  CarePlanDocument p = Plan();
  p.goals.push_back(p.goals[0]);
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[1].id");
  p.goals[1].id = "";  // assigned on save
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.goals[0].id = "";
  p.interventions[0].goal_id = "";  // an intervention can name only a goal with an id
  EXPECT_TRUE(ValidateCarePlan(p, kToday)) << "two new goals";
  p = Plan();
  p.needs.push_back({.id = "n1", .description = "Food", .assessment_ids = {}});
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "needs[1].id");
  p = Plan();
  p.interventions.push_back(p.interventions[0]);
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[1].id");
  p = Plan();
  p.needs[0].id = "g1";  // one id in two lists is fine: lists are separate
  p.goals[0].need_ids = {"g1"};
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.goals[0].id = std::string(101, 'x');
  p.interventions[0].goal_id = p.goals[0].id;
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].id");
}

TEST(CarePlanValidationTest, ReferencesPointIntoThisDocument) {
  CarePlanDocument p = Plan();
  p.goals[0].need_ids = {"n1", "n9"};
  auto st = ValidateCarePlan(p, kToday);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "goals[0].need_ids[1]");
  EXPECT_NE(st.error().message.find("'n9'"), std::string::npos);
  p.goals[0].need_ids = {"n1", "n1"};
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].need_ids[1]");
  p = Plan();
  p.interventions[0].goal_id = "g9";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[0].goal_id");
  p.interventions[0].goal_id = "";  // not tied to a goal
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p = Plan();
  p.needs.clear();  // the goal still names n1
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].need_ids[0]");
}

TEST(CarePlanValidationTest, Interventions) {
  CarePlanDocument p = Plan();
  for (std::string_view who : kResponsibleParties) {
    p.interventions[0].responsible = std::string(who);
    EXPECT_TRUE(ValidateCarePlan(p, kToday)) << who;
  }
  p.interventions[0].responsible = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[0].responsible");
  p.interventions[0].responsible = "landlord";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[0].responsible");
  p = Plan();
  p.interventions[0].action = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[0].action");
  p = Plan();
  for (std::string_view status : kInterventionStatuses) {
    p.interventions[0].status = std::string(status);
    EXPECT_TRUE(ValidateCarePlan(p, kToday)) << status;
  }
  p.interventions[0].status = "finished";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "interventions[0].status");
}

TEST(CarePlanValidationTest, EntriesOfListsSaySomething) {
  CarePlanDocument p = Plan();
  p.strengths.push_back("");
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "strengths[2]");
  p = Plan();
  p.barriers = {""};
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "barriers[0]");
  p = Plan();
  p.resources = {""};
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "resources[0]");
  p = Plan();
  p.medical_summary.providers = {"Dr. Lee", ""};
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "medical_summary.providers[1]");
  p = Plan();
  p.needs[0].description = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "needs[0].description");
  p = Plan();
  p.natural_supports[0].name = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "natural_supports[0].name");
  p = Plan();
  p.crisis_plan.contacts[0].name = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "crisis_plan.contacts[0].name");
  p = Plan();
  p.transition_plan[0].step = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "transition_plan[0].step");
}

TEST(CarePlanValidationTest, TextsAtMost2000Bytes) {
  CarePlanDocument p = Plan();
  p.goals[0].statement = std::string(2000, 'a');
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.goals[0].statement = std::string(2001, 'a');
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals[0].statement");
  p = Plan();
  p.crisis_plan.warning_signs = std::string(2001, 'a');
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "crisis_plan.warning_signs");
  p = Plan();
  p.natural_supports[0].phone = std::string(2001, '5');
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "natural_supports[0].phone");
  p = Plan();
  p.strengths[1] = std::string(2001, 'a');
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "strengths[1]");
  p = Plan();
  p.agreement.note = std::string(2001, 'a');
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.note");
}

TEST(CarePlanValidationTest, ListsAtMost100Entries) {
  CarePlanDocument p = Plan();
  p.strengths.assign(100, "kind");
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.strengths.assign(101, "kind");
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "strengths");
  p = Plan();
  p.goals.resize(101, p.goals[0]);
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "goals");
  p = Plan();
  p.crisis_plan.contacts.resize(101, p.crisis_plan.contacts[0]);
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "crisis_plan.contacts");
  p = Plan();
  p.medical_summary.medications.assign(101, "aspirin");
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "medical_summary.medications");
}

TEST(CarePlanValidationTest, AgreementDateNotAfterToday) {
  CarePlanDocument p = Plan();
  p.agreement.date = "2026-11-20";  // today
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.agreement.date = "2026-11-21";
  auto st = ValidateCarePlan(p, kToday);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "agreement.date");
  EXPECT_EQ(st.error().message, "agreement.date: is in the future");
  p.agreement.date = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.date");
  p.agreement.date = "2026-11-31";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.date");
}

TEST(CarePlanValidationTest, AgreementMethodSignerAndDecline) {
  CarePlanDocument p = Plan();
  for (std::string_view method : kAgreementMethods) {
    p.agreement.method = std::string(method);
    p.agreement.note = "Wants to think about it";
    EXPECT_TRUE(ValidateCarePlan(p, kToday)) << method;
  }
  p.agreement.method = "nodded";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.method");
  p = Plan();
  p.agreement.signer = "";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.signer");
  p.agreement.signer = "sister";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.signer");
  p.agreement.signer = "guardian";
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p = Plan();
  p.agreement.method = "declined";
  p.agreement.note = "";
  auto st = ValidateCarePlan(p, kToday);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "agreement.note");
  p.agreement.note = "Not ready to sign";
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
}

TEST(CarePlanValidationTest, NoAgreementYetLeavesItsFieldsEmpty) {
  CarePlanDocument p = Plan();
  p.agreement = {};
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
  p.agreement.date = "2026-11-20";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.method");
  p.agreement = {};
  p.agreement.signer = "participant";
  EXPECT_EQ(FieldOf(ValidateCarePlan(p, kToday)), "agreement.method");
  p.agreement = {};
  p.agreement.note = "Will discuss with her sister first";
  EXPECT_TRUE(ValidateCarePlan(p, kToday));
}

// ---- DescribeChanges ----

using Lines = std::vector<std::string>;

TEST(CarePlanChangesTest, NoChangeSaysNothing) {
  EXPECT_EQ(DescribeChanges(Plan(), Plan()), Lines{});
}

TEST(CarePlanChangesTest, GoalsAddedRemovedAndMatchedById) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  CarePlanGoal food = after.goals[0];
  food.id = "g2";
  food.statement = "Eat three meals a day";
  after.goals.push_back(food);
  EXPECT_EQ(DescribeChanges(before, after), Lines{"Goal added: “Eat three meals a day”"});
  EXPECT_EQ(DescribeChanges(after, before), Lines{"Goal removed: “Eat three meals a day”"});
  // Reordering is not a change: goals are matched by id, not position.
  CarePlanDocument reordered = after;
  std::swap(reordered.goals[0], reordered.goals[1]);
  EXPECT_EQ(DescribeChanges(after, reordered), Lines{});
  // The same words under another id are another goal.
  CarePlanDocument renumbered = before;
  renumbered.goals[0].id = "g7";
  renumbered.interventions[0].goal_id = "g7";
  EXPECT_EQ(DescribeChanges(before, renumbered),
            (Lines{"Goal added: “I want my own apartment by spring”",
                   "Goal removed: “I want my own apartment by spring”"}));
}

TEST(CarePlanChangesTest, GoalFieldByField) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  CarePlanGoal& g = after.goals[0];
  g.statement = "My own apartment";
  g.expressed_by = "participant_and_family";
  g.need_ids = {};
  g.indicator = "Nights housed";
  g.unit = "";
  g.baseline = 2.5;
  g.target = std::nullopt;
  g.target_date = "2027-04-30";
  g.status = "on_hold";
  EXPECT_EQ(DescribeChanges(before, after),
            (Lines{"Goal reworded: “I want my own apartment by spring” → “My own apartment”",
                   "Goal “My own apartment”: expressed by participant → participant and family",
                   "Goal “My own apartment”: linked needs changed",
                   "Goal “My own apartment”: indicator “Nights housed per week” → “Nights "
                   "housed”",
                   "Goal “My own apartment”: unit cleared (was “nights”)",
                   "Goal “My own apartment”: baseline 2 → 2.5",
                   "Goal “My own apartment”: target cleared (was 7)",
                   "Goal “My own apartment”: target date 2027-03-31 → 2027-04-30",
                   "Goal “My own apartment”: status active → on hold"}));
  CarePlanDocument no_baseline = Plan();
  no_baseline.goals[0].baseline = std::nullopt;
  EXPECT_EQ(DescribeChanges(no_baseline, before),
            Lines{"Goal “I want my own apartment by spring”: baseline set to 2"});
}

TEST(CarePlanChangesTest, NeedsAndInterventions) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  after.needs[0].description = "Housing";
  after.needs[0].assessment_ids = {"a1", "a2"};
  after.needs.push_back({.id = "n2", .description = "Food", .assessment_ids = {}});
  CarePlanIntervention& v = after.interventions[0];
  v.action = "Apply for a housing voucher";
  v.goal_id = "";
  v.responsible = "peer_support";
  v.responsible_name = "Sam";
  v.frequency = "weekly";
  v.due_date = "2027-01-15";
  v.status = "in_progress";
  after.interventions.push_back({.id = "i2",
                                 .goal_id = "g1",
                                 .action = "Visit the food bank",
                                 .responsible = "participant",
                                 .responsible_name = "",
                                 .frequency = "",
                                 .due_date = "",
                                 .status = "planned"});
  EXPECT_EQ(DescribeChanges(before, after),
            (Lines{"Need reworded: “Stable housing” → “Housing”",
                   "Need “Housing”: linked assessments changed", "Need added: “Food”",
                   "Intervention reworded: “Apply for housing voucher” → “Apply for a housing "
                   "voucher”",
                   "Intervention “Apply for a housing voucher”: goal cleared (was “I want my own "
                   "apartment by spring”)",
                   "Intervention “Apply for a housing voucher”: responsible care coordinator → "
                   "peer support",
                   "Intervention “Apply for a housing voucher”: responsible person set to “Sam”",
                   "Intervention “Apply for a housing voucher”: frequency “once” → “weekly”",
                   "Intervention “Apply for a housing voucher”: due date 2026-12-15 → 2027-01-15",
                   "Intervention “Apply for a housing voucher”: status planned → in progress",
                   "Intervention added: “Visit the food bank”"}));
  EXPECT_EQ(DescribeChanges(after, before).back(), "Intervention removed: “Visit the food bank”");
  EXPECT_EQ(DescribeChanges(after, before)[2], "Need removed: “Food”");
}

TEST(CarePlanChangesTest, AnInterventionMovedToAnotherGoal) {
  CarePlanDocument before = Plan();
  CarePlanGoal food = before.goals[0];
  food.id = "g2";
  food.statement = "Eat three meals a day";
  before.goals.push_back(food);
  CarePlanDocument after = before;
  after.interventions[0].goal_id = "g2";
  EXPECT_EQ(DescribeChanges(before, after),
            Lines{"Intervention “Apply for housing voucher”: goal “I want my own apartment by "
                  "spring” → “Eat three meals a day”"});
  after.interventions[0].goal_id = "";
  EXPECT_EQ(DescribeChanges(after, before),
            Lines{"Intervention “Apply for housing voucher”: goal set to “I want my own "
                  "apartment by spring”"});
}

TEST(CarePlanChangesTest, TextListsByValue) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  after.strengths = {"Knows the bus routes", "Close to her sister"};  // reordered only
  EXPECT_EQ(DescribeChanges(before, after), Lines{});
  after.strengths = {"Knows the bus routes", "Good cook"};
  after.barriers = {};
  after.resources.push_back("Food bank on Main St");  // a second, identical entry
  EXPECT_EQ(
      DescribeChanges(before, after),
      (Lines{"Strength added: “Good cook”", "Strength removed: “Close to her sister”",
             "Barrier removed: “No ID documents”", "Resource added: “Food bank on Main St”"}));
}

TEST(CarePlanChangesTest, NaturalSupportsCrisisPlanAndMedicalSummary) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  after.natural_supports[0].role = "weekly dinners";
  after.natural_supports[0].phone = "555-0111";
  after.natural_supports.push_back(
      {.name = "Luis", .relationship = "friend", .role = "", .phone = ""});
  after.crisis_plan.warning_signs = "Sleeps all day";
  after.crisis_plan.coping_steps = "";
  after.crisis_plan.contacts[0].phone = "555-0199";
  after.crisis_plan.contacts.push_back({.name = "Dr. Lee", .phone = "", .role = "therapist"});
  after.crisis_plan.crisis_line = "911";
  after.medical_summary.diagnoses = {"Major depressive disorder", "Hypertension"};
  after.medical_summary.medications = {};
  after.medical_summary.allergies = {"Penicillin"};
  after.medical_summary.providers = {"Dr. Lee", "Dr. Park"};
  EXPECT_EQ(DescribeChanges(before, after),
            (Lines{"Natural support “Ana”: role “rides to appointments” → “weekly dinners”",
                   "Natural support “Ana”: phone set to 555-0111", "Natural support added: “Luis”",
                   "Crisis plan: warning signs changed", "Crisis plan: coping steps removed",
                   "Crisis contact “Mobile crisis”: phone 555-0100 → 555-0199",
                   "Crisis contact added: “Dr. Lee”", "Crisis plan: crisis line 988 → 911",
                   "Diagnosis added: “Hypertension”", "Medication removed: “Sertraline 50 mg”",
                   "Allergy added: “Penicillin”", "Provider added: “Dr. Park”"}));
  CarePlanDocument blank = Plan();
  blank.crisis_plan = {};
  blank.natural_supports = {};
  EXPECT_EQ(DescribeChanges(blank, before),
            (Lines{"Natural support added: “Ana”", "Crisis plan: warning signs written",
                   "Crisis plan: coping steps written", "Crisis contact added: “Mobile crisis”",
                   "Crisis plan: crisis line set to 988"}));
  EXPECT_EQ(DescribeChanges(before, blank)[1], "Crisis plan: warning signs removed");
  EXPECT_EQ(DescribeChanges(before, blank)[3], "Crisis contact removed: “Mobile crisis”");
}

TEST(CarePlanChangesTest, TransitionSteps) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  after.transition_plan[0].done = true;
  after.transition_plan[0].target_date = "2027-01-10";
  after.transition_plan.push_back(
      {.step = "Find a primary care doctor", .target_date = "", .done = false});
  EXPECT_EQ(DescribeChanges(before, after),
            (Lines{"Transition step “Join the peer-run recovery group”: target date set to "
                   "2027-01-10",
                   "Transition step done: “Join the peer-run recovery group”",
                   "Transition step added: “Find a primary care doctor”"}));
  EXPECT_EQ(DescribeChanges(after, before),
            (Lines{"Transition step “Join the peer-run recovery group”: target date cleared "
                   "(was 2027-01-10)",
                   "Transition step reopened: “Join the peer-run recovery group”",
                   "Transition step removed: “Find a primary care doctor”"}));
}

TEST(CarePlanChangesTest, AgreementAndReviewDate) {
  CarePlanDocument before = Plan();
  before.agreement = {};
  CarePlanDocument after = Plan();
  EXPECT_EQ(DescribeChanges(before, after), (Lines{"Agreement recorded: verbal, 2026-11-20",
                                                   "Agreement: signer name set to “Maria”"}));
  EXPECT_EQ(DescribeChanges(after, before),
            (Lines{"Agreement removed", "Agreement: signer name cleared (was “Maria”)"}));
  CarePlanDocument guardian = Plan();
  guardian.agreement.method = "signature";
  guardian.agreement.signer = "guardian";
  guardian.agreement.note = "Signed at the school meeting";
  EXPECT_EQ(DescribeChanges(after, guardian),
            (Lines{"Agreement recorded: signature, 2026-11-20, by the guardian",
                   "Agreement: note written"}));
  CarePlanDocument moved = Plan();
  moved.review_date = "2027-05-01";
  EXPECT_EQ(DescribeChanges(after, moved), Lines{"Review date 2027-02-20 → 2027-05-01"});
  CarePlanDocument none = Plan();
  none.review_date = "";
  EXPECT_EQ(DescribeChanges(none, after), Lines{"Review date set to 2027-02-20"});
}

TEST(CarePlanChangesTest, SectionOrder) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  after.review_date = "2027-03-01";
  after.strengths.push_back("Funny");
  after.resources.push_back("Library");
  after.goals[0].status = "achieved";
  after.needs[0].description = "Housing";
  Lines lines = DescribeChanges(before, after);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].rfind("Need", 0), 0u);
  EXPECT_EQ(lines[1].rfind("Strength", 0), 0u);
  EXPECT_EQ(lines[2].rfind("Goal", 0), 0u);
  EXPECT_EQ(lines[3].rfind("Resource", 0), 0u);
  EXPECT_EQ(lines[4].rfind("Review date", 0), 0u);
}

TEST(CarePlanChangesTest, LongTextsAreCutWithoutSplittingACharacter) {
  CarePlanDocument before = Plan();
  CarePlanDocument after = Plan();
  // 79 ASCII bytes then "é" (2 bytes): the cut at byte 80 falls inside it.
  after.barriers = {std::string(79, 'a') + "é and more"};
  Lines lines = DescribeChanges(before, after);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Barrier added: “" + std::string(79, 'a') + "…”");
}

}  // namespace
}  // namespace carecoord
