// SPDX-License-Identifier: Apache-2.0
// Obligations through the use cases, on both drivers (docs/worklists.md): worklists cleared in
// the commit of the contact they ask for, buckets in the program calendar, who sees what,
// transfers and closures, releases refreshing every episode, evaluation as of a past moment,
// the supervisor dashboard, policy versions, and the parallel rebuild equal to the refresh
// done write by write.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/core/obligation_schedule.h"
#include "demo/demo.h"
#include "demo/population.h"
#include "domain/policy_file.h"
#include "episode_fixture.h"
#include "store/obligation_repository.h"

namespace carecoord::tests {
namespace {

using std::chrono::days;
using std::chrono::hours;

class ObligationTest : public EpisodeFixture {
 protected:
  void Exec(std::string_view sql, std::vector<store::Value> params) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    auto n = (*conn)->Execute(sql, params);
    ASSERT_TRUE(n) << n.error().message;
  }

  // The incremental path, as every write runs it.
  void Refresh(const std::string& episode_id) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    auto st = store::InTransaction(**conn, [&] {
      return services_->refresher->RefreshEpisode(**conn, org_id_, episode_id, clock_.Now());
    });
    ASSERT_TRUE(st) << st.error().message;
  }

  // An engaging episode whose referral came in at `received`, refreshed.
  SeededEpisode EpisodeReferredAt(Instant received,
                                  const std::string& coordinator = "care_coordinator") {
    SeededEpisode s = SeedEpisode(coordinator, "engaging", 0);
    // The episode starts with the referral, as intake's acceptance would have it that day.
    const std::vector<store::Value> p = {ToMillis(received), s.episode_id};
    Exec(
        "UPDATE episodes SET referral_received_at = $1, started_at = $1, status_changed_at = $1 "
        "WHERE id = $2",
        p);
    Exec("UPDATE episode_status_history SET changed_at = $1 WHERE episode_id = $2", p);
    Exec("UPDATE handoffs SET occurred_at = $1 WHERE episode_id = $2", p);
    Refresh(s.episode_id);
    return s;
  }

  app::Worklist WorklistOf(const std::string& username) {
    app::Context ctx = ContextFor(username);
    auto w = services_->obligations.WorklistFor(ctx);
    EXPECT_TRUE(w) << (w ? "" : w.error().message);
    return w ? *w : app::Worklist{};
  }

  static std::vector<std::string> RulesFor(const app::Worklist& w, const std::string& episode_id) {
    std::vector<std::string> out;
    for (const auto& item : w.items) {
      if (item.episode_id == episode_id) out.push_back(item.rule_id);
    }
    return out;
  }

  std::vector<store::StoredObligation> Stored(const std::string& episode_id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto rows = store::ObligationRepository(**conn).ListEpisode(org_id_, episode_id);
    EXPECT_TRUE(rows);
    return rows ? *rows : std::vector<store::StoredObligation>{};
  }

  static app::NewContact InPerson() {
    app::NewContact c;
    c.fields.duration_minutes = 30;
    c.fields.mode = "in_person";
    c.fields.setting = "home";
    c.fields.successful = true;
    c.fields.with_whom = "participant";
    c.fields.purposes = {"warm_handoff"};
    c.fields.outcome = "engaged";
    c.fields.narrative = "Met at home.";
    return c;
  }

  std::int64_t Count(std::string_view sql, const std::string& id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const store::Value params[] = {id};
    auto row = (*conn)->QueryOne(sql, params);
    EXPECT_TRUE(row) << (row ? "" : row.error().message);
    return row ? row->Int(0) : -1;
  }

  // The default policy with the warm hand-off rule switched off.
  static std::string WithoutWarmHandoff() {
    std::string text(DefaultPolicyText());
    const std::string id_line = "id = \"warm_handoff\"\n";
    const auto at = text.find(id_line);
    EXPECT_NE(at, std::string::npos);
    text.insert(at + id_line.size(), "enabled = false\n");
    return text;
  }
};

