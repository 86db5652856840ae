// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/referral.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

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

// Who may be listed (app/participant_access.h VisibilityScope as the WHERE clause needs it).
struct SearchScope {
  bool whole_organization = false;
  std::string user_id;
  std::string today;
};

struct ParticipantSearch {
  std::string name_prefix;                                   // normalized; "" for any
  std::string birth_date;                                    // "" for any
  std::string member_id;                                     // "" for any
  std::optional<std::pair<std::string, std::string>> after;  // (family_norm, id)
  std::int64_t limit = 50;
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

// Participants, their related persons and the chart's episode summaries, and the review list of
// emergency access grants. Works on the caller's connection (and transaction). Errors: as
// Connection's.
class ParticipantRepository {
 public:
  explicit ParticipantRepository(Connection& conn) : conn_(conn) {}

  Status Insert(const ParticipantRecord& participant);
  Result<std::optional<ParticipantRecord>> Find(const std::string& org_id, const std::string& id);
  // Writes every editable field when the stored version is p.version; false otherwise. The
  // version becomes p.version + 1.
  Result<bool> Update(const ParticipantRecord& p);

  // Duplicate candidates: the same date of birth, or the same non-empty member id.
  Result<std::vector<DuplicateCandidate>> Candidates(const std::string& org_id,
                                                     const std::string& birth_date,
                                                     const std::string& member_id);
  Result<std::vector<ParticipantListRow>> Search(const std::string& org_id,
                                                 const SearchScope& scope,
                                                 const ParticipantSearch& search);
  Result<std::vector<EpisodeSummaryRow>> EpisodeSummaries(const std::string& org_id,
                                                          const std::string& participant_id);

  Result<std::vector<RelatedPersonRecord>> RelatedPersons(const std::string& org_id,
                                                          const std::string& participant_id);
  Result<std::optional<RelatedPersonRecord>> FindRelated(const std::string& org_id,
                                                         const std::string& id);
  Status InsertRelated(const RelatedPersonRecord& r);
  Result<bool> UpdateRelated(const RelatedPersonRecord& r);  // as Update

  // Newest first, before (granted_at ms, id) when given.
  Result<std::vector<EmergencyGrantRow>> EmergencyGrants(
      const std::string& org_id, bool whole_organization, const std::string& user_id,
      const std::optional<std::pair<std::int64_t, std::string>>& before, std::int64_t limit);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
