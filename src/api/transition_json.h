// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include "api/http.h"
#include "app/transition_service.h"
#include "domain/error.h"
#include "domain/records/transition.h"

// The JSON of transitions of care and psychiatric appointments (docs/worklists.md
// "Transitions"; schemas in obligation_schemas.cc), both ways. Bodies are read after
// Api::Dispatch has checked them against their schemas, so the readers cannot fail; dates and
// what a status needs are the use case's.
namespace carecoord::api {

boost::json::object TransitionJson(const TransitionRecord& transition);
boost::json::object AppointmentJson(const AppointmentRecord& appointment);

// 200/201 with the record and ETag: "<version>".
Response TransitionResponse(int status, const TransitionRecord& transition);
Response AppointmentResponse(int status, const AppointmentRecord& appointment);

app::NewTransition ParseNewTransition(const boost::json::object& body);
// `level` is not changeable (a different level of care is another transition; the schema
// refuses it).
app::TransitionChanges ParseTransitionChanges(const boost::json::object& body);
app::NewAppointment ParseNewAppointment(const boost::json::object& body);
app::AppointmentChanges ParseAppointmentChanges(const boost::json::object& body);

}  // namespace carecoord::api
