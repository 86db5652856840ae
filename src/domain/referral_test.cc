// SPDX-License-Identifier: Apache-2.0
#include "domain/referral.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

DuplicateCandidate Candidate(std::string id, std::string given, std::string family,
                             std::string birth, std::string member = "") {
  DuplicateCandidate c;
  c.participant_id = std::move(id);
  c.given_name = std::move(given);
  c.family_name = std::move(family);
  c.birth_date = std::move(birth);
  c.member_id = std::move(member);
  return c;
}

PersonKey Person(std::string given, std::string family, std::string birth,
                 std::string member = "") {
  PersonKey p;
  p.given_name = std::move(given);
  p.family_name = std::move(family);
  p.birth_date = std::move(birth);
  p.member_id = std::move(member);
  return p;
}

TEST(ReferralTest, CodesAreCheckedAndNamed) {
  EXPECT_TRUE(CheckCode("emergency_department", ReferralSourceSettings(), "source.setting"));
  auto bad = CheckCode("hospital", ReferralSourceSettings(), "source.setting");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "source.setting");
  EXPECT_NE(bad.error().message.find("emergency_department"), std::string::npos);
  EXPECT_TRUE(CheckCode("", LivingSituations(), "living_situation"));
  EXPECT_FALSE(CheckCode("", SexCodes(), "sex"));
  EXPECT_TRUE(CheckCodes({"legal_guardian", "emergency_contact"}, RelatedPersonRoles(), "roles"));
  EXPECT_FALSE(CheckCodes({"legal_guardian", "legal_guardian"}, RelatedPersonRoles(), "roles"));
  EXPECT_FALSE(CheckCodes({"boss"}, RelatedPersonRoles(), "roles"));
}

TEST(ReferralTest, UrgencyRanksEmergentFirst) {
  EXPECT_EQ(UrgencyRank("emergent"), 0);
  EXPECT_EQ(UrgencyRank("urgent"), 1);
  EXPECT_EQ(UrgencyRank("routine"), 2);
  EXPECT_FALSE(UrgencyRank("soon"));
}

TEST(ReferralTest, TextLengthsCountCharactersNotBytes) {
  EXPECT_TRUE(CheckText("ññññññññññ", 10, 10, "reason"));
  EXPECT_FALSE(CheckText("ñññññññññ", 10, 500, "reason"));
  EXPECT_FALSE(CheckText("   ", 1, 10, "reason"));
  EXPECT_EQ(CheckText(std::string(11, 'x'), 0, 10, "f").error().field, "f");
}

TEST(ReferralTest, OnlyAnOpenReferralIsDecidedAndExitsNeedAReason) {
  EXPECT_TRUE(CheckReferralDecision("open", ReferralDecision::kAccept, ""));
  EXPECT_EQ(CheckReferralDecision("accepted", ReferralDecision::kAccept, "").error().code,
            ErrorCode::kConflict);
  auto no_reason = CheckReferralDecision("open", ReferralDecision::kDecline, "  ");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_FALSE(CheckReferralDecision("open", ReferralDecision::kRefuse, ""));
  EXPECT_TRUE(CheckReferralDecision("open", ReferralDecision::kRefuse, "does not want services"));
  EXPECT_EQ(DecidedStatus(ReferralDecision::kRefuse), "refused");
}

TEST(ReferralTest, SameBirthDateAndLookAlikeNameIsAPossibleDuplicate) {
  const std::vector candidates = {
      Candidate("a", "María José", "García", "1990-04-02"),
      Candidate("b", "Maria", "Garcia", "1990-04-03"),  // other birth date
      Candidate("c", "Robert", "Jones", "1990-04-02"),  // other name
  };
  for (const auto& person : {Person("Maria Jose", "Garcia", "1990-04-02"),
                             Person("Garcia", "Maria Jose", "1990-04-02"),     // order
                             Person("Maria Jose", "Garsia", "1990-04-02")}) {  // slip
    auto found = FindPossibleDuplicates(person, candidates, 10);
    ASSERT_EQ(found.size(), 1u) << person.given_name << " " << person.family_name;
    EXPECT_EQ(found[0].candidate.participant_id, "a");
    EXPECT_TRUE(found[0].birth_date_and_name);
    EXPECT_FALSE(found[0].member_id);
  }
  EXPECT_TRUE(FindPossibleDuplicates(Person("Ann", "Lee", "1990-04-02"), candidates, 10).empty());
}

TEST(ReferralTest, SameMemberIdMatchesWhateverTheBirthDateButEmptyNeverDoes) {
  const std::vector candidates = {Candidate("a", "Ann", "Lee", "1980-01-01", "M123"),
                                  Candidate("b", "Bo", "Ray", "1981-01-01", "")};
  auto found = FindPossibleDuplicates(Person("Zed", "Zulu", "2000-02-02", "M123"), candidates, 10);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].member_id);
  EXPECT_FALSE(found[0].birth_date_and_name);
  EXPECT_TRUE(
      FindPossibleDuplicates(Person("Zed", "Zulu", "2000-02-02", ""), candidates, 10).empty());
  // Both reasons at once, one entry; the limit is honoured.
  const std::vector twice = {Candidate("a", "Ann", "Lee", "1980-01-01", "M1"),
                             Candidate("a", "Ann", "Lee", "1980-01-01", "M1")};
  auto both = FindPossibleDuplicates(Person("Ann", "Lee", "1980-01-01", "M1"), twice, 10);
  ASSERT_EQ(both.size(), 1u);
  EXPECT_TRUE(both[0].birth_date_and_name && both[0].member_id);
  EXPECT_TRUE(FindPossibleDuplicates(Person("Ann", "Lee", "1980-01-01", "M1"), twice, 0).empty());
}

}  // namespace
}  // namespace carecoord
