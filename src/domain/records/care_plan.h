// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Stored care plans: the current version, earlier versions, reviews and goal progress.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

struct CarePlanReviewRecord {
  std::string id;
  std::int64_t version = 1;  // the version the review made
  std::string reviewed_on;   // YYYY-MM-DD
  std::string next_review_date;
  std::string participants;  // who took part, as written
  std::string note;
  std::string recorded_by;
  std::string recorded_by_name;  // read only
  Instant created_at{};
};

struct CarePlanVersionRecord {
  std::int64_t version = 1;
  CarePlanDocument document;
  std::string change_note;
  std::string created_by;
  std::string created_by_name;  // read only
  Instant created_at{};
  std::vector<std::string> changes;  // read only: DescribeChanges from the previous version
};

struct CarePlanRecord {
  std::string org_id;
  std::string id;
  std::string participant_id;
  std::string episode_id;
  std::string program_id;     // read only: the episode's
  std::int64_t version = 1;   // current
  CarePlanDocument document;  // of the current version
  std::string created_by;
  Instant created_at{};
  Instant updated_at{};
  std::string updated_by;                     // read only: the current version's author
  std::string updated_by_name;                // read only
  std::vector<CarePlanReviewRecord> reviews;  // read only, newest first
};

struct GoalProgressRecord {
  std::string org_id;
  std::string id;
  std::string plan_id;
  std::string goal_id;
  std::string observed_on;  // YYYY-MM-DD
  double value = 0;
  std::string note;
  std::string recorded_by;
  std::string recorded_by_name;  // read only
  Instant created_at{};
};

}  // namespace carecoord
