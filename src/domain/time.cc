// SPDX-License-Identifier: Apache-2.0
#include "domain/time.h"

#include <charconv>
#include <cstdio>

namespace carecoord {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

bool ReadInt(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return ec == std::errc() && p == s.data() + pos + len;
}

}  // namespace

std::string FormatRfc3339(Instant t) {
  const auto day = std::chrono::floor<days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss<milliseconds> hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

Result<Instant> ParseInstant(std::string_view s, std::string_view field) {
  auto bad = [&] {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(field) + " must be a date (YYYY-MM-DD) or an RFC 3339 date-time",
                std::string(field));
  };
  int y = 0, mo = 0, d = 0;
  if (s.size() < 10 || !ReadInt(s, 0, 4, y) || s[4] != '-' || !ReadInt(s, 5, 2, mo) ||
      s[7] != '-' || !ReadInt(s, 8, 2, d)) {
    return bad();
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(mo)),
                                        std::chrono::day(unsigned(d))};
  if (!ymd.ok()) return bad();
  Instant t = std::chrono::sys_days(ymd);
  if (s.size() == 10) return t;
  int h = 0, mi = 0, sec = 0;
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't') || !ReadInt(s, 11, 2, h) || s[13] != ':' ||
      !ReadInt(s, 14, 2, mi) || s[16] != ':' || !ReadInt(s, 17, 2, sec) || h > 23 || mi > 59 ||
      sec > 60) {
    return bad();
  }
  t += std::chrono::hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(sec);
  std::size_t pos = 19;
  if (s[pos] == '.') {
    ++pos;
    int ms = 0, digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) ms = ms * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return bad();
    for (int i = digits; i < 3; ++i) ms *= 10;
    t += milliseconds(ms);
  }
  if (pos == s.size()) return bad();
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return t;
  int oh = 0, om = 0;
  if ((s[pos] == '+' || s[pos] == '-') && s.size() == pos + 6 && ReadInt(s, pos + 1, 2, oh) &&
      s[pos + 3] == ':' && ReadInt(s, pos + 4, 2, om) && oh < 24 && om < 60) {
    const auto offset = std::chrono::hours(oh) + std::chrono::minutes(om);
    return s[pos] == '+' ? t - offset : t + offset;
  }
  return bad();
}

}  // namespace carecoord
