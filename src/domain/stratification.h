// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/policy.h"
#include "domain/time.h"

namespace carecoord {

// Risk stratification (002: "the level of care coordination required to implement the care
// plan ... is determined by a stratification model"): the program policy's tiers (policy.h
// RiskTier) applied to what the record says. Pure and clock-free, like the policy engine: only
// facts that occurred and were recorded by `as_of` count.

// One assessment as stratification needs it (store/assessment_repository loads them).
struct AssessmentFact {
  std::string id;
  std::string instrument;        // "phq9"
  std::string instrument_title;  // "PHQ-9", for reasons
  Instant assessed_at;
  Instant recorded_at;
  std::optional<int> total;
  std::string band;  // "" when the instrument has none
  std::string band_label;
  std::vector<std::string> flags;  // raised flags ("safety")
  std::vector<std::string> needs;  // identified needs ("housing_instability")
  std::string recommended_level;   // level-of-care instruments; a decimal code
};

struct DischargeFact {
  std::string transition_id;
  std::string level;  // kTransitionLevels
  Instant discharged_at;
  Instant recorded_at;
};

struct TierOverrideFact {
  std::string id;
  std::string tier;
  std::string reason;
  std::string set_by;       // user id
  std::string set_by_name;  // for display
  Instant set_at;
};

// Everything stratification reads about one participant, over all their episodes.
struct StratificationFacts {
  std::vector<AssessmentFact> assessments;   // by assessed_at
  std::vector<DischargeFact> discharges;     // by discharged_at
  std::optional<TierOverrideFact> override;  // the one in force (newest not cleared)
};

struct TierReason {
  std::string text;       // "PHQ-9 severe (24) on 3 Nov 2026"
  std::string source;     // "assessment", "transition", "override"
  std::string source_id;  // the assessment or transition id
};

struct TierResult {
  std::string tier;  // in force: the override's when there is one, else computed ("" when the
                     // policy has no tiers)
  std::string title;
  std::string computed_tier;  // from the rules alone
  std::string computed_title;
  std::vector<TierReason> reasons;  // why the computed tier (every condition that holds in it)
  std::optional<TierOverrideFact> override;
  ContactScheduleBounds schedule;  // the bounds of the tier in force
};

// The participant's tier as of `as_of`: the first tier (highest first) any of whose conditions
// holds, its reasons, and the override in force (an override naming a tier the policy no longer
// has is ignored). Latest assessment per instrument counts ("latest" by assessed_at); a
// discharge counts for `days` days (24 h each) after discharged_at. Reasons date their facts in
// UTC ("PHQ-9 Severe (22) on 20 Nov 2026"): a participant's assessments are theirs across
// programs, so no program's time zone applies. For kLevelAtLeast the latest recommended level
// among the listed instruments counts (a newer, lower level supersedes an older one); for kFlag
// and kNeed, the latest assessment of each instrument.
TierResult StratifyParticipant(const Policy& policy, const StratificationFacts& facts,
                               Instant as_of);

}  // namespace carecoord
