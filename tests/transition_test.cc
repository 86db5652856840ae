// SPDX-License-Identifier: Apache-2.0
// Transitions of care and psychiatric appointments through the use cases, on both drivers
// (001 §6 §8; docs/worklists.md "Transitions"): validation naming the field, optimistic
// concurrency, closed episodes, idempotent retries, access, and the obligations a discharge
// starts and an appointment meets or excuses, in the same commit.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

#include "episode_fixture.h"

namespace carecoord::tests {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr char kCountTransitions[] = "SELECT COUNT(*) FROM transitions WHERE episode_id = $1";
constexpr char kCountAppointments[] =
    "SELECT COUNT(*) FROM psychiatric_appointments WHERE episode_id = $1";

struct StoredObligation {
  std::string state;
  int required = 0;
  int counted = 0;
};

class TransitionTest : public EpisodeFixture {
 protected:
  app::TransitionService& transitions() { return services_->transitions; }

  // A stay that ended `discharged_days_ago` days ago, after `stay_days` days.
  app::NewTransition Stay(int discharged_days_ago = 2, int stay_days = 4, bool medication = true) {
    app::NewTransition t;
    t.level = "inpatient_psychiatric";
    t.facility = "Riverside Behavioral Hospital";
    t.discharged_at = clock_.Now() - days(discharged_days_ago);
    t.admitted_at = *t.discharged_at - days(stay_days);
    t.medication_needed = medication;
    t.notes = "Discharged on a new medication; follow-up with psychiatry needed.";
    return t;
  }

  static app::NewAppointment Kept(Instant at) {
    app::NewAppointment a;
    a.status = "kept";
    a.scheduled_for = at;
    a.provider = "Dr. Lee, Community Psychiatry";
    return a;
  }

  std::int64_t Count(std::string_view sql, const std::string& id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const store::Value params[] = {id};
    auto row = (*conn)->QueryOne(sql, params);
    EXPECT_TRUE(row) << (row ? "" : row.error().message);
    return row ? row->Int(0) : -1;
  }

  // The episode's materialised obligations of `rule` (docs/worklists.md "Materialised"), by key.
  std::map<std::string, StoredObligation> Obligations(const std::string& episode_id,
                                                      const std::string& rule) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const store::Value params[] = {episode_id, rule};
    auto rows = (*conn)->Query(
        "SELECT okey, state, required, counted FROM obligations WHERE episode_id = $1 AND "
        "rule_id = $2",
        params);
    EXPECT_TRUE(rows) << (rows ? "" : rows.error().message);
    std::map<std::string, StoredObligation> out;
    if (!rows) return out;
    for (const store::Row& r : *rows) {
      out[r.Text(0)] = {r.Text(1), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3))};
    }
    return out;
  }

  // The one obligation of `rule` on the episode (a failure when there is not exactly one).
  StoredObligation Only(const std::string& episode_id, const std::string& rule) {
    auto all = Obligations(episode_id, rule);
    EXPECT_EQ(all.size(), 1u) << rule;
    return all.empty() ? StoredObligation{} : all.begin()->second;
  }
};

TEST_P(TransitionTest, RecordsAStayListsItAndAuditsEveryCall) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  auto made = transitions().Record(ctx, s.episode_id, Stay());
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_FALSE(made->replayed);
  const TransitionRecord& t = made->transition;
  EXPECT_EQ(t.episode_id, s.episode_id);
  EXPECT_EQ(t.participant_id, s.participant_id);
  EXPECT_EQ(t.level, "inpatient_psychiatric");
  EXPECT_TRUE(t.medication_needed);
  EXPECT_EQ(t.recorded_by_name, "User care_coordinator");
  EXPECT_EQ(t.version, 1);
  EXPECT_TRUE(t.appointments.empty());
  EXPECT_EQ(AuditCount("transition.record", t.id), 1);

  // An earlier emergency department visit without a discharge yet is listed after it.
  app::NewTransition ed;
  ed.level = "emergency_department";
  ed.facility = "County General ED";
  ed.admitted_at = clock_.Now() - days(15);
  auto earlier = transitions().Record(ctx, s.episode_id, ed);
  ASSERT_TRUE(earlier) << earlier.error().message;
  EXPECT_FALSE(earlier->transition.discharged_at);

  ctx.read_events.clear();
  auto list = transitions().List(ctx, s.episode_id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, t.id);  // newest admission first
  EXPECT_EQ((*list)[1].id, earlier->transition.id);
  ASSERT_EQ(ctx.read_events.size(), 1u);
  EXPECT_EQ(ctx.read_events[0].action, "transition.list");
  EXPECT_EQ(ctx.read_events[0].participant_id, s.participant_id);
  EXPECT_EQ(ctx.read_events[0].outcome, AuditOutcome::kAllowed);
}

