// SPDX-License-Identifier: Apache-2.0
#include "store/transition_repository.h"

#include <map>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptMillis(const std::optional<Instant>& t) {
  return t ? Value(ToMillis(*t)) : Value(nullptr);
}

std::optional<Instant> OptInstant(const Row& r, std::size_t i) {
  if (auto ms = r.OptInt(i)) return FromMillis(*ms);
  return std::nullopt;
}

TransitionRecord TransitionFromRow(const Row& r) {
  TransitionRecord t;
  t.org_id = r.Text(0);
  t.id = r.Text(1);
  t.episode_id = r.Text(2);
  t.participant_id = r.Text(3);
  t.level = r.Text(4);
  t.facility = r.Text(5);
  t.admitted_at = FromMillis(r.Int(6));
  t.discharged_at = OptInstant(r, 7);
  t.medication_needed = r.Int(8) != 0;
  t.notes = r.Text(9);
  t.recorded_by = r.Text(10);
  t.created_at = FromMillis(r.Int(11));
  t.updated_at = FromMillis(r.Int(12));
  t.version = r.Int(13);
  t.recorded_by_name = r.Text(14);
  return t;
}

AppointmentRecord AppointmentFromRow(const Row& r) {
  AppointmentRecord a;
  a.org_id = r.Text(0);
  a.id = r.Text(1);
  a.transition_id = r.Text(2);
  a.episode_id = r.Text(3);
  a.status = r.Text(4);
  a.scheduled_for = OptInstant(r, 5);
  a.provider = r.Text(6);
  a.me_notified_at = OptInstant(r, 7);
  a.note = r.Text(8);
  a.recorded_by = r.Text(9);
  a.created_at = FromMillis(r.Int(10));
  a.updated_at = FromMillis(r.Int(11));
  a.version = r.Int(12);
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
