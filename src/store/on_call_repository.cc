// SPDX-License-Identifier: Apache-2.0
#include "store/on_call_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

// The columns of on_call.sql's `-- columns: shift`.
OnCallShiftRecord ShiftFromRow(const Row& r) {
  OnCallShiftRecord s;
  s.org_id = r.Text("org_id");
  s.id = r.Text("id");
  s.program_id = r.Text("program_id");
  s.user_id = r.Text("user_id");
  s.display_name = r.Text("display_name");
  s.starts_at = r.Time("starts_at");
  s.ends_at = r.Time("ends_at");
  s.phone = r.Text("phone");
  s.note = r.Text("note");
  s.created_by = r.Text("created_by");
  s.created_at = r.Time("created_at");
  return s;
}

}  // namespace

Status OnCallRepository::Insert(const OnCallShiftRecord& s) {
  const Value params[] = {s.org_id,
                          s.id,
                          s.program_id,
                          s.user_id,
                          ToMillis(s.starts_at),
                          ToMillis(s.ends_at),
                          s.phone,
                          s.note,
                          s.created_by,
                          ToMillis(s.created_at)};
  auto n = conn_.Execute(sql::kOnCallInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<OnCallShiftRecord>> OnCallRepository::Find(const std::string& org_id,
                                                                const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kOnCallGet, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<OnCallShiftRecord>();
  return std::optional<OnCallShiftRecord>(ShiftFromRow(rows->front()));
}

Result<std::vector<OnCallShiftRecord>> OnCallRepository::Overlapping(const std::string& org_id,
                                                                     const std::string& program_id,
                                                                     Instant from, Instant to) {
  const Value params[] = {org_id, program_id, ToMillis(from), ToMillis(to)};
  auto rows = conn_.Query(sql::kOnCallOverlapping, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<OnCallShiftRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(ShiftFromRow(r));
  return out;
}

Result<bool> OnCallRepository::Delete(const std::string& org_id, const std::string& id) {
  const Value params[] = {org_id, id};
  auto n = conn_.Execute(sql::kOnCallDelete, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::vector<ProgramName>> OnCallRepository::Programs(const std::string& org_id) {
  const Value params[] = {org_id};
  auto rows = conn_.Query(sql::kOnCallPrograms, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProgramName> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back({r.Text("id"), r.Text("name")});
  return out;
}

Result<bool> OnCallRepository::HoldsAnyRole(const std::string& org_id, const std::string& user_id,
                                            const std::string& program_id) {
  const Value params[] = {org_id, user_id, program_id};
  auto row = conn_.QueryOne(sql::kOnCallHoldsAnyRole, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0) != 0;
}

}  // namespace carecoord::store
