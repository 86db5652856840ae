// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/transition.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Transitions of care and psychiatric appointments (migration 0003). Works on the caller's
// connection, inside the caller's transaction when one is open. Errors: as Connection's (a
// duplicate key is kConflict). Reads fill the read-only members (names, appointments).
class TransitionRepository {
 public:
  explicit TransitionRepository(Connection& conn) : conn_(conn) {}

  Result<std::optional<TransitionRecord>> Find(const std::string& org_id, const std::string& id);
  // The participant of the transition, and of an appointment (its transition's); nullopt when
  // there is no such record.
  Result<std::optional<std::string>> ParticipantOf(const std::string& org_id,
                                                   const std::string& id);
  Result<std::optional<std::string>> ParticipantOfAppointment(const std::string& org_id,
                                                              const std::string& id);
  // Newest admission first, each with its appointments.
  Result<std::vector<TransitionRecord>> ListForEpisode(const std::string& org_id,
                                                       const std::string& episode_id);
  // Inserts with version 1; t.appointments and t.recorded_by_name are ignored.
  Status Insert(const TransitionRecord& t);
  // Writes facility, admitted_at, discharged_at, medication_needed, notes and updated_at (the
  // rest of `t` is ignored) when the stored version is expected_version; false (nothing
  // changed) otherwise.
  Result<bool> Update(const TransitionRecord& t, std::int64_t expected_version);

  Result<std::optional<AppointmentRecord>> FindAppointment(const std::string& org_id,
                                                           const std::string& id);
  Status InsertAppointment(const AppointmentRecord& a);
  // Writes status, scheduled_for, provider, me_notified_at, note and updated_at when the stored
  // version is expected_version; false (nothing changed) otherwise.
  Result<bool> UpdateAppointment(const AppointmentRecord& a, std::int64_t expected_version);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
