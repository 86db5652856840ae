// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/care_plan.h"
#include "domain/error.h"
#include "domain/obligations.h"
#include "domain/records/care_plan.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Care plans, their versions, reviews and goal progress (migration 0004). A version's document
// is stored as JSON (app/care_plan_codec.h), so this repository takes and returns the encoded
// text alongside the columns the policy engine reads. Works on the caller's connection, inside
// the caller's transaction when one is open. Errors: as Connection's (a duplicate key is
// kConflict).
class CarePlanRepository {
 public:
  explicit CarePlanRepository(Connection& conn) : conn_(conn) {}

  struct StoredVersion {
    std::int64_t version = 1;
    std::string document_json;
    std::string change_note;
    std::string created_by;
    std::string created_by_name;  // read only
    Instant created_at{};
  };

  struct StoredPlan {
    std::string org_id;
    std::string id;
    std::string participant_id;
    std::string episode_id;
    std::string program_id;  // read only
    std::int64_t version = 1;
    std::string created_by;
    Instant created_at{};
    Instant updated_at{};
    StoredVersion current;  // read only
  };

  // Inserts the plan row (version 1) and its first version.
  Status InsertPlan(const StoredPlan& plan, const StoredVersion& first,
                    const CarePlanDocument& document);
  // Appends version expected_version + 1 and moves the plan to it when the plan is at
  // expected_version; false (nothing changed) otherwise.
  Result<bool> AppendVersion(const std::string& org_id, const std::string& plan_id,
                             std::int64_t expected_version, const StoredVersion& next,
                             const CarePlanDocument& document);
  Result<std::optional<StoredPlan>> Find(const std::string& org_id, const std::string& plan_id);
  Result<std::optional<StoredPlan>> FindForEpisode(const std::string& org_id,
                                                   const std::string& episode_id);
  Result<std::vector<StoredPlan>> ListForParticipant(const std::string& org_id,
                                                     const std::string& participant_id);
  // Oldest first.
  Result<std::vector<StoredVersion>> Versions(const std::string& org_id,
                                              const std::string& plan_id);

  Status InsertReview(const std::string& org_id, const std::string& plan_id,
                      const CarePlanReviewRecord& review);
  Result<std::vector<CarePlanReviewRecord>> Reviews(const std::string& org_id,
                                                    const std::string& plan_id);

  Status InsertProgress(const GoalProgressRecord& p);
  // By observed_on, then created_at.
  Result<std::vector<GoalProgressRecord>> Progress(const std::string& org_id,
                                                   const std::string& plan_id,
                                                   const std::string& goal_id);

  // The episode's plan as the policy engine reads it (domain/obligations.h CarePlanFact).
  Result<std::optional<CarePlanFact>> LoadFact(const std::string& org_id,
                                               const std::string& episode_id);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
