// SPDX-License-Identifier: Apache-2.0
#include "domain/program_calendar.h"

#include <array>
#include <cstdio>
#include <exception>

namespace carecoord {

std::optional<ProgramCalendar> ProgramCalendar::ForZone(std::string_view tz) {
  try {
    return ProgramCalendar(date::locate_zone(tz));
  } catch (const std::exception&) {
    return std::nullopt;  // date/tz reports an unknown zone by throwing
  }
}

Instant ProgramCalendar::Midnight(date::local_days d) const {
  const auto info = zone_->get_info(date::local_seconds(d));
  if (info.result == date::local_info::nonexistent) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(info.first.end);
  }
  return std::chrono::time_point_cast<std::chrono::milliseconds>(
      zone_->to_sys(date::local_seconds(d), date::choose::earliest));
}

int ProgramCalendar::DaysTouched(Instant from, Instant to) const {
  // `to` is exclusive: a window ending at midnight does not touch the next day.
  return static_cast<int>((Day(to - std::chrono::milliseconds{1}) - Day(from)).count()) + 1;
}

std::string ProgramCalendar::ShortWithTime(Instant t) const {
  const auto local = zone_->to_local(t);
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local));
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes.count() / 60),
                static_cast<int>(minutes.count() % 60));
  return Short(t) + " " + buf;
}

std::string ProgramCalendar::DateText(date::local_days d) {
  const date::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string ProgramCalendar::Short(date::local_days d) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1];
}

std::string ProgramCalendar::Long(date::local_days d) {
  return Short(d) + " " + std::to_string(static_cast<int>(date::year_month_day{d}.year()));
}

std::string ProgramCalendar::MonthYear(date::local_days d) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const date::year_month_day ymd{d};
  return std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::optional<date::local_days> ParseDay(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (std::sscanf(std::string(text).c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::local_days{ymd};
}

date::local_days WeekStart(date::local_days d) {
  const date::weekday wd{d};
  return d - date::days{(wd.c_encoding() + 6) % 7};
}

date::local_days MonthStart(date::local_days d) {
  const date::year_month_day ymd{d};
  return date::local_days{ymd.year() / ymd.month() / date::day{1}};
}

date::local_days NextMonthStart(date::local_days d) {
  const date::year_month_day ymd{d};
  return date::local_days{(ymd.year() / ymd.month() + date::months{1}) / date::day{1}};
}

}  // namespace carecoord
