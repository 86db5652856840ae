// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/consent.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Who may see which participants, for Expiring (app::VisibilityScope in store terms).
struct ConsentScope {
  bool whole_organization = false;
  std::string user_id;
  std::vector<std::string> supervised_programs;
};

// Releases of information. Works on the caller's connection and transaction.
class ConsentRepository {
 public:
  explicit ConsentRepository(Connection& conn) : conn_(conn) {}

  Status Insert(const ConsentRecord& consent);
  Result<std::optional<ConsentRecord>> Get(const std::string& org_id, const std::string& id);
  // The participant whose release it is; nullopt when there is no such release.
  Result<std::optional<std::string>> ParticipantOf(const std::string& org_id,
                                                   const std::string& id);
  // Newest effective date first.
  Result<std::vector<ConsentRecord>> ListByParticipant(const std::string& org_id,
                                                       const std::string& participant_id);
  // Revokes when the stored version is `expected_version` and it is not revoked yet; false
  // (nothing changed) otherwise.
  Result<bool> Revoke(const std::string& org_id, const std::string& id,
                      std::int64_t expected_version, const std::string& revoked_date,
                      const std::string& revoked_by, const std::string& note, Instant now);
  // Releases in force on `today` that expire on or before `until`, of participants in `scope`,
  // soonest expiry first, at most `limit`.
  Result<std::vector<ConsentRecord>> Expiring(const std::string& org_id, const std::string& today,
                                              const std::string& until, const ConsentScope& scope,
                                              int limit);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
