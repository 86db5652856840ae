// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace carecoord {

// An instant in UTC with millisecond precision. Stored as int64 milliseconds since the epoch.
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

inline std::int64_t ToMillis(Instant t) {
  return t.time_since_epoch().count();
}
inline Instant FromMillis(std::int64_t ms) {
  return Instant(std::chrono::milliseconds(ms));
}

// "2026-11-22T21:30:00.123Z".
std::string FormatRfc3339(Instant t);

// Accepts RFC 3339 date-times ("2026-11-22T21:30:00Z", with optional fraction and numeric
// offset) and plain dates "2026-11-22" (midnight UTC). kInvalidArgument naming `field`
// otherwise.
Result<Instant> ParseInstant(std::string_view text, std::string_view field);

}  // namespace carecoord
