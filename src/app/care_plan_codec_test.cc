// SPDX-License-Identifier: Apache-2.0
#include "app/care_plan_codec.h"

#include <gtest/gtest.h>

namespace carecoord::app {
namespace {

CarePlanDocument Whole() {
  CarePlanDocument p;
  p.needs = {{.id = "n1", .description = "Stable housing", .assessment_ids = {"a1", "a2"}}};
  p.strengths = {"Close to her sister", "Knows the bus routes"};
  CarePlanGoal g;
  g.id = "g1";
  g.statement = "I want my own apartment by spring — «mi casa»";
  g.expressed_by = "participant";
  g.need_ids = {"n1"};
  g.indicator = "Nights housed per week";
  g.unit = "nights";
  g.baseline = 2;
  g.target = 7.5;
  g.target_date = "2027-03-31";
  g.status = "active";
  CarePlanGoal h = g;
  h.id = "g2";
  h.statement = "Eat \"three\" meals\na day";
  h.baseline = std::nullopt;
  h.target = 0.1;
  p.goals = {g, h};
  p.interventions = {{.id = "i1",
                      .goal_id = "g1",
                      .action = "Apply for housing voucher",
                      .responsible = "care_coordinator",
                      .responsible_name = "Sam",
                      .frequency = "once",
                      .due_date = "2026-12-15",
                      .status = "planned"}};
  p.barriers = {"No ID documents"};
  p.natural_supports = {
      {.name = "Ana", .relationship = "sister", .role = "rides", .phone = "555-0100"}};
  p.resources = {"Food bank on Main St"};
  p.crisis_plan = {.warning_signs = "Stops answering",
                   .coping_steps = "Walks",
                   .contacts = {{.name = "Mobile crisis", .phone = "555-0199", .role = "team"}},
                   .crisis_line = "988"};
  p.medical_summary = {.diagnoses = {"MDD"},
                       .medications = {"Sertraline"},
                       .allergies = {"Penicillin"},
                       .providers = {"Dr. Lee"}};
  p.transition_plan = {{.step = "Join the group", .target_date = "2027-01-10", .done = true}};
  p.agreement = {.method = "declined",
                 .date = "2026-11-20",
                 .signer = "guardian",
                 .signer_name = "Rosa",
                 .note = "Not yet"};
  p.review_date = "2027-02-20";
  return p;
}

std::string FieldOf(const Result<CarePlanDocument>& r) {
  return r ? "" : r.error().field;
}

TEST(CarePlanCodecTest, RoundTripIsExact) {
  const CarePlanDocument p = Whole();
  const std::string json = EncodeCarePlan(p);
  auto back = DecodeCarePlan(json);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, p);
  EXPECT_EQ(EncodeCarePlan(*back), json);
}

TEST(CarePlanCodecTest, NumbersRoundTripAsDoubles) {
  for (double v : {0.0, -3.0, 2.5, 0.1, 1.0 / 3.0, 1e300, -1e-300, 9007199254740993.0}) {
    CarePlanDocument p;
    p.goals.push_back({});
    p.goals[0].baseline = v;
    auto back = DecodeCarePlan(EncodeCarePlan(p));
    ASSERT_TRUE(back) << v;
    ASSERT_TRUE(back->goals[0].baseline.has_value());
    EXPECT_EQ(*back->goals[0].baseline, v);
  }
}

TEST(CarePlanCodecTest, TheShapeOfAnEmptyDocument) {
  EXPECT_EQ(
      EncodeCarePlan(CarePlanDocument{}),
      R"({"needs":[],"strengths":[],"goals":[],"interventions":[],"barriers":[],)"
      R"("natural_supports":[],"resources":[],)"
      R"("crisis_plan":{"warning_signs":"","coping_steps":"","contacts":[],"crisis_line":""},)"
      R"("medical_summary":{"diagnoses":[],"medications":[],"allergies":[],"providers":[]},)"
      R"("transition_plan":[],)"
      R"("agreement":{"method":"","date":"","signer":"","signer_name":"","note":""},)"
      R"("review_date":""})");
}

TEST(CarePlanCodecTest, AGoalAsTheDocumentShowsIt) {
  CarePlanDocument p;
  CarePlanGoal g;
  g.id = "g1";
  g.statement = "Housing";
  g.baseline = 2;
  p.goals = {g};
  const std::string json = EncodeCarePlan(p);
  EXPECT_NE(json.find(R"("goals":[{"id":"g1","statement":"Housing","expressed_by":"",)"
                      R"("need_ids":[],"indicator":"","unit":"","baseline":2,"target":null,)"
                      R"("target_date":"","status":"active"}])"),
            std::string::npos)
      << json;
}

TEST(CarePlanCodecTest, AbsentAndNullKeysTakeTheirDefaults) {
  auto p = DecodeCarePlan(R"({"review_date": "2027-01-01",
                              "goals": [{"statement": "Work", "baseline": null}],
                              "interventions": [{"action": "Call", "goal_id": null}],
                              "crisis_plan": {"crisis_line": "988"},
                              "agreement": null, "needs": null})");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->review_date, "2027-01-01");
  ASSERT_EQ(p->goals.size(), 1u);
  EXPECT_EQ(p->goals[0].status, "active");
  EXPECT_EQ(p->goals[0].id, "");
  EXPECT_FALSE(p->goals[0].baseline.has_value());
  EXPECT_FALSE(p->goals[0].target.has_value());
  EXPECT_EQ(p->interventions[0].status, "planned");
  EXPECT_EQ(p->crisis_plan.crisis_line, "988");
  EXPECT_TRUE(p->crisis_plan.contacts.empty());
  EXPECT_EQ(p->agreement, CarePlanAgreement{});
  EXPECT_TRUE(p->needs.empty());
  auto empty = DecodeCarePlan("{}");
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, CarePlanDocument{});
}

