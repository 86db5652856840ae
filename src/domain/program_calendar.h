// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to src/domain: this header brings in Howard Hinnant's date/tz, which the domain
// links privately. Public headers (those other layers include) must not include it.

#include <date/date.h>
#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>

#include "domain/time.h"

namespace carecoord {

// Days, weeks and months in a program's time zone (DESIGN §4 "Time"), and the short dates the
// obligation explanations show. Cheap to copy: it holds a pointer into the tz database.
class ProgramCalendar {
 public:
  // The calendar of zone `tz` ("America/New_York"); nullopt when the tz database does not know
  // it.
  static std::optional<ProgramCalendar> ForZone(std::string_view tz);

  explicit ProgramCalendar(const date::time_zone* zone) : zone_(zone) {}

  // The local day instant `t` falls on.
  date::local_days Day(Instant t) const { return date::floor<date::days>(zone_->to_local(t)); }

  // The first instant of local day `d`. Where a zone skips midnight (DST at 00:00), the first
  // instant that exists on that day.
  Instant Midnight(date::local_days d) const;

  // Local calendar days touched by [from, to): 1 for a window inside one day.
  int DaysTouched(Instant from, Instant to) const;

  // "2026-11-16": the local date of `t`.
  std::string Date(Instant t) const { return DateText(Day(t)); }
  // "16 Nov".
  std::string Short(Instant t) const { return Short(Day(t)); }
  // "16 Nov 14:00", local time.
  std::string ShortWithTime(Instant t) const;

  // "2026-11-16".
  static std::string DateText(date::local_days d);
  // "16 Nov".
  static std::string Short(date::local_days d);
  // "1 Feb 2027".
  static std::string Long(date::local_days d);
  // "November 2026".
  static std::string MonthYear(date::local_days d);

 private:
  const date::time_zone* zone_;
};

// The day named by "YYYY-MM-DD"; nullopt for anything else or an impossible date.
std::optional<date::local_days> ParseDay(std::string_view text);

// The Monday of `d`'s week: weeks run Monday–Sunday (docs/worklists.md "Evaluation").
date::local_days WeekStart(date::local_days d);

// The 1st of `d`'s month.
date::local_days MonthStart(date::local_days d);

// The 1st of the month after `d`'s.
date::local_days NextMonthStart(date::local_days d);

}  // namespace carecoord
