// SPDX-License-Identifier: Apache-2.0
// Instruments, assessments and risk tiers (docs/assessments.md "Assessments", "Risk tiers").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/assessment_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleListInstruments(Call& call) {
  auto instruments = call.services.assessments.ListInstruments(call.ctx);
  if (!instruments) return ErrorResponse(instruments.error());
  const app::InstrumentCatalog& catalog = call.services.assessments.Catalog();
  boost::json::array items;
  for (const Instrument& i : **instruments)
    items.push_back(InstrumentJson(i, catalog.TableFor(i.id)));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleGetInstrument(Call& call) {
  auto instrument = call.services.assessments.GetInstrument(call.ctx, call.path_params.at(0));
  if (!instrument) return ErrorResponse(instrument.error());
  const Instrument& i = **instrument;
  return JsonResponse(200, InstrumentJson(i, call.services.assessments.Catalog().TableFor(i.id)));
}

Response HandleListAssessments(Call& call) {
  const std::string instrument(call.Query("instrument").value_or(""));
  auto assessments = call.services.assessments.List(call.ctx, call.path_params.at(0), instrument);
  if (!assessments) return ErrorResponse(assessments.error());
  boost::json::array items;
  for (const auto& a : *assessments) items.push_back(AssessmentJson(a));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleGetAssessment(Call& call) {
  auto assessment =
      call.services.assessments.Get(call.ctx, call.path_params.at(0), call.path_params.at(1));
  if (!assessment) return ErrorResponse(assessment.error());
  return JsonResponse(200, AssessmentJson(*assessment));
}

Response HandleRecordAssessment(Call& call) {
  auto recorded = call.services.assessments.Record(call.ctx, call.path_params.at(0),
                                                   ParseNewAssessment(call.body));
  if (!recorded) return ErrorResponse(recorded.error());
  return JsonResponse(201, AssessmentJson(recorded->assessment));
}

Response HandleGetRiskTier(Call& call) {
  auto tier = call.services.risk_tiers.Get(call.ctx, call.path_params.at(0));
  if (!tier) return ErrorResponse(tier.error());
  return JsonResponse(200, RiskTierJson(*tier));
}

Response HandleOverrideRiskTier(Call& call) {
  const TierOverrideRequest in = ParseTierOverride(call.body);
  auto tier =
      call.services.risk_tiers.Override(call.ctx, call.path_params.at(0), in.tier, in.reason);
  if (!tier) return ErrorResponse(tier.error());
  return JsonResponse(200, RiskTierJson(*tier));
}

}  // namespace carecoord::api
