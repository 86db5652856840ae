// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit_log.h"
#include "app/clock.h"
#include "app/context.h"
#include "app/obligation_engine.h"
#include "domain/error.h"
#include "domain/permissions.h"
#include "store/database.h"
#include "store/episode_repository.h"

namespace carecoord::app {

struct EpisodeStatusChange {
  std::string status;  // wire name (domain/episode_status.h)
  std::string reason;  // required for closed and the exits; at most 2000 bytes
};

// A warm hand-off of accountability (001 §1, §8).
struct EpisodeTransfer {
  std::string to_user_id;
  std::optional<Instant> occurred_at;  // default: now; never in the future
  bool face_to_face = false;
  std::string note;  // at most 4000 bytes
};

// The participant's contact schedule for the first 30 days (001 §2): contacts per week within
// the program policy's bounds (domain ValidateContactSchedule) and why.
struct ContactSchedule {
  int per_week = 0;
  std::string reason;  // kScheduleReasons: safety | independence | wishes
  std::string note;    // at most 1000 bytes
};

// Episodes of care coordination: reading them, moving their status, and transferring
// accountability. Every call goes through AuthorizeParticipant for the episode's participant
// and is audited: reads as read events, writes in their own transaction.
class EpisodeService {
 public:
  EpisodeService(store::Database& db, const Clock& clock, AuditLog& audit,
                 ObligationRefresher& obligations);

  // kNotFound for an episode that does not exist or whose participant the actor may not see.
  Result<store::EpisodeDetail> Get(Context& ctx, const std::string& episode_id);
  // Newest first.
  Result<std::vector<store::EpisodeDetail>> ListForParticipant(Context& ctx,
                                                               const std::string& participant_id);

  // CheckEpisodeTransition: kConflict naming both statuses for an illegal move, kInvalidArgument
  // (field reason) for a missing reason; kInvalidArgument (field status) for an unknown code.
  // `active` sets enrolled_at the first time; closed and the exits set ended_at and end the
  // internal care team memberships on the program's today. kPreconditionFailed when
  // expected_version is stale; kConflict when a concurrent change won.
  Result<store::EpisodeDetail> ChangeStatus(Context& ctx, const std::string& episode_id,
                                            std::int64_t expected_version,
                                            const EpisodeStatusChange& change);

  // In one transaction with its audit event: the version check (kPreconditionFailed), the
  // transfer rules (domain CheckTransfer: kConflict for a closed episode, kInvalidArgument field
  // to_user_id for the same person or a non-coordinator), the conditional update of
  // coordinator_id, the hand-off row (seq = last + 1), the end of the previous coordinator's
  // care_coordinator membership on the program's today and the start of the new one's. Of two
  // concurrent transfers exactly one commits; the other gets kConflict ("transferred by someone
  // else") or kPreconditionFailed (its version was already stale when it read).
  Result<store::EpisodeDetail> Transfer(Context& ctx, const std::string& episode_id,
                                        std::int64_t expected_version,
                                        const EpisodeTransfer& transfer);

  // Sets the schedule (Action::kSetContactSchedule; bounds from the program's policy in force)
  // and re-evaluates the episode's obligations in the same transaction. kPreconditionFailed
  // when expected_version is stale; kConflict for a closed episode.
  Result<store::EpisodeDetail> SetContactSchedule(Context& ctx, const std::string& episode_id,
                                                  std::int64_t expected_version,
                                                  const ContactSchedule& schedule);

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditLog& audit_;
  ObligationRefresher& obligations_;  // re-evaluates touched episodes in each write
};

// The episode `episode_id` when the actor may perform `action` on it: the role check first
// (kPermissionDenied, audited), then the episode (kNotFound, audited as denied) and the
// relationship with its participant (AuthorizeParticipant: kNotFound, audited). Reads on
// `conn`, inside the caller's transaction when one is open. Shared with the care team service.
Result<store::EpisodeRecord> AuthorizeEpisode(Context& ctx, store::Connection& conn, Action action,
                                              const std::string& episode_id, Instant now);

}  // namespace carecoord::app
