// SPDX-License-Identifier: Apache-2.0
#include "store/transition_repository.h"

#include <map>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptMillis(const std::optional<Instant>& t) {
  return t ? Value(ToMillis(*t)) : Value(nullptr);
}

// The columns of transitions.sql's `-- columns: transition`.
TransitionRecord TransitionFromRow(const Row& r) {
  TransitionRecord t;
  t.org_id = r.Text("org_id");
  t.id = r.Text("id");
  t.episode_id = r.Text("episode_id");
  t.participant_id = r.Text("participant_id");
  t.level = r.Text("level");
  t.facility = r.Text("facility");
  t.admitted_at = r.Time("admitted_at");
  t.discharged_at = r.OptTime("discharged_at");
  t.medication_needed = r.Bool("medication_needed");
  t.notes = r.Text("notes");
  t.recorded_by = r.Text("recorded_by");
  t.created_at = r.Time("created_at");
  t.updated_at = r.Time("updated_at");
  t.version = r.Int("version");
  t.recorded_by_name = r.Text("recorded_by_name");
  return t;
}

// The columns of transitions.sql's `-- columns: appointment`.
AppointmentRecord AppointmentFromRow(const Row& r) {
  AppointmentRecord a;
  a.org_id = r.Text("org_id");
  a.id = r.Text("id");
  a.transition_id = r.Text("transition_id");
  a.episode_id = r.Text("episode_id");
  a.status = r.Text("status");
  a.scheduled_for = r.OptTime("scheduled_for");
  a.provider = r.Text("provider");
  a.me_notified_at = r.OptTime("me_notified_at");
  a.note = r.Text("note");
  a.recorded_by = r.Text("recorded_by");
  a.created_at = r.Time("created_at");
  a.updated_at = r.Time("updated_at");
  a.version = r.Int("version");
  return a;
}

}  // namespace

Result<std::optional<TransitionRecord>> TransitionRepository::Find(const std::string& org_id,
                                                                   const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kTransitionsGet, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<TransitionRecord>();
  TransitionRecord t = TransitionFromRow(rows->front());
  auto appointments = conn_.Query(sql::kTransitionsAppointmentsOfTransition, params);
  if (!appointments) return std::unexpected(appointments.error());
  t.appointments.reserve(appointments->size());
  for (const Row& r : *appointments) t.appointments.push_back(AppointmentFromRow(r));
  return std::optional<TransitionRecord>(std::move(t));
}

Result<std::vector<TransitionRecord>> TransitionRepository::ListForEpisode(
    const std::string& org_id, const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kTransitionsListByEpisode, params);
  if (!rows) return std::unexpected(rows.error());
  auto appointments = conn_.Query(sql::kTransitionsAppointmentsOfEpisode, params);
  if (!appointments) return std::unexpected(appointments.error());
  // Two queries for the whole episode instead of one per transition.
  std::map<std::string, std::vector<AppointmentRecord>> by_transition;
  for (const Row& r : *appointments) {
    AppointmentRecord a = AppointmentFromRow(r);
    by_transition[a.transition_id].push_back(std::move(a));
  }
  std::vector<TransitionRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    TransitionRecord t = TransitionFromRow(r);
    if (auto it = by_transition.find(t.id); it != by_transition.end()) {
      t.appointments = std::move(it->second);
    }
    out.push_back(std::move(t));
  }
  return out;
}

Status TransitionRepository::Insert(const TransitionRecord& t) {
  const Value params[] = {t.org_id,
                          t.id,
                          t.episode_id,
                          t.participant_id,
                          t.level,
                          t.facility,
                          ToMillis(t.admitted_at),
                          OptMillis(t.discharged_at),
                          std::int64_t{t.medication_needed ? 1 : 0},
                          t.notes,
                          t.recorded_by,
                          ToMillis(t.created_at),
                          ToMillis(t.updated_at)};
  auto n = conn_.Execute(sql::kTransitionsInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<bool> TransitionRepository::Update(const TransitionRecord& t,
                                          std::int64_t expected_version) {
  const Value params[] = {t.org_id,
                          t.id,
                          t.facility,
                          ToMillis(t.admitted_at),
                          OptMillis(t.discharged_at),
                          std::int64_t{t.medication_needed ? 1 : 0},
                          t.notes,
                          ToMillis(t.updated_at),
                          expected_version};
  auto n = conn_.Execute(sql::kTransitionsUpdate, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::optional<AppointmentRecord>> TransitionRepository::FindAppointment(
    const std::string& org_id, const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kTransitionsGetAppointment, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<AppointmentRecord>();
  return std::optional<AppointmentRecord>(AppointmentFromRow(rows->front()));
}

Status TransitionRepository::InsertAppointment(const AppointmentRecord& a) {
  const Value params[] = {a.org_id,
                          a.id,
                          a.transition_id,
                          a.episode_id,
                          a.status,
                          OptMillis(a.scheduled_for),
                          a.provider,
                          OptMillis(a.me_notified_at),
                          a.note,
                          a.recorded_by,
                          ToMillis(a.created_at),
                          ToMillis(a.updated_at)};
  auto n = conn_.Execute(sql::kTransitionsInsertAppointment, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<bool> TransitionRepository::UpdateAppointment(const AppointmentRecord& a,
                                                     std::int64_t expected_version) {
  const Value params[] = {a.org_id,        a.id,
                          a.status,        OptMillis(a.scheduled_for),
                          a.provider,      OptMillis(a.me_notified_at),
                          a.note,          ToMillis(a.updated_at),
                          expected_version};
  auto n = conn_.Execute(sql::kTransitionsUpdateAppointment, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::optional<std::string>> TransitionRepository::ParticipantOf(const std::string& org_id,
                                                                       const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kTransitionsParticipantOf, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

Result<std::optional<std::string>> TransitionRepository::ParticipantOfAppointment(
    const std::string& org_id, const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kTransitionsParticipantOfAppointment, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

}  // namespace carecoord::store
