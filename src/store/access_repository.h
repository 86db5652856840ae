// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// What links a user to a participant, for app/participant_access.h.
struct RelationshipFacts {
  bool participant_exists = false;
  bool accountable = false;  // coordinator_id of one of the participant's episodes
  bool care_team = false;    // internal care team member on `today`
  std::optional<std::string> emergency_reason;  // an unexpired emergency grant
};

struct EmergencyGrant {
  std::string org_id;
  std::string id;
  std::string user_id;
  std::string participant_id;
  std::string reason;
  Instant granted_at{};
  Instant expires_at{};
};

// Reads behind access decisions, and the emergency access grants. Works on the caller's
// connection (and transaction). Errors: as Connection's.
class AccessRepository {
 public:
  explicit AccessRepository(Connection& conn) : conn_(conn) {}

  Result<RelationshipFacts> Relationship(const std::string& org_id,
                                         const std::string& participant_id,
                                         const std::string& user_id, const std::string& today,
                                         Instant now);
  Result<std::vector<std::string>> ProgramsOfParticipant(const std::string& org_id,
                                                         const std::string& participant_id);
  // nullopt for an unknown program.
  Result<std::optional<std::string>> ProgramTimeZone(const std::string& org_id,
                                                     const std::string& program_id);
  Status InsertEmergencyGrant(const EmergencyGrant& grant);

 private:
  Connection& conn_;
};

struct IdempotencyRecord {
  std::string fingerprint;
  std::string resource_type;
  std::string resource_id;
};

// Idempotency keys (app/idempotency.h). Insert fails with kConflict when the key exists.
class IdempotencyRepository {
 public:
  explicit IdempotencyRepository(Connection& conn) : conn_(conn) {}
  Result<std::optional<IdempotencyRecord>> Find(const std::string& org_id,
                                                const std::string& user_id, const std::string& key);
  Status Insert(const std::string& org_id, const std::string& user_id, const std::string& key,
                const IdempotencyRecord& record, Instant now);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