TEST_P(TransitionTest, InvalidStaysNameTheFieldAndChangeNothing) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  const Instant now = clock_.Now();
  struct Case {
    const char* field;
    std::function<void(app::NewTransition&)> spoil;
  };
  const Case cases[] = {
      {"level", [](auto& t) { t.level = "hotel"; }},
      {"facility", [](auto& t) { t.facility = "  "; }},
      {"facility", [](auto& t) { t.facility = std::string(201, 'f'); }},
      {"notes", [](auto& t) { t.notes = std::string(4001, 'n'); }},
      {"admitted_at", [&](auto& t) { t.admitted_at = now + hours(1), t.discharged_at.reset(); }},
      {"discharged_at",
       [&](auto& t) {  // a stay over before the referral
         t.admitted_at = now - days(25);
         t.discharged_at = now - days(21);
       }},
      {"discharged_at", [&](auto& t) { t.discharged_at = now + hours(1); }},
      {"discharged_at", [](auto& t) { t.discharged_at = t.admitted_at - hours(1); }},
  };
  for (const Case& c : cases) {
    app::NewTransition t = Stay();
    c.spoil(t);
    auto r = transitions().Record(ctx, s.episode_id, t);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  // The limits themselves are accepted: 200 bytes of facility, 4000 of notes, an admission
  // before the referral (referred from inside a CSU, 001 §2) with the discharge at the
  // referral's own instant.
  app::NewTransition edge = Stay();
  edge.facility = std::string(200, 'f');
  edge.notes = std::string(4000, 'n');
  edge.admitted_at = now - days(30);
  edge.discharged_at = now - days(20);
  EXPECT_TRUE(transitions().Record(ctx, s.episode_id, edge));
  EXPECT_EQ(Count(kCountTransitions, s.episode_id), 1);
}

TEST_P(TransitionTest, UpdatesNeedTheCurrentVersion) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  app::NewTransition open = Stay();
  open.discharged_at.reset();
  auto made = transitions().Record(ctx, s.episode_id, open);
  ASSERT_TRUE(made) << made.error().message;
  const std::string id = made->transition.id;

  app::TransitionChanges discharge;
  discharge.discharged_present = true;
  discharge.discharged_at = clock_.Now() - hours(3);
  auto updated = transitions().Update(ctx, id, 1, discharge);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->discharged_at, discharge.discharged_at);
  EXPECT_EQ(updated->facility, open.facility);  // untouched fields kept
  EXPECT_EQ(AuditCount("transition.record", id), 2);

  app::TransitionChanges notes;
  notes.notes = "Second thoughts.";
  auto stale = transitions().Update(ctx, id, 1, notes);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  app::TransitionChanges bad;
  bad.facility = "";
  auto invalid = transitions().Update(ctx, id, 2, bad);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().field, "facility");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM transitions WHERE id = $1 AND version = 2", id), 1);

  // A discharge with an appointment after it cannot go away or move past the appointment.
  ASSERT_TRUE(transitions().RecordAppointment(ctx, id, Kept(clock_.Now() - hours(1))));
  app::TransitionChanges undo;
  undo.discharged_present = true;
  auto removed = transitions().Update(ctx, id, 2, undo);
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code, ErrorCode::kConflict);
  app::TransitionChanges later;
  later.discharged_present = true;
  later.discharged_at = clock_.Now() - std::chrono::minutes(30);
  auto moved = transitions().Update(ctx, id, 2, later);
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().code, ErrorCode::kConflict);
}

