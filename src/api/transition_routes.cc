// SPDX-License-Identifier: Apache-2.0
// Transitions of care and the psychiatric appointments after them (docs/worklists.md
// "Transitions").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "api/transition_json.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleListTransitions(Call& call) {
  auto transitions = call.services.transitions.List(call.ctx, call.path_params.at(0));
  if (!transitions) return ErrorResponse(transitions.error());
  boost::json::array items;
  for (const auto& t : *transitions) items.push_back(TransitionJson(t));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleRecordTransition(Call& call) {
  const auto in = ParseNewTransition(call.body);
  auto recorded = call.services.transitions.Record(call.ctx, call.path_params.at(0), in);
  if (!recorded) return ErrorResponse(recorded.error());
  return TransitionResponse(201, recorded->transition);
}

Response HandleUpdateTransition(Call& call) {
  auto version = IfMatchVersion(call.request, "transition");
  if (!version) return ErrorResponse(version.error());
  const auto changes = ParseTransitionChanges(call.body);
  auto transition =
      call.services.transitions.Update(call.ctx, call.path_params.at(0), *version, changes);
  if (!transition) return ErrorResponse(transition.error());
  return TransitionResponse(200, *transition);
}

Response HandleRecordAppointment(Call& call) {
  const auto in = ParseNewAppointment(call.body);
  auto recorded = call.services.transitions.RecordAppointment(call.ctx, call.path_params.at(0), in);
  if (!recorded) return ErrorResponse(recorded.error());
  return AppointmentResponse(201, recorded->appointment);
}

Response HandleUpdateAppointment(Call& call) {
  auto version = IfMatchVersion(call.request, "appointment");
  if (!version) return ErrorResponse(version.error());
  const auto changes = ParseAppointmentChanges(call.body);
  auto appointment = call.services.transitions.UpdateAppointment(call.ctx, call.path_params.at(0),
                                                                 *version, changes);
  if (!appointment) return ErrorResponse(appointment.error());
  return AppointmentResponse(200, *appointment);
}

}  // namespace carecoord::api
