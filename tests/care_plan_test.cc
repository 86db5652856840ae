// SPDX-License-Identifier: Apache-2.0
// Versioned person-centered care plans through the use cases, on both drivers (001 §4 §10, 002,
// 003; docs/assessments.md "Care plans"): version 1 with ids assigned, every change a new
// version with the earlier ones kept, two editors never overwriting each other, reviews setting
// the next review date, goal progress, the initial-plan obligation met once agreement is
// recorded, bad input changing nothing, closed episodes, access and audit.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <limits>

#include "assessment_fixture.h"
#include "domain/ids.h"
#include "store/care_plan_repository.h"

namespace carecoord::tests {
namespace {

class CarePlanTest : public AssessmentFixture {
 protected:
  app::CarePlanService& plans() { return services_->care_plans; }

  // A plan written with the participant: one need, one goal and an intervention for it, linked
  // by ids the client chose for the new goal and need; agreement not yet recorded.
  CarePlanDocument Document() {
    CarePlanDocument d;
    d.needs = {{.id = "need-housing", .description = "Stable housing", .assessment_ids = {}}};
    d.strengths = {"Close to her sister"};
    CarePlanGoal g;
    g.id = "goal-housing";
    g.statement = "I want my own apartment by spring";
    g.expressed_by = "participant";
    g.need_ids = {"need-housing"};
    g.indicator = "Nights housed per week";
    g.unit = "nights";
    g.baseline = 2;
    g.target = 7;
    g.target_date = AddDays(Today(), 120);
    d.goals = {g};
    CarePlanIntervention v;
    v.goal_id = "goal-housing";
    v.action = "Apply for a housing voucher";
    v.responsible = "care_coordinator";
    d.interventions = {v};
    d.crisis_plan.crisis_line = "988";
    d.review_date = AddDays(Today(), 90);
    return d;
  }

  static CarePlanAgreement Agreed(const std::string& on) {
    return {.method = "verbal",
            .date = on,
            .signer = "participant",
            .signer_name = "Jordan Example",
            .note = ""};
  }

  CarePlanRecord CreateOk(app::Context& ctx, const SeededEpisode& s, const CarePlanDocument& doc) {
    app::NewCarePlan in;
    in.document = doc;
    in.change_note = "Written with Jordan";
    auto r = plans().Create(ctx, s.participant_id, in);
    EXPECT_TRUE(r) << (r ? "" : r.error().message + " (" + r.error().field + ")");
    return r ? r->plan : CarePlanRecord{};
  }

  CarePlanRecord UpdateOk(app::Context& ctx, const CarePlanRecord& plan,
                          const CarePlanDocument& doc, const std::string& note = "") {
    auto r = plans().Update(ctx, plan.participant_id, plan.id, plan.version, doc, note);
    EXPECT_TRUE(r) << (r ? "" : r.error().message + " (" + r.error().field + ")");
    return r ? *r : CarePlanRecord{};
  }

  app::NewCarePlanReview Review(const std::string& on, const std::string& next) {
    return {.reviewed_on = on,
            .next_review_date = next,
            .participants = "Jordan, her sister Ana, the coordinator",
            .note = "Housing search on track"};
  }

  std::int64_t Rows(const std::string& table, const std::string& plan_id) {
    const std::string column = table == "care_plans" ? "id" : "plan_id";
    return Count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = $1", {plan_id});
  }

  std::int64_t PlansOf(const std::string& participant_id) {
    return Count("SELECT COUNT(*) FROM care_plans WHERE participant_id = $1", {participant_id});
  }

  // The states of the episode's stored obligations of `rule`.
  std::vector<std::string> States(const std::string& episode_id, const std::string& rule) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const std::vector<store::Value> p = {episode_id, rule};
    auto rows = (*conn)->Query(
        "SELECT state FROM obligations WHERE episode_id = $1 AND rule_id = $2 ORDER BY okey", p);
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().message);
    std::vector<std::string> out;
    if (rows) {
      for (const store::Row& r : *rows) out.push_back(r.Text(0));
    }
    return out;
  }

  static std::size_t ReadEvents(const app::Context& ctx, const std::string& action) {
    return static_cast<std::size_t>(
        std::ranges::count(ctx.read_events, action, &AuditRecord::action));
  }

