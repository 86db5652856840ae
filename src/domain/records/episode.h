// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Episodes of care coordination with their status history and hand-offs, as read from the store.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

// An episode of care coordination (FHIR EpisodeOfCare), with the names a screen shows.
// program_name and coordinator_name are read, never written.
struct EpisodeRecord {
  std::string org_id;
  std::string id;
  std::string participant_id;
  std::string program_id;
  std::string program_name;
  std::optional<std::string> referral_id;
  std::string status;  // domain/episode_status.h wire name
  std::string status_reason;
  Instant status_changed_at{};
  std::string coordinator_id;  // the one accountable coordinator (001 §1)
  std::string coordinator_name;
  Instant referral_received_at{};
  Instant started_at{};
  std::optional<Instant> enrolled_at;
  std::optional<Instant> ended_at;
  int contacts_per_week = 0;  // 0: not set (the policy's default applies)
  std::string schedule_reason;
  std::string schedule_note;
  std::string time_zone;  // the program's (read only)
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
};

// One row of episode_status_history; from_status is "" for the first status.
struct StatusChangeRecord {
  std::int64_t seq = 0;
  std::string from_status;
  std::string to_status;
  std::string reason;
  Instant changed_at{};
  std::string changed_by;
  std::string changed_by_name;  // read only
};

// One row of handoffs: seq 1 is the assignment at intake (no from_user_id).
struct HandoffRecord {
  std::int64_t seq = 0;  // assigned by InsertHandoff
  std::optional<std::string> from_user_id;
  std::optional<std::string> from_name;  // read only
  std::string to_user_id;
  std::string to_name;  // read only
  Instant occurred_at{};
  bool face_to_face = false;
  std::string note;
  std::string recorded_by;
  Instant recorded_at{};
};

// An episode with its histories, oldest entry first.
struct EpisodeDetail {
  EpisodeRecord episode;
  std::vector<StatusChangeRecord> status_history;
  std::vector<HandoffRecord> handoffs;
};

}  // namespace carecoord
