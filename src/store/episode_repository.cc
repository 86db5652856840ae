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

std::optional<Instant> OptInstant(const Row& r, std::size_t i) {
  if (auto ms = r.OptInt(i)) return FromMillis(*ms);
  return std::nullopt;
}

EpisodeRecord EpisodeFromRow(const Row& r) {
  EpisodeRecord e;
  e.org_id = r.Text(0);
  e.id = r.Text(1);
  e.participant_id = r.Text(2);
  e.program_id = r.Text(3);
  e.program_name = r.Text(4);
  e.referral_id = r.OptText(5);
  e.status = r.Text(6);
  e.status_reason = r.Text(7);
  e.status_changed_at = FromMillis(r.Int(8));
  e.coordinator_id = r.Text(9);
  e.coordinator_name = r.Text(10);
  e.referral_received_at = FromMillis(r.Int(11));
  e.started_at = FromMillis(r.Int(12));
  e.enrolled_at = OptInstant(r, 13);
  e.ended_at = OptInstant(r, 14);
  e.created_at = FromMillis(r.Int(15));
  e.updated_at = FromMillis(r.Int(16));
  e.version = r.Int(17);
  e.contacts_per_week = static_cast<int>(r.Int(18));
  e.schedule_reason = r.Text(19);
  e.schedule_note = r.Text(20);
  e.time_zone = r.Text(21);
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
    c.seq = r.Int(0);
    c.from_status = r.Text(1);
    c.to_status = r.Text(2);
    c.reason = r.Text(3);
    c.changed_at = FromMillis(r.Int(4));
    c.changed_by = r.Text(5);
    c.changed_by_name = r.Text(6);
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
    h.seq = r.Int(0);
    h.from_user_id = r.OptText(1);
    h.from_name = r.OptText(2);
    h.to_user_id = r.Text(3);
    h.to_name = r.Text(4);
    h.occurred_at = FromMillis(r.Int(5));
    h.face_to_face = r.Int(6) != 0;
    h.note = r.Text(7);
    h.recorded_by = r.Text(8);
    h.recorded_at = FromMillis(r.Int(9));
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
