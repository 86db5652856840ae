// SPDX-License-Identifier: Apache-2.0
// Referrals and intake (app/referral_service.h) on both drivers: duplicate detection, accepting
// in one transaction, decisions, idempotent create, role checks and bad input.
#include "app/referral_service.h"

#include <gtest/gtest.h>

#include "api/router.h"
#include "app/core/crypto.h"
#include "app_fixture.h"

namespace carecoord::tests {
namespace {

class IntakeTest : public AppTest {
 protected:
  static app::NewReferral Referral(std::string given, std::string family, std::string birth,
                                   std::string member = "") {
    app::NewReferral in;
    in.urgency = "urgent";
    in.reason = "Discharged from the CSU; needs follow-up within 7 days";
    in.source_setting = "crisis_stabilization_unit";
    in.source_org = "County CSU";
    in.documents = {{"Discharge summary", "fax #4411"}};
    in.given_name = std::move(given);
    in.family_name = std::move(family);
    in.birth_date = std::move(birth);
    in.member_id = std::move(member);
    return in;
  }

  app::ReferralView Create(const app::NewReferral& in, const std::string& user = "supervisor") {
    app::Context ctx = ContextFor(user);
    auto view = services_->referrals.Create(ctx, in);
    EXPECT_TRUE(view) << (view ? "" : view.error().field + ": " + view.error().message);
    return view ? *view : app::ReferralView{};
  }

  std::string UserId(const std::string& username) {
    return ContextFor(username).actor.user_id.value;
  }

  Result<app::AcceptedReferral> Accept(const app::ReferralView& r,
                                       const std::string& coordinator = "care_coordinator",
                                       const std::string& participant_id = "") {
    app::Context ctx = ContextFor("supervisor");
    app::AcceptReferral in;
    in.coordinator_id = UserId(coordinator);
    in.participant_id = participant_id;
    in.note = "met at the CSU";
    return services_->referrals.Accept(ctx, r.referral.id, r.referral.version, in);
  }

  std::int64_t Count(const std::string& table) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const store::Value params[] = {org_id_};
    auto row = (*conn)->QueryOne("SELECT count(*) FROM " + table + " WHERE org_id = $1", params);
    EXPECT_TRUE(row);
    return row ? row->Int(0) : -1;
  }
};

TEST_P(IntakeTest, DuplicatesAreFoundByBirthDateAndNameOrByMemberId) {
  auto first = Create(Referral("María José", "García", "1990-04-02", "M-100"));
  EXPECT_TRUE(first.possible_duplicates && first.possible_duplicates->empty());
  auto accepted = Accept(first);
  ASSERT_TRUE(accepted) << accepted.error().message;
  const std::string pid = accepted->participant_id;

  for (auto [given, family] :
       {std::pair{"Maria Jose", "Garcia"}, {"Garcia", "Maria-José"}, {"Maria Jose", "Garsia"}}) {
    auto again = Create(Referral(given, family, "1990-04-02"));
    ASSERT_TRUE(again.possible_duplicates);
    ASSERT_EQ(again.possible_duplicates->size(), 1u) << given << " " << family;
    EXPECT_EQ(again.possible_duplicates->front().candidate.participant_id, pid);
    EXPECT_TRUE(again.possible_duplicates->front().birth_date_and_name);
    EXPECT_FALSE(again.possible_duplicates->front().member_id);
  }
  EXPECT_TRUE(Create(Referral("Robert", "Jones", "1990-04-02")).possible_duplicates->empty());
  auto by_member = Create(Referral("Someone", "Else", "1970-01-01", "M-100"));
  ASSERT_EQ(by_member.possible_duplicates->size(), 1u);
  EXPECT_TRUE(by_member.possible_duplicates->front().member_id);
  EXPECT_TRUE(Create(Referral("Someone", "Else", "1970-01-01", "")).possible_duplicates->empty());

  // While typing, and on GET while open.
  app::Context ctx = ContextFor("nurse_care_manager");
  PersonKey key;
  key.given_name = "maria jose";
  key.family_name = "GARCIA";
  key.birth_date = "1990-04-02";
  auto typing = services_->referrals.Duplicates(ctx, key);
  ASSERT_TRUE(typing);
  ASSERT_EQ(typing->size(), 1u);
  key.birth_date = "";
  EXPECT_TRUE(services_->referrals.Duplicates(ctx, key)->empty());
  key.birth_date = "1990-13-01";
  EXPECT_EQ(services_->referrals.Duplicates(ctx, key).error().field, "birth_date");
  auto got = services_->referrals.Get(ctx, by_member.referral.id);
  ASSERT_TRUE(got);
  ASSERT_TRUE(got->possible_duplicates);
  EXPECT_EQ(got->possible_duplicates->size(), 1u);
  app::Context peer = ContextFor("peer_support");
  EXPECT_EQ(services_->referrals.Duplicates(peer, key).error().code, ErrorCode::kPermissionDenied);
}

TEST_P(IntakeTest, AcceptCreatesParticipantEpisodeHandoffAndCareTeamTogether) {
  auto r = Create(Referral("Ana", "Lopez", "1985-06-01"));
  clock_.Advance(std::chrono::hours(2));
  auto accepted = Accept(r);
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->referral.referral.status, "accepted");
  EXPECT_EQ(accepted->referral.referral.version, r.referral.version + 1);
  EXPECT_EQ(accepted->referral.referral.participant_id, accepted->participant_id);
  EXPECT_EQ(accepted->referral.referral.episode_id, accepted->episode_id);
  EXPECT_EQ(Count("participants"), 1);
  EXPECT_EQ(Count("episodes"), 1);
  EXPECT_EQ(Count("episode_status_history"), 2);
  EXPECT_EQ(Count("handoffs"), 1);
  EXPECT_EQ(Count("care_team_members"), 1);