TEST_P(TransitionTest, AClosedEpisodeTakesNoTransitions) {
  const auto s = SeedEpisode("care_coordinator", "active", 30);
  auto ctx = ContextFor("care_coordinator");
  auto made = transitions().Record(ctx, s.episode_id, Stay());
  ASSERT_TRUE(made) << made.error().message;
  app::EpisodeStatusChange close;
  close.status = "closed";
  close.reason = "Goals met; moved to community services.";
  ASSERT_TRUE(services_->episodes.ChangeStatus(ctx, s.episode_id, VersionOf(s.episode_id), close));

  auto r = transitions().Record(ctx, s.episode_id, Stay(3));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  app::TransitionChanges ch;
  ch.notes = "late";
  auto u = transitions().Update(ctx, made->transition.id, 1, ch);
  ASSERT_FALSE(u);
  EXPECT_EQ(u.error().code, ErrorCode::kConflict);
  auto a = transitions().RecordAppointment(ctx, made->transition.id, Kept(clock_.Now() - hours(2)));
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count(kCountTransitions, s.episode_id), 1);
  EXPECT_EQ(Count(kCountAppointments, s.episode_id), 0);
  // Still readable: the record is history.
  auto list = transitions().List(ctx, s.episode_id);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 1u);
}

TEST_P(TransitionTest, ARetryWithTheSameKeyReplays) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  ctx.idempotency_key = "transition-1";
  ctx.request_fingerprint = "POST body a";
  auto first = transitions().Record(ctx, s.episode_id, Stay());
  ASSERT_TRUE(first) << first.error().message;
  auto again = transitions().Record(ctx, s.episode_id, Stay());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->transition.id, first->transition.id);
  ctx.request_fingerprint = "POST body b";
  auto reused = transitions().Record(ctx, s.episode_id, Stay());
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count(kCountTransitions, s.episode_id), 1);

  ctx.idempotency_key = "appointment-1";
  ctx.request_fingerprint = "POST appointment";
  auto a1 = transitions().RecordAppointment(ctx, first->transition.id, Kept(clock_.Now()));
  ASSERT_TRUE(a1) << a1.error().message;
  auto a2 = transitions().RecordAppointment(ctx, first->transition.id, Kept(clock_.Now()));
  ASSERT_TRUE(a2) << a2.error().message;
  EXPECT_TRUE(a2->replayed);
  EXPECT_EQ(a2->appointment.id, a1->appointment.id);
  EXPECT_EQ(Count(kCountAppointments, s.episode_id), 1);
}

