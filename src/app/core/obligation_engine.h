// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "domain/error.h"
#include "domain/policy.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::app {

// A program's policy in force: the parsed rules and the stored version (0 = the built-in
// default, policies/default.toml).
struct PolicyInForce {
  std::int64_t version = 0;
  std::shared_ptr<const Policy> policy;  // shared: handed to concurrent evaluations
};

// The policies of all programs, parsed once per version. Reading the version in force is one
// indexed query, so a change made by another process (the CLI) is seen at the next write.
// Thread-safe.
class PolicyCache {
 public:
  PolicyCache() = default;
  PolicyCache(const PolicyCache&) = delete;
  PolicyCache& operator=(const PolicyCache&) = delete;

  Result<PolicyInForce> InForce(store::Connection& conn, const std::string& org_id,
                                const std::string& program_id);
  // The policy that was in force at `at` (the highest version stored by then), for evaluations
  // as of a past instant. A version other than the current one is parsed on each call (audits
  // of the past are rare; the cache keeps the current version only).
  Result<PolicyInForce> InForceAt(store::Connection& conn, const std::string& org_id,
                                  const std::string& program_id, Instant at);

 private:
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, PolicyInForce> parsed_;
};

// Keeps the obligations table equal to EvaluateEpisode for every episode: each use case that
// changes what an episode's obligations depend on (contacts, status, accountability, care team,
// releases, transitions and appointments, the contact schedule) calls Refresh inside its own
// write transaction, so the worklist changes in the same commit as the record
// (docs/worklists.md "Materialised").
class ObligationRefresher {
 public:
  explicit ObligationRefresher(PolicyCache& policies) : policies_(policies) {}
  ObligationRefresher(const ObligationRefresher&) = delete;
  ObligationRefresher& operator=(const ObligationRefresher&) = delete;

  // Loads the episode's facts on `conn`, evaluates them as of `now` and replaces its stored
  // obligations (only those RetainedInTable). Call inside the caller's transaction.
  Status RefreshEpisode(store::Connection& conn, const std::string& org_id,
                        const std::string& episode_id, Instant now);
  // Every episode of the participant (a release belongs to the participant, not an episode).
  Status RefreshParticipant(store::Connection& conn, const std::string& org_id,
                            const std::string& participant_id, Instant now);

  PolicyCache& policies() { return policies_; }

 private:
  PolicyCache& policies_;
};

struct RebuildCounts {
  std::int64_t episodes = 0;
  std::int64_t obligations = 0;
};

// Re-evaluates every episode of the program as of `now` and replaces its stored obligations:
// `threads` evaluators (0: hardware threads) read facts in episode order on their own
// connections while one writer stores the results in batches. No access check and no audit
// event: ObligationService::Rebuild, PolicyService::Replace and `carecoord obligations rebuild`
// do those.
Result<RebuildCounts> RebuildProgramObligations(store::Database& db, PolicyCache& policies,
                                                const std::string& org_id,
                                                const std::string& program_id, Instant now,
                                                int threads);

}  // namespace carecoord::app
