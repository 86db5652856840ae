// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/user.h"
#include "domain/role.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Users, their roles and the organization's programs. Every function works on the caller's
// connection, inside the caller's transaction if one is open. Errors: as Connection's.
class UserRepository {
 public:
  explicit UserRepository(Connection& conn) : conn_(conn) {}

  // Lookups return nullopt when there is no such user. Roles are loaded too.
  Result<std::optional<UserRecord>> FindByUsername(const std::string& username);
  Result<std::optional<UserRecord>> FindById(const std::string& org_id, const std::string& id);
  Result<std::vector<UserRecord>> List(const std::string& org_id);
  Result<std::vector<RoleGrant>> RolesOf(const std::string& org_id, const std::string& user_id);

  // kConflict when the username is taken.
  Status Insert(const UserRecord& user);
  // Writes the editable fields when the stored version equals user.version; returns false
  // (and changes nothing) when it does not. The stored version becomes user.version + 1.
  Result<bool> Update(const UserRecord& user);
  Status ReplaceRoles(const std::string& org_id, const std::string& user_id,
                      const std::vector<RoleGrant>& roles);

  struct FailedSignIn {
    int failed_in_a_row;
    bool locked;
  };
  Result<FailedSignIn> RecordFailedSignIn(const std::string& org_id, const std::string& user_id,
                                          int lock_after, Instant now);
  Status ResetFailedSignIns(const std::string& org_id, const std::string& user_id);

  Result<std::vector<ProgramRecord>> Programs(const std::string& org_id);
  // By id or by exact name; nullopt when neither matches.
  Result<std::optional<ProgramRecord>> FindProgram(const std::string& org_id,
                                                   const std::string& id_or_name);

 private:
  Connection& conn_;
};

namespace internal {

// The one mapping of a role grant, shared by the user, session and staff repositories: reads
// the columns program_id, program_name and role. nullopt for a role this build does not know
// (the schema's CHECK admits only known roles; an unknown one would grant nothing).
std::optional<RoleGrant> RoleGrantFromRow(const Row& r);

}  // namespace internal

}  // namespace carecoord::store
