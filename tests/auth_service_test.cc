// SPDX-License-Identifier: Apache-2.0
// Sign-in, lock-out, session expiry, sign-out and password change, on every driver.
#include <algorithm>

#include "app_fixture.h"

namespace carecoord::tests {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

class AuthTest : public AppTest {};

TEST_P(AuthTest, SignInIssuesATokenThatAuthenticates) {
  auto signed_in = SignIn("Care_Coordinator");  // usernames are case-insensitive
  EXPECT_EQ(signed_in.token.size(), 43u);       // 256 bits, base64url
  auto actor = services_->auth.Authenticate(signed_in.token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->username, "care_coordinator");
  ASSERT_EQ(actor->roles.size(), 1u);
  EXPECT_EQ(actor->roles[0].role, Role::kCareCoordinator);
  EXPECT_EQ(actor->roles[0].program_name, "Test Program");
  EXPECT_EQ(actor->org_name, "Test Org");
}

TEST_P(AuthTest, UnknownUserAndWrongPasswordLookTheSame) {
  auto unknown = services_->auth.SignIn("nobody", kPassword);
  auto wrong = services_->auth.SignIn("auditor", "not the password");
  ASSERT_FALSE(unknown);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
}

TEST_P(AuthTest, MissingFieldsAreNamed) {
  EXPECT_EQ(services_->auth.SignIn("", kPassword).error().field, "username");
  EXPECT_EQ(services_->auth.SignIn("admin", "").error().field, "password");
}

TEST_P(AuthTest, FifthFailureInARowLocksUntilAnAdministratorUnlocks) {
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(services_->auth.SignIn("peer_support", "wrong").error().code,
              ErrorCode::kUnauthenticated);
  SignIn("peer_support");  // a success resets the count
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(services_->auth.SignIn("peer_support", "wrong").error().code,
              ErrorCode::kUnauthenticated);
  auto locked = services_->auth.SignIn("peer_support", kPassword);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kLocked);

  app::Context admin = ContextFor("admin");
  auto users = services_->users.List(admin);
  ASSERT_TRUE(users);
  const auto it = std::ranges::find(*users, std::string("peer_support"), &app::UserView::username);
  ASSERT_NE(it, users->end());
  EXPECT_TRUE(it->locked);
  app::UserChanges unlock;
  unlock.unlock = true;
  auto updated = services_->users.Update(admin, it->id, it->version, unlock);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_FALSE(updated->locked);
  SignIn("peer_support");
}

TEST_P(AuthTest, SessionsExpireWhenIdleExactlyAtTheLimit) {
  auto s = SignIn("supervisor");
  clock_.Advance(minutes(30) - milliseconds(1));
  EXPECT_TRUE(services_->auth.Authenticate(s.token));  // touches last-seen
  clock_.Advance(minutes(30) - milliseconds(1));
  EXPECT_TRUE(services_->auth.Authenticate(s.token));
  clock_.Advance(minutes(30));
  auto expired = services_->auth.Authenticate(s.token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
}

TEST_P(AuthTest, SessionsEndAtTheAbsoluteLimitHoweverActive) {
  auto s = SignIn("nurse_care_manager");
  for (int i = 0; i < 12 * 3 - 1; ++i) {
    clock_.Advance(minutes(20));
    ASSERT_TRUE(services_->auth.Authenticate(s.token)) << i;
  }
  clock_.Advance(minutes(20));  // 12 h exactly
  EXPECT_FALSE(services_->auth.Authenticate(s.token));
}

TEST_P(AuthTest, SignOutRevokesTheSession) {
  auto s = SignIn("admin");
  app::Context ctx;
  ctx.actor = s.actor;
  ASSERT_TRUE(services_->auth.SignOut(ctx));
  EXPECT_FALSE(services_->auth.Authenticate(s.token));
}

TEST_P(AuthTest, BadTokensAreRejected) {
  EXPECT_FALSE(services_->auth.Authenticate(""));
  EXPECT_FALSE(services_->auth.Authenticate("not-a-token"));
  EXPECT_FALSE(services_->auth.Authenticate(std::string(4096, 'a')));
}

TEST_P(AuthTest, CsrfTokenBelongsToItsSession) {
  auto a = SignIn("admin");
  auto b = SignIn("auditor");
  EXPECT_TRUE(app::AuthService::CsrfMatches(a.token, a.csrf_token));
  EXPECT_FALSE(app::AuthService::CsrfMatches(a.token, b.csrf_token));
  EXPECT_FALSE(app::AuthService::CsrfMatches(a.token, ""));
}

TEST_P(AuthTest, WrongCurrentPasswordChangesNothing) {
  auto s = SignIn("auditor");
  app::Context ctx;
  ctx.actor = s.actor;
  auto st = services_->auth.ChangePassword(ctx, "not it at all", "a brand new passphrase");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "current_password");
  SignIn("auditor");
  auto short_pw = services_->auth.ChangePassword(ctx, kPassword, "short");
  ASSERT_FALSE(short_pw);
  EXPECT_EQ(short_pw.error().field, "new_password");
}

TEST_P(AuthTest, PasswordChangeRevokesOtherSessions) {
  auto first = SignIn("auditor");
  auto second = SignIn("auditor");
  app::Context ctx;
  ctx.actor = second.actor;
  ASSERT_TRUE(services_->auth.ChangePassword(ctx, kPassword, "a brand new passphrase"));
  EXPECT_FALSE(services_->auth.Authenticate(first.token));
  EXPECT_TRUE(services_->auth.Authenticate(second.token));
  EXPECT_FALSE(services_->auth.SignIn("auditor", kPassword));
  SignIn("auditor", "a brand new passphrase");
}

INSTANTIATE_TEST_SUITE_P(Drivers, AuthTest, ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
