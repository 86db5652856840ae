// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Referrals in, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

// One row of `referrals` (0002_participant_record.sql). `documents` is the stored JSON text.
struct ReferralRecord {
  std::string org_id;
  std::string id;
  std::string program_id;
  std::string status = "open";
  std::string urgency;
  std::int64_t urgency_rank = 0;
  Instant received_at{};
  std::string source_setting;
  std::string source_org;
  std::string source_person;
  std::string source_contact;
  std::string reason;
  std::string documents = "[]";
  std::string given_name;
  std::string family_name;
  std::string birth_date;
  std::string sex = "unknown";
  std::string phone;
  std::string payer;
  std::string member_id;
  std::string preferred_language = "en";
  std::optional<std::string> participant_id;
  std::optional<std::string> episode_id;
  std::optional<Instant> decided_at;
  std::optional<std::string> decided_by;
  std::string decision_reason;
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
};

}  // namespace carecoord
