// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Participants, the people around them, and the rows of participant lists, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

// One row of `participants` (FHIR Patient). name_norm / family_norm are
// NormalizePersonName of the whole name and of the family name; the caller sets them.
struct ParticipantRecord {
  std::string org_id;
  std::string id;
  std::string given_name;
  std::string family_name;
  std::string preferred_name;
  std::string name_norm;
  std::string family_norm;
  std::string birth_date;
  std::string sex = "unknown";
  std::string gender_identity;
  std::string pronouns;
  std::string phone;
  std::string email;
  std::string preferred_contact_method;
  std::string preferred_contact_times;
  std::string address_line;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string living_situation;
  std::string preferred_language = "en";
  bool interpreter_needed = false;
  std::string cultural_considerations;
  std::string advance_directive;
  std::string health_care_proxy;
  std::string payer;
  std::string member_id;
  std::string primary_care_provider;
  std::string school_name;
  std::string school_grade;
  std::string education_plan;
  std::string family_notes;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
};

// FHIR RelatedPerson. `roles` holds codes separated by single spaces, as stored.
struct RelatedPersonRecord {
  std::string org_id;
  std::string id;
  std::string participant_id;
  std::string name;
  std::string relationship;
  std::string roles;
  std::string phone;
  std::string email;
  std::string notes;
  bool active = true;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
};

struct EpisodeSummaryRow {
  std::string id;
  std::string program_id;
  std::string program_name;
  std::string status;
  std::string coordinator_id;
  std::string coordinator_name;
  Instant started_at{};
  std::optional<Instant> enrolled_at;
  std::optional<Instant> ended_at;
};

struct ParticipantListRow {
  std::string id;
  std::string given_name;
  std::string family_name;
  std::string preferred_name;
  std::string birth_date;
  std::string member_id;
  std::string family_norm;  // the paging key, with id
  std::optional<std::string> episode_status;
  std::optional<std::string> coordinator_name;
};

struct EmergencyGrantRow {
  std::string id;
  std::string user_id;
  std::string user_name;
  std::string participant_id;
  std::string participant_name;
  std::string reason;
  Instant granted_at{};
  Instant expires_at{};
};

}  // namespace carecoord
