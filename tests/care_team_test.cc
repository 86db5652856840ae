// SPDX-License-Identifier: Apache-2.0
// Care teams and the staff list across the layers, on every driver
// (docs/participant-record.md "Episodes, hand-offs, care team").
#include <gtest/gtest.h>

#include "episode_fixture.h"

namespace carecoord::tests {
namespace {

using std::chrono::hours;

class CareTeamTest : public EpisodeFixture {
 protected:
  app::CareTeamService& team() { return services_->care_team; }

  app::NewCareTeamMember Peer() {
    app::NewCareTeamMember m;
    m.role = "peer_support_specialist";
    m.user_id = UserIdOf("peer_support");
    return m;
  }

  app::NewCareTeamMember Outsider() {
    app::NewCareTeamMember m;
    m.role = "psychiatrist";
    m.external_name = "Dr. Ada Okafor";
    m.external_org = "County Behavioral Health";
    m.phone = "555-0100";
    m.email = "ada.okafor@example.org";
    return m;
  }
};

TEST_P(CareTeamTest, ListShowsTheCoordinatorAndAddsColleaguesAndOutsiders) {
  auto s = SeedEpisode();
  auto ctx = ContextFor("care_coordinator");
  auto list = team().List(ctx, s.episode_id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].member.role, "care_coordinator");
  EXPECT_EQ((*list)[0].member.user_name, "User care_coordinator");
  EXPECT_TRUE((*list)[0].active);
  EXPECT_EQ(ctx.read_events.back().action, "care_team.read");

  // The peer has no relationship yet; joining the team gives them the record.
  auto peer = ContextFor("peer_support");
  EXPECT_EQ(services_->episodes.Get(peer, s.episode_id).error().code, ErrorCode::kNotFound);
  auto added = team().Add(ctx, s.episode_id, Peer());
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_FALSE(added->replayed);
  EXPECT_EQ(added->view.member.start_date, Today());
  EXPECT_EQ(added->view.member.user_name, "User peer_support");
  EXPECT_TRUE(added->view.active);
  EXPECT_TRUE(services_->episodes.Get(peer, s.episode_id));

  auto outsider = team().Add(ctx, s.episode_id, Outsider());
  ASSERT_TRUE(outsider) << outsider.error().message;
  EXPECT_FALSE(outsider->view.member.user_id);
  EXPECT_EQ(outsider->view.member.external_org, "County Behavioral Health");
  EXPECT_EQ(team().List(ctx, s.episode_id)->size(), 3u);
  EXPECT_EQ(AuditCount("care_team.write", added->view.member.id), 1);

  // The same user in the same role twice is a conflict.
  auto twice = team().Add(ctx, s.episode_id, Peer());
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
}

TEST_P(CareTeamTest, BadMembersAre400NamingTheFieldAndAddNothing) {
  auto s = SeedEpisode();
  auto ctx = ContextFor("care_coordinator");
  std::vector<std::pair<app::NewCareTeamMember, std::string>> cases;
  auto m = Peer();
  m.role = "doctor";
  cases.push_back({m, "role"});
  m = Peer();
  m.user_id.reset();
  cases.push_back({m, "user_id"});
  m = Peer();
  m.external_name = "Also A Name";
  cases.push_back({m, "external_name"});
  m = Peer();
  m.user_id = "0192f0c8-0000-7000-8000-000000000000";
  cases.push_back({m, "user_id"});
  m = Peer();
  m.user_id = "not-a-user";
  cases.push_back({m, "user_id"});
  m = Outsider();
  m.start_date = "2026-11-20";
  m.end_date = "2026-11-19";
  cases.push_back({m, "end_date"});
  m = Outsider();
  m.start_date = "2026-13-01";
  cases.push_back({m, "start_date"});
  m = Outsider();
  m.email = "not an email";
  cases.push_back({m, "email"});
  for (const auto& [member, field] : cases) {
    auto r = team().Add(ctx, s.episode_id, member);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << field << ": " << r.error().message;
    EXPECT_EQ(r.error().field, field) << r.error().message;
  }
  EXPECT_EQ(TeamOf(s.episode_id).size(), 1u);
}

TEST_P(CareTeamTest, EndingAMembershipEndsAccessAfterTheEndDay) {
  auto s = SeedEpisode();
  auto ctx = ContextFor("care_coordinator");
  auto added = team().Add(ctx, s.episode_id, Peer());
  ASSERT_TRUE(added);
  const std::string id = added->view.member.id;

  app::CareTeamMemberChanges bad;
  bad.end_date = std::optional<std::string>("2000-01-01");
  auto before_start = team().Update(ctx, id, 1, bad);
  ASSERT_FALSE(before_start);
  EXPECT_EQ(before_start.error().field, "end_date");
  app::CareTeamMemberChanges end;
  end.end_date = std::optional<std::string>(Today());
  end.phone = "555-0199";
  EXPECT_EQ(team().Update(ctx, id, 9, end).error().code, ErrorCode::kPreconditionFailed);
  auto ended = team().Update(ctx, id, 1, end);
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_EQ(ended->member.end_date, Today());
  EXPECT_EQ(ended->member.phone, "555-0199");
  EXPECT_EQ(ended->member.version, 2);
  EXPECT_TRUE(ended->active) << "the end day still counts";

  auto peer = ContextFor("peer_support");
  EXPECT_TRUE(services_->episodes.Get(peer, s.episode_id));
  clock_.Advance(hours(24));
  EXPECT_EQ(services_->episodes.Get(peer, s.episode_id).error().code, ErrorCode::kNotFound);
  auto list = team().List(ctx, s.episode_id);
  ASSERT_TRUE(list);
  for (const auto& v : *list) {
    if (v.member.id == id) {
      EXPECT_FALSE(v.active);
    }
  }
  // Clearing the end date makes the membership last again.
  app::CareTeamMemberChanges reopen;
  reopen.end_date = std::optional<std::string>();
  auto reopened = team().Update(ctx, id, 2, reopen);
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_FALSE(reopened->member.end_date);
  EXPECT_TRUE(services_->episodes.Get(peer, s.episode_id));
}

TEST_P(CareTeamTest, AClosedEpisodesTeamNoLongerChanges) {
  auto s = SeedEpisode("care_coordinator", "closed", 30);
  auto supervisor = ContextFor("supervisor");
  auto r = team().Add(supervisor, s.episode_id, Outsider());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  auto list = team().List(supervisor, s.episode_id);
  ASSERT_TRUE(list);
  app::CareTeamMemberChanges reopen;
  reopen.end_date = std::optional<std::string>();
  EXPECT_EQ(team().Update(supervisor, (*list)[0].member.id, 1, reopen).error().code,
            ErrorCode::kConflict);
}

TEST_P(CareTeamTest, IdempotencyKeyReplaysTheFirstMember) {
  auto s = SeedEpisode();
  auto ctx = ContextFor("care_coordinator");
  ctx.idempotency_key = "add-peer-1";
  ctx.request_fingerprint = "fp-1";
  auto first = team().Add(ctx, s.episode_id, Peer());
  ASSERT_TRUE(first) << first.error().message;
  auto second = team().Add(ctx, s.episode_id, Peer());
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->replayed);
  EXPECT_EQ(second->view.member.id, first->view.member.id);
  EXPECT_EQ(TeamOf(s.episode_id).size(), 2u);
  ctx.request_fingerprint = "fp-2";
  auto reused = team().Add(ctx, s.episode_id, Outsider());
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().code, ErrorCode::kConflict);
}