TEST_P(ObligationTest, LoggingTheContactAnItemAsksForClearsItInTheSameCommit) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  app::Worklist before = WorklistOf("care_coordinator");
  ASSERT_EQ(RulesFor(before, s.episode_id), std::vector<std::string>{"warm_handoff"});
  const app::ObligationView& item = before.items.front();
  EXPECT_EQ(before.buckets.front(), "overdue");
  EXPECT_EQ(item.status, "overdue");
  EXPECT_EQ(item.participant_name, "Jordan Example");
  EXPECT_EQ(item.rule_title, "Warm hand-off");
  EXPECT_EQ(item.cite, "001 §8");
  EXPECT_EQ(item.suggest_mode, "in_person");
  EXPECT_EQ(item.suggest_purpose, "warm_handoff");
  EXPECT_EQ(item.suggest_with, "participant");

  app::Context ctx = ContextFor("care_coordinator");
  auto logged = services_->contacts.Log(ctx, s.episode_id, InPerson());
  ASSERT_TRUE(logged) << logged.error().message;
  EXPECT_TRUE(RulesFor(WorklistOf("care_coordinator"), s.episode_id).empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND "
                  "rule_id = 'warm_handoff' AND state = 'met'",
                  s.episode_id),
            1);
}

TEST_P(ObligationTest, WorklistBucketsFollowTheProgramCalendar) {
  // 10:00 in New York on Wednesday 18 November.
  clock_.Set(ParseInstant("2026-11-18T15:00:00Z", "t").value());
  const Instant now = clock_.Now();
  const SeededEpisode soon = EpisodeReferredAt(now - hours(1));    // due tomorrow 09:00
  const SeededEpisode today = EpisodeReferredAt(now - hours(12));  // due today 22:00
  const SeededEpisode late = EpisodeReferredAt(now - days(3));     // due three days ago
  const SeededEpisode other = EpisodeReferredAt(now - days(3), "peer_support");
  const app::Worklist w = WorklistOf("care_coordinator");
  ASSERT_EQ(w.items.size(), 3u);
  EXPECT_EQ(w.items[0].episode_id, late.episode_id);
  EXPECT_EQ(w.items[1].episode_id, today.episode_id);
  EXPECT_EQ(w.items[2].episode_id, soon.episode_id);
  EXPECT_EQ(w.buckets, (std::vector<std::string>{"overdue", "today", "this_week"}));
  EXPECT_EQ(w.items[1].status, "due");
  EXPECT_EQ(w.overdue, 1);
  EXPECT_EQ(w.due_today, 1);
  EXPECT_EQ(w.this_week, 1);
  EXPECT_TRUE(RulesFor(w, other.episode_id).empty());
  // An hour before local midnight the item due tomorrow morning is still not today's.
  clock_.Set(ParseInstant("2026-11-19T04:00:00Z", "t").value());
  const app::Worklist night = WorklistOf("care_coordinator");
  ASSERT_EQ(night.items.size(), 3u);
  EXPECT_EQ(night.buckets, (std::vector<std::string>{"overdue", "overdue", "this_week"}));
}

TEST_P(ObligationTest, APeerSeesOnlyTheirOwnItems) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  const std::string peer = UserIdOf("peer_support");
  app::Context cc = ContextFor("care_coordinator");
  app::NewCareTeamMember m;
  m.role = "peer_support_specialist";
  m.user_id = peer;
  auto added = services_->care_team.Add(cc, s.episode_id, m);
  ASSERT_TRUE(added) << added.error().message;
  // The first full week begins Monday 23 November; on the 24th it is this week's work.
  clock_.Set(ParseInstant("2026-11-24T15:00:00Z", "t").value());
  const app::Worklist peer_list = WorklistOf("peer_support");
  EXPECT_EQ(RulesFor(peer_list, s.episode_id), std::vector<std::string>{"peer_weekly"});
  for (const auto& item : peer_list.items) EXPECT_EQ(item.assignee_id, peer);
  const app::Worklist coordinator = WorklistOf("care_coordinator");
  EXPECT_EQ(RulesFor(coordinator, s.episode_id), std::vector<std::string>{"warm_handoff"});
  AddUser("coordinator2", Role::kCareCoordinator);
  EXPECT_TRUE(WorklistOf("coordinator2").items.empty());
}

