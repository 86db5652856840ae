// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"
#include "store/user_repository.h"

namespace carecoord::store {

struct SessionRecord {
  std::string org_id;
  std::string id;
  std::string user_id;
  std::string token_hash;
  Instant created_at{};
  Instant last_seen_at{};
  Instant absolute_expires_at{};
  std::optional<Instant> revoked_at;
};

// A session joined with what every authenticated request needs about its user.
struct SessionWithUser {
  SessionRecord session;
  std::string username;
  std::string display_name;
  bool user_disabled = false;
  bool user_locked = false;
  std::string org_name;
  std::vector<RoleGrant> roles;
};

// Sign-in sessions, found by token hash. Works on the caller's connection and transaction.
class SessionRepository {
 public:
  explicit SessionRepository(Connection& conn) : conn_(conn) {}

  Status Insert(const SessionRecord& s);
  Result<std::optional<SessionWithUser>> FindByTokenHash(const std::string& token_hash);
  Status Touch(const std::string& org_id, const std::string& id, Instant now);
  Status Revoke(const std::string& org_id, const std::string& id, Instant now);
  // Revokes all live sessions of the user except `keep_session_id` (may be empty).
  Status RevokeAllOfUser(const std::string& org_id, const std::string& user_id,
                         const std::string& keep_session_id, Instant now);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
