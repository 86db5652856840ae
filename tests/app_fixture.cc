// SPDX-License-Identifier: Apache-2.0
#include "app_fixture.h"

#include "app/core/crypto.h"
#include "store/org_repository.h"
#include "store/user_repository.h"

namespace carecoord::tests {
namespace {

// argon2id is slow on purpose; hash the shared test password once per process.
const std::string& PasswordHash() {
  static const std::string kHash = app::HashPassword(kPassword).value();
  return kHash;
}

void InsertUser(store::Connection& conn, const std::string& org_id, const std::string& program_id,
                const std::string& program_name, const std::string& username, Role role,
                Instant now) {
  UserRecord u;
  u.org_id = org_id;
  u.id = app::NewId(now);
  u.username = username;
  u.display_name = "User " + username;
  u.password_hash = PasswordHash();
  u.password_changed_at = u.created_at = u.updated_at = now;
  u.roles = {{program_id, program_name, role}};
  ASSERT_TRUE(store::UserRepository(conn).Insert(u));
}

}  // namespace

void AppTest::SetUp() {
  runner_ = std::make_unique<app::core::Runner>(db(), clock_);
  services_ = std::make_unique<app::Services>(*runner_);
  auto conn = db().Acquire();
  ASSERT_TRUE(conn);
  const Instant now = clock_.Now();
  org_id_ = app::NewId(now);
  program_id_ = app::NewId(now);
  store::OrgRepository orgs(**conn);
  ASSERT_TRUE(orgs.InsertOrg(org_id_, "Test Org", now));
  ASSERT_TRUE(orgs.InsertProgram(org_id_, program_id_, "Test Program", "America/New_York", now));
  for (Role role : kAllRoles) {
    InsertUser(**conn, org_id_, program_id_, "Test Program", std::string(RoleName(role)), role,
               now);
  }
}

app::SignInResult AppTest::SignIn(const std::string& username, const std::string& password) {
  auto r = services_->auth.SignIn(username, password);
  EXPECT_TRUE(r) << username << ": " << (r ? "" : r.error().message);
  return r ? *r : app::SignInResult{};
}

app::Context AppTest::ContextFor(const std::string& username) {
  app::Context ctx;
  ctx.actor = SignIn(username).actor;
  return ctx;
}

std::string AppTest::AddOtherOrganization(const std::string& admin_username) {
  auto conn = db().Acquire();
  EXPECT_TRUE(conn);
  const Instant now = clock_.Now();
  const std::string org = app::NewId(now), program = app::NewId(now);
  store::OrgRepository orgs(**conn);
  EXPECT_TRUE(orgs.InsertOrg(org, "Other Org", now));
  EXPECT_TRUE(orgs.InsertProgram(org, program, "Other Program", "America/Chicago", now));
  InsertUser(**conn, org, program, "Other Program", admin_username, Role::kAdmin, now);
  return org;
}

std::string AddTestProgram(store::Database& db, const std::string& org_id, const std::string& name,
                           Instant now) {
  auto conn = db.Acquire();
  EXPECT_TRUE(conn);
  const std::string id = app::NewId(now);
  EXPECT_TRUE(
      store::OrgRepository(**conn).InsertProgram(org_id, id, name, "America/New_York", now));
  return id;
}

std::string AddTestUser(store::Database& db, const std::string& org_id,
                        const std::string& program_id, const std::string& username, Role role,
                        Instant now) {
  auto conn = db.Acquire();
  EXPECT_TRUE(conn);
  InsertUser(**conn, org_id, program_id, "", username, role, now);
  auto user = store::UserRepository(**conn).FindByUsername(username);
  EXPECT_TRUE(user && *user);
  return user && *user ? (*user)->id : std::string();
}

}  // namespace carecoord::tests
