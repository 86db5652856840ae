// SPDX-License-Identifier: Apache-2.0
#include "domain/account_rules.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

TEST(AccountRulesTest, UsernamesAreNormalisedToLowerCase) {
  EXPECT_EQ(NormalizeUsername("Casey.Jordan_2").value(), "casey.jordan_2");
  EXPECT_EQ(NormalizeUsername("abc").value(), "abc");
  EXPECT_EQ(NormalizeUsername(std::string(64, 'a')).value(), std::string(64, 'a'));
}

TEST(AccountRulesTest, UsernameEdgesAreRejectedNamingTheField) {
  for (const std::string& bad :
       {std::string(), std::string("ab"), std::string(65, 'a'), std::string("has space"),
        std::string("semi;colon"), std::string("ünicode")}) {
    auto r = NormalizeUsername(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "username");
  }
}

TEST(AccountRulesTest, PasswordLengthIsCountedInCharacters) {
  EXPECT_FALSE(ValidateNewPassword(std::string(11, 'x')));
  EXPECT_TRUE(ValidateNewPassword(std::string(12, 'x')));
  EXPECT_TRUE(ValidateNewPassword(std::string(256, 'x')));
  EXPECT_FALSE(ValidateNewPassword(std::string(257, 'x')));
  // Twelve two-byte characters are twelve characters.
  std::string accented;
  for (int i = 0; i < 12; ++i) accented += "é";
  EXPECT_TRUE(ValidateNewPassword(accented));
  EXPECT_FALSE(ValidateNewPassword("\xff\xfe invalid utf8 here"));
  EXPECT_EQ(ValidateNewPassword("short", "new_password").error().field, "new_password");
}

TEST(AccountRulesTest, DisplayNamesAreTrimmedAndBounded) {
  EXPECT_EQ(ValidateDisplayName("  Casey Jordan ").value(), "Casey Jordan");
  EXPECT_FALSE(ValidateDisplayName("   "));
  EXPECT_FALSE(ValidateDisplayName("line\nbreak"));
  EXPECT_TRUE(ValidateDisplayName(std::string(200, 'n')));
  EXPECT_FALSE(ValidateDisplayName(std::string(201, 'n')));
}

TEST(AccountRulesTest, SessionIdleExpiryIsExactAtTheBoundary) {
  const SessionPolicy policy;  // 30 min idle, 12 h absolute
  const Instant start = FromMillis(1'700'000'000'000);
  const SessionTimes s{start, start + std::chrono::hours(12), std::nullopt};
  EXPECT_EQ(EvaluateSession(s, start + minutes(30) - milliseconds(1), policy),
            SessionState::kActive);
  EXPECT_EQ(EvaluateSession(s, start + minutes(30), policy), SessionState::kIdleExpired);
}

TEST(AccountRulesTest, AbsoluteExpiryWinsOverActivity) {
  const SessionPolicy policy;
  const Instant start = FromMillis(1'700'000'000'000);
  const Instant end = start + std::chrono::hours(12);
  const SessionTimes busy{end - milliseconds(1), end, std::nullopt};
  EXPECT_EQ(EvaluateSession(busy, end - milliseconds(1), policy), SessionState::kActive);
  EXPECT_EQ(EvaluateSession(busy, end, policy), SessionState::kAbsoluteExpired);
}

TEST(AccountRulesTest, RevokedSessionsAreNeverActive) {
  const SessionPolicy policy;
  const Instant start = FromMillis(1'700'000'000'000);
  const SessionTimes s{start, start + std::chrono::hours(12), start};
  EXPECT_EQ(EvaluateSession(s, start, policy), SessionState::kRevoked);
}

}  // namespace
}  // namespace carecoord
