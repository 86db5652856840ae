// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_record.h"
#include "domain/error.h"
#include "domain/ids.h"
#include "domain/records/user.h"
#include "domain/time.h"

namespace carecoord::app {

// Who is acting: the signed-in user, their organization, their roles per program, and the
// session they act through. Built by AuthService::Authenticate; never from client input.
struct Actor {
  UserId user_id;
  OrgId org_id;
  std::string org_name;
  std::string username;
  std::string display_name;
  std::vector<RoleGrant> roles;
  SessionId session_id;
  Instant session_last_seen{};
  Instant session_absolute_expires{};
};

// What every use case receives: the actor, why they act (optional, e.g. an emergency-access
// reason), and the audit events of reads, which the caller makes durable (AuditLog::Submit)
// before the result leaves the process. Writes append their events inside their own
// transaction instead. Not thread-safe: one per call.
struct Context {
  Actor actor;
  std::string reason;
  std::vector<AuditRecord> read_events;
  // The request's Idempotency-Key (empty when none was sent) and a digest of what was asked
  // (method, path and body), so a retry can be told apart from a different request reusing the
  // key. See app/idempotency.h.
  std::string idempotency_key;
  std::string request_fingerprint;
};

// Empty (no key) or 1–200 printable ASCII characters; kInvalidArgument naming the header
// otherwise.
Status ValidateIdempotencyKey(std::string_view key);

}  // namespace carecoord::app