  void CloseEpisode(const std::string& episode_id) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    const std::vector<store::Value> p = {episode_id, ToMillis(clock_.Now())};
    ASSERT_TRUE((*conn)->Execute(
        "UPDATE episodes SET status = 'closed', ended_at = $2, version = version + 1 WHERE id = $1",
        p));
  }
};

TEST_P(CarePlanTest, CreateMakesVersionOneAndAssignsIds) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const CarePlanDocument doc = Document();
  const auto plan = CreateOk(ctx, s, doc);
  EXPECT_TRUE(LooksLikeUuid(plan.id));
  EXPECT_EQ(plan.participant_id, s.participant_id);
  EXPECT_EQ(plan.episode_id, s.episode_id);  // the one open episode, by default
  EXPECT_EQ(plan.program_id, program_id_);
  EXPECT_EQ(plan.version, 1);
  EXPECT_EQ(plan.created_by, UserIdOf("care_coordinator"));
  EXPECT_EQ(plan.updated_by, UserIdOf("care_coordinator"));
  EXPECT_EQ(plan.updated_by_name, "User care_coordinator");
  EXPECT_EQ(plan.created_at, clock_.Now());
  EXPECT_TRUE(plan.reviews.empty());
  // The ids the client chose are kept; the intervention sent without one got one.
  ASSERT_EQ(plan.document.goals.size(), 1u);
  EXPECT_EQ(plan.document.goals[0].id, "goal-housing");
  EXPECT_EQ(plan.document.needs[0].id, "need-housing");
  ASSERT_EQ(plan.document.interventions.size(), 1u);
  EXPECT_TRUE(LooksLikeUuid(plan.document.interventions[0].id));
  CarePlanDocument expected = doc;
  expected.interventions[0].id = plan.document.interventions[0].id;
  EXPECT_EQ(plan.document, expected);
  EXPECT_EQ(AuditCount("care_plan.write", plan.id), 1);
  EXPECT_EQ(Rows("care_plan_versions", plan.id), 1);
  EXPECT_EQ(Rows("care_plan_goals", plan.id), 1);

  // Needs, goals and interventions sent without ids all get distinct ones.
  const auto other = SeedEpisode("care_coordinator", "active", 10);
  CarePlanDocument bare = Document();
  bare.interventions[0].goal_id = "";
  bare.goals[0].need_ids = {};
  bare.goals[0].id = bare.needs[0].id = "";
  bare.goals.push_back(bare.goals[0]);
  const auto second = CreateOk(ctx, other, bare);
  ASSERT_EQ(second.document.goals.size(), 2u);
  EXPECT_TRUE(LooksLikeUuid(second.document.goals[0].id));
  EXPECT_TRUE(LooksLikeUuid(second.document.needs[0].id));
  EXPECT_NE(second.document.goals[0].id, second.document.goals[1].id);
}

// docs/assessments.md: "within N days (default 30) of enrolment, a plan version recording the
// participant's or guardian's agreement".
TEST_P(CarePlanTest, TheInitialPlanObligationIsMetOnceAgreementIsRecorded) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto plan = CreateOk(ctx, s, Document());
  // A plan without the participant's agreement does not meet it.
  EXPECT_EQ(States(s.episode_id, "initial_care_plan"), std::vector<std::string>{"open"});
  CarePlanDocument agreed = plan.document;
  agreed.agreement = Agreed(Today());
  const auto v2 = UpdateOk(ctx, plan, agreed, "Jordan agreed");
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(States(s.episode_id, "initial_care_plan"), std::vector<std::string>{"met"});

  // A documented decline counts too: the participant was asked.
  const auto other = SeedEpisode("care_coordinator", "active", 10);
  CarePlanDocument declined = Document();
  declined.agreement = {.method = "declined",
                        .date = Today(),
                        .signer = "participant",
                        .signer_name = "",
                        .note = "Wants to talk with her sister first"};
  CreateOk(ctx, other, declined);
  EXPECT_EQ(States(other.episode_id, "initial_care_plan"), std::vector<std::string>{"met"});
}

