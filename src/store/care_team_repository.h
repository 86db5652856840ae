// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/care_team.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Care team memberships. Works on the caller's connection and transaction. Errors: as
// Connection's.
class CareTeamRepository {
 public:
  explicit CareTeamRepository(Connection& conn) : conn_(conn) {}

  Result<std::optional<CareTeamMemberRecord>> Find(const std::string& org_id,
                                                   const std::string& id);
  // The participant of the membership's team; nullopt when there is no such membership.
  Result<std::optional<std::string>> ParticipantOf(const std::string& org_id,
                                                   const std::string& id);
  // Open-ended memberships first, then by start date.
  Result<std::vector<CareTeamMemberRecord>> ListForEpisode(const std::string& org_id,
                                                           const std::string& episode_id);
  Status Insert(const CareTeamMemberRecord& member);
  // Writes start_date, end_date, external_org, phone, email and updated_at when the stored
  // version equals member.version; false (nothing changed) otherwise.
  Result<bool> Update(const CareTeamMemberRecord& member);
  // Ends, on `today`, the internal memberships of the episode that last beyond it: those of
  // `user_id` only when given, with `role` only when given. Returns how many it ended. See
  // queries/care_team.sql "end_internal".
  Result<std::int64_t> EndInternal(const std::string& org_id, const std::string& episode_id,
                                   const std::optional<std::string>& user_id,
                                   const std::optional<std::string>& role, const std::string& today,
                                   Instant now);
  // Whether user_id holds `role` on the episode's team on `today` and after it (a membership
  // EndInternal would end).
  Result<bool> HasOngoingMembership(const std::string& org_id, const std::string& episode_id,
                                    const std::string& user_id, const std::string& role,
                                    const std::string& today);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
