// SPDX-License-Identifier: Apache-2.0
// Releases of information (docs/participant-record.md "Releases of information").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/contact_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

Response ConsentResponse(int status, const app::ConsentView& consent) {
  Response r = JsonResponse(status, ConsentJson(consent, false));
  r.SetHeader("etag", ETagFor(consent.record.version));
  return r;
}

}  // namespace

Response HandleListConsents(Call& call) {
  auto consents = call.services.consents.List(call.ctx, call.path_params.at(0));
  if (!consents) return ErrorResponse(consents.error());
  boost::json::array items;
  for (const auto& c : *consents) items.push_back(ConsentJson(c, false));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleRecordConsent(Call& call) {
  auto recorded =
      call.services.consents.Record(call.ctx, call.path_params.at(0), ParseNewConsent(call.body));
  if (!recorded) return ErrorResponse(recorded.error());
  return ConsentResponse(201, recorded->consent);
}

Response HandleRevokeConsent(Call& call) {
  auto version = IfMatchVersion(call.request, "release");
  if (!version) return ErrorResponse(version.error());
  auto consent = call.services.consents.Revoke(call.ctx, call.path_params.at(0), *version,
                                               TextMember(call.body, "revoked_date"),
                                               TextOr(call.body, "note"));
  if (!consent) return ErrorResponse(consent.error());
  return ConsentResponse(200, *consent);
}

Response HandleListExpiringConsents(Call& call) {
  auto days = IntQueryParam(call, "days", 1, 90, 30);
  if (!days) return ErrorResponse(days.error());
  auto consents = call.services.consents.Expiring(call.ctx, *days);
  if (!consents) return ErrorResponse(consents.error());
  boost::json::array items;
  for (const auto& c : *consents) items.push_back(ConsentJson(c, true));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace carecoord::api
