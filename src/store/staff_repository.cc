// SPDX-License-Identifier: Apache-2.0
#include "store/staff_repository.h"

#include <map>

#include "store/sql_queries.h"

namespace carecoord::store {

Result<std::vector<StaffMember>> StaffRepository::List(const std::string& org_id,
                                                       const std::string& role,
                                                       const std::string& program_id) {
  const Value params[] = {org_id, role, program_id};
  auto rows = conn_.Query(sql::kStaffList, params);
  if (!rows) return std::unexpected(rows.error());
  const Value org[] = {org_id};
  auto role_rows = conn_.Query(sql::kStaffRoles, org);
  if (!role_rows) return std::unexpected(role_rows.error());
  std::map<std::string, std::vector<RoleGrant>> roles_by_user;
  for (const Row& r : *role_rows) {
    if (auto grant = internal::RoleGrantFromRow(r)) {
      roles_by_user[r.Text("user_id")].push_back(std::move(*grant));
    }
  }
  std::vector<StaffMember> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    StaffMember m;
    m.id = r.Text("id");
    m.display_name = r.Text("display_name");
    if (auto it = roles_by_user.find(m.id); it != roles_by_user.end()) m.roles = it->second;
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::optional<std::string>> StaffRepository::EnabledUserName(const std::string& org_id,
                                                                    const std::string& user_id) {
  const Value params[] = {org_id, user_id};
  auto rows = conn_.Query(sql::kStaffFindEnabled, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

Result<bool> StaffRepository::HoldsRole(const std::string& org_id, const std::string& user_id,
                                        const std::string& program_id, const std::string& role) {
  const Value params[] = {org_id, user_id, program_id, role};
  auto row = conn_.QueryOne(sql::kStaffHoldsRole, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0) != 0;
}

}  // namespace carecoord::store