TEST_P(ObligationTest, ATransferMovesOpenItemsToTheNewCoordinator) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  const std::string next = AddUser("coordinator2", Role::kCareCoordinator);
  ASSERT_FALSE(RulesFor(WorklistOf("care_coordinator"), s.episode_id).empty());
  app::Context ctx = ContextFor("care_coordinator");
  app::EpisodeTransfer t;
  t.to_user_id = next;
  auto moved = services_->episodes.Transfer(ctx, s.episode_id, VersionOf(s.episode_id), t);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_TRUE(RulesFor(WorklistOf("care_coordinator"), s.episode_id).empty());
  const app::Worklist w = WorklistOf("coordinator2");
  EXPECT_EQ(RulesFor(w, s.episode_id), std::vector<std::string>{"handoff_face_to_face"});
  for (const auto& row : Stored(s.episode_id)) {
    if (row.obligation.state == ObligationState::kOpen) {
      EXPECT_EQ(row.obligation.assignee_id, next);
    }
  }
}

TEST_P(ObligationTest, AClosedEpisodeDropsOffTheWorklist) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  ASSERT_FALSE(RulesFor(WorklistOf("care_coordinator"), s.episode_id).empty());
  app::Context ctx = ContextFor("care_coordinator");
  auto closed = services_->episodes.ChangeStatus(ctx, s.episode_id, VersionOf(s.episode_id),
                                                 {"closed", "moved out of the area"});
  ASSERT_TRUE(closed) << closed.error().message;
  EXPECT_TRUE(RulesFor(WorklistOf("care_coordinator"), s.episode_id).empty());
}

TEST_P(ObligationTest, AReleaseRecordedRefreshesEveryEpisodeOfTheParticipant) {
  const SeededEpisode first = SeedEpisode();
  std::string other_program = AddTestProgram(db(), org_id_, "Second Program", clock_.Now());
  std::swap(program_id_, other_program);
  const SeededEpisode second =
      SeedEpisode("care_coordinator", "engaging", 10, first.participant_id);
  std::swap(program_id_, other_program);
  EXPECT_TRUE(Stored(first.episode_id).empty());
  EXPECT_TRUE(Stored(second.episode_id).empty());
  app::Context ctx = ContextFor("care_coordinator");
  ConsentFields c;
  c.party_kind = "person";
  c.party_name = "Dana Smith";
  c.purpose = "coordinate support";
  c.categories = {"mental_health"};
  c.effective_date = "2026-01-01";
  c.expiry_date = "2026-12-08";  // 20 days away: the renewal window is open
  c.signed_by = "participant";
  c.signed_date = "2026-01-01";
  auto r = services_->consents.Record(ctx, first.participant_id, c);
  ASSERT_TRUE(r) << r.error().message;
  for (const auto& id : {first.episode_id, second.episode_id}) {
    const auto rows = Stored(id);
    EXPECT_TRUE(std::ranges::any_of(rows, [](const auto& row) {
      return row.obligation.rule_id == "release_renewal";
    })) << id;
  }
}

