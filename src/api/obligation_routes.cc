// SPDX-License-Identifier: Apache-2.0
// Worklists, an episode's obligations, the supervisor dashboard and compliance history
// (docs/worklists.md "API").
#include <boost/json/object.hpp>

#include "api/contact_json.h"
#include "api/handlers.h"
#include "api/json_output.h"
#include "api/obligation_json.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleWorklist(Call& call) {
  auto worklist = call.services.obligations.WorklistFor(call.ctx);
  if (!worklist) return ErrorResponse(worklist.error());
  return JsonResponse(200, WorklistJson(*worklist));
}

Response HandleEpisodeObligations(Call& call) {
  auto as_of = InstantQueryParam(call, "as_of");
  if (!as_of) return ErrorResponse(as_of.error());
  auto obligations = call.services.obligations.ForEpisode(call.ctx, call.path_params.at(0), *as_of);
  if (!obligations) return ErrorResponse(obligations.error());
  return JsonResponse(200, EpisodeObligationsJson(*obligations));
}

Response HandleProgramDashboard(Call& call) {
  std::optional<std::string> month;
  if (auto text = call.Query("month")) {
    // The shape (YYYY-MM) is the use case's to check; the length bound keeps the message short.
    if (text->size() > 16) return ProblemResponse(400, "month must be YYYY-MM", "month");
    month.emplace(*text);
  }
  auto dashboard = call.services.obligations.Dashboard(call.ctx, call.path_params.at(0), month);
  if (!dashboard) return ErrorResponse(dashboard.error());
  return JsonResponse(200, DashboardJson(*dashboard));
}

Response HandleProgramCompliance(Call& call) {
  auto months = IntQueryParam(call, "months", 1, 24, 6);
  if (!months) return ErrorResponse(months.error());
  const std::string& program_id = call.path_params.at(0);
  auto history = call.services.obligations.ComplianceHistory(call.ctx, program_id, *months);
  if (!history) return ErrorResponse(history.error());
  return JsonResponse(200, ComplianceJson(program_id, *history));
}

}  // namespace carecoord::api
