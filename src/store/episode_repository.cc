// SPDX-License-Identifier: Apache-2.0
#include "store/episode_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptMillis(const std::optional<Instant>& t) {
  return t ? Value(ToMillis(*t)) : Value(nullptr);
}

Value OptText(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value(nullptr);
}

// The columns of episodes.sql's `-- columns: episode`.
EpisodeRecord EpisodeFromRow(const Row& r) {
  EpisodeRecord e;
  e.org_id = r.Text("org_id");
  e.id = r.Text("id");
  e.participant_id = r.Text("participant_id");
  e.program_id = r.Text("program_id");
  e.program_name = r.Text("program_name");
  e.referral_id = r.OptText("referral_id");
  e.status = r.Text("status");
  e.status_reason = r.Text("status_reason");
  e.status_changed_at = r.Time("status_changed_at");
  e.coordinator_id = r.Text("coordinator_id");
  e.coordinator_name = r.Text("coordinator_name");
  e.referral_received_at = r.Time("referral_received_at");
  e.started_at = r.Time("started_at");
  e.enrolled_at = r.OptTime("enrolled_at");
  e.ended_at = r.OptTime("ended_at");
  e.created_at = r.Time("created_at");
  e.updated_at = r.Time("updated_at");
  e.version = r.Int("version");
  e.contacts_per_week = static_cast<int>(r.Int("contacts_per_week"));
  e.schedule_reason = r.Text("schedule_reason");
  e.schedule_note = r.Text("schedule_note");
  e.time_zone = r.Text("time_zone");
  return e;
}

Result<std::int64_t> NextSeq(Connection& conn, std::string_view sql, const std::string& org_id,
                             const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto row = conn.QueryOne(sql, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0);
}

}  // namespace

Result<std::optional<EpisodeRecord>> EpisodeRepository::Find(const std::string& org_id,
                                                             const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kEpisodesFind, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<EpisodeRecord>();
  return std::optional<EpisodeRecord>(EpisodeFromRow(rows->front()));
}

Result<EpisodeDetail> EpisodeRepository::WithHistories(EpisodeRecord episode) {
  EpisodeDetail d;
  auto history = StatusHistory(episode.org_id, episode.id);
  if (!history) return std::unexpected(history.error());
  auto handoffs = Handoffs(episode.org_id, episode.id);
  if (!handoffs) return std::unexpected(handoffs.error());
  d.episode = std::move(episode);
  d.status_history = std::move(*history);
  d.handoffs = std::move(*handoffs);
  return d;
}

Result<std::optional<EpisodeDetail>> EpisodeRepository::FindDetail(const std::string& org_id,
                                                                   const std::string& id) {
  auto found = Find(org_id, id);
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::optional<EpisodeDetail>();
  auto detail = WithHistories(std::move(**found));
  if (!detail) return std::unexpected(detail.error());
  return std::optional<EpisodeDetail>(std::move(*detail));
}

Result<std::vector<EpisodeDetail>> EpisodeRepository::ListForParticipant(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  auto rows = conn_.Query(sql::kEpisodesListForParticipant, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<EpisodeDetail> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    auto detail = WithHistories(EpisodeFromRow(r));
    if (!detail) return std::unexpected(detail.error());
    out.push_back(std::move(*detail));
  }
  return out;
}

