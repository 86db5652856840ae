// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"
#include "domain/time.h"

namespace carecoord {

// Calendar dates as the record keeps them: "YYYY-MM-DD" text, which sorts and compares like the
// dates it names. Days, weeks and months are the program's own (DESIGN §4 "Time"), so turning
// an instant into a date always names a time zone. Pure functions; the time zone rules come
// from the system tz database through Howard Hinnant's date/tz.

// The date itself when `text` is a real calendar date in YYYY-MM-DD form (2026-02-30 is not);
// kInvalidArgument naming `field` otherwise.
Result<std::string> ParseDate(std::string_view text, std::string_view field);

// The calendar date at instant `t` in time zone `tz` ("America/New_York"). kInvalidArgument
// when the zone is unknown.
Result<std::string> LocalDate(Instant t, std::string_view tz);

// `date` plus `days` (negative to go back). `date` must be valid (ParseDate).
std::string AddDays(std::string_view date, int days);

// Whole years from `birth_date` to `on` (both valid dates; 0 when `on` is before the birth).
int AgeOn(std::string_view birth_date, std::string_view on);

// Whether `tz` names a zone of the tz database.
bool IsKnownTimeZone(std::string_view tz);

}  // namespace carecoord
