// SPDX-License-Identifier: Apache-2.0
// The synthetic demo population (`carecoord demo --participants N --seed S`) on every driver:
// deterministic for a seed, consistent with the schema and with the guidance it cites.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/crypto.h"
#include "demo/demo.h"
#include "demo/population.h"
#include "domain/person_match.h"
#include "support/test_database.h"

namespace carecoord::tests {
namespace {

using test_support::DriversUnderTest;
using test_support::DriverTestName;
using test_support::TestDatabase;

constexpr std::int64_t kParticipants = 200;
constexpr std::int64_t kDayMs = 86'400'000;

class DemoPopulationTest : public test_support::DriverTest {
 protected:
  // The demo (organization, program, six users) and a population on `database`.
  demo::PopulationResult Load(store::Database& database, std::uint64_t seed,
                              std::int64_t per_transaction = 10'000) {
    app::AuditLog audit(database);
    auto demo = demo::LoadDemo(database, clock_, audit, "correct horse battery staple");
    EXPECT_TRUE(demo) << (demo ? "" : demo.error().message);
    demo::PopulationOptions options;
    options.participants = kParticipants;
    options.seed = seed;
    options.participants_per_transaction = per_transaction;
    auto pop = demo::LoadDemoPopulation(database, clock_, audit, options);
    EXPECT_TRUE(pop) << (pop ? "" : pop.error().message);
    return pop ? *pop : demo::PopulationResult{};
  }

  std::vector<store::Row> Query(const std::string& sql, store::Database* database = nullptr) {
    auto conn = (database ? *database : db()).Acquire();
    EXPECT_TRUE(conn);
    if (!conn) return {};
    auto rows = (*conn)->Query(sql);
    EXPECT_TRUE(rows) << sql << ": " << (rows ? "" : rows.error().message);
    return rows ? std::move(*rows) : std::vector<store::Row>{};
  }

  std::int64_t Count(const std::string& sql) {
    auto rows = Query(sql);
    return rows.empty() ? -1 : rows.front().Int(0);
  }

  // SHA-256 over the generated content, leaving out what LoadDemo draws at random (the
  // organization, program and demo user ids): users appear by username.
  std::string Digest(store::Database& database) {
    static const char* const kQueries[] = {
        "SELECT id, given_name, family_name, preferred_name, name_norm, birth_date, sex, "
        "phone, living_situation, preferred_language, interpreter_needed, payer, member_id, "
        "created_at FROM participants ORDER BY id",
        "SELECT id, participant_id, name, relationship, roles, active FROM related_persons "
        "ORDER BY id",
        "SELECT id, status, urgency, received_at, source_setting, reason, given_name, "
        "participant_id, episode_id, decided_at, decision_reason FROM referrals ORDER BY id",
        "SELECT e.id, e.status, e.status_reason, e.started_at, e.enrolled_at, e.ended_at, "
        "e.contacts_per_week, e.schedule_reason, e.schedule_note, u.username FROM episodes e "
        "JOIN users u ON u.org_id = e.org_id AND u.id = e.coordinator_id ORDER BY e.id",
        "SELECT episode_id, seq, from_status, to_status, changed_at FROM episode_status_history "
        "ORDER BY episode_id, seq",
        "SELECT episode_id, seq, occurred_at, face_to_face, note FROM handoffs ORDER BY "
        "episode_id, seq",
        "SELECT id, episode_id, role, external_name, start_date, end_date FROM care_team_members "
        "ORDER BY id",
        "SELECT c.id, c.occurred_at, c.mode, c.setting, c.successful, c.with_whom, c.party_name, "
        "c.disclosed, c.purposes, c.outcome, c.narrative, c.signed_at, u.username FROM contacts "
        "c JOIN users u ON u.org_id = c.org_id AND u.id = c.by_user_id ORDER BY c.id",
        "SELECT id, contact_id, text FROM contact_addenda ORDER BY id",
        "SELECT id, party_name, party_name_norm, categories, effective_date, expiry_date, "
        "signed_by, signer_name, revoked_date FROM consents ORDER BY id",
        "SELECT username, display_name, password_hash FROM users WHERE username LIKE 'demo-%' "
        "ORDER BY username",
        "SELECT id, episode_id, level, facility, admitted_at, discharged_at, medication_needed, "
        "notes, created_at, updated_at FROM transitions ORDER BY id",
        "SELECT id, transition_id, status, scheduled_for, provider, me_notified_at, note, "
        "created_at FROM psychiatric_appointments ORDER BY id",
        "SELECT s.id, s.starts_at, s.ends_at, s.phone, s.note, u.username FROM on_call_shifts s "
        "JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id ORDER BY s.id",
    };
    std::string all;
    for (const char* sql : kQueries) {
      for (const store::Row& r : Query(sql, &database)) {
        for (std::size_t i = 0; i < r.size(); ++i) (all += r.Text(i)) += '\x1f';
        all += '\n';
      }
    }
    return app::Sha256Hex(all);
  }

