// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/permissions.h"
#include "domain/records/episode.h"

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
  EpisodeService(core::Runner& runner, ObligationRefresher& obligations);

  // kNotFound for an episode that does not exist or whose participant the actor may not see.
  Result<EpisodeDetail> Get(Context& ctx, const std::string& episode_id);
  // Newest first.
  Result<std::vector<EpisodeDetail>> ListForParticipant(Context& ctx,
                                                        const std::string& participant_id);

  // CheckEpisodeTransition: kConflict naming both statuses for an illegal move, kInvalidArgument
  // (field reason) for a missing reason; kInvalidArgument (field status) for an unknown code.
  // `active` sets enrolled_at the first time; closed and the exits set ended_at and end the
  // internal care team memberships on the program's today. kPreconditionFailed when
  // expected_version is stale; kConflict when a concurrent change won.
  Result<EpisodeDetail> ChangeStatus(Context& ctx, const std::string& episode_id,
                                     std::int64_t expected_version,
                                     const EpisodeStatusChange& change);

  // In one transaction with its audit event: the version check (kPreconditionFailed), the
  // transfer rules (domain CheckTransfer: kConflict for a closed episode, kInvalidArgument field
  // to_user_id for the same person or a non-coordinator), the conditional update of
  // coordinator_id, the hand-off row (seq = last + 1), the end of the previous coordinator's
  // care_coordinator membership on the program's today and the start of the new one's. Of two
  // concurrent transfers exactly one commits; the other gets kConflict ("transferred by someone
  // else") or kPreconditionFailed (its version was already stale when it read).
  Result<EpisodeDetail> Transfer(Context& ctx, const std::string& episode_id,
                                 std::int64_t expected_version, const EpisodeTransfer& transfer);

  // Sets the schedule (Action::kSetContactSchedule; bounds from the program's policy in force)
  // and re-evaluates the episode's obligations in the same transaction. kPreconditionFailed
  // when expected_version is stale; kConflict for a closed episode.
  Result<EpisodeDetail> SetContactSchedule(Context& ctx, const std::string& episode_id,
                                           std::int64_t expected_version,
                                           const ContactSchedule& schedule);

 private:
  core::Runner& runner_;              // the one way to the database, the clock and the audit log
  ObligationRefresher& obligations_;  // re-evaluates touched episodes in each write
};

}  // namespace carecoord::app
