// SPDX-License-Identifier: Apache-2.0
#include "app/core/access.h"

#include <algorithm>
#include <array>
#include <vector>

namespace carecoord::app {
namespace {

std::vector<Role> RolesOf(const Actor& actor) {
  std::vector<Role> roles;
  roles.reserve(actor.roles.size());
  for (const auto& g : actor.roles) roles.push_back(g.role);
  return roles;
}

// The grant that authorizes `action`, for the audit event's role and program.
const RoleGrant* GrantFor(const Actor& actor, Action action) {
  for (const auto& g : actor.roles) {
    const std::array one = {g.role};
    if (IsAllowed(action, one, true)) return &g;
  }
  return actor.roles.empty() ? nullptr : &actor.roles.front();
}

}  // namespace

AuditRecord MakeAuditEvent(const Context& ctx, Action action, const Target& target,
                           AuditOutcome outcome, std::string reason, Instant now) {
  const PermissionRule* rule = FindRule(action);
  AuditRecord e;
  e.org_id = ctx.actor.org_id.value;
  e.occurred_at = now;
  e.actor_id = ctx.actor.user_id.value;
  e.actor_username = ctx.actor.username;
  if (const RoleGrant* g = GrantFor(ctx.actor, action)) {
    e.role = std::string(RoleName(g->role));
    e.program_id = g->program_id;
  }
  e.action = rule ? std::string(rule->name) : "unknown";
  e.resource_type = std::string(target.resource_type);
  e.resource_id = std::string(target.resource_id);
  e.participant_id = std::string(target.participant_id);
  e.outcome = outcome;
  e.reason = reason.empty() ? ctx.reason : std::move(reason);
  return e;
}

Status Authorize(Context& ctx, Action action, const Target& target, Instant now) {
  const std::vector<Role> roles = RolesOf(ctx.actor);
  if (IsAllowed(action, roles, !ctx.actor.user_id.empty())) return {};
  ctx.read_events.push_back(MakeAuditEvent(ctx, action, target, AuditOutcome::kDenied,
                                           "role does not permit action", now));
  return Fail(ErrorCode::kPermissionDenied, "Your role does not allow this action.");
}

}  // namespace carecoord::app
