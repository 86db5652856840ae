// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Contacts and their addenda, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

struct AddendumRecord {
  std::string id;
  std::string contact_id;
  std::string text;
  std::string by_user_id;
  std::string by_name;  // read only
  Instant created_at{};
};

// A contact (case note). Codes are stored as space-separated lists (disclosed, purposes).
struct ContactRecord {
  std::string org_id;
  std::string id;
  std::string episode_id;
  std::string participant_id;
  Instant occurred_at{};
  int duration_minutes = 0;
  std::string mode;
  std::string setting;
  bool successful = false;
  std::string with_whom;
  std::string party_name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::string disclosed;
  std::string by_user_id;
  std::string by_role;
  std::string purposes;
  std::string outcome;
  std::string narrative;
  std::optional<Instant> signed_at;
  std::optional<std::string> signed_by;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
  // Read only: joined names and the addenda (oldest first).
  std::string by_name;
  std::string signed_by_name;
  std::vector<AddendumRecord> addenda;
};

}  // namespace carecoord
