// SPDX-License-Identifier: Apache-2.0
// Releases of information through the use cases, on both drivers: recording and validation,
// status on today's date, revocation, and the expiring list with its boundary and visibility.
#include <gtest/gtest.h>

#include "app/consent_service.h"
#include "contact_fixture.h"

namespace carecoord::tests {
namespace {

class ConsentTest : public ContactFixture {
 protected:
  static ConsentFields Release(const std::string& effective, const std::string& expiry) {
    ConsentFields c;
    c.party_kind = "organization";
    c.party_name = "County Clinic";
    c.purpose = "coordinate treatment";
    c.categories = {"mental_health", "general_health"};
    c.effective_date = effective;
    c.expiry_date = expiry;
    c.signed_by = "participant";
    c.signed_date = "2026-11-01";
    return c;
  }
};

TEST_P(ConsentTest, RecordsAndListsWithTodaysStatus) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  auto active =
      services_->consents.Record(ctx, s.participant_id, Release("2026-11-01", "2027-11-01"));
  ASSERT_TRUE(active) << active.error().message;
  EXPECT_EQ(active->consent.status, "active");
  EXPECT_EQ(active->consent.record.party_name_norm, "county clinic");
  EXPECT_EQ(active->consent.record.categories, "mental_health general_health");
  ASSERT_TRUE(
      services_->consents.Record(ctx, s.participant_id, Release("2026-11-19", "2027-11-19")));
  ASSERT_TRUE(
      services_->consents.Record(ctx, s.participant_id, Release("2026-01-01", "2026-11-17")));
  auto list = services_->consents.List(ctx, s.participant_id);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].status, "not_yet_effective");
  EXPECT_EQ((*list)[1].status, "active");
  EXPECT_EQ((*list)[2].status, "expired");
  ASSERT_FALSE(ctx.read_events.empty());
  EXPECT_EQ(ctx.read_events.back().action, "consent.list");
}

TEST_P(ConsentTest, BadInputNamesTheFieldAndSavesNothing) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  auto expect_field = [&](ConsentFields c, const std::string& field) {
    auto r = services_->consents.Record(ctx, s.participant_id, c);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, field);
  };
  ConsentFields c = Release("2026-11-01", "2031-11-02");
  expect_field(c, "expiry_date");  // more than five years
  c = Release("2026-11-01", "2026-10-01");
  expect_field(c, "expiry_date");
  c = Release("2026-11-01", "2027-11-01");
  c.signed_date = "2026-11-19";
  expect_field(c, "signed_date");
  c = Release("2026-11-01", "2027-11-01");
  c.signed_by = "guardian";
  expect_field(c, "signer_name");
  c = Release("2026-11-01", "2027-11-01");
  c.categories = {};
  expect_field(c, "categories");
  c = Release("2026-11-01", "2027-11-01");
  c.related_person_id = app::NewId(clock_.Now());
  expect_field(c, "party");
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM consents WHERE participant_id = $1", s.participant_id),
            0);
}

TEST_P(ConsentTest, Revocation) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  auto r = services_->consents.Record(ctx, s.participant_id, Release("2026-11-01", "2027-11-01"));
  ASSERT_TRUE(r);
  const std::string id = r->consent.record.id;
  auto early = services_->consents.Revoke(ctx, id, 1, "2026-10-31", "");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().field, "revoked_date");  // before it was signed
  auto stale = services_->consents.Revoke(ctx, id, 7, std::nullopt, "");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  auto revoked = services_->consents.Revoke(ctx, id, 1, std::nullopt, "participant asked");
  ASSERT_TRUE(revoked) << revoked.error().message;
  EXPECT_EQ(revoked->status, "revoked");
  EXPECT_EQ(revoked->record.revoked_date, "2026-11-18");
  EXPECT_EQ(revoked->record.revoked_by_name, "User care_coordinator");
  EXPECT_EQ(revoked->record.version, 2);
  auto twice = services_->consents.Revoke(ctx, id, 2, std::nullopt, "");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  app::Context peer = ContextFor("peer_support");  // not a coordination role
  auto denied = services_->consents.Revoke(peer, id, 2, std::nullopt, "");
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
}

TEST_P(ConsentTest, ExpiringListsSoonestFirstWithinTheWindowForVisibleParticipants) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  auto record = [&](const std::string& expiry) {
    auto r = services_->consents.Record(ctx, s.participant_id, Release("2026-11-01", expiry));
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? r->consent.record.id : "";
  };
  const std::string day30 = record("2026-12-18");  // today + 30: inside
  record("2026-12-19");                            // today + 31: outside
  const std::string today = record("2026-11-18");  // expires today: still in force
  record("2026-11-17");                            // already expired
  const std::string revoked = record("2026-11-25");
  ASSERT_TRUE(services_->consents.Revoke(ctx, revoked, 1, std::nullopt, ""));
  auto future = Release("2026-11-20", "2026-11-30");  // not yet in force
  ASSERT_TRUE(services_->consents.Record(ctx, s.participant_id, future));

  auto list = services_->consents.Expiring(ctx, 30);
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].record.id, today);
  EXPECT_EQ((*list)[1].record.id, day30);
  EXPECT_EQ((*list)[0].record.participant_name, "Alex Rivera");
  auto week = services_->consents.Expiring(ctx, 7);
  ASSERT_TRUE(week);
  EXPECT_EQ(week->size(), 1u);

  app::Context auditor = ContextFor("auditor");
  auto all = services_->consents.Expiring(auditor, 30);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
  app::Context supervisor = ContextFor("supervisor");
  auto supervised = services_->consents.Expiring(supervisor, 30);
  ASSERT_TRUE(supervised);
  EXPECT_EQ(supervised->size(), 2u);
  AddUser("other_coordinator", Role::kCareCoordinator);
  app::Context other = ContextFor("other_coordinator");
  auto none = services_->consents.Expiring(other, 30);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  for (int bad : {0, 91}) {
    auto r = services_->consents.Expiring(ctx, bad);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "days");
  }
}

TEST_P(ConsentTest, AccessFollowsTheParticipant) {
  const ContactSeed s = SeedEpisode();
  AddUser("other_coordinator", Role::kCareCoordinator);
  app::Context other = ContextFor("other_coordinator");
  auto hidden = services_->consents.List(other, s.participant_id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  app::Context auditor = ContextFor("auditor");
  EXPECT_TRUE(services_->consents.List(auditor, s.participant_id));
  auto write =
      services_->consents.Record(auditor, s.participant_id, Release("2026-11-01", "2027-11-01"));
  ASSERT_FALSE(write);
  EXPECT_EQ(write.error().code, ErrorCode::kPermissionDenied);
}

TEST_P(ConsentTest, IdempotentRecord) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  ctx.idempotency_key = "consent-1";
  ctx.request_fingerprint = "body";
  auto a = services_->consents.Record(ctx, s.participant_id, Release("2026-11-01", "2027-11-01"));
  auto b = services_->consents.Record(ctx, s.participant_id, Release("2026-11-01", "2027-11-01"));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->consent.record.id, b->consent.record.id);
  EXPECT_TRUE(b->replayed);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM consents WHERE participant_id = $1", s.participant_id),
            1);
}

INSTANTIATE_TEST_SUITE_P(Drivers, ConsentTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
