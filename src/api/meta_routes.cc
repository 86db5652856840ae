// SPDX-License-Identifier: Apache-2.0
// Health check and the API description.
#include <boost/json/object.hpp>

#include "api/handlers.h"
#include "api/json_output.h"
#include "api/openapi.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleHealth(Call& call) {
  if (auto st = call.services.CheckHealth(); !st) return ErrorResponse(st.error());
  return JsonResponse(200, boost::json::object{{"status", "ok"}});
}

Response HandleOpenApi(Call&) {
  Response r;
  r.SetHeader("content-type", "application/json; charset=utf-8");
  r.SetHeader("cache-control", "no-cache");
  r.body = OpenApiDocument();
  return r;
}

}  // namespace carecoord::api