TEST_P(ObligationTest, AnAuditorAsksWhatWasDocumentedThen) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  app::Context cc = ContextFor("care_coordinator");
  ASSERT_TRUE(services_->contacts.Log(cc, s.episode_id, InPerson()));
  const Instant yesterday = clock_.Now() - days(1);
  clock_.Advance(hours(2));
  app::Context auditor = ContextFor("auditor");
  auto now = services_->obligations.ForEpisode(auditor, s.episode_id, std::nullopt);
  ASSERT_TRUE(now) << now.error().message;
  auto then = services_->obligations.ForEpisode(auditor, s.episode_id, yesterday);
  ASSERT_TRUE(then) << then.error().message;
  auto status_of = [](const app::EpisodeObligations& e, const std::string& rule) {
    for (const auto& item : e.items) {
      if (item.rule_id == rule) return item.status;
    }
    return std::string("absent");
  };
  EXPECT_EQ(status_of(*now, "warm_handoff"), "met");
  EXPECT_EQ(status_of(*then, "warm_handoff"), "overdue");
  EXPECT_EQ(then->as_of, yesterday);
  EXPECT_EQ(then->policy_version, 0);
  ASSERT_FALSE(auditor.read_events.empty());
  EXPECT_EQ(auditor.read_events.back().action, "obligation.read");
  EXPECT_EQ(auditor.read_events.back().participant_id, s.participant_id);
  auto future = services_->obligations.ForEpisode(auditor, s.episode_id, clock_.Now() + hours(1));
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(future.error().field, "as_of");
  AddUser("coordinator2", Role::kCareCoordinator);
  app::Context stranger = ContextFor("coordinator2");
  auto hidden = services_->obligations.ForEpisode(stranger, s.episode_id, std::nullopt);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
}

TEST_P(ObligationTest, DashboardCountsAndWhoMaySeeIt) {
  const SeededEpisode late = EpisodeReferredAt(clock_.Now() - days(3));
  const SeededEpisode met = EpisodeReferredAt(clock_.Now() - days(3));
  app::Context cc = ContextFor("care_coordinator");
  ASSERT_TRUE(services_->contacts.Log(cc, met.episode_id, InPerson()));
  app::Context supervisor = ContextFor("supervisor");
  auto d = services_->obligations.Dashboard(supervisor, program_id_, std::nullopt);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->month, "2026-11");
  auto rule = [](const std::vector<app::RuleCompliance>& rules, const std::string& id) {
    for (const auto& r : rules) {
      if (r.rule_id == id) return r;
    }
    return app::RuleCompliance{};
  };
  const app::RuleCompliance program = rule(d->program, "warm_handoff");
  EXPECT_EQ(program.met, 1);
  EXPECT_EQ(program.overdue, 1);
  ASSERT_TRUE(program.rate);
  EXPECT_DOUBLE_EQ(*program.rate, 0.5);
  const std::string cc_id = UserIdOf("care_coordinator");
  auto row =
      std::ranges::find_if(d->coordinators, [&](const auto& c) { return c.user_id == cc_id; });
  ASSERT_NE(row, d->coordinators.end());
  EXPECT_EQ(row->caseload, 2);
  EXPECT_EQ(row->overdue, 1);
  EXPECT_EQ(rule(row->rules, "warm_handoff").met, 1);
  EXPECT_FALSE(rule(row->rules, "early_engagement").rate);  // nothing due: no rate
  auto october = services_->obligations.Dashboard(supervisor, program_id_, "2026-10");
  ASSERT_TRUE(october);
  EXPECT_EQ(rule(october->program, "warm_handoff").overdue, 0);
  auto bad = services_->obligations.Dashboard(supervisor, program_id_, "2026-13");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "month");
  auto history = services_->obligations.ComplianceHistory(supervisor, program_id_, 3);
  ASSERT_TRUE(history) << history.error().message;
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ(history->front().month, "2026-09");
  EXPECT_EQ(history->back().month, "2026-11");
  EXPECT_EQ(rule(history->back().rules, "warm_handoff").met, 1);
  app::Context admin = ContextFor("admin");
  EXPECT_TRUE(services_->obligations.Dashboard(admin, program_id_, std::nullopt));

  const std::string other = AddTestProgram(db(), org_id_, "Second Program", clock_.Now());
  AddTestUser(db(), org_id_, other, "supervisor2", Role::kSupervisor, clock_.Now());
  app::Context stranger = ContextFor("supervisor2");
  auto hidden = services_->obligations.Dashboard(stranger, program_id_, std::nullopt);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  app::Context peer = ContextFor("peer_support");
  auto denied = services_->obligations.Dashboard(peer, program_id_, std::nullopt);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  (void)late;
}

