// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

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

// Care team memberships. Works on the caller's connection and transaction. Errors: as
// Connection's.
class CareTeamRepository {
 public:
  explicit CareTeamRepository(Connection& conn) : conn_(conn) {}

  Result<std::optional<CareTeamMemberRecord>> Find(const std::string& org_id,
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