TEST_P(CareTeamTest, RolesAndRelationships) {
  auto s = SeedEpisode();
  auto coordinator = ContextFor("care_coordinator");
  ASSERT_TRUE(team().Add(coordinator, s.episode_id, Peer()));
  // A peer on the team reads it but may not change it.
  auto peer = ContextFor("peer_support");
  EXPECT_TRUE(team().List(peer, s.episode_id));
  EXPECT_EQ(team().Add(peer, s.episode_id, Outsider()).error().code, ErrorCode::kPermissionDenied);
  auto auditor = ContextFor("auditor");
  EXPECT_TRUE(team().List(auditor, s.episode_id));
  EXPECT_EQ(team().Add(auditor, s.episode_id, Outsider()).error().code,
            ErrorCode::kPermissionDenied);
  AddUser("stranger", Role::kCareCoordinator);
  auto stranger = ContextFor("stranger");
  EXPECT_EQ(team().List(stranger, s.episode_id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(team().Add(stranger, s.episode_id, Outsider()).error().code, ErrorCode::kNotFound);
  const std::string member_id = TeamOf(s.episode_id)[0].id;
  app::CareTeamMemberChanges change;
  change.phone = "555-0000";
  EXPECT_EQ(team().Update(stranger, member_id, 1, change).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(team().Update(stranger, "nope", 1, change).error().code, ErrorCode::kNotFound);
  auto nurse = ContextFor("nurse_care_manager");
  EXPECT_EQ(team().List(nurse, s.episode_id).error().code, ErrorCode::kNotFound);
}

TEST_P(CareTeamTest, StaffListsEnabledColleaguesWithTheirRoles) {
  auto ctx = ContextFor("peer_support");
  auto all = team().Staff(ctx, "", "");
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->size(), 6u);
  auto coordinators = team().Staff(ctx, "care_coordinator", program_id_);
  ASSERT_TRUE(coordinators);
  ASSERT_EQ(coordinators->size(), 1u);
  EXPECT_EQ((*coordinators)[0].display_name, "User care_coordinator");
  ASSERT_EQ((*coordinators)[0].roles.size(), 1u);
  EXPECT_EQ((*coordinators)[0].roles[0].program_id, program_id_);
  EXPECT_EQ(ctx.read_events.back().action, "staff.list");

  // A disabled colleague is not offered.
  auto admin = ContextFor("admin");
  auto user = services_->users.Get(admin, UserIdOf("care_coordinator"));
  ASSERT_TRUE(user);
  app::UserChanges disable;
  disable.disabled = true;
  ASSERT_TRUE(services_->users.Update(admin, user->id, user->version, disable));
  EXPECT_TRUE(team().Staff(ctx, "care_coordinator", "")->empty());

  EXPECT_EQ(team().Staff(ctx, "doctor", "").error().field, "role");
  EXPECT_EQ(team().Staff(ctx, "", "0192f0c8-0000-7000-8000-000000000000").error().field,
            "program_id");
  EXPECT_EQ(team().Staff(admin, "", "").error().code, ErrorCode::kPermissionDenied);
  auto auditor = ContextFor("auditor");
  EXPECT_EQ(team().Staff(auditor, "", "").error().code, ErrorCode::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Drivers, CareTeamTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
