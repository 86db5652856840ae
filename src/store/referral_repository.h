// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/referral.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Where a page of the intake queue continues: after this (rank, received_at, id).
struct QueueCursor {
  std::int64_t urgency_rank = 0;
  std::int64_t received_at_ms = 0;
  std::string id;
};

// A decision about an open referral (accept, decline, refuse).
struct ReferralDecisionRow {
  std::string status;
  std::optional<std::string> participant_id;
  std::optional<std::string> episode_id;
  Instant decided_at{};
  std::string decided_by;
  std::string reason;
};

// Referrals. Works on the caller's connection (and transaction). Errors: as Connection's.
class ReferralRepository {
 public:
  explicit ReferralRepository(Connection& conn) : conn_(conn) {}

  Status Insert(const ReferralRecord& referral);
  Result<std::optional<ReferralRecord>> Find(const std::string& org_id, const std::string& id);
  // One program's referrals in `status`, in queue order, after `after` when given.
  Result<std::vector<ReferralRecord>> Queue(const std::string& org_id,
                                            const std::string& program_id,
                                            const std::string& status,
                                            const std::optional<QueueCursor>& after,
                                            std::int64_t limit);
  // Records the decision when the referral is open at `expected_version`; false (nothing
  // changed) otherwise. The version becomes expected_version + 1.
  Result<bool> Decide(const std::string& org_id, const std::string& id,
                      std::int64_t expected_version, const ReferralDecisionRow& decision);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
