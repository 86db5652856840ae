// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/instrument.h"
#include "domain/records/assessment.h"
#include "domain/stratification.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Assessments, their answers, and risk-tier overrides (migration 0004). Works on the caller's
// connection, inside the caller's transaction when one is open. Errors: as Connection's.
class AssessmentRepository {
 public:
  explicit AssessmentRepository(Connection& conn) : conn_(conn) {}

  // Inserts the assessment and its answers; recorded_by_name is ignored.
  Status Insert(const AssessmentRecord& a);
  Result<std::optional<AssessmentRecord>> Find(const std::string& org_id, const std::string& id);
  // Newest assessed_at first, with answers; only `instrument_id` when not empty.
  Result<std::vector<AssessmentRecord>> ListForParticipant(const std::string& org_id,
                                                           const std::string& participant_id,
                                                           const std::string& instrument_id);

  // Clears the override in force (if any) and, when `o.tier` is not empty, inserts `o`.
  Status ReplaceOverride(const TierOverrideRecord& o, const std::string& cleared_by,
                         Instant cleared_at);

  // What stratification reads about a participant (domain/stratification.h): every
  // assessment, every discharge of every episode, and the override in force.
  Result<StratificationFacts> LoadStratificationFacts(const std::string& org_id,
                                                      const std::string& participant_id);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
