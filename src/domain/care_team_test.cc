// SPDX-License-Identifier: Apache-2.0
#include "domain/care_team.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace carecoord {
namespace {

TEST(CareTeamTest, RoleNamesRoundTripAndMatchTheContract) {
  const std::set<std::string> contract = {"care_coordinator",       "peer_support_specialist",
                                          "nurse_care_manager",     "behavioral_health_provider",
                                          "psychiatrist",           "primary_care_provider",
                                          "parent_consultant",      "peer_navigator",
                                          "school_contact",         "natural_support",
                                          "external_agency_contact"};
  std::set<std::string> seen;
  for (CareTeamRole r : kAllCareTeamRoles) {
    const std::string name(CareTeamRoleName(r));
    EXPECT_EQ(ParseCareTeamRole(name), r);
    seen.insert(name);
  }
  EXPECT_EQ(seen, contract);
  EXPECT_FALSE(ParseCareTeamRole("Care_Coordinator"));
  EXPECT_FALSE(ParseCareTeamRole(""));
  auto bad = ParseCareTeamRoleField("doctor", "role");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "role");
  EXPECT_NE(bad.error().message.find("school_contact"), std::string::npos);
}

TEST(CareTeamTest, AMemberIsAUserOrAnExternalNameNotBothNotNeither) {
  EXPECT_TRUE(ValidateCareTeamMember(true, "", "2026-11-18", std::nullopt));
  EXPECT_TRUE(ValidateCareTeamMember(false, "Dr. Ada Lovelace", "2026-11-18", std::nullopt));
  auto neither = ValidateCareTeamMember(false, "  ", "2026-11-18", std::nullopt);
  ASSERT_FALSE(neither);
  EXPECT_EQ(neither.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(neither.error().field, "user_id");
  auto both = ValidateCareTeamMember(true, "Someone", "2026-11-18", std::nullopt);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().field, "external_name");
  auto long_name = ValidateCareTeamMember(false, std::string(201, 'x'), "2026-11-18", {});
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().field, "external_name");
}

TEST(CareTeamTest, DatesAreRealAndStartIsNotAfterEnd) {
  EXPECT_TRUE(ValidateCareTeamMember(true, "", "2026-11-18", std::string("2026-11-18")));
  EXPECT_TRUE(ValidateCareTeamMember(true, "", "2026-11-18", std::string("2027-01-01")));
  auto before = ValidateCareTeamMember(true, "", "2026-11-18", std::string("2026-11-17"));
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().field, "end_date");
  auto bad_start = ValidateCareTeamMember(true, "", "2026-02-30", std::nullopt);
  ASSERT_FALSE(bad_start);
  EXPECT_EQ(bad_start.error().field, "start_date");
  auto bad_end = ValidateCareTeamMember(true, "", "2026-11-18", std::string("18/11/2026"));
  ASSERT_FALSE(bad_end);
  EXPECT_EQ(bad_end.error().field, "end_date");
}

TEST(CareTeamTest, ContactDetails) {
  EXPECT_TRUE(ValidateCareTeamContact("", "", ""));
  EXPECT_TRUE(ValidateCareTeamContact("County DSS", "555-0100", "a@example.org"));
  for (const char* email : {"nobody", "@example.org", "a@", "a@b@c", "a b@example.org"}) {
    auto st = ValidateCareTeamContact("", "", email);
    ASSERT_FALSE(st) << email;
    EXPECT_EQ(st.error().field, "email");
  }
  EXPECT_EQ(ValidateCareTeamContact("", std::string(51, '5'), "").error().field, "phone");
  EXPECT_EQ(ValidateCareTeamContact(std::string(201, 'o'), "", "").error().field, "external_org");
}

TEST(CareTeamTest, ActiveFromStartThroughTheEndDay) {
  EXPECT_TRUE(IsMembershipActive("2026-11-01", std::nullopt, "2026-11-18"));
  EXPECT_TRUE(IsMembershipActive("2026-11-18", std::string("2026-11-18"), "2026-11-18"));
  EXPECT_FALSE(IsMembershipActive("2026-11-19", std::nullopt, "2026-11-18"));
  EXPECT_FALSE(IsMembershipActive("2026-11-01", std::string("2026-11-17"), "2026-11-18"));
}

TEST(CareTeamTest, TransferNeedsAnOpenEpisodeAnotherPersonAndACoordinator) {
  for (EpisodeStatus s : kAllEpisodeStatuses) {
    auto st = CheckTransfer("a", "b", true, s);
    if (IsTerminal(s)) {
      ASSERT_FALSE(st) << EpisodeStatusName(s);
      EXPECT_EQ(st.error().code, ErrorCode::kConflict);
      EXPECT_NE(st.error().message.find(EpisodeStatusName(s)), std::string::npos);
    } else {
      EXPECT_TRUE(st) << EpisodeStatusName(s);
    }
  }
  auto self = CheckTransfer("a", "a", true, EpisodeStatus::kActive);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(self.error().field, "to_user_id");
  EXPECT_NE(self.error().message.find("already"), std::string::npos);
  auto not_coordinator = CheckTransfer("a", "b", false, EpisodeStatus::kActive);
  ASSERT_FALSE(not_coordinator);
  EXPECT_EQ(not_coordinator.error().field, "to_user_id");
  EXPECT_NE(not_coordinator.error().message.find("care_coordinator"), std::string::npos);
  // A closed episode is reported as closed even when the target is also wrong.
  EXPECT_EQ(CheckTransfer("a", "a", false, EpisodeStatus::kClosed).error().code,
            ErrorCode::kConflict);
}

TEST(CareTeamTest, HandoffDetails) {
  const Instant now = FromMillis(1'795'000'000'000);
  EXPECT_TRUE(CheckHandoffDetails(now, now, ""));
  EXPECT_TRUE(CheckHandoffDetails(now - std::chrono::hours(3), now, std::string(4000, 'n')));
  EXPECT_EQ(CheckHandoffDetails(now + std::chrono::milliseconds(1), now, "").error().field,
            "occurred_at");
  EXPECT_EQ(CheckHandoffDetails(now, now, std::string(4001, 'n')).error().field, "note");
}

}  // namespace
}  // namespace carecoord
