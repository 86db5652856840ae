// SPDX-License-Identifier: Apache-2.0
#include "domain/calendar.h"

#include <date/date.h>
#include <date/tz.h>

#include <charconv>
#include <cstdio>

namespace carecoord {
namespace {

std::optional<date::year_month_day> ToYmd(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  auto digits = [&](std::size_t pos, std::size_t len, auto& out) {
    const char* first = text.data() + pos;
    for (std::size_t i = 0; i < len; ++i) {
      if (first[i] < '0' || first[i] > '9') return false;
    }
    return std::from_chars(first, first + len, out).ec == std::errc();
  };
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string Format(const date::year_month_day& ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

const date::time_zone* FindZone(std::string_view tz) {
  try {
    return date::locate_zone(tz);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

Result<std::string> ParseDate(std::string_view text, std::string_view field) {
  auto ymd = ToYmd(text);
  if (!ymd) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(field) + ": expected a calendar date YYYY-MM-DD", std::string(field));
  }
  return Format(*ymd);
}

Result<std::string> LocalDate(Instant t, std::string_view tz) {
  const date::time_zone* zone = FindZone(tz);
  if (zone == nullptr) {
    return Fail(ErrorCode::kInvalidArgument, "unknown time zone", "time_zone");
  }
  const auto local = zone->to_local(t);
  return Format(date::year_month_day{date::floor<date::days>(local)});
}

std::string AddDays(std::string_view day, int days) {
  auto ymd = ToYmd(day);
  if (!ymd) return std::string(day);
  return Format(date::year_month_day{date::sys_days{*ymd} + date::days{days}});
}

int AgeOn(std::string_view birth_date, std::string_view on) {
  auto born = ToYmd(birth_date);
  auto when = ToYmd(on);
  if (!born || !when || *when < *born) return 0;
  int years = static_cast<int>(when->year()) - static_cast<int>(born->year());
  const auto birthday_this_year = date::month_day{born->month(), born->day()};
  if (date::month_day{when->month(), when->day()} < birthday_this_year) --years;
  return years;
}

bool IsKnownTimeZone(std::string_view tz) {
  return FindZone(tz) != nullptr;
}

}  // namespace carecoord
