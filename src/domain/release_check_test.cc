// SPDX-License-Identifier: Apache-2.0
#include "domain/release_check.h"

#include <gtest/gtest.h>

#include "domain/person_match.h"

namespace carecoord {
namespace {

constexpr char kToday[] = "2026-11-18";

Release Dana(std::vector<std::string> categories = {"mental_health"}) {
  Release r;
  r.id = "r1";
  r.party_name = "Dana Smith";
  r.party_name_norm = NormalizePersonName(r.party_name);
  r.related_person_id = "rp-1";
  r.categories = std::move(categories);
  r.effective_date = "2026-01-01";
  r.expiry_date = "2027-01-01";
  return r;
}

Disclosure ToDana(std::vector<std::string> categories = {"mental_health"}) {
  Disclosure d;
  d.party_name = "Dana Smith";
  d.categories = std::move(categories);
  d.on = kToday;
  return d;
}

TEST(ReleaseCheckTest, AValidReleaseNamingThePartyAndCategoryCovers) {
  const auto d = CheckRelease({Dana()}, ToDana());
  EXPECT_TRUE(d.covered);
  EXPECT_TRUE(d.missing_categories.empty());
  EXPECT_TRUE(d.why.empty());
}

TEST(ReleaseCheckTest, NoReleasesAtAll) {
  const auto d = CheckRelease({}, ToDana({"mental_health", "hiv"}));
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.why, "no release names this party");
  EXPECT_EQ(d.missing_categories, (std::vector<std::string>{"mental_health", "hiv"}));
}

TEST(ReleaseCheckTest, ExpiredYesterdayIsNotValid) {
  Release r = Dana();
  r.expiry_date = "2026-11-17";
  const auto d = CheckRelease({r}, ToDana());
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.why, "release to Dana Smith (effective 2026-01-01) expired on 2026-11-17");
  EXPECT_EQ(d.missing_categories, std::vector<std::string>{"mental_health"});
}

TEST(ReleaseCheckTest, ExpiringTodayIsStillValidOnItsExpiryDate) {
  Release r = Dana();
  r.expiry_date = kToday;
  EXPECT_TRUE(CheckRelease({r}, ToDana()).covered);
  EXPECT_TRUE(ReleaseValidOn(r, kToday));
  EXPECT_FALSE(ReleaseValidOn(r, "2026-11-19"));
}

TEST(ReleaseCheckTest, EffectiveTomorrowIsNotYetValid) {
  Release r = Dana();
  r.effective_date = "2026-11-19";
  const auto d = CheckRelease({r}, ToDana());
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.why,
            "release to Dana Smith (effective 2026-11-19) is not effective until 2026-11-19");
  r.effective_date = kToday;  // effective today: valid
  EXPECT_TRUE(CheckRelease({r}, ToDana()).covered);
}

TEST(ReleaseCheckTest, RevokedOnOrBeforeTheDateIsNotValid) {
  Release r = Dana();
  r.revoked_date = kToday;
  auto d = CheckRelease({r}, ToDana());
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.why, "release to Dana Smith (effective 2026-01-01) was revoked on 2026-11-18");
  r.revoked_date = "2026-06-01";
  EXPECT_FALSE(CheckRelease({r}, ToDana()).covered);
}

TEST(ReleaseCheckTest, RevokedLaterWasValidOnAnEarlierDate) {
  Release r = Dana();
  r.revoked_date = "2026-11-19";
  EXPECT_TRUE(CheckRelease({r}, ToDana()).covered);
  EXPECT_TRUE(ReleaseValidOn(r, kToday));
  EXPECT_FALSE(ReleaseValidOn(r, "2026-11-19"));
}

TEST(ReleaseCheckTest, AnotherCategoryIsNotCovered) {
  const auto d = CheckRelease({Dana()}, ToDana({"mental_health", "substance_use_part2"}));
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.missing_categories, std::vector<std::string>{"substance_use_part2"});
  EXPECT_EQ(d.why,
            "release to Dana Smith (effective 2026-01-01) does not cover substance_use_part2");
}

