// SPDX-License-Identifier: Apache-2.0
#include "store/intake_writer.h"

#include "store/sql_queries.h"

namespace carecoord::store {

Result<bool> IntakeWriter::IsProgramCoordinator(const std::string& org_id,
                                                const std::string& user_id,
                                                const std::string& program_id) {
  const Value params[] = {org_id, user_id, program_id};
  auto row = conn_.QueryOne(sql::kIntakeEpisodeIsProgramCoordinator, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0) != 0;
}

Result<bool> IntakeWriter::HasOpenEpisode(const std::string& org_id,
                                          const std::string& participant_id,
                                          const std::string& program_id) {
  const Value params[] = {org_id, participant_id, program_id};
  auto row = conn_.QueryOne(sql::kIntakeEpisodeHasOpenEpisode, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0) != 0;
}

Status IntakeWriter::InsertEpisode(const NewEpisode& e) {
  const Value params[] = {e.org_id,
                          e.id,
                          e.participant_id,
                          e.program_id,
                          e.referral_id,
                          e.status,
                          ToMillis(e.started_at),
                          e.coordinator_id,
                          ToMillis(e.referral_received_at),
                          ToMillis(e.started_at)};
  auto n = conn_.Execute(sql::kIntakeEpisodeInsertEpisode, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status IntakeWriter::InsertStatusChange(const std::string& org_id, const std::string& episode_id,
                                        int seq, const std::string& from, const std::string& to,
                                        const std::string& reason, Instant at,
                                        const std::string& by) {
  const Value params[] = {org_id, episode_id, std::int64_t{seq}, from,
                          to,     reason,     ToMillis(at),      by};
  auto n = conn_.Execute(sql::kIntakeEpisodeInsertStatusChange, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status IntakeWriter::InsertFirstHandoff(const std::string& org_id, const std::string& episode_id,
                                        const std::string& to_user_id, Instant at,
                                        const std::string& note, const std::string& recorded_by) {
  const Value params[] = {org_id, episode_id, to_user_id, ToMillis(at), note, recorded_by};
  auto n = conn_.Execute(sql::kIntakeEpisodeInsertHandoff, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status IntakeWriter::InsertCoordinatorMember(const std::string& org_id, const std::string& id,
                                             const std::string& episode_id,
                                             const std::string& participant_id,
                                             const std::string& user_id,
                                             const std::string& start_date, Instant now) {
  const Value params[] = {org_id,  id,         episode_id,   participant_id,
                          user_id, start_date, ToMillis(now)};
  auto n = conn_.Execute(sql::kIntakeEpisodeInsertCareTeamMember, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace carecoord::store
