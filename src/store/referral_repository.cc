// SPDX-License-Identifier: Apache-2.0
#include "store/referral_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptText(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value(nullptr);
}

ReferralRecord ReferralFromRow(const Row& r) {
  ReferralRecord x;
  x.org_id = r.Text(0);
  x.id = r.Text(1);
  x.program_id = r.Text(2);
  x.status = r.Text(3);
  x.urgency = r.Text(4);
  x.urgency_rank = r.Int(5);
  x.received_at = FromMillis(r.Int(6));
  x.source_setting = r.Text(7);
  x.source_org = r.Text(8);
  x.source_person = r.Text(9);
  x.source_contact = r.Text(10);
  x.reason = r.Text(11);
  x.documents = r.Text(12);
  x.given_name = r.Text(13);
  x.family_name = r.Text(14);
  x.birth_date = r.Text(15);
  x.sex = r.Text(16);
  x.phone = r.Text(17);
  x.payer = r.Text(18);
  x.member_id = r.Text(19);
  x.preferred_language = r.Text(20);
  x.participant_id = r.OptText(21);
  x.episode_id = r.OptText(22);
  if (auto t = r.OptInt(23)) x.decided_at = FromMillis(*t);
  x.decided_by = r.OptText(24);
  x.decision_reason = r.Text(25);
  x.created_by = r.Text(26);
  x.created_at = FromMillis(r.Int(27));
  x.updated_at = FromMillis(r.Int(28));
  x.version = r.Int(29);
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
