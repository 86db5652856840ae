// SPDX-License-Identifier: Apache-2.0
#include "domain/calendar.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

TEST(CalendarTest, ParsesOnlyRealDates) {
  EXPECT_EQ(*ParseDate("2024-02-29", "d"), "2024-02-29");
  EXPECT_FALSE(ParseDate("2026-02-29", "d"));
  EXPECT_FALSE(ParseDate("2026-13-01", "d"));
  EXPECT_FALSE(ParseDate("2026-1-01", "d"));
  EXPECT_FALSE(ParseDate("2026-01-01T00:00:00Z", "d"));
  EXPECT_FALSE(ParseDate("20a6-01-01", "d"));
  auto bad = ParseDate("", "birth_date");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "birth_date");
}

TEST(CalendarTest, LocalDateFollowsTheProgramTimeZone) {
  // 03:30 UTC on 22 Nov is still 21 Nov in New York (UTC-5) but 22 Nov in Berlin.
  auto t = ParseInstant("2026-11-22T03:30:00Z", "t");
  ASSERT_TRUE(t);
  EXPECT_EQ(*LocalDate(*t, "America/New_York"), "2026-11-21");
  EXPECT_EQ(*LocalDate(*t, "Europe/Berlin"), "2026-11-22");
  EXPECT_EQ(*LocalDate(*t, "UTC"), "2026-11-22");
  EXPECT_FALSE(LocalDate(*t, "Mars/Olympus_Mons"));
  EXPECT_TRUE(IsKnownTimeZone("America/New_York"));
  EXPECT_FALSE(IsKnownTimeZone("nowhere"));
}

TEST(CalendarTest, AddsDaysAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays("2026-11-30", 1), "2026-12-01");
  EXPECT_EQ(AddDays("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(AddDays("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(AddDays("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(AddDays("2026-11-22", 30), "2026-12-22");
}

TEST(CalendarTest, AgeCountsWholeYearsUpToTheBirthday) {
  EXPECT_EQ(AgeOn("1990-11-22", "2026-11-21"), 35);
  EXPECT_EQ(AgeOn("1990-11-22", "2026-11-22"), 36);
  EXPECT_EQ(AgeOn("2008-02-29", "2026-02-28"), 17);
  EXPECT_EQ(AgeOn("2008-02-29", "2026-03-01"), 18);
  EXPECT_EQ(AgeOn("2030-01-01", "2026-01-01"), 0);
}

}  // namespace
}  // namespace carecoord