TEST_P(ObligationTest, ReplacingThePolicyStoresAVersionAndRebuilds) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  app::Context admin = ContextFor("admin");
  auto current = services_->policy.Get(admin, program_id_);
  ASSERT_TRUE(current) << current.error().message;
  EXPECT_EQ(current->version, 0);
  EXPECT_EQ(current->source, DefaultPolicyText());

  app::PolicyChange change{WithoutWarmHandoff(), "warm hand-offs tracked elsewhere"};
  auto replaced = services_->policy.Replace(admin, program_id_, 0, change);
  ASSERT_TRUE(replaced) << replaced.error().message;
  EXPECT_EQ(replaced->policy.version, 1);
  EXPECT_EQ(replaced->policy.source, change.source);
  EXPECT_EQ(replaced->policy.note, change.note);
  EXPECT_EQ(replaced->rebuilt_episodes, 1);
  ASSERT_TRUE(replaced->policy.changed_by_name);
  EXPECT_EQ(*replaced->policy.changed_by_name, "User admin");
  EXPECT_TRUE(RulesFor(WorklistOf("care_coordinator"), s.episode_id).empty());
  for (const auto& row : Stored(s.episode_id)) EXPECT_EQ(row.policy_version, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'policy.change' AND "
                  "resource_id = $1",
                  program_id_),
            1);

  app::PolicyChange broken{"[schedule]\nmin_per_week = 3\nbogus = 1\n", ""};
  auto invalid = services_->policy.Replace(admin, program_id_, 1, broken);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> members;
  for (const auto& m : invalid.error().members) members.push_back(m.name);
  EXPECT_TRUE(std::ranges::find(members, "line") != members.end()) << invalid.error().message;
  EXPECT_TRUE(std::ranges::find(members, "key") != members.end()) << invalid.error().message;
  auto stale = services_->policy.Replace(admin, program_id_, 0, change);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM program_policies WHERE program_id = $1", program_id_), 1);

  app::Context supervisor = ContextFor("supervisor");
  auto denied = services_->policy.Replace(supervisor, program_id_, 1, change);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  auto read = services_->policy.Get(supervisor, program_id_);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->version, 1);
  ASSERT_TRUE(read->policy);
  const PolicyRule* warm = read->policy->FindRule("warm_handoff");
  ASSERT_NE(warm, nullptr);
  EXPECT_FALSE(warm->enabled);
  auto checked = services_->policy.Validate(admin, broken.source);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(services_->policy.Validate(admin, change.source));
}

