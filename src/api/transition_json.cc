// SPDX-License-Identifier: Apache-2.0
#include "api/transition_json.h"

#include <boost/json/array.hpp>

#include <utility>

#include "api/json_input.h"
#include "api/json_output.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value OptInstant(const std::optional<Instant>& t) {
  return t ? value(FormatRfc3339(*t)) : value(nullptr);
}

}  // namespace

boost::json::object AppointmentJson(const AppointmentRecord& a) {
  return object{{"id", a.id},
                {"transition_id", a.transition_id},
                {"status", a.status},
                {"scheduled_for", OptInstant(a.scheduled_for)},
                {"provider", a.provider},
                {"me_notified_at", OptInstant(a.me_notified_at)},
                {"note", a.note},
                {"version", a.version}};
}

boost::json::object TransitionJson(const TransitionRecord& t) {
  array appointments;
  for (const AppointmentRecord& a : t.appointments) appointments.push_back(AppointmentJson(a));
  return object{{"id", t.id},
                {"episode_id", t.episode_id},
                {"participant_id", t.participant_id},
                {"level", t.level},
                {"facility", t.facility},
                {"admitted_at", FormatRfc3339(t.admitted_at)},
                {"discharged_at", OptInstant(t.discharged_at)},
                {"medication_needed", t.medication_needed},
                {"notes", t.notes},
                {"recorded_by_name", t.recorded_by_name},
                {"version", t.version},
                {"appointments", std::move(appointments)}};
}

Response TransitionResponse(int status, const TransitionRecord& transition) {
  Response r = JsonResponse(status, TransitionJson(transition));
  r.SetHeader("etag", ETagFor(transition.version));
  return r;
}

Response AppointmentResponse(int status, const AppointmentRecord& appointment) {
  Response r = JsonResponse(status, AppointmentJson(appointment));
  r.SetHeader("etag", ETagFor(appointment.version));
  return r;
}

app::NewTransition ParseNewTransition(const boost::json::object& body) {
  app::NewTransition in;
  in.level = TextOr(body, "level");
  in.facility = TextOr(body, "facility");
  in.admitted_at = InstantMember(body, "admitted_at").value_or(Instant{});  // required
  in.discharged_at = InstantMember(body, "discharged_at");
  in.medication_needed = BoolMember(body, "medication_needed").value_or(false);
  in.notes = TextOr(body, "notes");
  return in;
}

app::TransitionChanges ParseTransitionChanges(const boost::json::object& body) {
  // TransitionChangesRequest: at least one member, none of them level, only discharged_at
  // null (which clears it).
  app::TransitionChanges changes;
  changes.facility = TextMember(body, "facility");
  changes.admitted_at = InstantMember(body, "admitted_at");
  changes.discharged_present = body.contains("discharged_at");
  changes.discharged_at = InstantMember(body, "discharged_at");
  changes.medication_needed = BoolMember(body, "medication_needed");
  changes.notes = TextMember(body, "notes");
  return changes;
}

app::NewAppointment ParseNewAppointment(const boost::json::object& body) {
  app::NewAppointment in;
  in.status = TextOr(body, "status");
  in.scheduled_for = InstantMember(body, "scheduled_for");
  in.provider = TextOr(body, "provider");
  in.me_notified_at = InstantMember(body, "me_notified_at");
  in.note = TextOr(body, "note");
  return in;
}

app::AppointmentChanges ParseAppointmentChanges(const boost::json::object& body) {
  // AppointmentChangesRequest: at least one member; the times may be null (cleared).
  app::AppointmentChanges changes;
  changes.status = TextMember(body, "status");
  changes.scheduled_present = body.contains("scheduled_for");
  changes.scheduled_for = InstantMember(body, "scheduled_for");
  changes.provider = TextMember(body, "provider");
  changes.me_notified_present = body.contains("me_notified_at");
  changes.me_notified_at = InstantMember(body, "me_notified_at");
  changes.note = TextMember(body, "note");
  return changes;
}

}  // namespace carecoord::api
