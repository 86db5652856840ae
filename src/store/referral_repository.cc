// SPDX-License-Identifier: Apache-2.0
#include "store/referral_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptText(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value(nullptr);
}

// The columns of referrals.sql's `-- columns: referral`.
ReferralRecord ReferralFromRow(const Row& r) {
  ReferralRecord x;
  x.org_id = r.Text("org_id");
  x.id = r.Text("id");
  x.program_id = r.Text("program_id");
  x.status = r.Text("status");
  x.urgency = r.Text("urgency");
  x.urgency_rank = r.Int("urgency_rank");
  x.received_at = r.Time("received_at");
  x.source_setting = r.Text("source_setting");
  x.source_org = r.Text("source_org");
  x.source_person = r.Text("source_person");
  x.source_contact = r.Text("source_contact");
  x.reason = r.Text("reason");
  x.documents = r.Text("documents");
  x.given_name = r.Text("given_name");
  x.family_name = r.Text("family_name");
  x.birth_date = r.Text("birth_date");
  x.sex = r.Text("sex");
  x.phone = r.Text("phone");
  x.payer = r.Text("payer");
  x.member_id = r.Text("member_id");
  x.preferred_language = r.Text("preferred_language");
  x.participant_id = r.OptText("participant_id");
  x.episode_id = r.OptText("episode_id");
  x.decided_at = r.OptTime("decided_at");
  x.decided_by = r.OptText("decided_by");
  x.decision_reason = r.Text("decision_reason");
  x.created_by = r.Text("created_by");
  x.created_at = r.Time("created_at");
  x.updated_at = r.Time("updated_at");
  x.version = r.Int("version");
  return x;
}

}  // namespace

Status ReferralRepository::Insert(const ReferralRecord& x) {
  const Value params[] = {x.org_id,
                          x.id,
                          x.program_id,
                          x.status,
                          x.urgency,
                          x.urgency_rank,
                          ToMillis(x.received_at),
                          x.source_setting,
                          x.source_org,
                          x.source_person,
                          x.source_contact,
                          x.reason,
                          x.documents,
                          x.given_name,
                          x.family_name,
                          x.birth_date,
                          x.sex,
                          x.phone,
                          x.payer,
                          x.member_id,
                          x.preferred_language,
                          OptText(x.participant_id),
                          OptText(x.episode_id),
                          x.decided_at ? Value(ToMillis(*x.decided_at)) : Value(nullptr),
                          OptText(x.decided_by),
                          x.decision_reason,
                          x.created_by,
                          ToMillis(x.created_at),
                          ToMillis(x.updated_at),
                          x.version};
  auto n = conn_.Execute(sql::kReferralsInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<ReferralRecord>> ReferralRepository::Find(const std::string& org_id,
                                                               const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kReferralsFind, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<ReferralRecord>();
  return std::optional<ReferralRecord>(ReferralFromRow(rows->front()));
}

Result<std::vector<ReferralRecord>> ReferralRepository::Queue(
    const std::string& org_id, const std::string& program_id, const std::string& status,
    const std::optional<QueueCursor>& after, std::int64_t limit) {
  const Value params[] = {org_id,
                          program_id,
                          status,
                          std::int64_t{after ? 1 : 0},
                          after ? after->urgency_rank : 0,
                          after ? after->received_at_ms : 0,
                          after ? after->id : std::string(),
                          limit};
  auto rows = conn_.Query(sql::kReferralsQueue, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ReferralRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(ReferralFromRow(r));
  return out;
}

Result<bool> ReferralRepository::Decide(const std::string& org_id, const std::string& id,
                                        std::int64_t expected_version,
                                        const ReferralDecisionRow& d) {
  const Value params[] = {org_id,
                          id,
                          d.status,
                          OptText(d.participant_id),
                          OptText(d.episode_id),
                          ToMillis(d.decided_at),
                          d.decided_by,
                          d.reason,
                          expected_version};
  auto n = conn_.Execute(sql::kReferralsDecide, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

}  // namespace carecoord::store
