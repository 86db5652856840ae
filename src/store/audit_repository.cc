// SPDX-License-Identifier: Apache-2.0
#include "store/audit_repository.h"

#include <limits>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

AuditOutcome ParseOutcome(const std::string& s) {
  if (s == "allowed") return AuditOutcome::kAllowed;
  if (s == "denied") return AuditOutcome::kDenied;
  return AuditOutcome::kFailed;
}

// The columns of audit.sql's `-- columns: event`.
AuditRecord RecordFromRow(const Row& r) {
  AuditRecord a;
  a.org_id = r.Text("org_id");
  a.seq = r.Int("seq");
  a.id = r.Text("id");
  a.occurred_at = r.Time("occurred_at");
  a.actor_id = r.Text("actor_id");
  a.actor_username = r.Text("actor_username");
  a.role = r.Text("role");
  a.program_id = r.Text("program_id");
  a.action = r.Text("action");
  a.resource_type = r.Text("resource_type");
  a.resource_id = r.Text("resource_id");
  a.participant_id = r.Text("participant_id");
  a.outcome = ParseOutcome(r.Text("outcome"));
  a.reason = r.Text("reason");
  a.prev_hash = r.Text("prev_hash");
  a.hash = r.Text("hash");
  return a;
}

// The columns org_id, last_seq and last_hash of audit_chain_heads.
ChainHead ChainHeadFromRow(const Row& r) {
  return ChainHead{r.Text("org_id"), r.Int("last_seq"), r.Text("last_hash")};
}

Result<std::vector<AuditRecord>> Records(Result<std::vector<Row>> rows) {
  if (!rows) return std::unexpected(rows.error());
  std::vector<AuditRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(RecordFromRow(r));
  return out;
}

}  // namespace

Result<ChainHead> AuditRepository::LockChainHead(const std::string& org_id) {
  const Value ensure[] = {org_id, kAuditGenesisHash};
  if (auto n = conn_.Execute(sql::kAuditEnsureChainHead, ensure); !n)
    return std::unexpected(n.error());
  const Value params[] = {org_id};
  auto row = conn_.QueryOne(sql::kAuditLockChainHead, params);
  if (!row) return std::unexpected(row.error());
  return ChainHeadFromRow(*row);
}

Status AuditRepository::AdvanceChainHead(const ChainHead& head) {
  const Value params[] = {head.org_id, head.last_seq, head.last_hash};
  auto n = conn_.Execute(sql::kAuditAdvanceChainHead, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status AuditRepository::Insert(const AuditRecord& a) {
  const Value params[] = {a.org_id,
                          a.seq,
                          a.id,
                          ToMillis(a.occurred_at),
                          a.actor_id,
                          a.actor_username,
                          a.role,
                          a.program_id,
                          a.action,
                          a.resource_type,
                          a.resource_id,
                          a.participant_id,
                          std::string(AuditOutcomeName(a.outcome)),
                          a.reason,
                          a.prev_hash,
                          a.hash};
  auto n = conn_.Execute(sql::kAuditInsertEvent, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::vector<ChainHead>> AuditRepository::ChainHeads() {
  auto rows = conn_.Query(sql::kAuditChainHeads);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ChainHead> out;
  for (const Row& r : *rows) out.push_back(ChainHeadFromRow(r));
  return out;
}

Result<std::vector<AuditRecord>> AuditRepository::EventsAfter(const std::string& org_id,
                                                              std::int64_t after_seq, int limit) {
  const Value params[] = {org_id, after_seq, std::int64_t{limit}};
  return Records(conn_.Query(sql::kAuditEventsAfter, params));
}

Result<std::vector<AuditRecord>> AuditRepository::Search(const AuditFilter& f) {
  const std::int64_t before =
      f.before_seq > 0 ? f.before_seq : std::numeric_limits<std::int64_t>::max();
  const Value params[] = {f.org_id,       f.actor_id, f.participant_id,     ToMillis(f.from),
                          ToMillis(f.to), before,     std::int64_t{f.limit}};
  return Records(conn_.Query(sql::kAuditSearch, params));
}

}  // namespace carecoord::store