  // 2026-11-18 07:33 UTC.
  app::ManualClock clock_{FromMillis(1'795'000'000'000)};
};

TEST_P(DemoPopulationTest, SameSeedGivesTheSameDataAndAnotherSeedOtherData) {
  ASSERT_TRUE(Load(db(), 7).created);
  const std::string first = Digest(db());

  // Another database, the same seed, split into other transactions: the same rows.
  TestDatabase again(GetParam());
  ASSERT_TRUE(Load(again.db(), 7, 13).created);
  EXPECT_EQ(Digest(again.db()), first);

  TestDatabase other(GetParam());
  ASSERT_TRUE(Load(other.db(), 8).created);
  EXPECT_NE(Digest(other.db()), first);
}

TEST_P(DemoPopulationTest, EveryEpisodeHasACoordinatorOfTheProgramAndCaseloadsAreRealistic) {
  const demo::PopulationResult pop = Load(db(), 1);
  ASSERT_TRUE(pop.created);
  EXPECT_EQ(pop.rows[static_cast<std::size_t>(store::PopulationTable::kParticipants)],
            kParticipants);
  // 001 §1: the accountable coordinator holds care_coordinator in the episode's program.
  EXPECT_EQ(Count("SELECT count(*) FROM episodes e WHERE NOT EXISTS (SELECT 1 FROM user_roles r "
                  "WHERE r.org_id = e.org_id AND r.user_id = e.coordinator_id AND r.program_id = "
                  "e.program_id AND r.role = 'care_coordinator')"),
            0);
  const auto caseloads = Query(
      "SELECT u.username, count(*) FROM episodes e JOIN users u ON u.org_id = e.org_id "
      "AND u.id = e.coordinator_id WHERE e.status IN ('referred', 'engaging', 'active', "
      "'transitioning') GROUP BY u.username ORDER BY u.username");
  ASSERT_GE(caseloads.size(), 2u);
  bool demo_user = false;
  for (const store::Row& r : caseloads) {
    EXPECT_GE(r.Int(1), 20) << r.Text(0);
    EXPECT_LE(r.Int(1), 60) << r.Text(0);
    if (r.Text(0) == "coordinator") {
      demo_user = true;
      EXPECT_EQ(r.Int(1), 35);
    }
  }
  EXPECT_TRUE(demo_user);
  // Every generated coordinator holds a caseload.
  EXPECT_EQ(static_cast<std::int64_t>(caseloads.size()), pop.coordinators);
  // The demo peer is on care teams (000: weekly peer contact).
  EXPECT_GT(Count("SELECT count(*) FROM care_team_members m JOIN users u ON u.org_id = "
                  "m.org_id AND u.id = m.user_id WHERE u.username = 'peer' AND m.end_date IS NULL"),
            10);
  // One open episode per participant and program (also a unique index).
  EXPECT_EQ(Count("SELECT count(*) FROM (SELECT participant_id FROM episodes WHERE status IN "
                  "('referred', 'engaging', 'active', 'transitioning') GROUP BY participant_id, "
                  "program_id HAVING count(*) > 1) x"),
            0);
}

TEST_P(DemoPopulationTest, EveryStatusAndKindOfReleaseIsPresent) {
  ASSERT_TRUE(Load(db(), 1).created);
  std::set<std::string> statuses;
  for (const store::Row& r : Query("SELECT DISTINCT status FROM episodes")) {
    statuses.insert(r.Text(0));
  }
  for (const char* s :
       {"referred", "engaging", "active", "transitioning", "closed", "refused", "unable_to_locate"})
    EXPECT_TRUE(statuses.contains(s)) << s;
  std::set<std::string> referrals;
  for (const store::Row& r : Query("SELECT DISTINCT status FROM referrals")) {
    referrals.insert(r.Text(0));
  }
  for (const char* s : {"open", "accepted", "declined", "refused"}) {
    EXPECT_TRUE(referrals.contains(s)) << s;
  }
  // Releases: some expired, some expiring within 30 days, some revoked (001 §7, 004).
  const std::string today = "'2026-11-18'", in30 = "'2026-12-18'";
  EXPECT_GT(Count("SELECT count(*) FROM consents WHERE expiry_date < " + today), 0);
  EXPECT_GT(Count("SELECT count(*) FROM consents WHERE revoked_date IS NULL AND expiry_date >= " +
                  today + " AND expiry_date <= " + in30 + " AND effective_date <= " + today),
            0);
  EXPECT_GT(Count("SELECT count(*) FROM consents WHERE revoked_date IS NOT NULL"), 0);
  // Failed attempts, refusals, warm hand-offs of accountability, addenda.
  EXPECT_GT(Count("SELECT count(*) FROM contacts WHERE successful = 0"), 0);
  EXPECT_GT(Count("SELECT count(*) FROM contacts WHERE outcome = 'refused_services'"), 0);
  EXPECT_GT(Count("SELECT count(*) FROM handoffs WHERE seq = 2"), 0);
  EXPECT_GT(Count("SELECT count(*) FROM contact_addenda"), 0);
  // No contact in the future or before its episode's referral.
  EXPECT_EQ(Count("SELECT count(*) FROM contacts c JOIN episodes e ON e.org_id = c.org_id AND "
                  "e.id = c.episode_id WHERE c.occurred_at > 1795000000000 OR c.occurred_at < "
                  "e.referral_received_at"),
            0);
}

TEST_P(DemoPopulationTest, HistoryAndHandoffsAgreeWithTheEpisode) {
  ASSERT_TRUE(Load(db(), 3).created);
  // seq 1 is the referral; the last change is the episode's status.
  EXPECT_EQ(Count("SELECT count(*) FROM episode_status_history WHERE seq = 1 AND NOT "
                  "(from_status = '' AND to_status = 'referred')"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM episodes e JOIN episode_status_history h ON h.org_id = "
                  "e.org_id AND h.episode_id = e.id WHERE h.seq = (SELECT max(seq) FROM "
                  "episode_status_history x WHERE x.org_id = e.org_id AND x.episode_id = e.id) "
                  "AND (h.to_status <> e.status OR h.changed_at <> e.status_changed_at)"),
            0);
  // Seq 1 of the hand-offs is the assignment at intake; the last one names the coordinator.
  EXPECT_EQ(Count("SELECT count(*) FROM handoffs WHERE seq = 1 AND from_user_id IS NOT NULL"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM episodes e WHERE NOT EXISTS (SELECT 1 FROM handoffs h "
                  "WHERE h.org_id = e.org_id AND h.episode_id = e.id AND h.to_user_id = "
                  "e.coordinator_id AND h.seq = (SELECT max(seq) FROM handoffs x WHERE x.org_id "
                  "= e.org_id AND x.episode_id = e.id))"),
            0);
  // The accountable coordinator is a current member of the care team of an open episode.
  EXPECT_EQ(Count("SELECT count(*) FROM episodes e WHERE e.status IN ('referred', 'engaging', "
                  "'active', 'transitioning') AND NOT EXISTS (SELECT 1 FROM care_team_members m "
                  "WHERE m.org_id = e.org_id AND m.episode_id = e.id AND m.user_id = "
                  "e.coordinator_id AND m.role = 'care_coordinator' AND m.end_date IS NULL)"),
            0);
  // Ended episodes have ended_at; open ones do not; active ones were enrolled.
  EXPECT_EQ(Count("SELECT count(*) FROM episodes WHERE (status IN ('closed', 'refused', "
                  "'unable_to_locate')) <> (ended_at IS NOT NULL)"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM episodes WHERE status IN ('active', 'transitioning') "
                  "AND enrolled_at IS NULL"),
            0);
}

// 004 / 001 §7: a contact with a natural support, provider or agency only where a release of
// the participant covered that party and every disclosed category on the contact's date.
TEST_P(DemoPopulationTest, ContactsWithOutsidePartiesAreCoveredByARelease) {
  ASSERT_TRUE(Load(db(), 1).created);
  struct Release {
    std::string related, member, name_norm, categories, effective, expiry, revoked;
  };
  std::map<std::string, std::vector<Release>> releases;
  for (const store::Row& r :
       Query("SELECT participant_id, related_person_id, care_team_member_id, party_name_norm, "
             "categories, effective_date, expiry_date, revoked_date FROM consents")) {
    releases[r.Text(0)].push_back(
        {r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  }
  const auto rows = Query(
      "SELECT participant_id, occurred_at, related_person_id, care_team_member_id, "
      "party_name, disclosed FROM contacts WHERE with_whom IN ('natural_support', "
      "'provider', 'agency')");
  ASSERT_GT(rows.size(), 20u);
  for (const store::Row& c : rows) {
    const std::int64_t at = c.Int(1);
    // Contacts happen in the daytime, when the UTC date is the program's (America/New_York).
    ASSERT_GE(at % kDayMs, 5 * 3'600'000) << at;
    const std::string day = [&] {
      const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(
          std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(at)))};
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      return std::string(buf);
    }();
    std::set<std::string> disclosed;
    std::istringstream words(c.Text(5));
    for (std::string w; words >> w;) disclosed.insert(w);
    ASSERT_FALSE(disclosed.empty());
    bool covered = false;
    for (const Release& r : releases[c.Text(0)]) {
      const bool same_party = (!r.related.empty() && r.related == c.Text(2)) ||
                              (!r.member.empty() && r.member == c.Text(3)) ||
                              r.name_norm == NormalizePersonName(c.Text(4));
      if (!same_party || day < r.effective || day > r.expiry) continue;
      if (!r.revoked.empty() && day >= r.revoked) continue;
      std::set<std::string> cats;
      std::istringstream in(r.categories);
      for (std::string w; in >> w;) cats.insert(w);
      covered = std::all_of(disclosed.begin(), disclosed.end(),
                            [&](const std::string& d) { return cats.contains(d); });
      if (covered) break;
    }
    EXPECT_TRUE(covered) << "contact on " << day << " with " << c.Text(4) << " disclosing "
                         << c.Text(5);
  }
}

TEST_P(DemoPopulationTest, LoadingTwiceKeepsThePopulationAndAuditsOnce) {
  const demo::PopulationResult first = Load(db(), 1);
  ASSERT_TRUE(first.created);
  const std::int64_t contacts = Count("SELECT count(*) FROM contacts");
  const demo::PopulationResult second = Load(db(), 2);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.existing_participants, kParticipants);
  EXPECT_EQ(Count("SELECT count(*) FROM participants"), kParticipants);
  EXPECT_EQ(Count("SELECT count(*) FROM contacts"), contacts);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_events WHERE action = 'demo.population'"), 1);
  auto verified = app::VerifyAuditChains(db());
  ASSERT_TRUE(verified);
  EXPECT_TRUE(verified->intact) << verified->problem;
}

TEST_P(DemoPopulationTest, GeneratedStaffCannotSignIn) {
  ASSERT_TRUE(Load(db(), 1).created);
  EXPECT_GT(Count("SELECT count(*) FROM users WHERE password_hash = '!disabled-demo-staff'"), 0);
  EXPECT_FALSE(app::VerifyPassword(demo::kDemoStaffPasswordHash, ""));
  EXPECT_FALSE(app::VerifyPassword(demo::kDemoStaffPasswordHash, "!disabled-demo-staff"));
}

TEST_P(DemoPopulationTest, NeedsTheDemoFirst) {
  app::AuditLog audit(db());
  demo::PopulationOptions options;
  options.participants = 10;
  auto pop = demo::LoadDemoPopulation(db(), clock_, audit, options);
  ASSERT_FALSE(pop);
  EXPECT_EQ(pop.error().code, ErrorCode::kPreconditionFailed);
}

// 001 §2: a contact schedule within the default policy's bounds (3-7 a week) and with a reason
// on most open episodes.
TEST_P(DemoPopulationTest, MostOpenEpisodesHaveAContactScheduleWithinTheBounds) {
  ASSERT_TRUE(Load(db(), 1).created);
  EXPECT_EQ(Count("SELECT count(*) FROM episodes WHERE contacts_per_week <> 0 AND "
                  "(contacts_per_week < 3 OR contacts_per_week > 7 OR schedule_reason NOT IN "
                  "('safety', 'independence', 'wishes') OR schedule_note = '')"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM episodes WHERE contacts_per_week = 0 AND "
                  "(schedule_reason <> '' OR schedule_note <> '')"),
            0);
  const std::int64_t open = Count(
      "SELECT count(*) FROM episodes WHERE status IN ('engaging', 'active', 'transitioning')");
  const std::int64_t scheduled = Count(
      "SELECT count(*) FROM episodes WHERE status IN ('engaging', 'active', "
      "'transitioning') AND contacts_per_week > 0");
  EXPECT_GT(scheduled * 10, open * 7) << scheduled << " of " << open;
  for (const char* reason : {"safety", "independence", "wishes"}) {
    EXPECT_GT(Count(std::string("SELECT count(*) FROM episodes WHERE schedule_reason = '") +
                    reason + "'"),
              0)
        << reason;
  }
}

// 001 §6 §8: stays in higher levels of care, consistent with their episodes, and the
// psychiatric appointments after discharges needing medication in every status.
TEST_P(DemoPopulationTest, TransitionsAndAppointmentsAreConsistent) {
  const demo::PopulationResult pop = Load(db(), 1);
  ASSERT_TRUE(pop.created);
  EXPECT_GT(pop.rows[static_cast<std::size_t>(store::PopulationTable::kTransitions)], 10);
  EXPECT_GT(Count("SELECT count(*) FROM transitions WHERE discharged_at IS NULL"), 0);
  EXPECT_GT(Count("SELECT count(*) FROM transitions WHERE medication_needed = 1 AND "
                  "discharged_at IS NOT NULL"),
            0);
  std::set<std::string> levels;
  for (const store::Row& r : Query("SELECT DISTINCT level FROM transitions")) {
    levels.insert(r.Text(0));
  }
  EXPECT_GE(levels.size(), 4u);
  // A discharge within the last week on an open episode: today's linkage and follow-up work.
  EXPECT_GT(Count("SELECT count(*) FROM transitions t JOIN episodes e ON e.org_id = t.org_id "
                  "AND e.id = t.episode_id WHERE e.ended_at IS NULL AND t.discharged_at > " +
                  std::to_string(1'795'000'000'000 - 7 * kDayMs)),
            0);
  // Not before the referral, not in the future, not after the episode ended.
  EXPECT_EQ(Count("SELECT count(*) FROM transitions t JOIN episodes e ON e.org_id = t.org_id "
                  "AND e.id = t.episode_id WHERE t.admitted_at < e.referral_received_at OR "
                  "t.admitted_at > 1795000000000 OR t.discharged_at > 1795000000000 OR "
                  "t.discharged_at < t.admitted_at OR t.participant_id <> e.participant_id OR "
                  "(e.ended_at IS NOT NULL AND (t.discharged_at IS NULL OR t.discharged_at > "
                  "e.ended_at))"),
            0);
  std::set<std::string> statuses;
  for (const store::Row& r : Query("SELECT DISTINCT status FROM psychiatric_appointments")) {
    statuses.insert(r.Text(0));
  }
  for (const char* s : {"scheduled", "kept", "missed", "none_available", "refused"}) {
    EXPECT_TRUE(statuses.contains(s)) << s;
  }
  // Each follows a discharge needing medication; the rules of TransitionService hold.
  EXPECT_EQ(Count("SELECT count(*) FROM psychiatric_appointments a JOIN transitions t ON "
                  "t.org_id = a.org_id AND t.id = a.transition_id WHERE t.discharged_at IS NULL "
                  "OR t.medication_needed = 0 OR a.episode_id <> t.episode_id OR "
                  "a.scheduled_for < t.discharged_at OR a.created_at > 1795000000000"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM psychiatric_appointments WHERE (status IN ('scheduled', "
                  "'kept', 'missed') AND scheduled_for IS NULL) OR (status IN ('kept', 'missed') "
                  "AND scheduled_for > 1795000000000) OR (status = 'scheduled' AND "
                  "scheduled_for <= 1795000000000) OR (me_notified_at IS NOT NULL AND status <> "
                  "'none_available') OR (status IN ('none_available', 'refused') AND note = '')"),
            0);
  EXPECT_GT(Count("SELECT count(*) FROM psychiatric_appointments WHERE status = "
                  "'none_available' AND me_notified_at IS NOT NULL"),
            0);
  // Follow-up contacts after discharges (001 §8).
  EXPECT_GT(Count("SELECT count(*) FROM contacts WHERE purposes = 'transition_follow_up' AND "
                  "successful = 1"),
            0);
}

// 001 §3 §4 §10, 002: standardized assessments scored by the real definitions, and care plans
// written after enrolment with versions, reviews and goal progress, consistent with the record.
TEST_P(DemoPopulationTest, AssessmentsAndCarePlansAreConsistent) {
  const demo::PopulationResult pop = Load(db(), 1);
  ASSERT_TRUE(pop.created);
  EXPECT_GT(pop.rows[static_cast<std::size_t>(store::PopulationTable::kAssessments)], 100);
  EXPECT_GT(pop.rows[static_cast<std::size_t>(store::PopulationTable::kCarePlans)], 20);
  std::set<std::string> instruments;
  for (const store::Row& r : Query("SELECT DISTINCT instrument_id FROM assessments")) {
    instruments.insert(r.Text(0));
  }
  for (const char* i : {"phq9", "gad7", "sdoh", "locus"}) EXPECT_TRUE(instruments.contains(i)) << i;
  // Totals match the stored answers and bands their totals (PHQ-9: 0-27).
  EXPECT_EQ(Count("SELECT count(*) FROM assessments a WHERE a.instrument_id = 'phq9' AND "
                  "a.total <> (SELECT sum(value) FROM assessment_answers x WHERE x.org_id = "
                  "a.org_id AND x.assessment_id = a.id AND x.item_id LIKE 'q%')"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM assessments WHERE instrument_id = 'phq9' AND NOT ("
                  "(band = 'minimal' AND total <= 4) OR (band = 'mild' AND total BETWEEN 5 AND 9) "
                  "OR (band = 'moderate' AND total BETWEEN 10 AND 14) OR (band = "
                  "'moderately_severe' AND total BETWEEN 15 AND 19) OR (band = 'severe' AND total "
                  ">= 20))"),
            0);
  // Every safety flag was followed by a crisis contact that same day (no stale urgent items).
  EXPECT_EQ(Count("SELECT count(*) FROM assessments a WHERE a.flags LIKE '%safety%' AND NOT "
                  "EXISTS (SELECT 1 FROM contacts c WHERE c.org_id = a.org_id AND c.episode_id = "
                  "a.episode_id AND c.purposes = 'crisis' AND c.occurred_at >= a.assessed_at AND "
                  "c.occurred_at < a.assessed_at + 86400000)"),
            0);
  // Plans: after enrolment, never in the future, the plan row at its latest version, goals
  // stored for every version.
  EXPECT_EQ(Count("SELECT count(*) FROM care_plans p JOIN episodes e ON e.org_id = p.org_id AND "
                  "e.id = p.episode_id WHERE e.enrolled_at IS NULL OR p.created_at < "
                  "e.enrolled_at OR p.updated_at > 1795000000000 OR p.participant_id <> "
                  "e.participant_id OR p.version <> (SELECT max(version) FROM care_plan_versions "
                  "v WHERE v.org_id = p.org_id AND v.plan_id = p.id)"),
            0);
  EXPECT_EQ(Count("SELECT count(*) FROM care_plan_versions v WHERE NOT EXISTS (SELECT 1 FROM "
                  "care_plan_goals g WHERE g.org_id = v.org_id AND g.plan_id = v.plan_id AND "
                  "g.version = v.version)"),
            0);
  EXPECT_GT(Count("SELECT count(*) FROM care_plan_versions WHERE agreement_method <> ''"), 0);
  EXPECT_GT(Count("SELECT count(*) FROM care_plan_reviews"), 0);
  EXPECT_GT(Count("SELECT count(*) FROM goal_progress"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM goal_progress WHERE observed_on > '2026-11-18'"), 0);
}

// 001 §2 "on call services are available 24 hours, seven days a week": now and the next two
// weeks are covered without a gap.
TEST_P(DemoPopulationTest, TheOnCallRotaCoversNowAndTheNextTwoWeeks) {
  ASSERT_TRUE(Load(db(), 1).created);
  const std::int64_t now = 1'795'000'000'000;
  std::int64_t covered = now;
  for (const store::Row& r :
       Query("SELECT starts_at, ends_at FROM on_call_shifts WHERE ends_at > " +
             std::to_string(now) + " ORDER BY starts_at")) {
    if (r.Int(0) > covered) break;
    covered = std::max(covered, r.Int(1));
  }
  EXPECT_GE(covered, now + 14 * kDayMs);
  // Every shift's person holds a role in the program; the demo coordinator takes turns.
  EXPECT_EQ(Count("SELECT count(*) FROM on_call_shifts s WHERE NOT EXISTS (SELECT 1 FROM "
                  "user_roles r WHERE r.org_id = s.org_id AND r.user_id = s.user_id AND "
                  "r.program_id = s.program_id)"),
            0);
  EXPECT_GT(Count("SELECT count(*) FROM on_call_shifts s JOIN users u ON u.org_id = s.org_id "
                  "AND u.id = s.user_id WHERE u.username = 'coordinator'"),
            0);
}

// The load ends by building the program's obligations, so the demo coordinator's worklist is
// ready: open deadlines and weekly windows, with some already overdue.
TEST_P(DemoPopulationTest, ObligationsAreBuiltAfterTheLoad) {
  const demo::PopulationResult pop = Load(db(), 1);
  ASSERT_TRUE(pop.created);
  EXPECT_GT(pop.obligations, 0);
  EXPECT_GT(pop.obligation_episodes, 0);
  EXPECT_GT(Count("SELECT count(*) FROM obligations"), 0);
  const std::string mine =
      "SELECT count(*) FROM obligations o JOIN users u ON u.org_id = o.org_id AND u.id = "
      "o.assignee_id WHERE u.username = 'coordinator' AND o.state = 'open'";
  EXPECT_GT(Count(mine), 0);
  EXPECT_GT(Count(mine + " AND o.due_at < 1795000000000 AND o.recurring = 0"), 0);
  for (const char* rule : {"psychiatric_linkage", "transition_follow_up", "early_engagement",
                           "coordinator_in_person_monthly", "peer_weekly"}) {
    EXPECT_GT(Count(std::string("SELECT count(*) FROM obligations WHERE rule_id = '") + rule + "'"),
              0)
        << rule;
  }
}

TEST(PopulationWriterSql, MultiRowInsertRepeatsTheTupleWithRenumberedPlaceholders) {
  EXPECT_EQ(store::MultiRowInsert("INSERT INTO t (a, b)\nVALUES ($1, $2)\n", 2, 3),
            "INSERT INTO t (a, b)\nVALUES ($1, $2), ($3, $4), ($5, $6)");
  EXPECT_EQ(store::MultiRowInsert("INSERT INTO t (a) VALUES ($1)", 1, 1),
            "INSERT INTO t (a) VALUES ($1)");
}

INSTANTIATE_TEST_SUITE_P(Drivers, DemoPopulationTest, ::testing::ValuesIn(DriversUnderTest()),
                         DriverTestName);

}  // namespace
}  // namespace carecoord::tests
