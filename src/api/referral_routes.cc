// SPDX-License-Identifier: Apache-2.0
// Referrals in and intake (docs/participant-record.md "Referrals and intake").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "api/referral_json.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

Response ReferralResponse(int status, const app::ReferralView& view) {
  Response r = JsonResponse(status, ReferralJson(view));
  r.SetHeader("etag", ETagFor(view.referral.version));
  return r;
}

Response HandleDecision(Call& call, ReferralDecision decision) {
  auto version = IfMatchVersion(call.request, "referral");
  if (!version) return ErrorResponse(version.error());
  auto view = call.services.referrals.Decide(call.ctx, call.path_params.at(0), *version, decision,
                                             TextOr(call.body, "reason"));
  if (!view) return ErrorResponse(view.error());
  return ReferralResponse(200, *view);
}

}  // namespace

Response HandleListReferrals(Call& call) {
  app::ReferralQuery query;
  if (auto status = call.Query("status")) query.status = std::string(*status);
  query.program_id = QueryText(call, "program_id");
  query.cursor = QueryText(call, "cursor");
  auto limit = LimitParam(call);
  if (!limit) return ErrorResponse(limit.error());
  query.limit = *limit;
  auto page = call.services.referrals.List(call.ctx, query);
  if (!page) return ErrorResponse(page.error());
  boost::json::array items;
  for (const auto& v : page->items) items.push_back(ReferralJson(v));
  return JsonResponse(200, PageJson(std::move(items), page->next_cursor));
}

Response HandleCreateReferral(Call& call) {
  auto view = call.services.referrals.Create(call.ctx, ParseNewReferral(call.body));
  if (!view) return ErrorResponse(view.error());
  Response r = ReferralResponse(201, *view);
  r.SetHeader("location", "/api/v1/referrals/" + view->referral.id);
  return r;
}

Response HandleReferralDuplicates(Call& call) {
  PersonKey person;
  person.given_name = QueryText(call, "given_name");
  person.family_name = QueryText(call, "family_name");
  person.birth_date = QueryText(call, "birth_date");
  person.member_id = QueryText(call, "member_id");
  auto found = call.services.referrals.Duplicates(call.ctx, person);
  if (!found) return ErrorResponse(found.error());
  boost::json::array items;
  for (const auto& d : *found) items.push_back(DuplicateJson(d));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleGetReferral(Call& call) {
  auto view = call.services.referrals.Get(call.ctx, call.path_params.at(0));
  if (!view) return ErrorResponse(view.error());
  return ReferralResponse(200, *view);
}

Response HandleAcceptReferral(Call& call) {
  auto version = IfMatchVersion(call.request, "referral");
  if (!version) return ErrorResponse(version.error());
  app::AcceptReferral in;
  in.coordinator_id = TextOr(call.body, "coordinator_id");
  in.participant_id = TextOr(call.body, "participant_id");
  in.note = TextOr(call.body, "note");
  auto accepted = call.services.referrals.Accept(call.ctx, call.path_params.at(0), *version, in);
  if (!accepted) return ErrorResponse(accepted.error());
  Response r = JsonResponse(200, boost::json::object{{"referral", ReferralJson(accepted->referral)},
                                                     {"participant_id", accepted->participant_id},
                                                     {"episode_id", accepted->episode_id}});
  r.SetHeader("etag", ETagFor(accepted->referral.referral.version));
  return r;
}

Response HandleDeclineReferral(Call& call) {
  return HandleDecision(call, ReferralDecision::kDecline);
}

Response HandleRefuseReferral(Call& call) {
  return HandleDecision(call, ReferralDecision::kRefuse);
}

}  // namespace carecoord::api
