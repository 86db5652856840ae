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
namespace {

constexpr std::size_t kMaxSource = 64 * 1024;  // app::PolicyChange
constexpr std::size_t kMaxNote = 1000;

}  // namespace

Response HandleGetPolicy(Call& call) {
  auto policy = call.services.policy.Get(call.ctx, call.path_params.at(0));
  if (!policy) return ErrorResponse(policy.error());
  return PolicyResponse(200, PolicyJson(*policy), policy->version);
}

Response HandleReplacePolicy(Call& call) {
  // Version 0 is the built-in default a program starts with; replacing it is a real edit.
  auto version = IfMatchVersion(call.request, "policy", 0);
  if (!version) return ErrorResponse(version.error());
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"source", "note"}); !st) return ErrorResponse(st.error());
  app::PolicyChange change;
  auto source = RequiredString(*body, "source", kMaxSource);
  if (!source) return ErrorResponse(source.error());
  change.source = std::move(*source);
  auto note = OptionalString(*body, "note", kMaxNote);
  if (!note) return ErrorResponse(note.error());
  change.note = note->value_or("");
  auto replaced = call.services.policy.Replace(call.ctx, call.path_params.at(0), *version, change);
  if (!replaced) return PolicyErrorResponse(replaced.error());
  boost::json::object out = PolicyJson(replaced->policy);
  out["rebuilt_episodes"] = replaced->rebuilt_episodes;
  return PolicyResponse(200, out, replaced->policy.version);
}

Response HandleValidatePolicy(Call& call) {
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"source"}); !st) return ErrorResponse(st.error());
  auto source = RequiredString(*body, "source", kMaxSource);
  if (!source) return ErrorResponse(source.error());
  auto policy = call.services.policy.Validate(call.ctx, *source);
  if (!policy) return PolicyErrorResponse(policy.error());
  if (*policy == nullptr) return ProblemResponse(500, "Something went wrong on our side.");
  boost::json::object out = PolicyRulesJson(**policy);
  out["valid"] = true;
  return JsonResponse(200, out);
}

}  // namespace carecoord::api