TEST_P(ObligationTest, TheRebuildEqualsTheRefreshOfEachWrite) {
  // The demo's users are named like this fixture's (usernames are unique installation-wide).
  Exec("UPDATE users SET username = 'test_' || username WHERE org_id = $1", {org_id_});
  ASSERT_TRUE(demo::LoadDemo(db(), clock_, runner_->audit(), kPassword));
  demo::PopulationOptions options;
  options.participants = 60;
  auto pop = demo::LoadDemoPopulation(db(), clock_, runner_->audit(), options);
  ASSERT_TRUE(pop) << pop.error().message;
  auto conn = db().Acquire();
  ASSERT_TRUE(conn);
  store::ObligationRepository repo(**conn);
  auto programs = repo.AllPrograms();
  ASSERT_TRUE(programs);
  auto demo =
      std::ranges::find_if(*programs, [](const auto& p) { return p.name == demo::kDemoProgram; });
  ASSERT_NE(demo, programs->end());
  auto ids = store::ObligationFactsRepository(**conn).EpisodesOfProgram(demo->org_id, demo->id);
  ASSERT_TRUE(ids);
  ASSERT_GT(ids->size(), 50u);
  for (const std::string& id : *ids) {
    auto st = store::InTransaction(**conn, [&] {
      return services_->refresher->RefreshEpisode(**conn, demo->org_id, id, clock_.Now());
    });
    ASSERT_TRUE(st) << st.error().message;
  }
  auto incremental = repo.ListProgram(demo->org_id, demo->id);
  ASSERT_TRUE(incremental);
  ASSERT_GT(incremental->size(), ids->size());
  // The rebuild's rows are written afresh: clear them first so nothing is merely left over.
  const store::Value params[] = {demo->org_id, demo->id};
  ASSERT_TRUE(
      (*conn)->Execute("DELETE FROM obligations WHERE org_id = $1 AND program_id = $2", params));
  auto counts = app::RebuildProgramObligations(db(), *services_->policies, demo->org_id, demo->id,
                                               clock_.Now(), 2);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->episodes, static_cast<std::int64_t>(ids->size()));
  EXPECT_EQ(counts->obligations, static_cast<std::int64_t>(incremental->size()));
  auto rebuilt = repo.ListProgram(demo->org_id, demo->id);
  ASSERT_TRUE(rebuilt);
  ASSERT_EQ(rebuilt->size(), incremental->size());
  for (std::size_t i = 0; i < rebuilt->size(); ++i) {
    const auto& a = (*incremental)[i];
    const auto& b = (*rebuilt)[i];
    SCOPED_TRACE(a.episode_id + " " + a.obligation.key);
    EXPECT_EQ(a.episode_id, b.episode_id);
    EXPECT_EQ(a.program_id, b.program_id);
    EXPECT_EQ(a.participant_id, b.participant_id);
    EXPECT_EQ(a.policy_version, b.policy_version);
    EXPECT_EQ(a.evaluated_at, b.evaluated_at);
    const Obligation& x = a.obligation;
    const Obligation& y = b.obligation;
    EXPECT_EQ(x.key, y.key);
    EXPECT_EQ(x.rule_id, y.rule_id);
    EXPECT_EQ(x.assignee_id, y.assignee_id);
    EXPECT_EQ(x.window_start, y.window_start);
    EXPECT_EQ(x.due_at, y.due_at);
    EXPECT_EQ(x.recurring, y.recurring);
    EXPECT_EQ(x.state, y.state);
    EXPECT_EQ(x.resolved_at, y.resolved_at);
    EXPECT_EQ(x.required, y.required);
    EXPECT_EQ(x.counted, y.counted);
    EXPECT_EQ(x.explanation, y.explanation);
    EXPECT_EQ(x.suggest_mode, y.suggest_mode);
    EXPECT_EQ(x.suggest_purpose, y.suggest_purpose);
    EXPECT_EQ(x.suggest_with, y.suggest_with);
  }
}

