// SPDX-License-Identifier: Apache-2.0
// A program's policy file: reading it, replacing it, checking a draft (docs/worklists.md
// "Policy"). A malformed file answers 400 with `errors` naming line and key
// (PolicyErrorResponse).
#include <boost/json/object.hpp>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/obligation_json.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleGetPolicy(Call& call) {
  auto policy = call.services.policy.Get(call.ctx, call.path_params.at(0));
  if (!policy) return ErrorResponse(policy.error());
  return PolicyResponse(200, PolicyJson(*policy), policy->version);
}

Response HandleReplacePolicy(Call& call) {
  // Version 0 is the built-in default a program starts with; replacing it is a real edit.
  auto version = IfMatchVersion(call.request, "policy", 0);
  if (!version) return ErrorResponse(version.error());
  app::PolicyChange change;
  change.source = TextOr(call.body, "source");
  change.note = TextOr(call.body, "note");
  auto replaced = call.services.policy.Replace(call.ctx, call.path_params.at(0), *version, change);
  if (!replaced) return PolicyErrorResponse(replaced.error());
  boost::json::object out = PolicyJson(replaced->policy);
  out["rebuilt_episodes"] = replaced->rebuilt_episodes;
  return PolicyResponse(200, out, replaced->policy.version);
}

Response HandleValidatePolicy(Call& call) {
  auto policy = call.services.policy.Validate(call.ctx, TextOr(call.body, "source"));
  if (!policy) return PolicyErrorResponse(policy.error());
  if (*policy == nullptr) return ProblemResponse(500, "Something went wrong on our side.");
  boost::json::object out = PolicyRulesJson(**policy);
  out["valid"] = true;
  return JsonResponse(200, out);
}

}  // namespace carecoord::api