TEST_P(CarePlanTest, AnUpdateMakesANewVersionAndKeepsTheEarlierOne) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto v1 = CreateOk(ctx, s, Document());
  CarePlanDocument changed = v1.document;
  changed.goals[0].target_date = AddDays(Today(), 150);
  changed.strengths.push_back("Knows the bus routes");
  clock_.Advance(std::chrono::minutes(5));
  auto editor = ContextFor("nurse_care_manager");
  AddToTeam(s, "nurse_care_manager", "nurse_care_manager");
  const auto v2 = UpdateOk(editor, v1, changed, "Moved the housing date");
  EXPECT_EQ(v2.id, v1.id);
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.document, changed);
  EXPECT_EQ(v2.created_at, v1.created_at);
  EXPECT_EQ(v2.updated_at, clock_.Now());
  EXPECT_EQ(v2.updated_by, UserIdOf("nurse_care_manager"));
  EXPECT_EQ(v2.document.interventions[0].id, v1.document.interventions[0].id);  // ids kept

  ctx.read_events.clear();
  auto first = plans().Version(ctx, s.participant_id, v1.id, 1);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->document, v1.document);
  EXPECT_EQ(first->change_note, "Written with Jordan");
  EXPECT_EQ(first->changes, std::vector<std::string>{"Care plan written"});
  EXPECT_EQ(ReadEvents(ctx, "care_plan.read"), 1u);

  ctx.read_events.clear();
  auto versions = plans().Versions(ctx, s.participant_id, v1.id);
  ASSERT_TRUE(versions) << versions.error().message;
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 2);  // newest first
  EXPECT_EQ((*versions)[0].change_note, "Moved the housing date");
  EXPECT_EQ((*versions)[0].created_by_name, "User nurse_care_manager");
  EXPECT_EQ((*versions)[0].changes,
            (std::vector<std::string>{"Strength added: “Knows the bus routes”",
                                      "Goal “I want my own apartment by spring”: target date " +
                                          v1.document.goals[0].target_date + " → " +
                                          changed.goals[0].target_date}));
  EXPECT_EQ((*versions)[1].version, 1);
  EXPECT_EQ((*versions)[1].document, v1.document);
  EXPECT_EQ(ReadEvents(ctx, "care_plan.read"), 1u);

  auto missing = plans().Version(ctx, s.participant_id, v1.id, 3);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto zero = plans().Version(ctx, s.participant_id, v1.id, 0);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().code, ErrorCode::kNotFound);

  // The goals of each version are kept for the policy engine.
  EXPECT_EQ(Rows("care_plan_goals", v1.id), 2);
  EXPECT_EQ(AuditCount("care_plan.write", v1.id), 2);
}

TEST_P(CarePlanTest, TwoEditorsFromOneVersionNeverOverwriteEachOther) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto coordinator = ContextFor("care_coordinator");
  AddToTeam(s, "peer_support", "peer_support");
  auto peer = ContextFor("peer_support");
  const auto v1 = CreateOk(coordinator, s, Document());
  CarePlanDocument d2 = v1.document;
  d2.barriers = {"No ID documents"};
  const auto v2 = UpdateOk(coordinator, v1, d2);
  ASSERT_EQ(v2.version, 2);

  // Both open version 2.
  auto mine = plans().Get(coordinator, s.participant_id, v1.id);
  auto theirs = plans().Get(peer, s.participant_id, v1.id);
  ASSERT_TRUE(mine && theirs);
  CarePlanDocument first_edit = mine->document;
  first_edit.resources = {"Food bank on Main St"};
  CarePlanDocument second_edit = theirs->document;
  second_edit.strengths.push_back("Funny");

  const auto v3 = UpdateOk(coordinator, *mine, first_edit, "Added the food bank");
  EXPECT_EQ(v3.version, 3);
  auto stale = plans().Update(peer, s.participant_id, v1.id, theirs->version, second_edit,
                              "Added a strength");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(stale.error().field, "If-Match");
  EXPECT_EQ(stale.error().message,
            "the care plan was changed by someone else (now version 3); reload and try again");

  // Nothing changed: the first editor's version stands.
  auto now = plans().Get(coordinator, s.participant_id, v1.id);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->version, 3);
  EXPECT_EQ(now->document, first_edit);
  EXPECT_EQ(Rows("care_plan_versions", v1.id), 3);
  EXPECT_EQ(AuditCount("care_plan.write", v1.id), 3);

  // Re-applied on top of version 3, the second edit saves.
  CarePlanDocument reapplied = now->document;
  reapplied.strengths.push_back("Funny");
  const auto v4 = UpdateOk(peer, *now, reapplied);
  EXPECT_EQ(v4.version, 4);
  EXPECT_EQ(v4.document.resources, first_edit.resources);
  EXPECT_EQ(v4.document.strengths.back(), "Funny");
}