// docs/assessments.md: a PHQ-9 raising the safety flag puts a same-day crisis contact on the
// accountable coordinator's worklist in the assessment's commit, and the tier it sets raises
// the weekly contacts; a care plan meets the initial-plan deadline and puts its review and goal
// target dates on the worklist; a crisis contact clears the flag's item; the rebuild agrees.
TEST_P(ObligationTest, AssessmentsAndCarePlansPutTheirDeadlinesOnTheWorklist) {
  const SeededEpisode s = SeedEpisode("care_coordinator", "active", 3);
  Refresh(s.episode_id);
  const auto required_now = [&] {
    return Count(
        "SELECT COALESCE(MAX(required), -1) FROM obligations WHERE episode_id = $1 AND "
        "rule_id = 'early_engagement'",
        s.episode_id);
  };
  EXPECT_EQ(required_now(), 3);  // the standard tier: the program's default
  app::Context ctx = ContextFor("care_coordinator");

  app::NewAssessment a;
  a.instrument_id = "phq9";
  a.episode_id = s.episode_id;
  a.assessed_at = clock_.Now();
  for (int i = 1; i <= 9; ++i) a.answers["q" + std::to_string(i)] = Answer{i == 9 ? 1 : 2, ""};
  auto recorded = services_->assessments.Record(ctx, s.participant_id, a);
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND rule_id = "
                  "'safety_flag_follow_up' AND state = 'open' AND suggest_purpose = 'crisis'",
                  s.episode_id),
            1);
  const auto rules = RulesFor(WorklistOf("care_coordinator"), s.episode_id);
  EXPECT_NE(std::ranges::find(rules, "safety_flag_follow_up"), rules.end());
  EXPECT_EQ(required_now(), 5);  // the safety flag: tier high, 5 a week by default

  // The plan: agreed now, reviewed in 30 days, a goal due in 20.
  const auto day_after = [&](int n) {
    return LocalDate(clock_.Now() + days(n), "America/New_York").value();
  };
  app::NewCarePlan plan;
  plan.episode_id = s.episode_id;
  CarePlanGoal goal;
  goal.statement = "I want to sleep through the night";
  goal.expressed_by = "participant";
  goal.indicator = "Nights slept through per week";
  goal.target_date = day_after(20);
  plan.document.goals.push_back(goal);
  plan.document.agreement = {"verbal", Today(), "participant", "", ""};
  plan.document.review_date = day_after(30);
  plan.change_note = "First plan";
  auto created = services_->care_plans.Create(ctx, s.participant_id, plan);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND rule_id = "
                  "'initial_care_plan' AND state = 'met'",
                  s.episode_id),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND rule_id = "
                  "'care_plan_review' AND state = 'open'",
                  s.episode_id),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND rule_id = "
                  "'goal_target_date' AND state = 'open'",
                  s.episode_id),
            1);

  app::NewContact crisis = InPerson();
  crisis.fields.mode = "phone";
  crisis.fields.setting = "";
  crisis.fields.purposes = {"crisis"};
  auto logged = services_->contacts.Log(ctx, s.episode_id, crisis);
  ASSERT_TRUE(logged) << logged.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND rule_id = "
                  "'safety_flag_follow_up' AND state = 'met'",
                  s.episode_id),
            1);

  // The rebuild reads the same assessments and plan: the same rows.
  const auto before = Stored(s.episode_id);
  Exec("DELETE FROM obligations WHERE episode_id = $1", {s.episode_id});
  auto counts = app::RebuildProgramObligations(db(), *services_->policies, org_id_, program_id_,
                                               clock_.Now(), 1);
  ASSERT_TRUE(counts) << counts.error().message;
  const auto after = Stored(s.episode_id);
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].obligation.key, before[i].obligation.key);
    EXPECT_EQ(after[i].obligation.state, before[i].obligation.state);
    EXPECT_EQ(after[i].obligation.required, before[i].obligation.required);
    EXPECT_EQ(after[i].obligation.explanation, before[i].obligation.explanation);
  }
}

// The server's schedule rolls the table forward for episodes nobody writes to: rows removed
// behind its back come back after a round, and stopping it does not wait for the period.
TEST_P(ObligationTest, TheScheduleRebuildsEveryProgram) {
  const SeededEpisode s = EpisodeReferredAt(clock_.Now() - days(3));
  const char* kRows = "SELECT COUNT(*) FROM obligations WHERE episode_id = $1";
  const std::int64_t stored = Count(kRows, s.episode_id);
  ASSERT_GT(stored, 0);
  Exec("DELETE FROM obligations WHERE episode_id = $1", {s.episode_id});
  ASSERT_EQ(Count(kRows, s.episode_id), 0);
  std::vector<std::string> log;
  std::mutex log_mu;
  {
    app::ObligationSchedule schedule(db(), clock_, *services_->policies, std::chrono::hours(24),
                                     std::chrono::milliseconds(0), [&](const std::string& m) {
                                       std::lock_guard lock(log_mu);
                                       log.push_back(m);
                                     });
    for (int i = 0; i < 500 && schedule.rounds_completed() == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(schedule.rounds_completed(), 1u);
  }  // stops at once: the next round is a day away
  EXPECT_EQ(Count(kRows, s.episode_id), stored);
  std::lock_guard lock(log_mu);
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log.back().find("rebuilt"), std::string::npos) << log.back();
}

INSTANTIATE_TEST_SUITE_P(Drivers, ObligationTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
