// SPDX-License-Identifier: Apache-2.0
#include "api/transition_json.h"

#include <boost/json/array.hpp>

#include <utility>

#include "api/json_input.h"
#include "api/json_output.h"
#include "api/obligation_json.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::size_t kMaxFacility = 200;
constexpr std::size_t kMaxNotes = 4000;
constexpr std::size_t kMaxProvider = 200;
constexpr std::size_t kMaxNote = 4000;
constexpr std::size_t kMaxCode = 40;

value OptInstant(const std::optional<Instant>& t) {
  return t ? value(FormatRfc3339(*t)) : value(nullptr);
}

bool Present(const object& obj, std::string_view field) {
  return obj.contains(field);
}

// A member that may be set but not cleared: null is an error naming it.
Status NotNull(const object& obj, std::string_view field) {
  const value* v = obj.if_contains(field);
  if (v != nullptr && v->is_null()) {
    return Fail(ErrorCode::kInvalidArgument, std::string(field) + " cannot be null",
                std::string(field));
  }
  return {};
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

Result<app::NewTransition> ParseNewTransition(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(body, {"level", "facility", "admitted_at", "discharged_at",
                                       "medication_needed", "notes"});
      !st) {
    return std::unexpected(st.error());
  }
  app::NewTransition in;
  auto level = RequiredString(body, "level", kMaxCode);
  if (!level) return std::unexpected(level.error());
  in.level = std::move(*level);
  auto facility = RequiredString(body, "facility", kMaxFacility);
  if (!facility) return std::unexpected(facility.error());
  in.facility = std::move(*facility);
  auto admitted = RequiredInstantMember(body, "admitted_at");
  if (!admitted) return std::unexpected(admitted.error());
  in.admitted_at = *admitted;
  auto discharged = OptionalInstantMember(body, "discharged_at");
  if (!discharged) return std::unexpected(discharged.error());
  in.discharged_at = *discharged;
  auto medication = OptionalBool(body, "medication_needed");
  if (!medication) return std::unexpected(medication.error());
  in.medication_needed = medication->value_or(false);
  auto notes = OptionalString(body, "notes", kMaxNotes);
  if (!notes) return std::unexpected(notes.error());
  in.notes = notes->value_or("");
  return in;
}

Result<app::TransitionChanges> ParseTransitionChanges(const boost::json::object& body) {
  if (body.contains("level")) {
    return Fail(ErrorCode::kInvalidArgument,
                "level cannot be changed; record a new transition for another level of care",
                "level");
  }
  if (auto st = OnlyKnownFields(
          body, {"facility", "admitted_at", "discharged_at", "medication_needed", "notes"});
      !st) {
    return std::unexpected(st.error());
  }
  for (std::string_view field : {"facility", "admitted_at", "medication_needed", "notes"}) {
    if (auto st = NotNull(body, field); !st) return std::unexpected(st.error());
  }
  if (body.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "nothing to change: send at least one field", "body");
  }
  app::TransitionChanges changes;
  if (Present(body, "facility")) {
    auto facility = RequiredString(body, "facility", kMaxFacility);
    if (!facility) return std::unexpected(facility.error());
    changes.facility = std::move(*facility);
  }
  auto admitted = OptionalInstantMember(body, "admitted_at");
  if (!admitted) return std::unexpected(admitted.error());
  changes.admitted_at = *admitted;
  changes.discharged_present = Present(body, "discharged_at");
  auto discharged = OptionalInstantMember(body, "discharged_at");
  if (!discharged) return std::unexpected(discharged.error());
  changes.discharged_at = *discharged;
  auto medication = OptionalBool(body, "medication_needed");
  if (!medication) return std::unexpected(medication.error());
  changes.medication_needed = *medication;
  auto notes = OptionalString(body, "notes", kMaxNotes);
  if (!notes) return std::unexpected(notes.error());
  changes.notes = std::move(*notes);
  return changes;
}

Result<app::NewAppointment> ParseNewAppointment(const boost::json::object& body) {
  if (auto st =
          OnlyKnownFields(body, {"status", "scheduled_for", "provider", "me_notified_at", "note"});
      !st) {
    return std::unexpected(st.error());
  }
  app::NewAppointment in;
  auto status = RequiredString(body, "status", kMaxCode);
  if (!status) return std::unexpected(status.error());
  in.status = std::move(*status);
  auto scheduled = OptionalInstantMember(body, "scheduled_for");
  if (!scheduled) return std::unexpected(scheduled.error());
  in.scheduled_for = *scheduled;
  auto provider = OptionalString(body, "provider", kMaxProvider);
  if (!provider) return std::unexpected(provider.error());
  in.provider = provider->value_or("");
  auto notified = OptionalInstantMember(body, "me_notified_at");
  if (!notified) return std::unexpected(notified.error());
  in.me_notified_at = *notified;
  auto note = OptionalString(body, "note", kMaxNote);
  if (!note) return std::unexpected(note.error());
  in.note = note->value_or("");
  return in;
}

Result<app::AppointmentChanges> ParseAppointmentChanges(const boost::json::object& body) {
  if (auto st =
          OnlyKnownFields(body, {"status", "scheduled_for", "provider", "me_notified_at", "note"});
      !st) {
    return std::unexpected(st.error());
  }
  for (std::string_view field : {"status", "provider", "note"}) {
    if (auto st = NotNull(body, field); !st) return std::unexpected(st.error());
  }
  if (body.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "nothing to change: send at least one field", "body");
  }
  app::AppointmentChanges changes;
  if (Present(body, "status")) {
    auto status = RequiredString(body, "status", kMaxCode);
    if (!status) return std::unexpected(status.error());
    changes.status = std::move(*status);
  }
  changes.scheduled_present = Present(body, "scheduled_for");
  auto scheduled = OptionalInstantMember(body, "scheduled_for");
  if (!scheduled) return std::unexpected(scheduled.error());
  changes.scheduled_for = *scheduled;
  auto provider = OptionalString(body, "provider", kMaxProvider);
  if (!provider) return std::unexpected(provider.error());
  changes.provider = std::move(*provider);
  changes.me_notified_present = Present(body, "me_notified_at");
  auto notified = OptionalInstantMember(body, "me_notified_at");
  if (!notified) return std::unexpected(notified.error());
  changes.me_notified_at = *notified;
  auto note = OptionalString(body, "note", kMaxNote);
  if (!note) return std::unexpected(note.error());
  changes.note = std::move(*note);
  return changes;
}

}  // namespace carecoord::api
