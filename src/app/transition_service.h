// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/records/transition.h"

namespace carecoord::app {

struct NewTransition {
  std::string level;     // kTransitionLevels
  std::string facility;  // 1–200 bytes
  Instant admitted_at{};
  std::optional<Instant> discharged_at;
  bool medication_needed = false;
  std::string notes;  // at most 4000 bytes
};

struct TransitionChanges {
  std::optional<std::string> facility;
  std::optional<Instant> admitted_at;
  bool discharged_present = false;  // discharged_at given (null clears it)
  std::optional<Instant> discharged_at;
  std::optional<bool> medication_needed;
  std::optional<std::string> notes;
};

struct NewAppointment {
  std::string status;                     // kAppointmentStatuses
  std::optional<Instant> scheduled_for;   // required for scheduled, kept, missed
  std::string provider;                   // at most 200 bytes
  std::optional<Instant> me_notified_at;  // only with none_available
  std::string note;  // required for none_available and refused (001 §6: documented)
};

struct AppointmentChanges {
  std::optional<std::string> status;
  bool scheduled_present = false;
  std::optional<Instant> scheduled_for;
  std::optional<std::string> provider;
  bool me_notified_present = false;
  std::optional<Instant> me_notified_at;
  std::optional<std::string> note;
};

struct RecordedTransition {
  TransitionRecord transition;
  bool replayed = false;
};

struct RecordedAppointment {
  AppointmentRecord appointment;
  bool replayed = false;
};

// Admissions to and discharges from higher levels of care and the psychiatric appointments
// after them (001 §6 §8; docs/worklists.md "Transitions"). Every write re-evaluates the
// episode's obligations in its transaction (a discharge starts the linkage and follow-up
// rules). Instants are not in the future; discharge not before admission; dates not before the
// episode's referral. Access through AuthorizeEpisode; every call audited.
class TransitionService {
 public:
  TransitionService(core::Runner& runner, ObligationRefresher& refresher);

  // Newest admission first, each with its appointments.
  Result<std::vector<TransitionRecord>> List(Context& ctx, const std::string& episode_id);
  // Under ctx's idempotency key. kConflict for a closed episode.
  Result<RecordedTransition> Record(Context& ctx, const std::string& episode_id,
                                    const NewTransition& in);
  Result<TransitionRecord> Update(Context& ctx, const std::string& transition_id,
                                  std::int64_t expected_version, const TransitionChanges& changes);
  // Needs a discharge (kConflict "the participant has not been discharged").
  Result<RecordedAppointment> RecordAppointment(Context& ctx, const std::string& transition_id,
                                                const NewAppointment& in);
  Result<AppointmentRecord> UpdateAppointment(Context& ctx, const std::string& appointment_id,
                                              std::int64_t expected_version,
                                              const AppointmentChanges& changes);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  ObligationRefresher& refresher_;
};

}  // namespace carecoord::app