TEST_P(TransitionTest, OnlyTheCaseloadSeesAndWritesTransitions) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto mine = ContextFor("care_coordinator");
  auto made = transitions().Record(mine, s.episode_id, Stay());
  ASSERT_TRUE(made) << made.error().message;
  auto appointment = transitions().RecordAppointment(mine, made->transition.id, Kept(clock_.Now()));
  ASSERT_TRUE(appointment) << appointment.error().message;

  AddUser("other_coordinator", Role::kCareCoordinator);
  auto other = ContextFor("other_coordinator");
  auto list = transitions().List(other, s.episode_id);
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().code, ErrorCode::kNotFound);
  auto rec = transitions().Record(other, s.episode_id, Stay());
  ASSERT_FALSE(rec);
  EXPECT_EQ(rec.error().code, ErrorCode::kNotFound);
  app::TransitionChanges ch;
  ch.notes = "not mine";
  auto upd = transitions().Update(other, made->transition.id, 1, ch);
  ASSERT_FALSE(upd);
  EXPECT_EQ(upd.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(upd.error().message, "No such transition, or it is not on your caseload.");
  auto appt = transitions().RecordAppointment(other, made->transition.id, Kept(clock_.Now()));
  ASSERT_FALSE(appt);
  EXPECT_EQ(appt.error().code, ErrorCode::kNotFound);
  app::AppointmentChanges ach;
  ach.note = "not mine";
  auto aupd = transitions().UpdateAppointment(other, appointment->appointment.id, 1, ach);
  ASSERT_FALSE(aupd);
  EXPECT_EQ(aupd.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(aupd.error().message, "No such appointment, or it is not on your caseload.");
  ASSERT_FALSE(other.read_events.empty());
  EXPECT_EQ(other.read_events.back().outcome, AuditOutcome::kDenied);

  // Administrators manage accounts, not records; unknown ids are not found.
  auto admin = ContextFor("admin");
  auto denied = transitions().List(admin, s.episode_id);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  for (const std::string id : {"nope", "0192f0c8-0000-7000-8000-000000000000"}) {
    auto missing = transitions().Update(mine, id, 1, ch);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    auto missing_appt = transitions().UpdateAppointment(mine, id, 1, ach);
    ASSERT_FALSE(missing_appt);
    EXPECT_EQ(missing_appt.error().code, ErrorCode::kNotFound);
  }
}

TEST_P(TransitionTest, AppointmentsFollowADischargeAndNameTheField) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  app::NewTransition inpatient = Stay();
  inpatient.discharged_at.reset();
  auto still_in = transitions().Record(ctx, s.episode_id, inpatient);
  ASSERT_TRUE(still_in);
  auto early = transitions().RecordAppointment(ctx, still_in->transition.id, Kept(clock_.Now()));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);

  auto made = transitions().Record(ctx, s.episode_id, Stay(2));
  ASSERT_TRUE(made);
  const std::string id = made->transition.id;
  const Instant now = clock_.Now();
  const Instant discharged = *made->transition.discharged_at;
  struct Case {
    const char* field;
    std::function<void(app::NewAppointment&)> spoil;
  };
  const Case cases[] = {
      {"status", [](auto& a) { a.status = "cancelled"; }},
      {"scheduled_for", [](auto& a) { a.scheduled_for.reset(); }},
      {"scheduled_for", [&](auto& a) { a.scheduled_for = now + hours(1); }},  // kept, future
      {"scheduled_for", [&](auto& a) { a.status = "missed", a.scheduled_for = now + hours(1); }},
      {"scheduled_for", [&](auto& a) { a.scheduled_for = discharged - hours(1); }},
      {"me_notified_at", [&](auto& a) { a.me_notified_at = now; }},  // only with none_available
      {"provider", [](auto& a) { a.provider = std::string(201, 'p'); }},
      {"note", [](auto& a) { a.status = "refused", a.note = " "; }},
      {"note", [](auto& a) { a.status = "none_available", a.scheduled_for.reset(); }},
      {"note", [](auto& a) { a.note = std::string(4001, 'n'); }},
      {"me_notified_at",
       [&](auto& a) {
         a.status = "none_available", a.note = "none", a.me_notified_at = now + hours(1);
       }},
  };
  for (const Case& c : cases) {
    app::NewAppointment a = Kept(now - hours(1));
    c.spoil(a);
    auto r = transitions().RecordAppointment(ctx, id, a);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.field << ": " << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
  EXPECT_EQ(Count(kCountAppointments, s.episode_id), 0);

  // A future appointment can be scheduled; it is kept later, under its version.
  app::NewAppointment scheduled = Kept(now + days(3));
  scheduled.status = "scheduled";
  auto a = transitions().RecordAppointment(ctx, id, scheduled);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->appointment.transition_id, id);
  EXPECT_EQ(a->appointment.version, 1);
  app::AppointmentChanges keep;
  keep.status = "kept";
  auto too_soon = transitions().UpdateAppointment(ctx, a->appointment.id, 1, keep);
  ASSERT_FALSE(too_soon);
  EXPECT_EQ(too_soon.error().field, "scheduled_for");
  keep.scheduled_present = true;
  keep.scheduled_for = now - hours(2);
  auto stale = transitions().UpdateAppointment(ctx, a->appointment.id, 7, keep);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  auto kept = transitions().UpdateAppointment(ctx, a->appointment.id, 1, keep);
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(kept->status, "kept");
  EXPECT_EQ(kept->version, 2);
  EXPECT_EQ(AuditCount("transition.record", a->appointment.id), 2);
  auto list = transitions().List(ctx, s.episode_id);
  ASSERT_TRUE(list);
  // Both stays were admitted at the same instant under the test's fixed clock, so find this one
  // by id rather than by its place in the list.
  auto listed = std::find_if(list->begin(), list->end(),
                             [&](const TransitionRecord& t) { return t.id == id; });
  ASSERT_NE(listed, list->end());
  ASSERT_EQ(listed->appointments.size(), 1u);
  EXPECT_EQ(listed->appointments[0].status, "kept");
}

