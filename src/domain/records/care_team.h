// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Care team members, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

// A care team membership: an internal user (user_id) or an outside person (external_name),
// with dates (YYYY-MM-DD; end_date inclusive, absent while it lasts).
struct CareTeamMemberRecord {
  std::string org_id;
  std::string id;
  std::string episode_id;
  std::string participant_id;
  std::string role;  // domain/care_team.h wire name
  std::optional<std::string> user_id;
  std::optional<std::string> user_name;  // read only
  std::string external_name;
  std::string external_org;
  std::string phone;
  std::string email;
  std::string start_date;
  std::optional<std::string> end_date;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
};

}  // namespace carecoord