TEST_P(CarePlanTest, AReviewMakesANewVersionAndSetsTheNextReviewDate) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  CarePlanDocument doc = Document();
  doc.review_date = AddDays(Today(), 7);  // already on the worklist (14 days before)
  const auto v1 = CreateOk(ctx, s, doc);
  EXPECT_EQ(States(s.episode_id, "care_plan_review"), std::vector<std::string>{"open"});
  const std::string next = AddDays(Today(), 10);  // on the worklist at once too
  clock_.Advance(std::chrono::minutes(1));
  auto reviewed = plans().RecordReview(ctx, s.participant_id, v1.id, 1, Review(Today(), next));
  ASSERT_TRUE(reviewed) << reviewed.error().message << " (" << reviewed.error().field << ")";
  EXPECT_EQ(reviewed->version, 2);
  EXPECT_EQ(reviewed->document.review_date, next);
  CarePlanDocument same = v1.document;
  same.review_date = next;
  EXPECT_EQ(reviewed->document, same);  // nothing else changed
  ASSERT_EQ(reviewed->reviews.size(), 1u);
  const CarePlanReviewRecord& r = reviewed->reviews[0];
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(r.reviewed_on, Today());
  EXPECT_EQ(r.next_review_date, next);
  EXPECT_EQ(r.participants, "Jordan, her sister Ana, the coordinator");
  EXPECT_EQ(r.note, "Housing search on track");
  EXPECT_EQ(r.recorded_by, UserIdOf("care_coordinator"));
  EXPECT_EQ(r.recorded_by_name, "User care_coordinator");
  EXPECT_EQ(AuditCount("care_plan.review", v1.id), 1);

  auto versions = plans().Versions(ctx, s.participant_id, v1.id);
  ASSERT_TRUE(versions);
  EXPECT_EQ((*versions)[0].change_note, "Reviewed on " + Today());
  EXPECT_EQ((*versions)[0].changes,
            std::vector<std::string>{"Review date " + doc.review_date + " → " + next});
  // The review met the deadline of the old date; the next date is the open one.
  EXPECT_EQ(States(s.episode_id, "care_plan_review"), (std::vector<std::string>{"met", "open"}));

  // A second review from a stale version is refused and changes nothing.
  auto stale = plans().RecordReview(ctx, s.participant_id, v1.id, 1, Review(Today(), next));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(Rows("care_plan_reviews", v1.id), 1);
  EXPECT_EQ(Rows("care_plan_versions", v1.id), 2);
}

TEST_P(CarePlanTest, ReviewDatesAtTheirEdges) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto v1 = CreateOk(ctx, s, Document());
  const std::string today = Today();
  struct Case {
    app::NewCarePlanReview in;
    const char* field;
  };
  const Case refused[] = {
      {Review(AddDays(today, 1), AddDays(today, 90)), "reviewed_on"},   // tomorrow
      {Review(AddDays(today, -1), AddDays(today, 90)), "reviewed_on"},  // before the plan
      {Review("2026-11-31", AddDays(today, 90)), "reviewed_on"},
      {Review("", AddDays(today, 90)), "reviewed_on"},
      {Review(today, today), "next_review_date"},  // must be after
      {Review(today, AddDays(today, -1)), "next_review_date"},
      {Review(today, ""), "next_review_date"},
      {Review(today, "someday"), "next_review_date"},
      {{.reviewed_on = today,
        .next_review_date = AddDays(today, 1),
        .participants = " ",
        .note = ""},
       "participants"},
      {{.reviewed_on = today,
        .next_review_date = AddDays(today, 1),
        .participants = "Jordan",
        .note = std::string(4001, 'n')},
       "note"},
  };
  for (const Case& c : refused) {
    auto r = plans().RecordReview(ctx, s.participant_id, v1.id, 1, c.in);
    ASSERT_FALSE(r) << c.field << " " << c.in.reviewed_on << " " << c.in.next_review_date;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  EXPECT_EQ(Rows("care_plan_reviews", v1.id), 0);
  EXPECT_EQ(Rows("care_plan_versions", v1.id), 1);
  // Today, with the next review the day after: the closest edges that are allowed.
  auto ok = plans().RecordReview(ctx, s.participant_id, v1.id, 1, Review(today, AddDays(today, 1)));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->document.review_date, AddDays(today, 1));
}

