// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/account_rules.h"
#include "domain/error.h"

namespace carecoord::app {

struct SignInResult {
  std::string token;       // the bearer secret; stored only as its hash
  std::string csrf_token;  // for cookie-authenticated unsafe requests
  Instant idle_expires{};
  Instant absolute_expires{};
  Actor actor;
};

// Sign-in, sessions, sign-out and password change. Thread-safe.
class AuthService {
 public:
  AuthService(core::Runner& runner, SessionPolicy policy);

  // Errors: kInvalidArgument (missing/ill-formed username or password, naming the field);
  // kUnauthenticated ("Incorrect username or password.", also for unknown users and, after a
  // correct password, disabled accounts); kLocked once kMaxFailedSignIns failures in a row
  // have locked the account, whatever the password. Failures and successes of known users are
  // audited in the same transaction as the counter change.
  Result<SignInResult> SignIn(std::string_view username, std::string_view password);

  // The actor behind a session token. kUnauthenticated when unknown, revoked, idle or absolutely
  // expired, or the user was disabled or locked since. Touches last-seen at most once per
  // SessionPolicy::touch_interval.
  Result<Actor> Authenticate(std::string_view token);

  // The CSRF token that goes with a session token: a hash of it, so it needs no storage and
  // cannot be computed by a page that cannot read the HttpOnly session cookie.
  static std::string CsrfTokenFor(std::string_view session_token);
  static bool CsrfMatches(std::string_view session_token, std::string_view csrf_token);

  Status SignOut(Context& ctx);

  // Errors: kInvalidArgument naming current_password (wrong) or new_password (too short/long,
  // same as current). On success other sessions of the user are revoked.
  Status ChangePassword(Context& ctx, std::string_view current_password,
                        std::string_view new_password);

  const SessionPolicy& policy() const { return policy_; }

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  SessionPolicy policy_;
  std::string dummy_hash_;  // verified against for unknown users, so timing does not tell
};

}  // namespace carecoord::app
