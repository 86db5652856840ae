// SPDX-License-Identifier: Apache-2.0
#include "domain/role.h"

namespace carecoord {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kSupervisor: return "supervisor";
    case Role::kCareCoordinator: return "care_coordinator";
    case Role::kPeerSupport: return "peer_support";
    case Role::kNurseCareManager: return "nurse_care_manager";
    case Role::kAuditor: return "auditor";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace carecoord
