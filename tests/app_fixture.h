// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/core/clock.h"
#include "app/core/runner.h"
#include "app/services.h"
#include "support/test_database.h"

namespace carecoord::tests {

inline constexpr char kPassword[] = "correct horse battery staple";

// One organization with one program and a user per role, on a fresh database of the driver
// under test, with the application wired to a manual clock.
class AppTest : public test_support::DriverTest {
 protected:
  void SetUp() override;

  // Signs in and returns the actor, failing the test if it cannot.
  app::SignInResult SignIn(const std::string& username, const std::string& password = kPassword);
  app::Context ContextFor(const std::string& username);

  // Creates a second organization with one admin, for isolation tests.
  std::string AddOtherOrganization(const std::string& admin_username);

  app::ManualClock clock_{FromMillis(1'795'000'000'000)};  // 2026-11-18
  std::unique_ptr<app::core::Runner> runner_;              // before services_, which holds it
  std::unique_ptr<app::Services> services_;
  std::string org_id_;
  std::string program_id_;
};

// Intake and participant tests: another program of `org_id` (its id), and a user with one role
// in a program (their id), signed in with kPassword.
std::string AddTestProgram(store::Database& db, const std::string& org_id, const std::string& name,
                           Instant now);
std::string AddTestUser(store::Database& db, const std::string& org_id,
                        const std::string& program_id, const std::string& username, Role role,
                        Instant now);

}  // namespace carecoord::tests
