// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/staff.h"
#include "store/database.h"
#include "store/user_repository.h"

namespace carecoord::store {

// Who works in an organization, for choosing a coordinator or a care team member. Works on the
// caller's connection and transaction. Errors: as Connection's.
class StaffRepository {
 public:
  explicit StaffRepository(Connection& conn) : conn_(conn) {}

  // Enabled users holding a role named `role` (a role wire name, "" for any) in `program_id`
  // ("" for any), by display name.
  Result<std::vector<StaffMember>> List(const std::string& org_id, const std::string& role,
                                        const std::string& program_id);
  // The display name of an enabled user of the organization, or nullopt.
  Result<std::optional<std::string>> EnabledUserName(const std::string& org_id,
                                                     const std::string& user_id);
  // Whether an enabled user holds `role` (wire name) in the program.
  Result<bool> HoldsRole(const std::string& org_id, const std::string& user_id,
                         const std::string& program_id, const std::string& role);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
