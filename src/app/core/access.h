// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "app/core/context.h"
#include "domain/audit_record.h"
#include "domain/error.h"
#include "domain/permissions.h"

namespace carecoord::app {

// What an access check names: the kind and id of the record acted on, and the participant it
// belongs to (empty when none).
struct Target {
  std::string_view resource_type;
  std::string_view resource_id;
  std::string_view participant_id;
};

// The one enforcement point (DESIGN §5 "Access is default-deny"). Decides with the pure
// permission table; a refusal is recorded as a denied audit event in ctx.read_events (made
// durable with the request's other events) and returned as kPermissionDenied.
Status Authorize(Context& ctx, Action action, const Target& target, Instant now);

// An audit event for `action` by ctx's actor. The role recorded is the first of the actor's
// roles that the permission table allows for the action (or their first role).
AuditRecord MakeAuditEvent(const Context& ctx, Action action, const Target& target,
                           AuditOutcome outcome, std::string reason, Instant now);

}  // namespace carecoord::app
