// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/role.h"
#include "domain/time.h"

// Users, their role grants and the programs they work in, as read from the store.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

struct RoleGrant {
  std::string program_id;
  std::string program_name;
  Role role = Role::kCareCoordinator;
};

struct UserRecord {
  std::string org_id;
  std::string id;
  std::string username;
  std::string display_name;
  std::string password_hash;
  bool disabled = false;
  int failed_logins = 0;
  std::optional<Instant> locked_at;
  Instant password_changed_at{};
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
  std::vector<RoleGrant> roles;
};

struct ProgramRecord {
  std::string id;
  std::string name;
  std::string time_zone;
};

}  // namespace carecoord
