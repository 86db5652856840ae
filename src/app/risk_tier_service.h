// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/stratification.h"

namespace carecoord::app {

struct ParticipantTier {
  TierResult tier;
  std::string program_id;  // whose policy decided it
  int policy_version = 0;
  std::vector<std::string> tier_ids;  // the policy's tiers, highest first (for pickers)
  std::vector<std::string> tier_titles;
};

// A participant's risk tier (docs/assessments.md "Risk tiers"): the policy of the program of
// their open episode (the most recently started one when several are open; the latest episode
// when none is) applied to their assessments and discharges now (domain StratifyParticipant).
// A supervisor of that program may override it with a reason; the override is audited and
// re-evaluates the participant's obligations (the tier sets the contact schedule bounds).
class RiskTierService {
 public:
  RiskTierService(core::Runner& runner, PolicyCache& policies, ObligationRefresher& refresher);

  // kNotFound for a participant without episodes (no program, so no policy).
  Result<ParticipantTier> Get(Context& ctx, const std::string& participant_id);
  // `tier` one of the policy's tier ids (kInvalidArgument "tier" otherwise), or nullopt to clear
  // the override; `reason` required (1–1000 bytes). Supervisors only (the role table) — and of
  // the deciding program (kPermissionDenied otherwise).
  Result<ParticipantTier> Override(Context& ctx, const std::string& participant_id,
                                   const std::optional<std::string>& tier,
                                   const std::string& reason);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  PolicyCache& policies_;
  ObligationRefresher& refresher_;
};

}  // namespace carecoord::app
