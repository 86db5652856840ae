// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.h"

// Recorded assessments and risk-tier overrides, as stored.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

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

}  // namespace carecoord
