// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace carecoord {

// A user's role within one program (DESIGN §4 "Access").
enum class Role {
  kAdmin,
  kSupervisor,
  kCareCoordinator,
  kPeerSupport,
  kNurseCareManager,
  kAuditor,
};

inline constexpr std::array<Role, 6> kAllRoles = {
    Role::kAdmin,       Role::kSupervisor,       Role::kCareCoordinator,
    Role::kPeerSupport, Role::kNurseCareManager, Role::kAuditor,
};

// Stable wire and storage name: "admin", "care_coordinator", ...
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

}  // namespace carecoord