  auto conn = db().Acquire();
  ASSERT_TRUE(conn);
  const store::Value ep[] = {org_id_, accepted->episode_id};
  auto row = (*conn)->QueryOne(
      "SELECT status, coordinator_id, referral_received_at, started_at FROM episodes "
      "WHERE org_id = $1 AND id = $2",
      ep);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), "engaging");
  EXPECT_EQ(row->Text(1), UserId("care_coordinator"));
  EXPECT_EQ(row->Int(2), ToMillis(r.referral.received_at));
  EXPECT_EQ(row->Int(3), ToMillis(clock_.Now()));
  auto history = (*conn)->Query(
      "SELECT from_status, to_status, changed_at FROM episode_status_history "
      "WHERE org_id = $1 AND episode_id = $2 ORDER BY seq",
      ep);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].Text(0), "");
  EXPECT_EQ((*history)[0].Text(1), "referred");
  EXPECT_EQ((*history)[0].Int(2), ToMillis(r.referral.received_at));
  EXPECT_EQ((*history)[1].Text(1), "engaging");
  auto handoff = (*conn)->QueryOne(
      "SELECT seq, from_user_id, to_user_id, note FROM handoffs WHERE org_id = $1 AND "
      "episode_id = $2",
      ep);
  ASSERT_TRUE(handoff);
  EXPECT_EQ(handoff->Int(0), 1);
  EXPECT_TRUE(handoff->IsNull(1));
  EXPECT_EQ(handoff->Text(3), "met at the CSU");
  const store::Value audit[] = {org_id_, r.referral.id};
  auto events = (*conn)->QueryOne(
      "SELECT count(*) FROM audit_events WHERE org_id = $1 AND action = 'referral.accept' "
      "AND resource_id = $2",
      audit);
  EXPECT_EQ(events->Int(0), 1);

  // The coordinator now sees the participant; a coordinator with no relationship does not.
  app::Context coordinator = ContextFor("care_coordinator");
  auto chart = services_->participants.Get(coordinator, accepted->participant_id);
  ASSERT_TRUE(chart) << chart.error().message;
  EXPECT_EQ(chart->participant.family_name, "Lopez");
  ASSERT_EQ(chart->episodes.size(), 1u);
  EXPECT_EQ(chart->episodes[0].status, "engaging");
  AddTestUser(db(), org_id_, program_id_, "coordinator2", Role::kCareCoordinator, clock_.Now());
  app::Context other = ContextFor("coordinator2");
  EXPECT_EQ(services_->participants.Get(other, accepted->participant_id).error().code,
            ErrorCode::kNotFound);
}

