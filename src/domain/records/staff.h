// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/records/user.h"
#include "domain/time.h"

// Staff of a program, as listed for care teams and hand-offs.
// Plain values: the store fills them; the use cases return them to the api.
namespace carecoord {

// An enabled user as colleagues see them: no account details.
struct StaffMember {
  std::string id;
  std::string display_name;
  std::vector<RoleGrant> roles;  // all of their roles, not only the ones filtered on
};

}  // namespace carecoord
