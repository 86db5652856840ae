// SPDX-License-Identifier: Apache-2.0
#pragma once

// Test-only seeding for the contact and consent tests: a participant with one episode (and its
// accountable coordinator on the care team), written straight into the tables so these tests do
// not depend on the intake use cases. Header-only so it needs no build change.

#include <gtest/gtest.h>

#include <string>

#include "app/core/crypto.h"
#include "app_fixture.h"
#include "store/user_repository.h"

namespace carecoord::tests {

struct ContactSeed {
  std::string participant_id;
  std::string episode_id;
  std::string related_person_id;  // "Dana Smith", a natural support
};

class ContactFixture : public AppTest {
 protected:
  std::string UserIdOf(const std::string& username) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto u = store::UserRepository(**conn).FindByUsername(username);
    EXPECT_TRUE(u && *u) << username;
    return (u && *u) ? (*u)->id : "";
  }

  // A second user with `role` in the test program.
  void AddUser(const std::string& username, Role role) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    const Instant now = clock_.Now();
    UserRecord u;
    u.org_id = org_id_;
    u.id = app::NewId(now);
    u.username = username;
    u.display_name = "User " + username;
    u.password_hash = app::HashPassword(kPassword).value();
    u.password_changed_at = u.created_at = u.updated_at = now;
    u.roles = {{program_id_, "Test Program", role}};
    ASSERT_TRUE(store::UserRepository(**conn).Insert(u));
  }

  void Exec(store::Connection& conn, std::string_view sql, std::vector<store::Value> params) {
    auto n = conn.Execute(sql, params);
    ASSERT_TRUE(n) << n.error().message;
  }

  // A participant with an engaging episode whose referral came in `days_ago` days ago, with
  // `coordinator` accountable and on the care team.
  ContactSeed SeedEpisode(const std::string& coordinator = "care_coordinator", int days_ago = 10) {
    ContactSeed s;
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const Instant now = clock_.Now();
    const std::int64_t ms = ToMillis(now);
    const std::int64_t received = ms - std::int64_t{days_ago} * 86'400'000;
    s.participant_id = app::NewId(now);
    s.episode_id = app::NewId(now);
    s.related_person_id = app::NewId(now);
    const std::string coord = UserIdOf(coordinator);
    Exec(**conn,
         "INSERT INTO participants (org_id, id, given_name, family_name, name_norm, family_norm, "
         "birth_date, created_at, updated_at) VALUES ($1, $2, 'Alex', 'Rivera', 'alex rivera', "
         "'rivera', '1990-04-02', $3, $3)",
         {org_id_, s.participant_id, ms});
    Exec(**conn,
         "INSERT INTO related_persons (org_id, id, participant_id, name, relationship, roles, "
         "created_at, updated_at) VALUES ($1, $2, $3, 'Dana Smith', 'sibling', "
         "'natural_support', $4, $4)",
         {org_id_, s.related_person_id, s.participant_id, ms});
    Exec(**conn,
         "INSERT INTO episodes (org_id, id, participant_id, program_id, status, "
         "status_changed_at, coordinator_id, referral_received_at, started_at, created_at, "
         "updated_at) VALUES ($1, $2, $3, $4, 'engaging', $5, $6, $7, $5, $5, $5)",
         {org_id_, s.episode_id, s.participant_id, program_id_, ms, coord, received});
    AddToCareTeam(s, coordinator, "care_coordinator");
    return s;
  }

  void AddToCareTeam(const ContactSeed& s, const std::string& username, const std::string& role) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    const Instant now = clock_.Now();
    Exec(**conn,
         "INSERT INTO care_team_members (org_id, id, episode_id, participant_id, role, user_id, "
         "start_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, '2026-01-01', $7, "
         "$7)",
         {org_id_, app::NewId(now), s.episode_id, s.participant_id, role, UserIdOf(username),
          ToMillis(now)});
  }

  std::int64_t CountRows(std::string_view table_sql, const std::string& id) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const store::Value params[] = {id};
    auto row = (*conn)->QueryOne(table_sql, params);
    EXPECT_TRUE(row) << (row ? "" : row.error().message);
    return row ? row->Int(0) : -1;
  }
};

}  // namespace carecoord::tests
