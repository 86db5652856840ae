// SPDX-License-Identifier: Apache-2.0
#include "domain/audit_record.h"

namespace carecoord {

std::string_view AuditOutcomeName(AuditOutcome outcome) {
  switch (outcome) {
    case AuditOutcome::kAllowed: return "allowed";
    case AuditOutcome::kDenied: return "denied";
    case AuditOutcome::kFailed: return "failed";
  }
  return "failed";
}

std::string CanonicalAuditBytes(const AuditRecord& r, std::string_view prev_hash) {
  std::string out;
  out.reserve(256);
  auto put = [&](std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
  };
  put("carecoord-audit-v1");
  put(prev_hash);
  put(r.org_id);
  put(std::to_string(r.seq));
  put(r.id);
  put(std::to_string(ToMillis(r.occurred_at)));
  put(r.actor_id);
  put(r.actor_username);
  put(r.role);
  put(r.program_id);
  put(r.action);
  put(r.resource_type);
  put(r.resource_id);
  put(r.participant_id);
  put(AuditOutcomeName(r.outcome));
  put(r.reason);
  return out;
}

}  // namespace carecoord
