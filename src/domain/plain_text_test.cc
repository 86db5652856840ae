// SPDX-License-Identifier: Apache-2.0
#include "domain/plain_text.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

TEST(PlainTextTest, SpacedTurnsCodesIntoWords) {
  EXPECT_EQ(Spaced("inpatient_psychiatric"), "inpatient psychiatric");
  EXPECT_EQ(Spaced("phone"), "phone");
  EXPECT_EQ(Spaced(""), "");
}

TEST(PlainTextTest, CapitalisedUpperCasesOnlyTheFirstLetter) {
  EXPECT_EQ(Capitalised("first contact"), "First contact");
  EXPECT_EQ(Capitalised("Already"), "Already");
  EXPECT_EQ(Capitalised("3 contacts"), "3 contacts");
  EXPECT_EQ(Capitalised(""), "");
}

TEST(PlainTextTest, OrdinalHandlesTheTeens) {
  EXPECT_EQ(Ordinal(1), "1st");
  EXPECT_EQ(Ordinal(2), "2nd");
  EXPECT_EQ(Ordinal(3), "3rd");
  EXPECT_EQ(Ordinal(4), "4th");
  EXPECT_EQ(Ordinal(11), "11th");
  EXPECT_EQ(Ordinal(12), "12th");
  EXPECT_EQ(Ordinal(13), "13th");
  EXPECT_EQ(Ordinal(21), "21st");
  EXPECT_EQ(Ordinal(22), "22nd");
  EXPECT_EQ(Ordinal(111), "111th");
  EXPECT_EQ(Ordinal(101), "101st");
}

TEST(PlainTextTest, PluralIsSingularOnlyForOne) {
  EXPECT_EQ(Plural(1, "contact"), "1 contact");
  EXPECT_EQ(Plural(3, "contact"), "3 contacts");
  EXPECT_EQ(Plural(0, "day"), "0 days");
  EXPECT_EQ(Plural(2, "in-person contact"), "2 in-person contacts");
}

TEST(PlainTextTest, JoinOrListsAChoice) {
  EXPECT_EQ(JoinOr({}), "");
  EXPECT_EQ(JoinOr({"phone"}), "phone");
  EXPECT_EQ(JoinOr({"phone", "video"}), "phone or video");
  EXPECT_EQ(JoinOr({"phone", "video", "in-person"}), "phone, video or in-person");
}

}  // namespace
}  // namespace carecoord