Status EpisodeRepository::Insert(const EpisodeRecord& e) {
  const Value params[] = {e.org_id,
                          e.id,
                          e.participant_id,
                          e.program_id,
                          OptText(e.referral_id),
                          e.status,
                          e.status_reason,
                          ToMillis(e.status_changed_at),
                          e.coordinator_id,
                          ToMillis(e.referral_received_at),
                          ToMillis(e.started_at),
                          OptMillis(e.enrolled_at),
                          OptMillis(e.ended_at),
                          ToMillis(e.created_at),
                          ToMillis(e.updated_at),
                          e.version,
                          std::int64_t{e.contacts_per_week},
                          e.schedule_reason,
                          e.schedule_note};
  auto n = conn_.Execute(sql::kEpisodesInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<bool> EpisodeRepository::UpdateStatus(const std::string& org_id, const std::string& id,
                                             std::int64_t expected_version,
                                             const std::string& status, const std::string& reason,
                                             Instant now, std::optional<Instant> enrolled_at,
                                             std::optional<Instant> ended_at) {
  const Value params[] = {org_id,
                          id,
                          status,
                          expected_version,
                          reason,
                          ToMillis(now),
                          OptMillis(enrolled_at),
                          OptMillis(ended_at)};
  auto n = conn_.Execute(sql::kEpisodesUpdateStatus, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<bool> EpisodeRepository::Transfer(const std::string& org_id, const std::string& id,
                                         std::int64_t expected_version,
                                         const std::string& to_user_id, Instant now) {
  const Value params[] = {org_id, id, to_user_id, expected_version, ToMillis(now)};
  auto n = conn_.Execute(sql::kEpisodesTransfer, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<bool> EpisodeRepository::UpdateSchedule(const std::string& org_id, const std::string& id,
                                               std::int64_t expected_version, int per_week,
                                               const std::string& reason, const std::string& note,
                                               Instant now) {
  const Value params[] = {org_id, id,   expected_version, std::int64_t{per_week},
                          reason, note, ToMillis(now)};
  auto n = conn_.Execute(sql::kEpisodesUpdateSchedule, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::int64_t> EpisodeRepository::InsertStatusChange(const std::string& org_id,
                                                           const std::string& episode_id,
                                                           const StatusChangeRecord& c) {
  auto seq = NextSeq(conn_, sql::kEpisodesNextStatusSeq, org_id, episode_id);
  if (!seq) return std::unexpected(seq.error());
  const Value params[] = {
      org_id,      episode_id, *seq, c.from_status, c.to_status, c.reason, ToMillis(c.changed_at),
      c.changed_by};
  auto n = conn_.Execute(sql::kEpisodesInsertStatusChange, params);
  if (!n) return std::unexpected(n.error());
  return *seq;
}

Result<std::int64_t> EpisodeRepository::InsertHandoff(const std::string& org_id,
                                                      const std::string& episode_id,
                                                      const HandoffRecord& h) {
  auto seq = NextSeq(conn_, sql::kEpisodesNextHandoffSeq, org_id, episode_id);
  if (!seq) return std::unexpected(seq.error());
  const Value params[] = {org_id,
                          episode_id,
                          *seq,
                          OptText(h.from_user_id),
                          h.to_user_id,
                          ToMillis(h.occurred_at),
                          std::int64_t{h.face_to_face ? 1 : 0},
                          h.note,
                          h.recorded_by,
                          ToMillis(h.recorded_at)};
  auto n = conn_.Execute(sql::kEpisodesInsertHandoff, params);
  if (!n) return std::unexpected(n.error());
  return *seq;
}

Result<std::vector<StatusChangeRecord>> EpisodeRepository::StatusHistory(
    const std::string& org_id, const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kEpisodesStatusHistory, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StatusChangeRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    StatusChangeRecord c;
    c.seq = r.Int("seq");
    c.from_status = r.Text("from_status");
    c.to_status = r.Text("to_status");
    c.reason = r.Text("reason");
    c.changed_at = r.Time("changed_at");
    c.changed_by = r.Text("changed_by");
    c.changed_by_name = r.Text("changed_by_name");
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<HandoffRecord>> EpisodeRepository::Handoffs(const std::string& org_id,
                                                               const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kEpisodesHandoffs, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<HandoffRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    HandoffRecord h;
    h.seq = r.Int("seq");
    h.from_user_id = r.OptText("from_user_id");
    h.from_name = r.OptText("from_name");
    h.to_user_id = r.Text("to_user_id");
    h.to_name = r.Text("to_name");
    h.occurred_at = r.Time("occurred_at");
    h.face_to_face = r.Bool("face_to_face");
    h.note = r.Text("note");
    h.recorded_by = r.Text("recorded_by");
    h.recorded_at = r.Time("recorded_at");
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::optional<std::string>> EpisodeRepository::ParticipantOf(const std::string& org_id,
                                                                    const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kEpisodesParticipantOf, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

}  // namespace carecoord::store
