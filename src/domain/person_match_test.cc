// SPDX-License-Identifier: Apache-2.0
#include "domain/person_match.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

TEST(PersonMatchTest, NormalisationFoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(NormalizePersonName("  María-José  O'Neil "), "maria jose o neil");
  EXPECT_EQ(NormalizePersonName("ÑUÑEZ, Ángel"), "nunez angel");
  EXPECT_EQ(NormalizePersonName("Strauß"), "strauss");
  EXPECT_EQ(NormalizePersonName("...--"), "");
}

TEST(PersonMatchTest, SameNameTypedDifferentlyLooksAlike) {
  EXPECT_TRUE(NamesLookAlike("Maria Jose Garcia", "MARIA-JOSÉ GARCÍA"));
  EXPECT_TRUE(NamesLookAlike("Pat Lee", "Lee, Pat"));
  EXPECT_TRUE(NamesLookAlike("Jonathan Smith", "Jonathon Smith"));    // one slip
  EXPECT_TRUE(NamesLookAlike("Kathryn Johnson", "Katheryn Jonson"));  // two slips in 14 letters
  EXPECT_TRUE(NamesLookAlike("Pat Lee", "Pam Lee"));                  // six letters allow one slip
}

TEST(PersonMatchTest, DifferentPeopleDoNotLookAlike) {
  EXPECT_FALSE(NamesLookAlike("Jonathan Smith", "Joanna Smythe"));
  EXPECT_FALSE(NamesLookAlike("", ""));
  EXPECT_FALSE(NamesLookAlike("Ann", ""));
}

TEST(PersonMatchTest, SlipAllowanceEdges) {
  // 4 letters: exact only; 5 letters: one slip; 16 letters: two slips, not three.
  EXPECT_FALSE(NamesLookAlike("abcd", "abce"));
  EXPECT_TRUE(NamesLookAlike("abcde", "abcdf"));
  EXPECT_TRUE(NamesLookAlike("abcdefghijklmnop", "abcdefghijklmnxy"));
  EXPECT_FALSE(NamesLookAlike("abcdefghijklmnop", "abcdefghijklmxyz"));
}

}  // namespace
}  // namespace carecoord
