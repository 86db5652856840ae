// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/instrument.h"
#include "domain/stratification.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

struct AssessmentRecord {
  std::string org_id;
  std::string id;
  std::string participant_id;
  std::optional<std::string> episode_id;
  std::string instrument_id;
  int instrument_version = 1;
  std::string instrument_title;
  Instant assessed_at{};
  std::optional<int> total;
  std::string band;
  std::string band_label;
  std::vector<std::string> flags;
  std::vector<std::string> needs;
  std::string recommended_level;
  std::string level_source;  // "", table, assessor
  std::string level_provided;
  std::string variance_reason;
  std::string respondent;
  std::string notes;
  std::string recorded_by;
  std::string recorded_by_name;  // read only
  Instant created_at{};
  Answers answers;
};

struct TierOverrideRecord {
  std::string org_id;
  std::string id;
  std::string participant_id;
  std::string tier;
  std::string reason;
  std::string set_by;
  Instant set_at{};
};

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
