// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/episode.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Episodes, status history and hand-offs. Works on the caller's connection, inside the caller's
// transaction when one is open. Errors: as Connection's (a duplicate key is kConflict).
class EpisodeRepository {
 public:
  explicit EpisodeRepository(Connection& conn) : conn_(conn) {}

  Result<std::optional<EpisodeRecord>> Find(const std::string& org_id, const std::string& id);
  // Find plus both histories.
  Result<std::optional<EpisodeDetail>> FindDetail(const std::string& org_id, const std::string& id);
  // The participant the episode belongs to; nullopt when the organization has no such episode.
  Result<std::optional<std::string>> ParticipantOf(const std::string& org_id,
                                                   const std::string& id);
  // A participant's episodes with their histories, newest first.
  Result<std::vector<EpisodeDetail>> ListForParticipant(const std::string& org_id,
                                                        const std::string& participant_id);

  // A new episode (intake), its contact schedule included. The caller also records the first status
  // (InsertStatusChange) and the assignment (InsertHandoff with no from_user_id). kConflict when
  // the participant already has an open episode in the program (index episodes_one_open).
  Status Insert(const EpisodeRecord& episode);

  // Writes status, status_reason, status_changed_at (= updated_at = now), enrolled_at and
  // ended_at when the stored version is expected_version; false (nothing changed) otherwise.
  Result<bool> UpdateStatus(const std::string& org_id, const std::string& id,
                            std::int64_t expected_version, const std::string& status,
                            const std::string& reason, Instant now,
                            std::optional<Instant> enrolled_at, std::optional<Instant> ended_at);

  // Makes to_user_id the accountable coordinator when the stored version is expected_version;
  // false (nothing changed) when it is not, including when a concurrent transfer committed
  // first (see queries/episodes.sql "transfer").
  Result<bool> Transfer(const std::string& org_id, const std::string& id,
                        std::int64_t expected_version, const std::string& to_user_id, Instant now);

  // Writes the contact schedule (contacts_per_week, schedule_reason, schedule_note) and
  // updated_at = now when the stored version is expected_version; false (nothing changed)
  // otherwise.
  Result<bool> UpdateSchedule(const std::string& org_id, const std::string& id,
                              std::int64_t expected_version, int per_week,
                              const std::string& reason, const std::string& note, Instant now);

  // Appends with seq = the episode's last seq + 1; returns that seq. Two writers that read the
  // same last seq collide on the primary key: the second fails with kConflict.
  Result<std::int64_t> InsertStatusChange(const std::string& org_id, const std::string& episode_id,
                                          const StatusChangeRecord& change);
  Result<std::int64_t> InsertHandoff(const std::string& org_id, const std::string& episode_id,
                                     const HandoffRecord& handoff);

  Result<std::vector<StatusChangeRecord>> StatusHistory(const std::string& org_id,
                                                        const std::string& episode_id);
  Result<std::vector<HandoffRecord>> Handoffs(const std::string& org_id,
                                              const std::string& episode_id);

 private:
  Result<EpisodeDetail> WithHistories(EpisodeRecord episode);

  Connection& conn_;
};

}  // namespace carecoord::store
