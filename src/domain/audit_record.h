// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "domain/time.h"

namespace carecoord {

enum class AuditOutcome { kAllowed, kDenied, kFailed };

std::string_view AuditOutcomeName(AuditOutcome outcome);

// One entry of the audit log (DESIGN §4 "Audit"): who did what to which record, for which
// participant, with what outcome and why. Empty strings stand for "not applicable".
struct AuditRecord {
  std::string org_id;
  std::int64_t seq = 0;  // position in the organization's chain, assigned on append
  std::string id;
  Instant occurred_at{};
  std::string actor_id;
  std::string actor_username;
  std::string role;
  std::string program_id;
  std::string action;  // permission rule name, e.g. "user.update"
  std::string resource_type;
  std::string resource_id;
  std::string participant_id;
  AuditOutcome outcome = AuditOutcome::kAllowed;
  std::string reason;
  std::string prev_hash;
  std::string hash;
};

// The exact bytes that are hashed for `record` chained to `prev_hash`: every field, each
// length-prefixed so no two different records share an encoding. Changing any field, the
// order, or the predecessor changes the result.
std::string CanonicalAuditBytes(const AuditRecord& record, std::string_view prev_hash);

// The hash of the chain before its first event (64 zeros).
inline const std::string kAuditGenesisHash(64, '0');

}  // namespace carecoord