TEST_P(CarePlanTest, GoalProgressOverTime) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto plan = CreateOk(ctx, s, Document());
  const std::string goal = "goal-housing";
  // Recorded out of order; listed by the day observed.
  const std::pair<int, double> observations[] = {{-2, 4}, {-9, 2}, {0, 5.5}};
  for (const auto& [days, value] : observations) {
    auto p = plans().RecordProgress(
        ctx, s.participant_id, plan.id, goal,
        {.observed_on = AddDays(Today(), days), .value = value, .note = "nights housed"});
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_EQ(p->goal_id, goal);
    EXPECT_EQ(p->value, value);
    EXPECT_EQ(p->recorded_by_name, "User care_coordinator");
    EXPECT_EQ(AuditCount("goal_progress.record", p->id), 1);
  }
  ctx.read_events.clear();
  auto list = plans().ListProgress(ctx, s.participant_id, plan.id, goal);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].observed_on, AddDays(Today(), -9));
  EXPECT_EQ((*list)[0].value, 2);
  EXPECT_EQ((*list)[1].observed_on, AddDays(Today(), -2));
  EXPECT_EQ((*list)[2].observed_on, Today());
  EXPECT_EQ((*list)[2].value, 5.5);
  EXPECT_EQ(ReadEvents(ctx, "care_plan.read"), 1u);

  // Tomorrow, a value that is not a number, an unknown goal: refused, nothing stored.
  auto future =
      plans().RecordProgress(ctx, s.participant_id, plan.id, goal,
                             {.observed_on = AddDays(Today(), 1), .value = 1, .note = ""});
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().field, "observed_on");
  auto nan = plans().RecordProgress(
      ctx, s.participant_id, plan.id, goal,
      {.observed_on = Today(), .value = std::numeric_limits<double>::quiet_NaN(), .note = ""});
  ASSERT_FALSE(nan);
  EXPECT_EQ(nan.error().field, "value");
  auto unknown = plans().RecordProgress(ctx, s.participant_id, plan.id, "goal-none",
                                        {.observed_on = Today(), .value = 1, .note = ""});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message, "No such goal in this care plan");
  EXPECT_EQ(Rows("goal_progress", plan.id), 3);

  // A goal removed from the plan keeps its history but takes no more progress.
  CarePlanDocument without = plan.document;
  without.goals.clear();
  without.interventions[0].goal_id = "";
  const auto v2 = UpdateOk(ctx, plan, without, "Housing found");
  EXPECT_EQ(v2.version, 2);
  auto gone = plans().RecordProgress(ctx, s.participant_id, plan.id, goal,
                                     {.observed_on = Today(), .value = 7, .note = ""});
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Rows("goal_progress", plan.id), 3);
}

TEST_P(CarePlanTest, InvalidPlansNameTheFieldAndChangeNothing) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const std::int64_t obligations_before =
      Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1", {s.episode_id});
  struct Case {
    const char* field;
    std::function<void(CarePlanDocument&)> spoil;
  };
  const std::string today = Today();
  const Case cases[] = {
      {"goals[0].target_date", [](auto& d) { d.goals[0].target_date = ""; }},
      {"goals[0].status", [](auto& d) { d.goals[0].status = "done"; }},
      {"interventions[0].goal_id", [](auto& d) { d.interventions[0].goal_id = "goal-x"; }},
      {"review_date", [](auto& d) { d.review_date = ""; }},
      // The agreement date is in the program's calendar: tomorrow there is refused.
      {"agreement.date", [&](auto& d) { d.agreement = Agreed(AddDays(today, 1)); }},
      {"agreement.note",
       [&](auto& d) {
         d.agreement = Agreed(today);
         d.agreement.method = "declined";
       }},
  };
  for (const Case& c : cases) {
    CarePlanDocument doc = Document();
    c.spoil(doc);
    app::NewCarePlan in;
    in.document = doc;
    auto r = plans().Create(ctx, s.participant_id, in);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  app::NewCarePlan long_note;
  long_note.document = Document();
  long_note.change_note = std::string(1001, 'n');
  auto r = plans().Create(ctx, s.participant_id, long_note);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "change_note");
  EXPECT_EQ(PlansOf(s.participant_id), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1", {s.episode_id}),
            obligations_before);

  // The same on an update: the plan stays at version 1.
  const auto v1 = CreateOk(ctx, s, Document());
  for (const Case& c : cases) {
    CarePlanDocument doc = v1.document;
    c.spoil(doc);
    auto u = plans().Update(ctx, s.participant_id, v1.id, 1, doc, "");
    ASSERT_FALSE(u) << c.field;
    EXPECT_EQ(u.error().field, c.field);
  }
  EXPECT_EQ(Rows("care_plan_versions", v1.id), 1);
  EXPECT_EQ(AuditCount("care_plan.write", v1.id), 1);
}

