// SPDX-License-Identifier: Apache-2.0
// Account administration: validation, conflicts, optimistic concurrency, isolation, access.
#include "app_fixture.h"

namespace carecoord::tests {
namespace {

class UserServiceTest : public AppTest {
 protected:
  app::NewUser Valid(const std::string& username) {
    return {username, "New Person", "a long enough password", {{program_id_, "peer_support"}}};
  }
};

TEST_P(UserServiceTest, AdminCreatesAUserWhoCanSignIn) {
  app::Context admin = ContextFor("admin");
  auto created = services_->users.Create(admin, Valid("New.Person"));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->username, "new.person");
  EXPECT_EQ(created->version, 1);
  ASSERT_EQ(created->roles.size(), 1u);
  EXPECT_EQ(created->roles[0].program_name, "Test Program");
  EXPECT_TRUE(services_->auth.SignIn("new.person", "a long enough password"));
}

TEST_P(UserServiceTest, ProgramsMayBeNamedByName) {
  app::Context admin = ContextFor("admin");
  auto in = Valid("by.name");
  in.roles = {{"Test Program", "auditor"}};
  auto created = services_->users.Create(admin, in);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->roles[0].program_id, program_id_);
}

TEST_P(UserServiceTest, InvalidInputIsRejectedNamingTheFieldAndNothingIsSaved) {
  app::Context admin = ContextFor("admin");
  struct Case {
    std::function<void(app::NewUser&)> mutate;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](app::NewUser& u) { u.username = "x"; }, "username"},
      {[](app::NewUser& u) { u.display_name = " "; }, "display_name"},
      {[](app::NewUser& u) { u.password = "short"; }, "password"},
      {[](app::NewUser& u) { u.roles[0].role = "superuser"; }, "roles"},
      {[](app::NewUser& u) { u.roles[0].program_id = "no such program"; }, "roles"},
      {[&](app::NewUser& u) {
         u.roles.push_back({program_id_, "auditor"});
       },
       "roles"},
  };
  for (const Case& c : cases) {
    app::NewUser in = Valid("rejected.user");
    c.mutate(in);
    auto r = services_->users.Create(admin, in);
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  auto users = services_->users.List(admin);
  ASSERT_TRUE(users);
  EXPECT_EQ(users->size(), kAllRoles.size());
}

TEST_P(UserServiceTest, DuplicateUsernameIsAConflict) {
  app::Context admin = ContextFor("admin");
  auto r = services_->users.Create(admin, Valid("AUDITOR"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().field, "username");
}

TEST_P(UserServiceTest, StaleVersionGetsPreconditionFailedAndChangesNothing) {
  app::Context admin = ContextFor("admin");
  auto created = services_->users.Create(admin, Valid("versioned"));
  ASSERT_TRUE(created);
  app::UserChanges rename;
  rename.display_name = "First Edit";
  auto first = services_->users.Update(admin, created->id, created->version, rename);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->version, created->version + 1);
  rename.display_name = "Second Edit From A Stale Screen";
  auto second = services_->users.Update(admin, created->id, created->version, rename);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kPreconditionFailed);
  auto now = services_->users.Get(admin, created->id);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->display_name, "First Edit");
}

TEST_P(UserServiceTest, DisablingSignsTheUserOut) {
  auto victim = SignIn("peer_support");
  app::Context admin = ContextFor("admin");
  auto view = services_->users.Get(admin, victim.actor.user_id.value);
  ASSERT_TRUE(view);
  app::UserChanges disable;
  disable.disabled = true;
  ASSERT_TRUE(services_->users.Update(admin, view->id, view->version, disable));
  EXPECT_FALSE(services_->auth.Authenticate(victim.token));
  auto again = services_->auth.SignIn("peer_support", kPassword);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kUnauthenticated);
}

TEST_P(UserServiceTest, AdminsCannotDisableThemselves) {
  app::Context admin = ContextFor("admin");
  app::UserChanges disable;
  disable.disabled = true;
  auto r = services_->users.Update(admin, admin.actor.user_id.value, 1, disable);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "disabled");
}

TEST_P(UserServiceTest, OtherOrganizationsAreInvisible) {
  AddOtherOrganization("other.admin");
  app::Context other = ContextFor("other.admin");
  auto users = services_->users.List(other);
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 1u);
  app::Context admin = ContextFor("admin");
  auto r = services_->users.Get(other, admin.actor.user_id.value);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_P(UserServiceTest, NonAdminsAreDeniedAndTheDenialIsAudited) {
  for (Role role : kAllRoles) {
    if (role == Role::kAdmin) continue;
    app::Context ctx = ContextFor(std::string(RoleName(role)));
    auto r = services_->users.Create(ctx, Valid("should.not.exist"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
    ASSERT_EQ(ctx.read_events.size(), 1u);
    EXPECT_EQ(ctx.read_events[0].outcome, AuditOutcome::kDenied);
    EXPECT_EQ(ctx.read_events[0].action, "user.create");
  }
}

INSTANTIATE_TEST_SUITE_P(Drivers, UserServiceTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
