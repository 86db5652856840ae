// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "domain/error.h"
#include "domain/time.h"

// Secrets and identifiers, over libsodium. All functions are thread-safe.
namespace carecoord::app {

// Initialises libsodium; fatal error (abort) if it cannot. Called by every function below, so
// callers need not.
void EnsureCryptoReady();

// argon2id with libsodium's interactive limits (the encoded string carries the parameters).
// kInternal only when memory cannot be allocated.
Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// 32 random bytes (256 bits), base64url without padding: session and CSRF tokens.
std::string NewToken();

// Lower-case hex SHA-256.
std::string Sha256Hex(std::string_view data);

// A new UUIDv7 for `now`.
std::string NewId(Instant now);

// Constant-time comparison of two equal-length strings (false when lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace carecoord::app
