// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"
#include "domain/time.h"

namespace carecoord {

// Sign-in names: 3–64 characters of a-z 0-9 . _ -, compared case-insensitively. Returns the
// normalised (lower-case) name or kInvalidArgument naming `field`.
Result<std::string> NormalizeUsername(std::string_view username,
                                      std::string_view field = "username");

// Display names: 1–200 bytes of printable text after trimming; no control characters.
Result<std::string> ValidateDisplayName(std::string_view name,
                                        std::string_view field = "display_name");

// Passwords: 12–256 characters (length over composition rules, as NIST SP 800-63B advises).
Status ValidateNewPassword(std::string_view password, std::string_view field = "password");

// After this many failed sign-ins in a row the account locks until an administrator unlocks it.
inline constexpr int kMaxFailedSignIns = 5;

struct SessionPolicy {
  std::chrono::milliseconds idle_timeout = std::chrono::minutes(30);
  std::chrono::milliseconds absolute_timeout = std::chrono::hours(12);
  // last_seen is written back at most this often, so an authenticated read is not a write.
  std::chrono::milliseconds touch_interval = std::chrono::minutes(1);
};

enum class SessionState { kActive, kIdleExpired, kAbsoluteExpired, kRevoked };

struct SessionTimes {
  Instant last_seen;
  Instant absolute_expires;
  std::optional<Instant> revoked;
};

// Whether a session may be used at `now`. A session is idle-expired when now ≥ last_seen +
// idle_timeout, and absolutely expired when now ≥ absolute_expires.
SessionState EvaluateSession(const SessionTimes& s, Instant now, const SessionPolicy& policy);

// When the session would expire from idleness if used now.
inline Instant IdleExpiry(Instant last_seen, const SessionPolicy& policy) {
  return last_seen + policy.idle_timeout;
}

}  // namespace carecoord
