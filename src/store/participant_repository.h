// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/participant.h"
#include "domain/referral.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

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
  // The participant a related person belongs to; nullopt when there is no such related person.
  Result<std::optional<std::string>> ParticipantOfRelated(const std::string& org_id,
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
