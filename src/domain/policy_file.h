// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "domain/error.h"
#include "domain/policy.h"

namespace carecoord {

// The policy file: TOML an administrator can read (format in docs/worklists.md "Policy file";
// policies/default.toml encodes the guidance and is what every program starts with).

// Parses and validates a policy. Any problem is kInvalidArgument whose message names the line
// and the key ("line 12, rule 'warm_handoff', key 'within_hours': must be 1–8760"), with
// members `line` (as text) and `key` so the API can render them; unknown keys are errors too
// (a misspelt key must not silently change nothing). A rule that starts from records this
// version does not keep (staffing) may be present but not enabled. Risk tiers ([[tier]]) are
// checked too: unique ids, conditions by kind, the last tier (and only it) without conditions.
Result<Policy> ParsePolicy(std::string_view toml_text);

// The text of policies/default.toml, embedded at build time.
std::string_view DefaultPolicyText();

}  // namespace carecoord