TEST_P(IntakeTest, AReferralIsAcceptedOnce) {
  auto r = Create(Referral("Ben", "Okafor", "1979-02-03"));
  ASSERT_TRUE(Accept(r));
  auto again = Accept(r);  // the old version
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  app::Context ctx = ContextFor("supervisor");
  app::AcceptReferral in;
  in.coordinator_id = UserId("care_coordinator");
  auto current = services_->referrals.Accept(ctx, r.referral.id, r.referral.version + 1, in);
  EXPECT_EQ(current.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("episodes"), 1);
  EXPECT_EQ(Count("participants"), 1);
}

TEST_P(IntakeTest, StaleVersionIsPreconditionFailed) {
  auto r = Create(Referral("Cy", "Park", "1979-02-03"));
  app::Context ctx = ContextFor("supervisor");
  app::AcceptReferral in;
  in.coordinator_id = UserId("care_coordinator");
  auto stale = services_->referrals.Accept(ctx, r.referral.id, r.referral.version + 3, in);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(
      services_->referrals.Decide(ctx, r.referral.id, 9, ReferralDecision::kDecline, "out of area")
          .error()
          .code,
      ErrorCode::kPreconditionFailed);
  EXPECT_EQ(Count("participants"), 0);
}

TEST_P(IntakeTest, ASecondOpenEpisodeInTheProgramIsAConflictAndWritesNothing) {
  auto first = Accept(Create(Referral("Dee", "Shaw", "1991-09-09")));
  ASSERT_TRUE(first);
  auto linked = Referral("Dee", "Shaw", "1991-09-09");
  linked.participant_id = first->participant_id;
  auto second = Create(linked);
  const auto before = std::tuple(Count("participants"), Count("episodes"), Count("handoffs"),
                                 Count("care_team_members"), Count("episode_status_history"));
  auto again = Accept(second);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("open episode"), std::string::npos);
  EXPECT_EQ(before, std::tuple(Count("participants"), Count("episodes"), Count("handoffs"),
                               Count("care_team_members"), Count("episode_status_history")));
  // Linking through the accept body instead of the referral: the same.
  auto third = Create(Referral("Dee", "Shaw", "1991-09-09"));
  EXPECT_EQ(Accept(third, "care_coordinator", first->participant_id).error().code,
            ErrorCode::kConflict);
  app::Context ctx = ContextFor("supervisor");
  EXPECT_EQ(services_->referrals.Get(ctx, second.referral.id)->referral.status, "open");
}

