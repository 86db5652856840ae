// SPDX-License-Identifier: Apache-2.0
#include "store/user_repository.h"

#include <map>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value OptMillis(const std::optional<Instant>& t) {
  return t ? Value(ToMillis(*t)) : Value(nullptr);
}

// The columns of users.sql's `-- columns: user`. Roles are loaded separately.
UserRecord UserFromRow(const Row& r) {
  UserRecord u;
  u.org_id = r.Text("org_id");
  u.id = r.Text("id");
  u.username = r.Text("username");
  u.display_name = r.Text("display_name");
  u.password_hash = r.Text("password_hash");
  u.disabled = r.Bool("disabled");
  u.failed_logins = static_cast<int>(r.Int("failed_logins"));
  u.locked_at = r.OptTime("locked_at");
  u.password_changed_at = r.Time("password_changed_at");
  u.created_at = r.Time("created_at");
  u.updated_at = r.Time("updated_at");
  u.version = r.Int("version");
  return u;
}

// The columns of orgs.sql's `-- columns: program`.
ProgramRecord ProgramFromRow(const Row& r) {
  return ProgramRecord{r.Text("id"), r.Text("name"), r.Text("time_zone")};
}

void AddGrant(std::vector<RoleGrant>& grants, const Row& r) {
  if (auto grant = internal::RoleGrantFromRow(r)) grants.push_back(std::move(*grant));
}

}  // namespace

std::optional<RoleGrant> internal::RoleGrantFromRow(const Row& r) {
  auto role = ParseRole(r.Text("role"));
  if (!role) return std::nullopt;
  return RoleGrant{r.Text("program_id"), r.Text("program_name"), *role};
}

Result<std::optional<UserRecord>> UserRepository::FindByUsername(const std::string& username) {
  const Value params[] = {username};
  auto rows = conn_.Query(sql::kUsersFindByUsername, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<UserRecord>();
  UserRecord u = UserFromRow(rows->front());
  auto roles = RolesOf(u.org_id, u.id);
  if (!roles) return std::unexpected(roles.error());
  u.roles = std::move(*roles);
  return std::optional<UserRecord>(std::move(u));
}

Result<std::optional<UserRecord>> UserRepository::FindById(const std::string& org_id,
                                                           const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kUsersFindById, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<UserRecord>();
  UserRecord u = UserFromRow(rows->front());
  auto roles = RolesOf(u.org_id, u.id);
  if (!roles) return std::unexpected(roles.error());
  u.roles = std::move(*roles);
  return std::optional<UserRecord>(std::move(u));
}

Result<std::vector<UserRecord>> UserRepository::List(const std::string& org_id) {
  const Value params[] = {org_id};
  auto rows = conn_.Query(sql::kUsersList, params);
  if (!rows) return std::unexpected(rows.error());
  auto role_rows = conn_.Query(sql::kUsersRolesOfOrg, params);
  if (!role_rows) return std::unexpected(role_rows.error());
  std::map<std::string, std::vector<RoleGrant>> roles_by_user;
  for (const Row& r : *role_rows) AddGrant(roles_by_user[r.Text("user_id")], r);
  std::vector<UserRecord> users;
  users.reserve(rows->size());
  for (const Row& r : *rows) {
    users.push_back(UserFromRow(r));
    if (auto it = roles_by_user.find(users.back().id); it != roles_by_user.end()) {
      users.back().roles = std::move(it->second);
    }
  }
  return users;
}

Result<std::vector<RoleGrant>> UserRepository::RolesOf(const std::string& org_id,
                                                       const std::string& user_id) {
  const Value params[] = {org_id, user_id};
  auto rows = conn_.Query(sql::kUsersRolesOfUser, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<RoleGrant> roles;
  roles.reserve(rows->size());
  for (const Row& r : *rows) AddGrant(roles, r);
  return roles;
}

Status UserRepository::Insert(const UserRecord& u) {
  const Value params[] = {u.org_id,
                          u.id,
                          u.username,
                          u.display_name,
                          u.password_hash,
                          std::int64_t{u.disabled ? 1 : 0},
                          std::int64_t{u.failed_logins},
                          OptMillis(u.locked_at),
                          ToMillis(u.password_changed_at),
                          ToMillis(u.created_at),
                          ToMillis(u.updated_at),
                          u.version};
  auto n = conn_.Execute(sql::kUsersInsert, params);
  if (!n) return std::unexpected(n.error());
  return ReplaceRoles(u.org_id, u.id, u.roles);
}

Result<bool> UserRepository::Update(const UserRecord& u) {
  const Value params[] = {u.org_id,
                          u.id,
                          u.display_name,
                          u.password_hash,
                          std::int64_t{u.disabled ? 1 : 0},
                          std::int64_t{u.failed_logins},
                          OptMillis(u.locked_at),
                          ToMillis(u.password_changed_at),
                          ToMillis(u.updated_at),
                          u.version};
  auto n = conn_.Execute(sql::kUsersUpdate, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Status UserRepository::ReplaceRoles(const std::string& org_id, const std::string& user_id,
                                    const std::vector<RoleGrant>& roles) {
  const Value key[] = {org_id, user_id};
  if (auto n = conn_.Execute(sql::kUsersDeleteRoles, key); !n) return std::unexpected(n.error());
  for (const RoleGrant& g : roles) {
    const Value params[] = {org_id, user_id, g.program_id, std::string(RoleName(g.role))};
    if (auto n = conn_.Execute(sql::kUsersInsertRole, params); !n)
      return std::unexpected(n.error());
  }
  return {};
}

Result<UserRepository::FailedSignIn> UserRepository::RecordFailedSignIn(const std::string& org_id,
                                                                        const std::string& user_id,
                                                                        int lock_after,
                                                                        Instant now) {
  const Value params[] = {org_id, user_id, std::int64_t{lock_after}, ToMillis(now)};
  auto row = conn_.QueryOne(sql::kUsersRecordFailedSignIn, params);
  if (!row) return std::unexpected(row.error());
  return FailedSignIn{static_cast<int>(row->Int("failed_logins")), !row->IsNull("locked_at")};
}

Status UserRepository::ResetFailedSignIns(const std::string& org_id, const std::string& user_id) {
  const Value params[] = {org_id, user_id};
  auto n = conn_.Execute(sql::kUsersResetFailedSignIns, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::vector<ProgramRecord>> UserRepository::Programs(const std::string& org_id) {
  const Value params[] = {org_id};
  auto rows = conn_.Query(sql::kOrgsListPrograms, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProgramRecord> out;
  for (const Row& r : *rows) out.push_back(ProgramFromRow(r));
  return out;
}

Result<std::optional<ProgramRecord>> UserRepository::FindProgram(const std::string& org_id,
                                                                 const std::string& id_or_name) {
  const Value params[] = {org_id, id_or_name};
  auto rows = conn_.Query(sql::kOrgsFindProgram, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<ProgramRecord>();
  const Row& r = rows->front();
  return std::optional<ProgramRecord>(ProgramFromRow(r));
}

}  // namespace carecoord::store
