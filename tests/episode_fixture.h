// SPDX-License-Identifier: Apache-2.0
#pragma once

// Test-only seeding for the episode and care team tests: a participant with an episode, its
// status history, the first hand-off and the coordinator's care team membership, written through
// EpisodeRepository / CareTeamRepository (the participant row with plain SQL) so these tests do
// not depend on the intake use cases. Header-only so it needs no build change.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/core/crypto.h"
#include "app_fixture.h"
#include "domain/calendar.h"
#include "store/care_team_repository.h"
#include "store/episode_repository.h"
#include "store/user_repository.h"

namespace carecoord::tests {

struct SeededEpisode {
  std::string participant_id;
  std::string episode_id;
};

class EpisodeFixture : public AppTest {
 protected:
  std::string UserIdOf(const std::string& username) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto u = store::UserRepository(**conn).FindByUsername(username);
    EXPECT_TRUE(u && *u) << username;
    return (u && *u) ? (*u)->id : "";
  }

  // Another user with `role` in the test program (signs in with kPassword).
  std::string AddUser(const std::string& username, Role role) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const Instant now = clock_.Now();
    UserRecord u;
    u.org_id = org_id_;
    u.id = app::NewId(now);
    u.username = username;
    u.display_name = "User " + username;
    u.password_hash = app::HashPassword(kPassword).value();
    u.password_changed_at = u.created_at = u.updated_at = now;
    u.roles = {{program_id_, "Test Program", role}};
    EXPECT_TRUE(store::UserRepository(**conn).Insert(u));
    return u.id;
  }

  std::string Today() { return LocalDate(clock_.Now(), "America/New_York").value(); }

  // A participant with an episode in the test program: `status` (engaging by default; a
  // terminal status gets ended_at), `coordinator` accountable (hand-off seq 1) and on the care
  // team since the start. `participant_id` reuses a participant (a second episode).
  SeededEpisode SeedEpisode(const std::string& coordinator = "care_coordinator",
                            const std::string& status = "engaging", int days_ago = 10,
                            const std::string& participant_id = "") {
    SeededEpisode s;
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const Instant now = clock_.Now();
    const Instant started = now - std::chrono::days(days_ago);
    s.participant_id = participant_id.empty() ? app::NewId(now) : participant_id;
    if (participant_id.empty()) {
      const std::vector<store::Value> p = {org_id_, s.participant_id, ToMillis(now)};
      auto n = (*conn)->Execute(
          "INSERT INTO participants (org_id, id, given_name, family_name, name_norm, family_norm,"
          " birth_date, created_at, updated_at) VALUES ($1, $2, 'Jordan', 'Example',"
          " 'jordan example', 'example', '1990-04-02', $3, $3)",
          p);
      EXPECT_TRUE(n) << (n ? "" : n.error().message);
    }
    const std::string coordinator_id = UserIdOf(coordinator);
    EpisodeRecord e;
    e.org_id = org_id_;
    e.id = app::NewId(now);
    e.participant_id = s.participant_id;
    e.program_id = program_id_;
    e.status = status;
    e.status_changed_at = started;
    e.coordinator_id = coordinator_id;
    e.referral_received_at = e.started_at = e.created_at = e.updated_at = started;
    if (status == "active") e.enrolled_at = started;
    const bool ended = status == "closed" || status == "declined" || status == "refused" ||
                       status == "unable_to_locate";
    if (ended) e.ended_at = now;
    store::EpisodeRepository episodes(**conn);
    EXPECT_TRUE(episodes.Insert(e));
    s.episode_id = e.id;
    StatusChangeRecord first;
    first.to_status = "referred";
    first.changed_at = started;
    first.changed_by = coordinator_id;
    EXPECT_TRUE(episodes.InsertStatusChange(org_id_, e.id, first));
    if (status != "referred") {
      StatusChangeRecord next = first;
      next.from_status = "referred";
      next.to_status = status;
      EXPECT_TRUE(episodes.InsertStatusChange(org_id_, e.id, next));
    }
    HandoffRecord h;
    h.to_user_id = coordinator_id;
    h.occurred_at = h.recorded_at = started;
    h.recorded_by = coordinator_id;
    EXPECT_TRUE(episodes.InsertHandoff(org_id_, e.id, h));
    CareTeamMemberRecord m;
    m.org_id = org_id_;
    m.id = app::NewId(now);
    m.episode_id = e.id;
    m.participant_id = s.participant_id;
    m.role = "care_coordinator";
    m.user_id = coordinator_id;
    m.start_date = LocalDate(started, "America/New_York").value();
    if (ended) m.end_date = Today();
    m.created_at = m.updated_at = started;
    EXPECT_TRUE(store::CareTeamRepository(**conn).Insert(m));
    return s;
  }

  std::int64_t VersionOf(const std::string& episode_id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto e = store::EpisodeRepository(**conn).Find(org_id_, episode_id);
    EXPECT_TRUE(e && *e);
    return (e && *e) ? (*e)->version : 0;
  }

  std::vector<CareTeamMemberRecord> TeamOf(const std::string& episode_id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto team = store::CareTeamRepository(**conn).ListForEpisode(org_id_, episode_id);
    EXPECT_TRUE(team);
    return team ? *team : std::vector<CareTeamMemberRecord>{};
  }

  // How many audit events of `action` ("episode.transfer") name `resource_id`.
  std::int64_t AuditCount(const std::string& action, const std::string& resource_id,
                          const std::string& outcome = "allowed") {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const std::vector<store::Value> p = {action, resource_id, outcome};
    auto row = (*conn)->QueryOne(
        "SELECT COUNT(*) FROM audit_events WHERE action = $1 AND resource_id = $2"
        " AND outcome = $3",
        p);
    EXPECT_TRUE(row) << (row ? "" : row.error().message);
    return row ? row->Int(0) : -1;
  }
};

}  // namespace carecoord::tests