TEST_P(CarePlanTest, WhichEpisodeANewPlanBelongsTo) {
  auto ctx = ContextFor("care_coordinator");
  app::NewCarePlan in;
  in.document = Document();
  // None open.
  const auto closed = SeedEpisode("care_coordinator", "closed", 40);
  auto none = plans().Create(ctx, closed.participant_id, in);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kConflict);
  EXPECT_EQ(none.error().message, "the participant has no open episode");
  in.episode_id = closed.episode_id;  // named, but closed
  auto named_closed = plans().Create(ctx, closed.participant_id, in);
  ASSERT_FALSE(named_closed);
  EXPECT_EQ(named_closed.error().code, ErrorCode::kConflict);

  // Open episodes in two programs: the writer chooses.
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  // An episode of the same participant in a second program (one open episode per program).
  const std::string other_program = AddTestProgram(db(), org_id_, "Second Program", clock_.Now());
  const std::string home_program = program_id_;
  program_id_ = other_program;  // SeedEpisode seeds into program_id_
  const auto second = SeedEpisode("care_coordinator", "active", 5, s.participant_id);
  program_id_ = home_program;
  in.episode_id.reset();
  auto two = plans().Create(ctx, s.participant_id, in);
  ASSERT_FALSE(two);
  EXPECT_EQ(two.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(two.error().field, "episode_id");
  in.episode_id = closed.episode_id;  // another participant's
  auto foreign = plans().Create(ctx, s.participant_id, in);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().field, "episode_id");
  in.episode_id = second.episode_id;
  auto chosen = plans().Create(ctx, s.participant_id, in);
  ASSERT_TRUE(chosen) << chosen.error().message;
  EXPECT_EQ(chosen->plan.episode_id, second.episode_id);
  EXPECT_EQ(chosen->plan.program_id, other_program);

  // One plan per episode.
  auto again = plans().Create(ctx, s.participant_id, in);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(PlansOf(s.participant_id), 1);
}

TEST_P(CarePlanTest, ARetryWithTheSameKeyReplays) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  ctx.idempotency_key = "plan-1";
  ctx.request_fingerprint = "POST plan";
  app::NewCarePlan in;
  in.document = Document();
  auto first = plans().Create(ctx, s.participant_id, in);
  ASSERT_TRUE(first) << first.error().message;
  auto again = plans().Create(ctx, s.participant_id, in);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->plan.id, first->plan.id);
  EXPECT_EQ(PlansOf(s.participant_id), 1);

  ctx.idempotency_key = "progress-1";
  ctx.request_fingerprint = "POST progress";
  const app::NewGoalProgress p{.observed_on = Today(), .value = 3, .note = ""};
  auto p1 = plans().RecordProgress(ctx, s.participant_id, first->plan.id, "goal-housing", p);
  auto p2 = plans().RecordProgress(ctx, s.participant_id, first->plan.id, "goal-housing", p);
  ASSERT_TRUE(p1 && p2);
  EXPECT_EQ(p1->id, p2->id);
  EXPECT_EQ(Rows("goal_progress", first->plan.id), 1);
}

