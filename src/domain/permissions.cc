// SPDX-License-Identifier: Apache-2.0
#include "domain/permissions.h"

#include <algorithm>
#include <array>

namespace carecoord {
namespace {

constexpr std::array kAdminOnly = {Role::kAdmin};
constexpr std::array kAuditorOnly = {Role::kAuditor};
// Intake takes referrals and assigns the accountable coordinator; peers do not.
constexpr std::array kIntake = {Role::kSupervisor, Role::kCareCoordinator, Role::kNurseCareManager};
// Reading a participant's record: the clinical roles and auditors (read only).
constexpr std::array kRecordReaders = {Role::kSupervisor, Role::kCareCoordinator,
                                       Role::kPeerSupport, Role::kNurseCareManager, Role::kAuditor};
// Writing what happened with a participant: contacts, notes, demographics, natural supports.
constexpr std::array kRecordWriters = {Role::kSupervisor, Role::kCareCoordinator,
                                       Role::kPeerSupport, Role::kNurseCareManager};
// Decisions about the episode itself: status, accountability, the care team, releases.
constexpr std::array kCoordination = {Role::kSupervisor, Role::kCareCoordinator,
                                      Role::kNurseCareManager};
// Oversight of emergency access: supervisors (shown to them, issue 3) and auditors.
constexpr std::array kOversight = {Role::kSupervisor, Role::kAuditor};
// Program-level compliance figures (no participant names): supervisors, the administrators who
// report to funders, auditors.
constexpr std::array kProgramOversight = {Role::kAdmin, Role::kSupervisor, Role::kAuditor};
// The on-call rota is planned by supervisors and administrators.
constexpr std::array kRota = {Role::kAdmin, Role::kSupervisor};
// 002: "the level of care coordination ... is determined by a stratification model"; a
// supervisor may set a participant's tier aside, with a reason.
constexpr std::array kSupervisorOnly = {Role::kSupervisor};

// DESIGN §4 "Access": least privilege. Administrators manage accounts but do not read the
// audit log; auditors read it and nothing else (they cannot erase their own traces by
// managing accounts).
constexpr std::array<PermissionRule, 60> kTable = {{
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
    {Action::kListReferrals, "referral.list", Audience::kRoles, kIntake},
    {Action::kCreateReferral, "referral.create", Audience::kRoles, kIntake},
    {Action::kReadReferral, "referral.read", Audience::kRoles, kIntake},
    {Action::kMatchParticipants, "participant.match", Audience::kRoles, kIntake},
    {Action::kAcceptReferral, "referral.accept", Audience::kRoles, kIntake},
    {Action::kDeclineReferral, "referral.decline", Audience::kRoles, kIntake},
    {Action::kRecordReferralRefusal, "referral.refuse", Audience::kRoles, kIntake},
    {Action::kSearchParticipants, "participant.search", Audience::kRoles, kRecordReaders},
    {Action::kReadParticipant, "participant.read", Audience::kRoles, kRecordReaders},
    {Action::kUpdateParticipant, "participant.update", Audience::kRoles, kRecordWriters},
    {Action::kWriteRelatedPerson, "related_person.write", Audience::kRoles, kRecordWriters},
    {Action::kRequestEmergencyAccess, "participant.emergency_access", Audience::kRoles,
     kRecordWriters},
    {Action::kListEmergencyAccess, "emergency_access.list", Audience::kRoles, kOversight},
    {Action::kListStaff, "staff.list", Audience::kRoles, kRecordWriters},
    {Action::kReadEpisode, "episode.read", Audience::kRoles, kRecordReaders},
    {Action::kChangeEpisodeStatus, "episode.change_status", Audience::kRoles, kCoordination},
    {Action::kTransferEpisode, "episode.transfer", Audience::kRoles, kCoordination},
    {Action::kReadCareTeam, "care_team.read", Audience::kRoles, kRecordReaders},
    {Action::kWriteCareTeam, "care_team.write", Audience::kRoles, kCoordination},
    {Action::kListContacts, "contact.list", Audience::kRoles, kRecordReaders},
    {Action::kLogContact, "contact.create", Audience::kRoles, kRecordWriters},
    {Action::kEditContact, "contact.update", Audience::kRoles, kRecordWriters},
    {Action::kSignContact, "contact.sign", Audience::kRoles, kRecordWriters},
    {Action::kAddContactAddendum, "contact.addendum", Audience::kRoles, kRecordWriters},
    {Action::kListConsents, "consent.list", Audience::kRoles, kRecordReaders},
    {Action::kRecordConsent, "consent.create", Audience::kRoles, kCoordination},
    {Action::kRevokeConsent, "consent.revoke", Audience::kRoles, kCoordination},
    {Action::kListExpiringConsents, "consent.list_expiring", Audience::kRoles, kRecordReaders},
    {Action::kReadWorklist, "worklist.read", Audience::kRoles, kRecordWriters},
    {Action::kReadObligations, "obligation.read", Audience::kRoles, kRecordReaders},
    {Action::kReadProgramDashboard, "dashboard.read", Audience::kRoles, kProgramOversight},
    {Action::kReadPolicy, "policy.read", Audience::kSignedIn, {}},
    {Action::kChangePolicy, "policy.change", Audience::kRoles, kAdminOnly},
    {Action::kRebuildObligations, "obligation.rebuild", Audience::kRoles, kAdminOnly},
    {Action::kListTransitions, "transition.list", Audience::kRoles, kRecordReaders},
    {Action::kRecordTransition, "transition.record", Audience::kRoles, kRecordWriters},
    {Action::kSetContactSchedule, "episode.set_contact_schedule", Audience::kRoles, kCoordination},
    {Action::kReadOnCall, "on_call.read", Audience::kSignedIn, {}},
    {Action::kManageOnCall, "on_call.manage", Audience::kRoles, kRota},
    {Action::kListInstruments, "instrument.list", Audience::kRoles, kRecordReaders},
    {Action::kListAssessments, "assessment.list", Audience::kRoles, kRecordReaders},
    {Action::kRecordAssessment, "assessment.record", Audience::kRoles, kRecordWriters},
    {Action::kReadRiskTier, "risk_tier.read", Audience::kRoles, kRecordReaders},
    {Action::kOverrideRiskTier, "risk_tier.override", Audience::kRoles, kSupervisorOnly},
    {Action::kReadCarePlan, "care_plan.read", Audience::kRoles, kRecordReaders},
    // 001 §4: the plan is written with the participant; peers help write it.
    {Action::kWriteCarePlan, "care_plan.write", Audience::kRoles, kRecordWriters},
    {Action::kReviewCarePlan, "care_plan.review", Audience::kRoles, kCoordination},
    {Action::kRecordGoalProgress, "goal_progress.record", Audience::kRoles, kRecordWriters},
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

std::vector<Action> RoleGatedActionsAllowed(std::span<const Role> roles) {
  std::vector<Action> out;
  for (const auto& rule : kTable) {
    if (rule.audience == Audience::kRoles && IsAllowed(rule.action, roles, true))
      out.push_back(rule.action);
  }
  return out;
}

}  // namespace carecoord