TEST(ReleaseCheckTest, AnotherPartyIsNotCovered) {
  Disclosure other = ToDana();
  other.party_name = "Robin Jones";
  const auto d = CheckRelease({Dana()}, other);
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.why, "no release names this party");
  // A release to someone else never helps, even when it covers the category.
  Release robin = Dana({"hiv"});
  robin.party_name = "Someone Else";
  robin.party_name_norm = NormalizePersonName(robin.party_name);
  robin.related_person_id.reset();
  EXPECT_FALSE(CheckRelease({robin}, ToDana({"hiv"})).covered);
}

TEST(ReleaseCheckTest, TwoReleasesEachCoveringOneCategoryTogetherCoverBoth) {
  Release a = Dana({"mental_health"});
  Release b = Dana({"substance_use_part2"});
  b.id = "r2";
  EXPECT_TRUE(CheckRelease({a, b}, ToDana({"mental_health", "substance_use_part2"})).covered);
  // ... but only when both are in force on the date.
  b.expiry_date = "2026-11-01";
  const auto d = CheckRelease({a, b}, ToDana({"mental_health", "substance_use_part2"}));
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.missing_categories, std::vector<std::string>{"substance_use_part2"});
  EXPECT_EQ(d.why, "release to Dana Smith (effective 2026-01-01) expired on 2026-11-01");
}

TEST(ReleaseCheckTest, NamesMatchAfterNormalisation) {
  Release r = Dana();
  r.party_name = "María-José O'Neil";
  r.party_name_norm = NormalizePersonName(r.party_name);
  r.related_person_id.reset();
  Disclosure d = ToDana();
  d.party_name = "  MARIA JOSE o neil ";
  EXPECT_TRUE(CheckRelease({r}, d).covered);
  d.party_name = "";  // an empty name never matches an empty normalized name
  r.party_name_norm = "";
  EXPECT_FALSE(CheckRelease({r}, d).covered);
}

TEST(ReleaseCheckTest, IdsMatchEvenWhenTheNameIsTypedDifferently) {
  Disclosure d = ToDana();
  d.party_name = "Mom";
  d.related_person_id = "rp-1";
  EXPECT_TRUE(CheckRelease({Dana()}, d).covered);
  Release provider = Dana();
  provider.related_person_id.reset();
  provider.care_team_member_id = "ctm-9";
  provider.party_name_norm = "clinic";
  Disclosure to_member = ToDana();
  to_member.party_name = "";
  to_member.care_team_member_id = "ctm-9";
  EXPECT_TRUE(CheckRelease({provider}, to_member).covered);
  to_member.care_team_member_id = "ctm-10";
  EXPECT_FALSE(CheckRelease({provider}, to_member).covered);
}

TEST(ReleaseCheckTest, AValidReleaseWinsOverAnInvalidOneForTheSameCategory) {
  Release old = Dana();
  old.expiry_date = "2026-01-31";
  Release renewed = Dana();
  renewed.id = "r2";
  renewed.effective_date = "2026-02-01";
  EXPECT_TRUE(CheckRelease({old, renewed}, ToDana()).covered);
}

TEST(ReleaseCheckTest, ARevocationIsExplainedBeforeAnExpiry) {
  Release expired = Dana();
  expired.expiry_date = "2026-03-01";
  Release revoked = Dana();
  revoked.id = "r2";
  revoked.effective_date = "2026-03-02";
  revoked.revoked_date = "2026-10-01";
  const auto d = CheckRelease({expired, revoked}, ToDana());
  EXPECT_EQ(d.why, "release to Dana Smith (effective 2026-03-02) was revoked on 2026-10-01");
}

TEST(ReleaseCheckTest, NothingDisclosedStillNeedsAReleaseInForce) {
  EXPECT_TRUE(CheckRelease({Dana()}, ToDana({})).covered);
  Release r = Dana();
  r.expiry_date = "2026-11-17";
  const auto d = CheckRelease({r}, ToDana({}));
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(d.why, "release to Dana Smith (effective 2026-01-01) expired on 2026-11-17");
}

}  // namespace
}  // namespace carecoord
