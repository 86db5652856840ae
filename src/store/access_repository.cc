// SPDX-License-Identifier: Apache-2.0
#include "store/access_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {

Result<RelationshipFacts> AccessRepository::Relationship(const std::string& org_id,
                                                         const std::string& participant_id,
                                                         const std::string& user_id,
                                                         const std::string& today, Instant now) {
  const Value params[] = {org_id, participant_id, user_id, today, ToMillis(now)};
  auto row = conn_.QueryOne(sql::kAccessRelationship, params);
  if (!row) return std::unexpected(row.error());
  RelationshipFacts facts;
  facts.participant_exists = row->Bool("participant_exists");
  facts.accountable = row->Bool("accountable");
  facts.care_team = row->Bool("care_team");
  facts.emergency_reason = row->OptText("emergency_reason");
  return facts;
}

Result<std::vector<std::string>> AccessRepository::ProgramsOfParticipant(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  auto rows = conn_.Query(sql::kAccessProgramsOfParticipant, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> out;
  for (const Row& r : *rows) out.push_back(r.Text(0));
  return out;
}

Result<std::optional<std::string>> AccessRepository::ProgramTimeZone(
    const std::string& org_id, const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  auto rows = conn_.Query(sql::kAccessProgramTimeZone, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

Status AccessRepository::InsertEmergencyGrant(const EmergencyGrant& g) {
  const Value params[] = {g.org_id,
                          g.id,
                          g.user_id,
                          g.participant_id,
                          g.reason,
                          ToMillis(g.granted_at),
                          ToMillis(g.expires_at)};
  auto n = conn_.Execute(sql::kAccessInsertEmergencyAccess, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<IdempotencyRecord>> IdempotencyRepository::Find(const std::string& org_id,
                                                                     const std::string& user_id,
                                                                     const std::string& key) {
  const Value params[] = {org_id, user_id, key};
  auto rows = conn_.Query(sql::kIdempotencyFind, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<IdempotencyRecord>();
  const Row& r = rows->front();
  return std::optional<IdempotencyRecord>(IdempotencyRecord{
      .fingerprint = r.Text("fingerprint"),
      .resource_type = r.Text("resource_type"),
      .resource_id = r.Text("resource_id"),
  });
}

Status IdempotencyRepository::Insert(const std::string& org_id, const std::string& user_id,
                                     const std::string& key, const IdempotencyRecord& record,
                                     Instant now) {
  const Value params[] = {
      org_id,       user_id, key, record.fingerprint, record.resource_type, record.resource_id,
      ToMillis(now)};
  auto n = conn_.Execute(sql::kIdempotencyInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace carecoord::store
