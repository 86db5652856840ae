// SPDX-License-Identifier: Apache-2.0
// Person-centered care plans: versions, reviews and goal progress (docs/assessments.md "Care
// plans").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

#include "api/care_plan_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

// A stale edit changes nothing (DESIGN §4 "Nothing lost"); the 412 carries the plan as it is
// now in `current` (and its ETag), so the editor can show what the other person saved beside
// what they typed and re-apply their edit on top. Any other error renders as usual.
Response CarePlanWriteError(Call& call, const Error& error) {
  Response problem = ErrorResponse(error);
  if (error.code != ErrorCode::kPreconditionFailed) return problem;
  auto current =
      call.services.care_plans.Get(call.ctx, call.path_params.at(0), call.path_params.at(1));
  if (!current) return problem;
  problem.SetHeader("etag", ETagFor(current->version));
  return WithProblemMember(std::move(problem), "current", CarePlanJson(*current));
}

}  // namespace

Response HandleListCarePlans(Call& call) {
  auto plans = call.services.care_plans.List(call.ctx, call.path_params.at(0));
  if (!plans) return ErrorResponse(plans.error());
  boost::json::array items;
  for (const auto& p : *plans) items.push_back(CarePlanJson(p));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleCreateCarePlan(Call& call) {
  auto in = ParseNewCarePlan(call.body);
  if (!in) return ErrorResponse(in.error());
  auto created = call.services.care_plans.Create(call.ctx, call.path_params.at(0), *in);
  if (!created) return ErrorResponse(UnderDocument(created.error()));
  return CarePlanResponse(201, created->plan);
}

Response HandleGetCarePlan(Call& call) {
  auto plan =
      call.services.care_plans.Get(call.ctx, call.path_params.at(0), call.path_params.at(1));
  if (!plan) return ErrorResponse(plan.error());
  return CarePlanResponse(200, *plan);
}

Response HandleUpdateCarePlan(Call& call) {
  auto version = IfMatchVersion(call.request, "care plan");
  if (!version) return ErrorResponse(version.error());
  auto change = ParseCarePlanChange(call.body);
  if (!change) return ErrorResponse(change.error());
  auto plan =
      call.services.care_plans.Update(call.ctx, call.path_params.at(0), call.path_params.at(1),
                                      *version, change->document, change->change_note);
  if (!plan) return CarePlanWriteError(call, UnderDocument(plan.error()));
  return CarePlanResponse(200, *plan);
}

Response HandleListCarePlanVersions(Call& call) {
  auto versions =
      call.services.care_plans.Versions(call.ctx, call.path_params.at(0), call.path_params.at(1));
  if (!versions) return ErrorResponse(versions.error());
  boost::json::array items;
  for (const auto& v : *versions) items.push_back(CarePlanVersionJson(v));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleGetCarePlanVersion(Call& call) {
  const std::string& text = call.path_params.at(2);
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  // Versions count from 1; anything else names no version of the plan.
  if (ec != std::errc() || end != text.data() + text.size() || number < 1) {
    return ProblemResponse(404, "no such version of the care plan");
  }
  auto version = call.services.care_plans.Version(call.ctx, call.path_params.at(0),
                                                  call.path_params.at(1), number);
  if (!version) return ErrorResponse(version.error());
  return JsonResponse(200, CarePlanVersionJson(*version));
}

Response HandleReviewCarePlan(Call& call) {
  auto version = IfMatchVersion(call.request, "care plan");
  if (!version) return ErrorResponse(version.error());
  auto plan = call.services.care_plans.RecordReview(call.ctx, call.path_params.at(0),
                                                    call.path_params.at(1), *version,
                                                    ParseCarePlanReview(call.body));
  if (!plan) return CarePlanWriteError(call, plan.error());
  return CarePlanResponse(201, *plan);
}

Response HandleListGoalProgress(Call& call) {
  auto progress = call.services.care_plans.ListProgress(
      call.ctx, call.path_params.at(0), call.path_params.at(1), call.path_params.at(2));
  if (!progress) return ErrorResponse(progress.error());
  boost::json::array items;
  for (const auto& p : *progress) items.push_back(GoalProgressJson(p));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleRecordGoalProgress(Call& call) {
  auto progress = call.services.care_plans.RecordProgress(
      call.ctx, call.path_params.at(0), call.path_params.at(1), call.path_params.at(2),
      ParseGoalProgress(call.body));
  if (!progress) return ErrorResponse(progress.error());
  return JsonResponse(201, GoalProgressJson(*progress));
}

}  // namespace carecoord::api