TEST_P(IntakeTest, TheCoordinatorMustHoldTheRoleInTheProgram) {
  auto r = Create(Referral("Eli", "Ward", "1960-01-01"));
  auto nurse = Accept(r, "nurse_care_manager");
  ASSERT_FALSE(nurse);
  EXPECT_EQ(nurse.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(nurse.error().field, "coordinator_id");
  const std::string other_program = AddTestProgram(db(), org_id_, "Youth", clock_.Now());
  AddTestUser(db(), org_id_, other_program, "youth_cc", Role::kCareCoordinator, clock_.Now());
  EXPECT_EQ(Accept(r, "youth_cc").error().field, "coordinator_id");
  EXPECT_EQ(Count("participants"), 0);
}

TEST_P(IntakeTest, DeclineAndRefuseNeedReasons) {
  app::Context ctx = ContextFor("care_coordinator");
  auto r = Create(Referral("Fay", "Dunn", "1999-03-03"));
  auto blank = services_->referrals.Decide(ctx, r.referral.id, r.referral.version,
                                           ReferralDecision::kDecline, "  ");
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().field, "reason");
  auto declined = services_->referrals.Decide(ctx, r.referral.id, r.referral.version,
                                              ReferralDecision::kDecline, "lives out of area");
  ASSERT_TRUE(declined) << declined.error().message;
  EXPECT_EQ(declined->referral.status, "declined");
  EXPECT_EQ(declined->referral.decision_reason, "lives out of area");
  EXPECT_TRUE(declined->referral.decided_at.has_value());
  EXPECT_EQ(
      services_->referrals
          .Decide(ctx, r.referral.id, declined->referral.version, ReferralDecision::kRefuse, "x")
          .error()
          .code,
      ErrorCode::kConflict);
  auto s = Create(Referral("Gus", "Hale", "1999-03-03"));
  EXPECT_EQ(services_->referrals
                .Decide(ctx, s.referral.id, s.referral.version, ReferralDecision::kRefuse, "")
                .error()
                .field,
            "reason");
  auto refused = services_->referrals.Decide(ctx, s.referral.id, s.referral.version,
                                             ReferralDecision::kRefuse, "does not want services");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->referral.status, "refused");
  EXPECT_FALSE(services_->referrals.Get(ctx, s.referral.id)->possible_duplicates);
}

TEST_P(IntakeTest, CreateIsIdempotentPerKey) {
  app::Context ctx = ContextFor("supervisor");
  ctx.idempotency_key = "k-1";
  ctx.request_fingerprint = "POST /api/v1/referrals body-a";
  auto in = Referral("Hal", "Ito", "1980-08-08");
  auto first = services_->referrals.Create(ctx, in);
  ASSERT_TRUE(first);
  auto second = services_->referrals.Create(ctx, in);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->referral.id, first->referral.id);
  EXPECT_EQ(Count("referrals"), 1);
  ctx.request_fingerprint = "POST /api/v1/referrals body-b";
  auto other = services_->referrals.Create(ctx, in);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("referrals"), 1);
}

TEST_P(IntakeTest, RolesAndProgramsDecideWhoSeesReferrals) {
  app::Context peer = ContextFor("peer_support");
  EXPECT_EQ(services_->referrals.Create(peer, Referral("Ida", "Ng", "1990-01-01")).error().code,
            ErrorCode::kPermissionDenied);
  app::Context auditor = ContextFor("auditor");
  EXPECT_EQ(services_->referrals.List(auditor, {}).error().code, ErrorCode::kPermissionDenied);
  auto r = Create(Referral("Ida", "Ng", "1990-01-01"));
  const std::string other_program = AddTestProgram(db(), org_id_, "Youth", clock_.Now());
  AddTestUser(db(), org_id_, other_program, "youth_sup", Role::kSupervisor, clock_.Now());
  app::Context other = ContextFor("youth_sup");
  EXPECT_EQ(services_->referrals.Get(other, r.referral.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(services_->referrals.List(other, {})->items.empty());
  app::AcceptReferral in;
  in.coordinator_id = UserId("care_coordinator");
  EXPECT_EQ(services_->referrals.Accept(other, r.referral.id, 1, in).error().code,
            ErrorCode::kNotFound);
  // A program named in the request must be one where the caller does intake.
  auto elsewhere = Referral("Jo", "Ray", "1990-01-01");
  elsewhere.program_id = other_program;
  app::Context sup = ContextFor("supervisor");
  EXPECT_EQ(services_->referrals.Create(sup, elsewhere).error().field, "program_id");
}

TEST_P(IntakeTest, TheQueueIsMostUrgentThenOldestFirstAndPages) {
  std::vector<std::string> ids;
  for (const char* urgency : {"routine", "urgent", "emergent", "urgent"}) {
    auto in = Referral("Kim", "Lo", "1990-01-01");
    in.urgency = urgency;
    ids.push_back(Create(in).referral.id);
    clock_.Advance(std::chrono::minutes(1));
  }
  app::Context ctx = ContextFor("nurse_care_manager");
  app::ReferralQuery q;
  q.limit = 3;
  auto page = services_->referrals.List(ctx, q);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].referral.id, ids[2]);
  EXPECT_EQ(page->items[1].referral.id, ids[1]);
  EXPECT_EQ(page->items[2].referral.id, ids[3]);
  ASSERT_FALSE(page->next_cursor.empty());
  q.cursor = page->next_cursor;
  auto rest = services_->referrals.List(ctx, q);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].referral.id, ids[0]);
  EXPECT_TRUE(rest->next_cursor.empty());
  q.cursor = "zz";
  EXPECT_EQ(services_->referrals.List(ctx, q).error().field, "cursor");
  q.cursor = "";
  q.status = "pending";
  EXPECT_EQ(services_->referrals.List(ctx, q).error().field, "status");
}

