// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/policy.h"

namespace carecoord::app {

struct PolicyView {
  std::string program_id;
  std::string program_name;
  std::string time_zone;
  std::int64_t version = 0;  // 0: the built-in default
  std::string source;        // the TOML text
  std::string note;
  std::optional<std::string> changed_by_name;
  std::optional<Instant> changed_at;
  std::shared_ptr<const Policy> policy;  // parsed, for the plain-language rule list
};

struct PolicyChange {
  std::string source;  // TOML, at most 64 KiB
  std::string note;    // why, at most 1000 bytes
};

struct ReplacedPolicy {
  PolicyView policy;
  std::int64_t rebuilt_episodes = 0;
};

// A program's policy file (docs/worklists.md "Policy file"). Anyone signed in in the program
// reads it (the policy page); an administrator changes it: the text is validated
// (ParsePolicy: kInvalidArgument with line and key), stored as the next version with an audit
// event, and the program's obligations are rebuilt at once.
class PolicyService {
 public:
  PolicyService(core::Runner& runner, ObligationRefresher& refresher);

  // kNotFound for a program of another organization or one the actor holds no role in
  // (administrators and auditors see every program of their organization).
  Result<PolicyView> Get(Context& ctx, const std::string& program_id);
  // kPreconditionFailed when expected_version is not the version in force.
  Result<ReplacedPolicy> Replace(Context& ctx, const std::string& program_id,
                                 std::int64_t expected_version, const PolicyChange& change);
  // Parses without storing (the policy page's "check" button).
  Result<std::shared_ptr<const Policy>> Validate(Context& ctx, const std::string& source);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  ObligationRefresher& refresher_;
};

}  // namespace carecoord::app
