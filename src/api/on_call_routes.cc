// SPDX-License-Identifier: Apache-2.0
// The 24/7 on-call rota (docs/worklists.md "On call").
#include <boost/json/object.hpp>

#include <chrono>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/obligation_json.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

// Without from/to the rota page shows the coming week.
constexpr auto kDefaultRange = std::chrono::days(7);

}  // namespace

Response HandleOnCallNow(Call& call) {
  auto now = call.services.on_call.Now(call.ctx);
  if (!now) return ErrorResponse(now.error());
  return JsonResponse(200, OnCallNowJson(*now));
}

Response HandleOnCallRota(Call& call) {
  auto from = InstantQueryParam(call, "from");
  if (!from) return ErrorResponse(from.error());
  auto to = InstantQueryParam(call, "to");
  if (!to) return ErrorResponse(to.error());
  const Instant start = from->value_or(call.services.clock().Now());
  const Instant end = to->value_or(start + kDefaultRange);
  auto rota = call.services.on_call.Rota(call.ctx, call.path_params.at(0), start, end);
  if (!rota) return ErrorResponse(rota.error());
  return JsonResponse(200, OnCallRotaJson(*rota));
}

Response HandleAddOnCallShift(Call& call) {
  const boost::json::object& body = call.body;
  app::NewShift in;
  in.user_id = TextOr(body, "user_id");
  in.starts_at = InstantMember(body, "starts_at").value_or(Instant{});  // required
  in.ends_at = InstantMember(body, "ends_at").value_or(Instant{});      // required
  in.phone = TextOr(body, "phone");
  in.note = TextOr(body, "note");
  auto shift = call.services.on_call.AddShift(call.ctx, call.path_params.at(0), in);
  if (!shift) return ErrorResponse(shift.error());
  return JsonResponse(201, OnCallShiftJson(*shift));
}

Response HandleRemoveOnCallShift(Call& call) {
  auto removed = call.services.on_call.RemoveShift(call.ctx, call.path_params.at(0));
  if (!removed) return ErrorResponse(removed.error());
  Response r;
  r.status = 204;
  return r;
}

}  // namespace carecoord::api
