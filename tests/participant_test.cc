// SPDX-License-Identifier: Apache-2.0
// Participants, related persons and emergency access (app/participant_service.h) on both
// drivers: who sees whom, optimistic concurrency, bad input and break-the-glass.
#include "app/participant_service.h"

#include <gtest/gtest.h>

#include "app/core/crypto.h"
#include "app/referral_service.h"
#include "app_fixture.h"

namespace carecoord::tests {
namespace {

class ParticipantTest : public AppTest {
 protected:
  // A participant accepted into the test program with care_coordinator accountable.
  std::string Admit(const std::string& given, const std::string& family,
                    const std::string& birth = "1990-04-02") {
    app::Context ctx = ContextFor("supervisor");
    app::NewReferral in;
    in.urgency = "routine";
    in.reason = "referred by primary care";
    in.source_setting = "primary_care";
    in.given_name = given;
    in.family_name = family;
    in.birth_date = birth;
    in.member_id = "M-" + family;
    auto r = services_->referrals.Create(ctx, in);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    app::AcceptReferral accept;
    accept.coordinator_id = ContextFor("care_coordinator").actor.user_id.value;
    auto a = services_->referrals.Accept(ctx, r->referral.id, r->referral.version, accept);
    EXPECT_TRUE(a) << (a ? "" : a.error().message);
    return a ? a->participant_id : std::string();
  }

  std::vector<std::string> Search(const std::string& user, app::ParticipantQuery q = {}) {
    app::Context ctx = ContextFor(user);
    auto page = services_->participants.Search(ctx, q);
    EXPECT_TRUE(page) << (page ? "" : page.error().message);
    std::vector<std::string> ids;
    if (page) {
      for (const auto& row : page->items) ids.push_back(row.id);
    }
    return ids;
  }
};

TEST_P(ParticipantTest, SearchListsOnlyWhomTheCallerMaySee) {
  const std::string garcia = Admit("María", "García");
  const std::string smith = Admit("John", "Smith", "1970-05-05");
  EXPECT_EQ(Search("care_coordinator").size(), 2u);
  EXPECT_EQ(Search("supervisor").size(), 2u);
  EXPECT_EQ(Search("auditor").size(), 2u);
  EXPECT_TRUE(Search("peer_support").empty());
  const std::string youth = AddTestProgram(db(), org_id_, "Youth", clock_.Now());
  AddTestUser(db(), org_id_, youth, "youth_sup", Role::kSupervisor, clock_.Now());
  EXPECT_TRUE(Search("youth_sup").empty());
  app::Context admin = ContextFor("admin");
  EXPECT_EQ(services_->participants.Search(admin, {}).error().code, ErrorCode::kPermissionDenied);

  app::ParticipantQuery q;
  q.q = "gar";
  EXPECT_EQ(Search("care_coordinator", q), std::vector{garcia});
  q.q = "MARIA g";
  EXPECT_EQ(Search("care_coordinator", q), std::vector{garcia});
  q.q = "";
  q.birth_date = "1970-05-05";
  EXPECT_EQ(Search("care_coordinator", q), std::vector{smith});
  q.birth_date = "";
  q.member_id = "M-Smith";
  EXPECT_EQ(Search("care_coordinator", q), std::vector{smith});
  q.member_id = "";
  q.birth_date = "05/05/1970";
  app::Context cc = ContextFor("care_coordinator");
  EXPECT_EQ(services_->participants.Search(cc, q).error().field, "birth_date");

  // Keyset paging: family name order, one at a time.
  app::ParticipantQuery paged;
  paged.limit = 1;
  auto first = services_->participants.Search(cc, paged);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->items.size(), 1u);
  EXPECT_EQ(first->items[0].id, garcia);
  EXPECT_EQ(first->items[0].episode_status, "engaging");
  EXPECT_EQ(first->items[0].coordinator_name, "User care_coordinator");
  paged.cursor = first->next_cursor;
  auto second = services_->participants.Search(cc, paged);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].id, smith);
  EXPECT_TRUE(second->next_cursor.empty());
}

