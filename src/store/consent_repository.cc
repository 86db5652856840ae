// SPDX-License-Identifier: Apache-2.0
#include "store/consent_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value Opt(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}

// The columns of consents.sql's `-- columns: consent`.
ConsentRecord ConsentFromRow(const Row& r) {
  ConsentRecord c;
  c.org_id = r.Text("org_id");
  c.id = r.Text("id");
  c.participant_id = r.Text("participant_id");
  c.party_kind = r.Text("party_kind");
  c.party_name = r.Text("party_name");
  c.party_name_norm = r.Text("party_name_norm");
  c.related_person_id = r.OptText("related_person_id");
  c.care_team_member_id = r.OptText("care_team_member_id");
  c.purpose = r.Text("purpose");
  c.categories = r.Text("categories");
  c.effective_date = r.Text("effective_date");
  c.expiry_date = r.Text("expiry_date");
  c.signed_by = r.Text("signed_by");
  c.signer_name = r.Text("signer_name");
  c.signed_date = r.Text("signed_date");
  c.revoked_date = r.OptText("revoked_date");
  c.revoked_by = r.OptText("revoked_by");
  c.revocation_note = r.Text("revocation_note");
  c.recorded_by = r.Text("recorded_by");
  c.created_at = r.Time("created_at");
  c.updated_at = r.Time("updated_at");
  c.version = r.Int("version");
  c.revoked_by_name = r.Text("revoked_by_name");
  c.participant_name = r.Text("participant_name");
  return c;
}

Result<std::vector<ConsentRecord>> Many(Result<std::vector<Row>> rows) {
  if (!rows) return std::unexpected(rows.error());
  std::vector<ConsentRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(ConsentFromRow(r));
  return out;
}

}  // namespace

Status ConsentRepository::Insert(const ConsentRecord& c) {
  const Value params[] = {c.org_id,
                          c.id,
                          c.participant_id,
                          c.party_kind,
                          c.party_name,
                          c.party_name_norm,
                          Opt(c.related_person_id),
                          Opt(c.care_team_member_id),
                          c.purpose,
                          c.categories,
                          c.effective_date,
                          c.expiry_date,
                          c.signed_by,
                          c.signer_name,
                          c.signed_date,
                          c.recorded_by,
                          ToMillis(c.created_at),
                          ToMillis(c.updated_at)};
  auto n = conn_.Execute(sql::kConsentsInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<ConsentRecord>> ConsentRepository::Get(const std::string& org_id,
                                                            const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kConsentsGet, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<ConsentRecord>();
  return std::optional<ConsentRecord>(ConsentFromRow(rows->front()));
}

Result<std::vector<ConsentRecord>> ConsentRepository::ListByParticipant(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  return Many(conn_.Query(sql::kConsentsListByParticipant, params));
}

Result<bool> ConsentRepository::Revoke(const std::string& org_id, const std::string& id,
                                       std::int64_t expected_version,
                                       const std::string& revoked_date,
                                       const std::string& revoked_by, const std::string& note,
                                       Instant now) {
  const Value params[] = {org_id,          id, revoked_date, revoked_by, note, ToMillis(now),
                          expected_version};
  auto n = conn_.Execute(sql::kConsentsRevoke, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::vector<ConsentRecord>> ConsentRepository::Expiring(const std::string& org_id,
                                                               const std::string& today,
                                                               const std::string& until,
                                                               const ConsentScope& scope,
                                                               int limit) {
  std::string programs;
  for (const std::string& p : scope.supervised_programs) {
    if (!programs.empty()) programs += ' ';
    programs += p;
  }
  const Value params[] = {org_id,
                          today,
                          until,
                          std::int64_t{scope.whole_organization ? 1 : 0},
                          scope.user_id,
                          programs,
                          std::int64_t{limit}};
  return Many(conn_.Query(sql::kConsentsExpiring, params));
}

Result<std::optional<std::string>> ConsentRepository::ParticipantOf(const std::string& org_id,
                                                                    const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kConsentsParticipantOf, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

}  // namespace carecoord::store