TEST_P(IntakeTest, BadInputNamesTheFieldAndSavesNothing) {
  app::Context ctx = ContextFor("supervisor");
  const auto base = [] { return Referral("Lee", "Mo", "1990-01-01"); };
  std::vector<std::pair<app::NewReferral, std::string>> cases;
  auto c = base();
  c.urgency = "";
  cases.emplace_back(c, "urgency");
  c = base();
  c.urgency = "asap";
  cases.emplace_back(c, "urgency");
  c = base();
  c.source_setting = "hospital";
  cases.emplace_back(c, "source.setting");
  c = base();
  c.reason = "";
  cases.emplace_back(c, "reason");
  c = base();
  c.reason = std::string(4001, 'x');
  cases.emplace_back(c, "reason");
  c = base();
  c.birth_date = "1990-02-30";
  cases.emplace_back(c, "person.birth_date");
  c = base();
  c.birth_date = "2030-01-01";
  cases.emplace_back(c, "person.birth_date");
  c = base();
  c.birth_date = "";
  cases.emplace_back(c, "person.birth_date");
  c = base();
  c.given_name = " ";
  cases.emplace_back(c, "person.given_name");
  c = base();
  c.family_name = std::string(101, 'x');
  cases.emplace_back(c, "person.family_name");
  c = base();
  c.sex = "other";
  cases.emplace_back(c, "person.sex");
  c = base();
  c.received_at = clock_.Now() + std::chrono::hours(1);
  cases.emplace_back(c, "received_at");
  c = base();
  c.source_org = std::string(201, 'x');
  cases.emplace_back(c, "source.organization");
  c = base();
  c.documents = {{"", "ref"}};
  cases.emplace_back(c, "documents");
  c = base();
  c.participant_id = app::NewId(clock_.Now());
  cases.emplace_back(c, "participant_id");
  for (const auto& [in, field] : cases) {
    auto r = services_->referrals.Create(ctx, in);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << field;
    EXPECT_EQ(r.error().field, field);
  }
  EXPECT_EQ(Count("referrals"), 0);
}

TEST(IntakeRoutesTest, DuplicatesIsMatchedBeforeTheReferralId) {
  auto dup = api::MatchRoute("GET", "/api/v1/referrals/duplicates");
  ASSERT_NE(dup.route, nullptr);
  EXPECT_EQ(dup.route->action, Action::kMatchParticipants);
  EXPECT_TRUE(dup.params.empty());
  auto one = api::MatchRoute("GET", "/api/v1/referrals/0192-abc");
  ASSERT_NE(one.route, nullptr);
  EXPECT_EQ(one.route->action, Action::kReadReferral);
  EXPECT_EQ(api::MatchRoute("POST", "/api/v1/referrals/x/accept").route->action,
            Action::kAcceptReferral);
}

INSTANTIATE_TEST_SUITE_P(Drivers, IntakeTest, ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
