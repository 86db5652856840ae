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
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"user_id", "starts_at", "ends_at", "phone", "note"}); !st) {
    return ErrorResponse(st.error());
  }
  app::NewShift in;
  auto user = RequiredString(*body, "user_id", 100);
  if (!user) return ErrorResponse(user.error());
  in.user_id = std::move(*user);
  auto starts = RequiredInstantMember(*body, "starts_at");
  if (!starts) return ErrorResponse(starts.error());
  in.starts_at = *starts;
  auto ends = RequiredInstantMember(*body, "ends_at");
  if (!ends) return ErrorResponse(ends.error());
  in.ends_at = *ends;
  auto phone = OptionalString(*body, "phone", 40);
  if (!phone) return ErrorResponse(phone.error());
  in.phone = phone->value_or("");
  auto note = OptionalString(*body, "note", 500);
  if (!note) return ErrorResponse(note.error());
  in.note = note->value_or("");
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