TEST_P(CarePlanTest, APlanOfAnotherParticipantIsNotFound) {
  const auto a = SeedEpisode("care_coordinator", "active", 10);
  const auto b = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto plan_a = CreateOk(ctx, a, Document());
  for (const std::string& id : {plan_a.id, app::NewId(clock_.Now()), std::string("not-an-id")}) {
    ctx.read_events.clear();
    auto got = plans().Get(ctx, b.participant_id, id);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(HasReadEvent(ctx, "care_plan.read", AuditOutcome::kDenied));
  }
  auto update = plans().Update(ctx, b.participant_id, plan_a.id, 1, plan_a.document, "");
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::kNotFound);
  auto review = plans().RecordReview(ctx, b.participant_id, plan_a.id, 1,
                                     Review(Today(), AddDays(Today(), 30)));
  ASSERT_FALSE(review);
  EXPECT_EQ(review.error().code, ErrorCode::kNotFound);
  auto progress = plans().RecordProgress(ctx, b.participant_id, plan_a.id, "goal-housing",
                                         {.observed_on = Today(), .value = 1, .note = ""});
  ASSERT_FALSE(progress);
  EXPECT_EQ(progress.error().code, ErrorCode::kNotFound);
  auto list = plans().List(ctx, b.participant_id);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->empty());
  EXPECT_EQ(Rows("care_plan_versions", plan_a.id), 1);
}

TEST_P(CarePlanTest, TheAuditorReadsAndCannotWrite) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto coordinator = ContextFor("care_coordinator");
  const auto plan = CreateOk(coordinator, s, Document());
  auto auditor = ContextFor("auditor");
  auto list = plans().List(auditor, s.participant_id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, plan.id);
  EXPECT_EQ(ReadEvents(auditor, "care_plan.read"), 1u);
  auto versions = plans().Versions(auditor, s.participant_id, plan.id);
  ASSERT_TRUE(versions);
  auto progress = plans().ListProgress(auditor, s.participant_id, plan.id, "goal-housing");
  ASSERT_TRUE(progress);
  auto update = plans().Update(auditor, s.participant_id, plan.id, 1, plan.document, "");
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(HasReadEvent(auditor, "care_plan.write", AuditOutcome::kDenied));
  auto review = plans().RecordReview(auditor, s.participant_id, plan.id, 1,
                                     Review(Today(), AddDays(Today(), 30)));
  ASSERT_FALSE(review);
  EXPECT_EQ(review.error().code, ErrorCode::kPermissionDenied);
  auto p = plans().RecordProgress(auditor, s.participant_id, plan.id, "goal-housing",
                                  {.observed_on = Today(), .value = 1, .note = ""});
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kPermissionDenied);
  app::NewCarePlan in;
  in.document = Document();
  auto create = plans().Create(auditor, s.participant_id, in);
  ASSERT_FALSE(create);
  EXPECT_EQ(create.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(Rows("care_plan_versions", plan.id), 1);
}

// 001 §4: peers help write the plan; reviews are the coordination roles' (permissions.cc).
TEST_P(CarePlanTest, APeerWritesAndRecordsProgressButDoesNotReview) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  AddToTeam(s, "peer_support", "peer_support");
  auto peer = ContextFor("peer_support");
  const auto plan = CreateOk(peer, s, Document());
  EXPECT_EQ(plan.created_by, UserIdOf("peer_support"));
  CarePlanDocument changed = plan.document;
  changed.natural_supports = {{.name = "Ana", .relationship = "sister", .role = "", .phone = ""}};
  EXPECT_EQ(UpdateOk(peer, plan, changed).version, 2);
  auto p = plans().RecordProgress(peer, s.participant_id, plan.id, "goal-housing",
                                  {.observed_on = Today(), .value = 3, .note = ""});
  ASSERT_TRUE(p) << p.error().message;
  auto review = plans().RecordReview(peer, s.participant_id, plan.id, 2,
                                     Review(Today(), AddDays(Today(), 30)));
  ASSERT_FALSE(review);
  EXPECT_EQ(review.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(Rows("care_plan_reviews", plan.id), 0);

  // A peer not on this participant's team does not see the plan at all.
  const auto elsewhere = SeedEpisode("care_coordinator", "active", 10);
  auto coordinator = ContextFor("care_coordinator");
  const auto hidden = CreateOk(coordinator, elsewhere, Document());
  auto got = plans().Get(peer, elsewhere.participant_id, hidden.id);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
}

