// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "domain/role.h"

namespace carecoord {

// Everything a caller can ask carecoord to do. Each API route names exactly one action; the
// permission table (permissions.cc) says which roles may perform it. Adding a route means
// adding an action and its rule here — the route-table test fails otherwise.
enum class Action {
  kHealthCheck,
  kReadApiDescription,
  kSignIn,
  kSignOut,
  kReadOwnAccount,
  kChangeOwnPassword,
  kListPrograms,
  kListUsers,
  kReadUser,
  kCreateUser,
  kUpdateUser,
  kReadAuditLog,
  // The participant record (issue 3). Roles say who may attempt these at all; whether the
  // caller may see the particular participant is decided by app/participant_access.h.
  kListReferrals,
  kCreateReferral,
  kReadReferral,
  kMatchParticipants,
  kAcceptReferral,
  kDeclineReferral,
  kRecordReferralRefusal,
  kSearchParticipants,
  kReadParticipant,
  kUpdateParticipant,
  kWriteRelatedPerson,
  kRequestEmergencyAccess,
  kListEmergencyAccess,
  kListStaff,
  kReadEpisode,
  kChangeEpisodeStatus,
  kTransferEpisode,
  kReadCareTeam,
  kWriteCareTeam,
  kListContacts,
  kLogContact,
  kEditContact,
  kSignContact,
  kAddContactAddendum,
  kListConsents,
  kRecordConsent,
  kRevokeConsent,
  kListExpiringConsents,
  // Policy, obligations, transitions and on call (issue 4; docs/worklists.md).
  kReadWorklist,
  kReadObligations,
  kReadProgramDashboard,
  kReadPolicy,
  kChangePolicy,
  kRebuildObligations,
  kListTransitions,
  kRecordTransition,
  kSetContactSchedule,
  kReadOnCall,
  kManageOnCall,
  // Assessments, risk tiers and care plans (issue 5; docs/assessments.md).
  kListInstruments,
  kListAssessments,
  kRecordAssessment,
  kReadRiskTier,
  kOverrideRiskTier,
  kReadCarePlan,
  kWriteCarePlan,
  kReviewCarePlan,
  kRecordGoalProgress,
};

// Who may attempt an action at all, before any role is considered.
enum class Audience {
  kAnyone,    // no session needed (health check, sign-in, API description)
  kSignedIn,  // any signed-in user, whatever the role (own account)
  kRoles,     // only the roles listed in the rule
};

struct PermissionRule {
  Action action;
  std::string_view name;  // stable name, used in audit events: "user.create"
  Audience audience;
  std::span<const Role> roles;  // for Audience::kRoles
};

// The permission table: one rule per action. Default-deny: an action without a rule, or a role
// not listed, is refused.
std::span<const PermissionRule> PermissionTable();

// The rule for `action`, or nullptr when the table has none (a programming error the
// route-table test catches).
const PermissionRule* FindRule(Action action);

// Pure access decision over the permission table: may a user holding `roles` (in any program
// of their organization) perform `action`? Unknown actions are denied.
bool IsAllowed(Action action, std::span<const Role> roles, bool signed_in);

// The role-gated actions (Audience::kRoles) that any of `roles` permits, in table order. GET
// /me lists them per program by rule name, so clients hide what would be refused without a
// copy of the table. Actions for anyone or every signed-in user are not listed.
std::vector<Action> RoleGatedActionsAllowed(std::span<const Role> roles);

}  // namespace carecoord