TEST_P(ParticipantTest, ChartShowsEpisodesRelatedPersonsAndAgeAndIsAudited) {
  const std::string id = Admit("Ana", "Lopez", "2000-01-01");
  app::Context ctx = ContextFor("care_coordinator");
  auto chart = services_->participants.Get(ctx, id);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->age, 26);  // on 2026-11-18
  ASSERT_EQ(chart->episodes.size(), 1u);
  EXPECT_EQ(chart->episodes[0].program_name, "Test Program");
  EXPECT_EQ(chart->episodes[0].coordinator_name, "User care_coordinator");
  ASSERT_EQ(ctx.read_events.size(), 1u);
  EXPECT_EQ(ctx.read_events[0].action, "participant.read");
  EXPECT_EQ(ctx.read_events[0].participant_id, id);
  app::Context admin = ContextFor("admin");
  EXPECT_EQ(services_->participants.Get(admin, id).error().code, ErrorCode::kPermissionDenied);
  app::Context auditor = ContextFor("auditor");
  EXPECT_TRUE(services_->participants.Get(auditor, id));
  app::ParticipantChanges change;
  change.text = {{"pronouns", "she/her"}};
  EXPECT_EQ(services_->participants.Update(auditor, id, 1, change).error().code,
            ErrorCode::kPermissionDenied);
  const std::string youth = AddTestProgram(db(), org_id_, "Youth", clock_.Now());
  AddTestUser(db(), org_id_, youth, "youth_sup", Role::kSupervisor, clock_.Now());
  app::Context other = ContextFor("youth_sup");
  EXPECT_EQ(services_->participants.Get(other, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(services_->participants.Get(ctx, "not-an-id").error().code, ErrorCode::kNotFound);
}

TEST_P(ParticipantTest, UpdateNeedsTheCurrentVersionAndValidInput) {
  const std::string id = Admit("Ben", "Okafor");
  app::Context ctx = ContextFor("care_coordinator");
  app::ParticipantChanges changes;
  changes.text = {{"family_name", "Okafor-Reyes"},
                  {"address.city", "Tampa"},
                  {"living_situation", "homeless_sheltered"},
                  {"preferred_contact_method", "text"},
                  {"child.school_name", "Lincoln High"}};
  changes.interpreter_needed = true;
  auto updated = services_->participants.Update(ctx, id, 1, changes);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->participant.version, 2);
  EXPECT_EQ(updated->participant.city, "Tampa");
  EXPECT_EQ(updated->participant.family_norm, "okafor reyes");
  EXPECT_TRUE(updated->participant.interpreter_needed);
  EXPECT_EQ(services_->participants.Update(ctx, id, 1, changes).error().code,
            ErrorCode::kPreconditionFailed);
  app::ParticipantQuery q;
  q.q = "okafor r";
  EXPECT_EQ(Search("care_coordinator", q), std::vector{id});

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"sex", "other"},
      {"living_situation", "car"},
      {"birth_date", "2999-01-01"},
      {"birth_date", "1990-02-30"},
      {"given_name", ""},
      {"email", std::string(255, 'e')},
      {"preferred_contact_method", "fax"},
      {"address.city", std::string(101, 'c')}};
  for (const auto& [field, value] : bad) {
    app::ParticipantChanges c;
    c.text = {{field, value}};
    auto r = services_->participants.Update(ctx, id, 2, c);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << field;
    EXPECT_EQ(r.error().field, field);
  }
  EXPECT_EQ(services_->participants.Get(ctx, id)->participant.version, 2);
}

