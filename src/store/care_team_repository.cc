// SPDX-License-Identifier: Apache-2.0
#include "store/care_team_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptText(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value(nullptr);
}

CareTeamMemberRecord MemberFromRow(const Row& r) {
  CareTeamMemberRecord m;
  m.org_id = r.Text(0);
  m.id = r.Text(1);
  m.episode_id = r.Text(2);
  m.participant_id = r.Text(3);
  m.role = r.Text(4);
  m.user_id = r.OptText(5);
  m.user_name = r.OptText(6);
  m.external_name = r.Text(7);
  m.external_org = r.Text(8);
  m.phone = r.Text(9);
  m.email = r.Text(10);
  m.start_date = r.Text(11);
  m.end_date = r.OptText(12);
  m.created_at = FromMillis(r.Int(13));
  m.updated_at = FromMillis(r.Int(14));
  m.version = r.Int(15);
  return m;
}

}  // namespace

Result<std::optional<CareTeamMemberRecord>> CareTeamRepository::Find(const std::string& org_id,
                                                                     const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kCareTeamFind, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<CareTeamMemberRecord>();
  return std::optional<CareTeamMemberRecord>(MemberFromRow(rows->front()));
}

Result<std::vector<CareTeamMemberRecord>> CareTeamRepository::ListForEpisode(
    const std::string& org_id, const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kCareTeamListForEpisode, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<CareTeamMemberRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(MemberFromRow(r));
  return out;
}

Status CareTeamRepository::Insert(const CareTeamMemberRecord& m) {
  const Value params[] = {m.org_id,
                          m.id,
                          m.episode_id,
                          m.participant_id,
                          m.role,
                          OptText(m.user_id),
                          m.external_name,
                          m.external_org,
                          m.phone,
                          m.email,
                          m.start_date,
                          OptText(m.end_date),
                          ToMillis(m.created_at),
                          ToMillis(m.updated_at),
                          m.version};
  auto n = conn_.Execute(sql::kCareTeamInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<bool> CareTeamRepository::Update(const CareTeamMemberRecord& m) {
  const Value params[] = {m.org_id,       m.id,    m.start_date, OptText(m.end_date),
                          m.external_org, m.phone, m.email,      ToMillis(m.updated_at),
                          m.version};
  auto n = conn_.Execute(sql::kCareTeamUpdate, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::int64_t> CareTeamRepository::EndInternal(const std::string& org_id,
                                                     const std::string& episode_id,
                                                     const std::optional<std::string>& user_id,
                                                     const std::optional<std::string>& role,
                                                     const std::string& today, Instant now) {
  const Value params[] = {org_id, episode_id,        user_id.value_or(""),
                          today,  role.value_or(""), ToMillis(now)};
  return conn_.Execute(sql::kCareTeamEndInternal, params);
}

Result<bool> CareTeamRepository::HasOngoingMembership(const std::string& org_id,
                                                      const std::string& episode_id,
                                                      const std::string& user_id,
                                                      const std::string& role,
                                                      const std::string& today) {
  const Value params[] = {org_id, episode_id, user_id, role, today};
  auto row = conn_.QueryOne(sql::kCareTeamHasOngoingMembership, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0) != 0;
}

Result<std::optional<std::string>> CareTeamRepository::ParticipantOf(const std::string& org_id,
                                                                     const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kCareTeamParticipantOf, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

}  // namespace carecoord::store
