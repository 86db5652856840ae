// SPDX-License-Identifier: Apache-2.0
#include "app/core/participant_access.h"

#include <algorithm>
#include <array>

#include "domain/calendar.h"
#include "domain/ids.h"
#include "store/access_repository.h"

namespace carecoord::app {
namespace {

bool HasRole(const Actor& actor, Role role) {
  return std::ranges::any_of(actor.roles, [&](const auto& g) { return g.role == role; });
}

std::unexpected<Error> Deny(Context& ctx, Action action, const Target& target, Instant now,
                            const std::string& why) {
  ctx.read_events.push_back(MakeAuditEvent(ctx, action, target, AuditOutcome::kDenied, why, now));
  // The same answer as for a participant that does not exist: the caller learns nothing.
  return Fail(ErrorCode::kNotFound, "No such participant, or it is not on your caseload.");
}

}  // namespace

Result<std::string> ProgramToday(store::Connection& conn, const std::string& org_id,
                                 const std::string& program_id, Instant now) {
  CARECOORD_TRY(tz, store::AccessRepository(conn).ProgramTimeZone(org_id, program_id));
  if (!*tz) return Fail(ErrorCode::kNotFound, "no such program", "program_id");
  return LocalDate(now, **tz);
}

Result<std::string> ActorToday(const Context& ctx, store::Connection& conn, Instant now) {
  if (ctx.actor.roles.empty()) return LocalDate(now, "UTC");
  return ProgramToday(conn, ctx.actor.org_id.value, ctx.actor.roles.front().program_id, now);
}

VisibilityScope ScopeOf(const Context& ctx, std::string today) {
  VisibilityScope scope;
  scope.whole_organization = HasRole(ctx.actor, Role::kAuditor);
  scope.user_id = ctx.actor.user_id.value;
  for (const auto& g : ctx.actor.roles) {
    if (g.role == Role::kSupervisor) scope.supervised_programs.push_back(g.program_id);
  }
  scope.today = std::move(today);
  return scope;
}

Result<Relationship> AuthorizeParticipant(Context& ctx, store::Connection& conn, Action action,
                                          const Target& target, Instant now) {
  CARECOORD_RETURN_IF_ERROR(Authorize(ctx, action, target, now));
  if (!LooksLikeUuid(target.participant_id)) {
    return Fail(ErrorCode::kNotFound, "No such participant, or it is not on your caseload.");
  }
  CARECOORD_TRY(today, ActorToday(ctx, conn, now));
  const std::string participant(target.participant_id);
  store::AccessRepository access(conn);
  CARECOORD_TRY(rel, access.Relationship(ctx.actor.org_id.value, participant,
                                         ctx.actor.user_id.value, *today, now));
  if (!rel->participant_exists) {
    return Deny(ctx, action, target, now, "no such participant");
  }
  if (rel->accountable) return Relationship::kAccountable;
  if (rel->care_team) return Relationship::kCareTeam;
  // A relationship through a role grants only what that role itself may do: a user who is an
  // auditor in one program and a coordinator in another cannot write through the auditor role.
  const std::array supervisor = {Role::kSupervisor};
  if (HasRole(ctx.actor, Role::kSupervisor) && IsAllowed(action, supervisor, true)) {
    CARECOORD_TRY(programs, access.ProgramsOfParticipant(ctx.actor.org_id.value, participant));
    for (const std::string& program : *programs) {
      if (std::ranges::any_of(ctx.actor.roles, [&](const auto& g) {
            return g.role == Role::kSupervisor && g.program_id == program;
          })) {
        return Relationship::kSupervisor;
      }
    }
  }
  const std::array auditor = {Role::kAuditor};
  if (HasRole(ctx.actor, Role::kAuditor) && IsAllowed(action, auditor, true)) {
    return Relationship::kAuditor;
  }
  if (rel->emergency_reason) {
    // DESIGN §4: emergency access is flagged. Every event of this request carries the reason.
    if (ctx.reason.empty()) ctx.reason = "emergency access: " + *rel->emergency_reason;
    return Relationship::kEmergency;
  }
  return Deny(ctx, action, target, now, "no relationship with participant");
}

}  // namespace carecoord::app