TEST(CarePlanCodecTest, UnknownKeysNameTheirPath) {
  auto r = DecodeCarePlan(R"({"review_date": "2027-01-01", "reviewdate": "x"})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "reviewdate");
  EXPECT_EQ(r.error().message, "reviewdate: unknown field");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": [{}, {"colour": "red"}]})")), "goals[1].colour");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"crisis_plan": {"contacts": [{"name": "A", "x": 1}]}})")),
            "crisis_plan.contacts[0].x");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"agreement": {"witness": "Bo"}})")), "agreement.witness");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"medical_summary": {"surgeries": []}})")),
            "medical_summary.surgeries");
}

TEST(CarePlanCodecTest, WrongTypesNameTheirPath) {
  auto r = DecodeCarePlan(R"({"goals": [{"baseline": "2"}]})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "goals[0].baseline");
  EXPECT_EQ(r.error().message, "goals[0].baseline: must be a number");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": [{"target": true}]})")), "goals[0].target");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": [{"statement": 3}]})")), "goals[0].statement");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": {"statement": "x"}})")), "goals");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": ["x"]})")), "goals[0]");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": [{"need_ids": ["n1", 2]}]})")),
            "goals[0].need_ids[1]");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"strengths": "kind"})")), "strengths");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"strengths": ["kind", null]})")), "strengths[1]");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"transition_plan": [{"done": "yes"}]})")),
            "transition_plan[0].done");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"crisis_plan": []})")), "crisis_plan");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"review_date": 20270101})")), "review_date");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"medical_summary": {"allergies": [1]}})")),
            "medical_summary.allergies[0]");
}

TEST(CarePlanCodecTest, NotAnObjectOrNotJson) {
  EXPECT_EQ(FieldOf(DecodeCarePlan("[]")), "document");
  EXPECT_EQ(FieldOf(DecodeCarePlan("")), "document");
  EXPECT_EQ(FieldOf(DecodeCarePlan(R"({"goals": [)")), "document");
  EXPECT_EQ(FieldOf(DecodeCarePlan("{\"review_date\": \"\xff\"}")), "document") << "invalid UTF-8";
}

}  // namespace
}  // namespace carecoord::app