TEST_P(CarePlanTest, AClosedEpisodesPlanCannotChange) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto plan = CreateOk(ctx, s, Document());
  CloseEpisode(s.episode_id);
  CarePlanDocument changed = plan.document;
  changed.strengths.push_back("Finished the program");
  auto update = plans().Update(ctx, s.participant_id, plan.id, 1, changed, "");
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::kConflict);
  auto review = plans().RecordReview(ctx, s.participant_id, plan.id, 1,
                                     Review(Today(), AddDays(Today(), 30)));
  ASSERT_FALSE(review);
  EXPECT_EQ(review.error().code, ErrorCode::kConflict);
  auto progress = plans().RecordProgress(ctx, s.participant_id, plan.id, "goal-housing",
                                         {.observed_on = Today(), .value = 1, .note = ""});
  ASSERT_FALSE(progress);
  EXPECT_EQ(progress.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Rows("care_plan_versions", plan.id), 1);
  EXPECT_EQ(Rows("care_plan_reviews", plan.id), 0);
  EXPECT_EQ(Rows("goal_progress", plan.id), 0);
  // It is still read.
  auto got = plans().Get(ctx, s.participant_id, plan.id);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->version, 1);
}

// What the policy engine reads (store/care_plan_repository.h LoadFact), and the store's own
// version check: a version appended from a stale one is refused and changes nothing.
TEST_P(CarePlanTest, TheStoreKeepsWhatThePolicyEngineReads) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const auto v1 = CreateOk(ctx, s, Document());
  CarePlanDocument d2 = v1.document;
  d2.agreement = Agreed(Today());
  d2.goals[0].status = "achieved";
  clock_.Advance(std::chrono::minutes(1));
  const auto v2 = UpdateOk(ctx, v1, d2);
  clock_.Advance(std::chrono::minutes(1));
  auto v3 =
      plans().RecordReview(ctx, s.participant_id, v1.id, 2, Review(Today(), AddDays(Today(), 60)));
  ASSERT_TRUE(v3) << v3.error().message;

  auto conn = db().Acquire();
  ASSERT_TRUE(conn);
  store::CarePlanRepository repo(**conn);
  auto fact = repo.LoadFact(org_id_, s.episode_id);
  ASSERT_TRUE(fact) << fact.error().message;
  ASSERT_TRUE(fact->has_value());
  const CarePlanFact& f = **fact;
  EXPECT_EQ(f.id, v1.id);
  ASSERT_EQ(f.versions.size(), 3u);
  EXPECT_EQ(f.versions[0].version, 1);
  EXPECT_EQ(f.versions[0].recorded_at, v1.created_at);
  EXPECT_EQ(f.versions[0].agreement_method, "");
  EXPECT_EQ(f.versions[0].review_date, v1.document.review_date);
  ASSERT_EQ(f.versions[0].goals.size(), 1u);
  EXPECT_EQ(f.versions[0].goals[0].id, "goal-housing");
  EXPECT_EQ(f.versions[0].goals[0].status, "active");
  EXPECT_EQ(f.versions[0].goals[0].target_date, v1.document.goals[0].target_date);
  EXPECT_EQ(f.versions[1].agreement_method, "verbal");
  EXPECT_EQ(f.versions[1].recorded_at, v2.updated_at);
  EXPECT_EQ(f.versions[1].goals[0].status, "achieved");
  EXPECT_EQ(f.versions[2].review_date, AddDays(Today(), 60));
  ASSERT_EQ(f.reviews.size(), 1u);
  EXPECT_EQ(f.reviews[0].reviewed_on, Today());
  EXPECT_EQ(f.reviews[0].recorded_at, clock_.Now());
  EXPECT_EQ(f.reviews[0].version, 3);  // the version the review made

  auto none = repo.LoadFact(org_id_, SeedEpisode("care_coordinator", "active", 3).episode_id);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());

  store::CarePlanRepository::StoredVersion late;
  late.document_json = "{}";
  late.created_by = UserIdOf("care_coordinator");
  late.created_at = clock_.Now();
  auto appended = repo.AppendVersion(org_id_, v1.id, 2, late, CarePlanDocument{});
  ASSERT_TRUE(appended) << appended.error().message;
  EXPECT_FALSE(*appended);
  EXPECT_EQ(Rows("care_plan_versions", v1.id), 3);
  auto found = repo.Find(org_id_, v1.id);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->version, 3);
}

INSTANTIATE_TEST_SUITE_P(Drivers, CarePlanTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
