// SPDX-License-Identifier: Apache-2.0
#include "store/care_team_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptText(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value(nullptr);
}

// The columns of care_team.sql's `-- columns: member`.
CareTeamMemberRecord MemberFromRow(const Row& r) {
  CareTeamMemberRecord m;
  m.org_id = r.Text("org_id");
  m.id = r.Text("id");
  m.episode_id = r.Text("episode_id");
  m.participant_id = r.Text("participant_id");
  m.role = r.Text("role");
  m.user_id = r.OptText("user_id");
  m.user_name = r.OptText("user_name");
  m.external_name = r.Text("external_name");
  m.external_org = r.Text("external_org");
  m.phone = r.Text("phone");
  m.email = r.Text("email");
  m.start_date = r.Text("start_date");
  m.end_date = r.OptText("end_date");
  m.created_at = r.Time("created_at");
  m.updated_at = r.Time("updated_at");
  m.version = r.Int("version");
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
