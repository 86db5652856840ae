// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Stays in higher levels of care and their psychiatric appointments, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

struct AppointmentRecord {
  std::string org_id;
  std::string id;
  std::string transition_id;
  std::string episode_id;
  std::string status;
  std::optional<Instant> scheduled_for;
  std::string provider;
  std::optional<Instant> me_notified_at;
  std::string note;
  std::string recorded_by;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
};

struct TransitionRecord {
  std::string org_id;
  std::string id;
  std::string episode_id;
  std::string participant_id;
  std::string level;
  std::string facility;
  Instant admitted_at{};
  std::optional<Instant> discharged_at;
  bool medication_needed = false;
  std::string notes;
  std::string recorded_by;
  std::string recorded_by_name;  // read only
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
  std::vector<AppointmentRecord> appointments;  // read only, by scheduled_for then created_at
};

}  // namespace carecoord
