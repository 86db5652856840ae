// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>

#include "domain/time.h"

namespace carecoord {

// A strongly typed opaque identifier, so a user id cannot be passed where an organization id
// is expected. The text is a UUIDv7 (time-ordered, so ids sort by creation).
template <typename Tag>
struct Id {
  std::string value;
  friend auto operator<=>(const Id&, const Id&) = default;
  bool empty() const { return value.empty(); }
};

using OrgId = Id<struct OrgTag>;
using ProgramId = Id<struct ProgramTag>;
using UserId = Id<struct UserTag>;
using SessionId = Id<struct SessionTag>;

// Formats a UUIDv7 (RFC 9562) from a timestamp and 10 random bytes. Pure: the caller supplies
// the randomness, so the domain stays free of I/O.
std::string FormatUuidV7(Instant t, const std::array<std::uint8_t, 10>& random);

// True for the canonical 36-character lower-case hex form with dashes.
bool LooksLikeUuid(std::string_view text);

}  // namespace carecoord
