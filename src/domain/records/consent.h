// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Releases of information, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

// A release of information. categories: codes separated by single spaces.
struct ConsentRecord {
  std::string org_id;
  std::string id;
  std::string participant_id;
  std::string party_kind;
  std::string party_name;
  std::string party_name_norm;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::string purpose;
  std::string categories;
  std::string effective_date;
  std::string expiry_date;
  std::string signed_by;
  std::string signer_name;
  std::string signed_date;
  std::optional<std::string> revoked_date;
  std::optional<std::string> revoked_by;
  std::string revocation_note;
  std::string recorded_by;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
  // Read only.
  std::string revoked_by_name;
  std::string participant_name;
};

}  // namespace carecoord
