// SPDX-License-Identifier: Apache-2.0
#include "domain/permissions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace carecoord {
namespace {

TEST(PermissionsTest, EveryActionHasExactlyOneRuleWithAUniqueName) {
  std::set<int> actions;
  std::set<std::string_view> names;
  for (const auto& rule : PermissionTable()) {
    EXPECT_TRUE(actions.insert(static_cast<int>(rule.action)).second) << rule.name;
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    if (rule.audience == Audience::kRoles) {
      EXPECT_FALSE(rule.roles.empty()) << rule.name;
    }
  }
  EXPECT_EQ(FindRule(Action::kReadAuditLog)->name, "audit.read");
}

TEST(PermissionsTest, DefaultDenyForUnknownActionsAndAnonymousCallers) {
  EXPECT_FALSE(IsAllowed(static_cast<Action>(9999), std::array{Role::kAdmin}, true));
  EXPECT_FALSE(IsAllowed(Action::kReadOwnAccount, {}, false));
  EXPECT_FALSE(IsAllowed(Action::kListUsers, std::array{Role::kAdmin}, false));
  EXPECT_TRUE(IsAllowed(Action::kSignIn, {}, false));
}

TEST(PermissionsTest, LeastPrivilegeBetweenAdministratorsAndAuditors) {
  EXPECT_TRUE(IsAllowed(Action::kCreateUser, std::array{Role::kAdmin}, true));
  EXPECT_FALSE(IsAllowed(Action::kReadAuditLog, std::array{Role::kAdmin}, true));
  EXPECT_TRUE(IsAllowed(Action::kReadAuditLog, std::array{Role::kAuditor}, true));
  EXPECT_FALSE(IsAllowed(Action::kUpdateUser, std::array{Role::kAuditor}, true));
  EXPECT_FALSE(
      IsAllowed(Action::kListUsers, std::array{Role::kCareCoordinator, Role::kSupervisor}, true));
  // Any one granted role is enough.
  EXPECT_TRUE(
      IsAllowed(Action::kListUsers, std::array{Role::kCareCoordinator, Role::kAdmin}, true));
}

TEST(PermissionsTest, RoleGatedActionsFollowTheTable) {
  const std::vector<Action> auditor = RoleGatedActionsAllowed(std::array{Role::kAuditor});
  EXPECT_NE(std::ranges::find(auditor, Action::kReadAuditLog), auditor.end());
  EXPECT_EQ(std::ranges::find(auditor, Action::kLogContact), auditor.end());
  // Open to every signed-in user, so not listed.
  EXPECT_EQ(std::ranges::find(auditor, Action::kReadPolicy), auditor.end());
  EXPECT_TRUE(RoleGatedActionsAllowed({}).empty());
  for (Role r : kAllRoles) {
    const std::array roles{r};
    const std::vector<Action> allowed = RoleGatedActionsAllowed(roles);
    for (const auto& rule : PermissionTable()) {
      const bool listed = std::ranges::find(allowed, rule.action) != allowed.end();
      EXPECT_EQ(listed, rule.audience == Audience::kRoles && IsAllowed(rule.action, roles, true))
          << rule.name;
    }
  }
}

TEST(PermissionsTest, RoleNamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("superuser"));
  EXPECT_FALSE(ParseRole("Admin"));
}

}  // namespace
}  // namespace carecoord