TEST_P(ParticipantTest, RelatedPersonsAreAddedChangedAndEnded) {
  const std::string id = Admit("Cy", "Park");
  app::Context ctx = ContextFor("peer_support");
  app::RelatedPersonInput in;
  in.name = "Rosa Park";
  in.relationship = "parent";
  in.roles = std::vector<std::string>{"legal_guardian", "emergency_contact"};
  // The peer has no relationship with the participant yet.
  EXPECT_EQ(services_->participants.AddRelatedPerson(ctx, id, in).error().code,
            ErrorCode::kNotFound);
  app::Context cc = ContextFor("care_coordinator");
  auto added = services_->participants.AddRelatedPerson(cc, id, in);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->roles, "legal_guardian emergency_contact");
  app::RelatedPersonInput bad = in;
  bad.relationship = "boss";
  EXPECT_EQ(services_->participants.AddRelatedPerson(cc, id, bad).error().field, "relationship");
  bad = in;
  bad.roles = std::vector<std::string>{"banker"};
  EXPECT_EQ(services_->participants.AddRelatedPerson(cc, id, bad).error().field, "roles");
  bad = in;
  bad.name.reset();
  EXPECT_EQ(services_->participants.AddRelatedPerson(cc, id, bad).error().field, "name");

  app::RelatedPersonInput end;
  end.active = false;
  auto ended = services_->participants.UpdateRelatedPerson(cc, added->id, added->version, end);
  ASSERT_TRUE(ended) << ended.error().message;
  EXPECT_FALSE(ended->active);
  EXPECT_EQ(ended->version, 2);
  EXPECT_EQ(services_->participants.UpdateRelatedPerson(cc, added->id, 1, end).error().code,
            ErrorCode::kPreconditionFailed);
  auto chart = services_->participants.Get(cc, id);
  ASSERT_EQ(chart->related_persons.size(), 1u);
  EXPECT_FALSE(chart->related_persons[0].active);
}

TEST_P(ParticipantTest, EmergencyAccessOpensTheRecordForFourHoursWithItsReason) {
  const std::string id = Admit("Dee", "Shaw");
  AddTestUser(db(), org_id_, program_id_, "coordinator2", Role::kCareCoordinator, clock_.Now());
  app::Context other = ContextFor("coordinator2");
  EXPECT_EQ(services_->participants.Get(other, id).error().code, ErrorCode::kNotFound);
  auto short_reason = services_->participants.RequestEmergencyAccess(other, id, "urgent");
  ASSERT_FALSE(short_reason);
  EXPECT_EQ(short_reason.error().field, "reason");
  EXPECT_EQ(services_->participants
                .RequestEmergencyAccess(other, app::NewId(clock_.Now()), "crisis call tonight")
                .error()
                .code,
            ErrorCode::kNotFound);
  const std::string why = "Crisis call at 2am, covering for the on-call coordinator";
  auto grant = services_->participants.RequestEmergencyAccess(other, id, why);
  ASSERT_TRUE(grant) << grant.error().message;
  EXPECT_EQ(grant->expires_at - grant->granted_at, std::chrono::hours(4));
  EXPECT_EQ(grant->participant_name, "Dee Shaw");

  app::Context reader = ContextFor("coordinator2");
  ASSERT_TRUE(services_->participants.Get(reader, id));
  ASSERT_FALSE(reader.read_events.empty());
  EXPECT_NE(reader.read_events.back().reason.find(why), std::string::npos);
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    const store::Value params[] = {org_id_, id};
    auto row = (*conn)->QueryOne(
        "SELECT reason FROM audit_events WHERE org_id = $1 AND participant_id = $2 "
        "AND action = 'participant.emergency_access'",
        params);
    ASSERT_TRUE(row);
    EXPECT_NE(row->Text(0).find(why), std::string::npos);
  }
  // Search never lists through emergency access.
  EXPECT_TRUE(Search("coordinator2").empty());

  // Review: supervisor of the program and auditors; not a supervisor elsewhere.
  for (const char* user : {"supervisor", "auditor"}) {
    app::Context ctx = ContextFor(user);
    auto list = services_->participants.ListEmergencyAccess(ctx, 50, "");
    ASSERT_TRUE(list) << user;
    ASSERT_EQ(list->items.size(), 1u) << user;
    EXPECT_EQ(list->items[0].reason, why);
    EXPECT_EQ(list->items[0].user_name, "User coordinator2");
  }
  const std::string youth = AddTestProgram(db(), org_id_, "Youth", clock_.Now());
  AddTestUser(db(), org_id_, youth, "youth_sup", Role::kSupervisor, clock_.Now());
  app::Context elsewhere = ContextFor("youth_sup");
  EXPECT_TRUE(services_->participants.ListEmergencyAccess(elsewhere, 50, "")->items.empty());
  app::Context cc = ContextFor("care_coordinator");
  EXPECT_EQ(services_->participants.ListEmergencyAccess(cc, 50, "").error().code,
            ErrorCode::kPermissionDenied);

  clock_.Advance(std::chrono::hours(4) + std::chrono::minutes(1));
  app::Context later = ContextFor("coordinator2");
  EXPECT_EQ(services_->participants.Get(later, id).error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ParticipantTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
