// SPDX-License-Identifier: Apache-2.0
#include "domain/permissions.h"

#include <algorithm>
#include <array>

namespace carecoord {
namespace {

constexpr std::array kAdminOnly = {Role::kAdmin};
constexpr std::array kAuditorOnly = {Role::kAuditor};

// DESIGN §4 "Access": least privilege. Administrators manage accounts but do not read the
// audit log; auditors read it and nothing else (they cannot erase their own traces by
// managing accounts).
constexpr std::array<PermissionRule, 12> kTable = {{
    {Action::kHealthCheck, "health.check", Audience::kAnyone, {}},
    {Action::kReadApiDescription, "api.describe", Audience::kAnyone, {}},
    {Action::kSignIn, "session.create", Audience::kAnyone, {}},
    {Action::kSignOut, "session.revoke", Audience::kSignedIn, {}},
    {Action::kReadOwnAccount, "account.read", Audience::kSignedIn, {}},
    {Action::kChangeOwnPassword, "account.change_password", Audience::kSignedIn, {}},
    {Action::kListPrograms, "program.list", Audience::kRoles, kAdminOnly},
    {Action::kListUsers, "user.list", Audience::kRoles, kAdminOnly},
    {Action::kReadUser, "user.read", Audience::kRoles, kAdminOnly},
    {Action::kCreateUser, "user.create", Audience::kRoles, kAdminOnly},
    {Action::kUpdateUser, "user.update", Audience::kRoles, kAdminOnly},
    {Action::kReadAuditLog, "audit.read", Audience::kRoles, kAuditorOnly},
}};

}  // namespace

std::span<const PermissionRule> PermissionTable() {
  return kTable;
}

const PermissionRule* FindRule(Action action) {
  for (const auto& rule : kTable) {
    if (rule.action == action) return &rule;
  }
  return nullptr;
}

bool IsAllowed(Action action, std::span<const Role> roles, bool signed_in) {
  const PermissionRule* rule = FindRule(action);
  if (rule == nullptr) return false;
  switch (rule->audience) {
    case Audience::kAnyone: return true;
    case Audience::kSignedIn: return signed_in;
    case Audience::kRoles:
      return signed_in && std::ranges::any_of(roles, [&](Role r) {
               return std::ranges::find(rule->roles, r) != rule->roles.end();
             });
  }
  return false;
}

}  // namespace carecoord