// 001 §6: "linkage to psychiatric services within 7 days of discharge" for those who need
// medications, and 001 §8 "follow-up post-referral or transition".
TEST_P(TransitionTest, ADischargeNeedingMedicationStartsLinkageAndFollowUp) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  auto made = transitions().Record(ctx, s.episode_id, Stay(2));
  ASSERT_TRUE(made) << made.error().message;
  const StoredObligation linkage = Only(s.episode_id, "psychiatric_linkage");
  EXPECT_EQ(linkage.state, "open");
  EXPECT_EQ(linkage.counted, 0);
  EXPECT_EQ(Only(s.episode_id, "transition_follow_up").state, "open");

  // A kept appointment clears the linkage in the same commit; the follow-up stays open.
  auto kept =
      transitions().RecordAppointment(ctx, made->transition.id, Kept(clock_.Now() - hours(20)));
  ASSERT_TRUE(kept) << kept.error().message;
  EXPECT_EQ(Only(s.episode_id, "psychiatric_linkage").state, "met");
  EXPECT_EQ(Only(s.episode_id, "transition_follow_up").state, "open");
}

TEST_P(TransitionTest, NoAppointmentAvailableWithTheMeNotifiedExcusesTheLinkage) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  auto made = transitions().Record(ctx, s.episode_id, Stay(3));
  ASSERT_TRUE(made) << made.error().message;
  app::NewAppointment none;
  none.status = "none_available";
  none.note = "No psychiatric appointment within 7 days at any provider in the county.";
  auto unnotified = transitions().RecordAppointment(ctx, made->transition.id, none);
  ASSERT_TRUE(unnotified) << unnotified.error().message;
  // Documented but the ME not yet told: still open (001 §6 asks for both).
  EXPECT_EQ(Only(s.episode_id, "psychiatric_linkage").state, "open");
  app::AppointmentChanges notified;
  notified.me_notified_present = true;
  notified.me_notified_at = clock_.Now() - hours(1);
  auto updated = transitions().UpdateAppointment(ctx, unnotified->appointment.id, 1, notified);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(Only(s.episode_id, "psychiatric_linkage").state, "excused");
}

TEST_P(TransitionTest, ADischargeWithoutMedicationNeedsOnlyTheFollowUp) {
  const auto s = SeedEpisode("care_coordinator", "active", 20);
  auto ctx = ContextFor("care_coordinator");
  ASSERT_TRUE(transitions().Record(ctx, s.episode_id, Stay(2, 4, false)));
  EXPECT_TRUE(Obligations(s.episode_id, "psychiatric_linkage").empty());
  EXPECT_EQ(Only(s.episode_id, "transition_follow_up").state, "open");
  // Setting medication_needed later starts the linkage.
  auto list = transitions().List(ctx, s.episode_id);
  ASSERT_TRUE(list);
  app::TransitionChanges ch;
  ch.medication_needed = true;
  ASSERT_TRUE(transitions().Update(ctx, list->front().id, 1, ch));
  EXPECT_EQ(Only(s.episode_id, "psychiatric_linkage").state, "open");
}

INSTANTIATE_TEST_SUITE_P(Drivers, TransitionTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
