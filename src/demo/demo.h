// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "app/core/audit_log.h"
#include "app/core/clock.h"
#include "domain/error.h"
#include "store/database.h"

namespace carecoord::demo {

struct DemoLogin {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;  // empty when the existing password was kept
};

struct DemoResult {
  bool created = false;  // false: the demo organization already existed
  std::string organization;
  std::string program;
  std::vector<DemoLogin> logins;
};

inline constexpr char kDemoOrganization[] = "Riverbend Community Health";
inline constexpr char kDemoProgram[] = "Adult Behavioral Health Care Coordination";
inline constexpr char kDemoTimeZone[] = "America/New_York";

// Loads the demo organization, its program and one user per role. Idempotent: when the demo
// already exists it is kept; with `password` set, the demo users' passwords are reset to it
// and they are unlocked. Without `password`, new users get generated passwords, returned once.
// The load is one transaction with its audit event.
Result<DemoResult> LoadDemo(store::Database& db, const app::Clock& clock, app::AuditLog& audit,
                            const std::string& password);

}  // namespace carecoord::demo
