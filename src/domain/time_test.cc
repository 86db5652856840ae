// SPDX-License-Identifier: Apache-2.0
#include "domain/time.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;

Instant Utc(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

TEST(TimeTest, FormatsWithMillisecondsAndZ) {
  EXPECT_EQ(FormatRfc3339(Utc(2026, 11, 22) + hours(21) + milliseconds(123)),
            "2026-11-22T21:00:00.123Z");
  EXPECT_EQ(FormatRfc3339(FromMillis(0)), "1970-01-01T00:00:00.000Z");
}

TEST(TimeTest, ParsesDatesDateTimesAndOffsets) {
  EXPECT_EQ(ParseInstant("2026-11-22", "from").value(), Utc(2026, 11, 22));
  EXPECT_EQ(ParseInstant("2026-11-22T21:30:00Z", "from").value(),
            Utc(2026, 11, 22) + hours(21) + std::chrono::minutes(30));
  EXPECT_EQ(ParseInstant("2026-11-22T21:30:00.5Z", "from").value(),
            Utc(2026, 11, 22) + hours(21) + std::chrono::minutes(30) + milliseconds(500));
  // 16:30 in New York standard time is 21:30 UTC.
  EXPECT_EQ(ParseInstant("2026-11-22T16:30:00-05:00", "from").value(),
            Utc(2026, 11, 22) + hours(21) + std::chrono::minutes(30));
  EXPECT_EQ(ParseInstant("2028-02-29", "from").value(), Utc(2028, 2, 29));
}

TEST(TimeTest, RoundTrips) {
  const Instant t = Utc(2024, 2, 29) + hours(23) + milliseconds(59'999);
  EXPECT_EQ(ParseInstant(FormatRfc3339(t), "t").value(), t);
}

TEST(TimeTest, RejectsMalformedInputNamingTheField) {
  for (const char* bad :
       {"", "2026", "2026-13-01", "2027-02-29", "2026-11-22T25:00:00Z", "2026-11-22T21:30:00",
        "2026-11-22 21:30:00Z", "2026-11-22T21:30:00.Z", "yesterday", "2026-11-22T21:30:00+5"}) {
    auto r = ParseInstant(bad, "from");
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "from");
  }
}

}  // namespace
}  // namespace carecoord
