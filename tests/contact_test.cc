// SPDX-License-Identifier: Apache-2.0
// Contacts and case notes through the use cases, on both drivers: the release rule (004) with
// its date edges, signed-note immutability, addenda, idempotent retries, access and bad input.
#include <gtest/gtest.h>

#include "app/contact_service.h"
#include "contact_fixture.h"

namespace carecoord::tests {
namespace {

constexpr char kCountContacts[] = "SELECT COUNT(*) FROM contacts WHERE episode_id = $1";

class ContactTest : public ContactFixture {
 protected:
  static app::NewContact WithParticipant() {
    app::NewContact c;
    c.fields.duration_minutes = 20;
    c.fields.mode = "phone";
    c.fields.successful = true;
    c.fields.with_whom = "participant";
    c.fields.purposes = {"engagement"};
    c.fields.outcome = "engaged";
    c.fields.narrative = "Talked about housing.";
    return c;
  }

  static app::NewContact WithDana(std::vector<std::string> disclosed = {"mental_health"}) {
    app::NewContact c = WithParticipant();
    c.fields.with_whom = "natural_support";
    c.fields.party_name = "Dana Smith";
    c.fields.outcome = "information_shared";
    c.fields.disclosed = std::move(disclosed);
    return c;
  }

  std::string RecordRelease(const ContactSeed& s, const std::string& party,
                            const std::string& effective, const std::string& expiry,
                            std::vector<std::string> categories = {"mental_health"}) {
    app::Context ctx = ContextFor("care_coordinator");
    ConsentFields c;
    c.party_kind = "person";
    c.party_name = party;
    c.purpose = "coordinate support";
    c.categories = std::move(categories);
    c.effective_date = effective;
    c.expiry_date = expiry;
    c.signed_by = "participant";
    c.signed_date = "2026-01-01";
    auto r = services_->consents.Record(ctx, s.participant_id, c);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? r->consent.record.id : "";
  }

  // Logs a contact with Dana and expects the release refusal: nothing saved, audited denied.
  void ExpectReleaseRequired(const ContactSeed& s, const std::string& why_starts,
                             std::vector<std::string> disclosed = {"mental_health"}) {
    app::Context ctx = ContextFor("care_coordinator");
    auto r = services_->contacts.Log(ctx, s.episode_id, WithDana(disclosed));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().type, "release-required");
    EXPECT_EQ(r.error().object_name, "missing");
    std::map<std::string, ErrorMember> members;
    for (const auto& m : r.error().members) members.emplace(m.name, m);
    ASSERT_EQ(members.size(), 4u);
    EXPECT_EQ(std::get<std::string>(members.at("party").value), "Dana Smith");
    EXPECT_EQ(std::get<std::string>(members.at("on").value), "2026-11-18");
    EXPECT_TRUE(std::get<std::string>(members.at("why").value).starts_with(why_starts))
        << std::get<std::string>(members.at("why").value);
    EXPECT_FALSE(std::get<std::vector<std::string>>(members.at("categories").value).empty());
    EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 0);
    ASSERT_FALSE(ctx.read_events.empty());
    const AuditRecord& denied = ctx.read_events.back();
    EXPECT_EQ(denied.outcome, AuditOutcome::kDenied);
    EXPECT_EQ(denied.action, "contact.create");
    EXPECT_EQ(denied.participant_id, s.participant_id);
    EXPECT_TRUE(denied.reason.starts_with("release required: ")) << denied.reason;
  }
};

TEST_P(ContactTest, AContactWithTheParticipantNeedsNoRelease) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  auto r = services_->contacts.Log(ctx, s.episode_id, WithParticipant());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->contact.by_role, "care_coordinator");
  EXPECT_EQ(r->contact.by_name, "User care_coordinator");
  EXPECT_EQ(r->contact.participant_id, s.participant_id);
  EXPECT_EQ(r->contact.purposes, "engagement");
  EXPECT_FALSE(r->contact.signed_at);
  app::NewContact guardian = WithParticipant();
  guardian.fields.with_whom = "guardian";
  EXPECT_TRUE(services_->contacts.Log(ctx, s.episode_id, guardian));
  EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 2);
}

TEST_P(ContactTest, ACoveringReleaseLetsTheContactBeSaved) {
  const ContactSeed s = SeedEpisode();
  RecordRelease(s, "DANA  smith", "2026-01-01", "2026-11-18");  // valid on its expiry date
  app::Context ctx = ContextFor("care_coordinator");
  auto r = services_->contacts.Log(ctx, s.episode_id, WithDana());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->contact.disclosed, "mental_health");
  EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 1);
}

TEST_P(ContactTest, ALinkedRelatedPersonMatchesTheirRelease) {
  const ContactSeed s = SeedEpisode();
  RecordRelease(s, "Dana Smith", "2026-01-01", "2027-01-01");
  app::Context ctx = ContextFor("care_coordinator");
  app::NewContact c = WithDana();
  c.fields.party_name.clear();
  c.fields.related_person_id = s.related_person_id;
  auto r = services_->contacts.Log(ctx, s.episode_id, c);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->contact.party_name, "Dana Smith");
  c.fields.related_person_id = app::NewId(clock_.Now());  // not this participant's
  auto bad = services_->contacts.Log(ctx, s.episode_id, c);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "party");
}

TEST_P(ContactTest, ReleaseExpiredYesterday) {
  const ContactSeed s = SeedEpisode();
  RecordRelease(s, "Dana Smith", "2026-01-01", "2026-11-17");
  ExpectReleaseRequired(s, "release to Dana Smith (effective 2026-01-01) expired on 2026-11-17");
}

TEST_P(ContactTest, ReleaseEffectiveTomorrow) {
  const ContactSeed s = SeedEpisode();
  RecordRelease(s, "Dana Smith", "2026-11-19", "2027-11-19");
  ExpectReleaseRequired(s, "release to Dana Smith (effective 2026-11-19) is not effective until");
}

TEST_P(ContactTest, ReleaseRevoked) {
  const ContactSeed s = SeedEpisode();
  const std::string id = RecordRelease(s, "Dana Smith", "2026-01-01", "2027-01-01");
  app::Context ctx = ContextFor("care_coordinator");
  ASSERT_TRUE(services_->consents.Revoke(ctx, id, 1, std::nullopt, "asked to stop"));
  ExpectReleaseRequired(s,
                        "release to Dana Smith (effective 2026-01-01) was revoked on 2026-11-18");
}

TEST_P(ContactTest, ReleaseForAnotherCategory) {
  const ContactSeed s = SeedEpisode();
  RecordRelease(s, "Dana Smith", "2026-01-01", "2027-01-01", {"general_health"});
  ExpectReleaseRequired(s,
                        "release to Dana Smith (effective 2026-01-01) does not cover "
                        "mental_health");
}

TEST_P(ContactTest, ReleaseForAnotherParty) {
  const ContactSeed s = SeedEpisode();
  RecordRelease(s, "Robin Jones", "2026-01-01", "2027-01-01");
  ExpectReleaseRequired(s, "no release names this party");
}

TEST_P(ContactTest, ASignedNoteNeverChangesAndTakesAddenda) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  auto logged = services_->contacts.Log(ctx, s.episode_id, WithParticipant());
  ASSERT_TRUE(logged);
  const std::string id = logged->contact.id;
  auto early = services_->contacts.AddAddendum(ctx, id, "fix");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);  // edit the note instead
  app::ContactChanges ch;
  ch.narrative = "Talked about housing and benefits.";
  auto edited = services_->contacts.Edit(ctx, id, 1, ch);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->version, 2);
  auto stale = services_->contacts.Sign(ctx, id, 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  auto signed_note = services_->contacts.Sign(ctx, id, 2);
  ASSERT_TRUE(signed_note) << signed_note.error().message;
  EXPECT_TRUE(signed_note->signed_at);
  EXPECT_EQ(signed_note->signed_by_name, "User care_coordinator");
  ch.narrative = "Rewritten later.";
  auto after = services_->contacts.Edit(ctx, id, 3, ch);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::kConflict);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM contacts WHERE id = $1 AND narrative = "
                      "'Talked about housing and benefits.' AND version = 3",
                      id),
            1);
  auto again = services_->contacts.Sign(ctx, id, 3);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto addendum = services_->contacts.AddAddendum(ctx, id, "Also discussed SSI.");
  ASSERT_TRUE(addendum) << addendum.error().message;
  EXPECT_EQ(addendum->by_name, "User care_coordinator");
  auto empty = services_->contacts.AddAddendum(ctx, id, " ");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "text");
  auto page = services_->contacts.List(ctx, s.episode_id, 50, "");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  ASSERT_EQ(page->items[0].addenda.size(), 1u);
  EXPECT_EQ(page->items[0].addenda[0].text, "Also discussed SSI.");
}

TEST_P(ContactTest, OnlyTheAuthorOrASupervisorSignsOrEdits) {
  const ContactSeed s = SeedEpisode();
  AddToCareTeam(s, "peer_support", "peer_support_specialist");
  app::Context author = ContextFor("care_coordinator");
  auto logged = services_->contacts.Log(author, s.episode_id, WithParticipant());
  ASSERT_TRUE(logged);
  app::Context peer = ContextFor("peer_support");
  auto denied = services_->contacts.Sign(peer, logged->contact.id, 1);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
  app::Context supervisor = ContextFor("supervisor");
  auto ok = services_->contacts.Sign(supervisor, logged->contact.id, 1);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->signed_by_name, "User supervisor");
}

TEST_P(ContactTest, IdempotentRetries) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  ctx.idempotency_key = "contact-1";
  ctx.request_fingerprint = "POST body a";
  auto first = services_->contacts.Log(ctx, s.episode_id, WithParticipant());
  auto second = services_->contacts.Log(ctx, s.episode_id, WithParticipant());
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->contact.id, second->contact.id);
  EXPECT_TRUE(second->replayed);
  EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 1);
  ctx.request_fingerprint = "POST body b";
  auto other = services_->contacts.Log(ctx, s.episode_id, WithParticipant());
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kConflict);
  EXPECT_EQ(other.error().field, "Idempotency-Key");
  EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 1);
}

TEST_P(ContactTest, WhoMayLogAndRead) {
  const ContactSeed s = SeedEpisode();
  AddToCareTeam(s, "peer_support", "peer_support_specialist");
  app::Context peer = ContextFor("peer_support");
  auto logged = services_->contacts.Log(peer, s.episode_id, WithParticipant());
  ASSERT_TRUE(logged) << logged.error().message;
  EXPECT_EQ(logged->contact.by_role, "peer_support");
  AddUser("other_coordinator", Role::kCareCoordinator);
  app::Context other = ContextFor("other_coordinator");
  auto hidden = services_->contacts.Log(other, s.episode_id, WithParticipant());
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto hidden_list = services_->contacts.List(other, s.episode_id, 50, "");
  ASSERT_FALSE(hidden_list);
  EXPECT_EQ(hidden_list.error().code, ErrorCode::kNotFound);
  app::Context auditor = ContextFor("auditor");
  auto read = services_->contacts.List(auditor, s.episode_id, 50, "");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->items.size(), 1u);
  ASSERT_FALSE(auditor.read_events.empty());
  EXPECT_EQ(auditor.read_events.back().participant_id, s.participant_id);
  auto write = services_->contacts.Log(auditor, s.episode_id, WithParticipant());
  ASSERT_FALSE(write);
  EXPECT_EQ(write.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 1);
}

TEST_P(ContactTest, BadInputNamesTheFieldAndSavesNothing) {
  const ContactSeed s = SeedEpisode("care_coordinator", 2);
  app::Context ctx = ContextFor("care_coordinator");
  auto expect_field = [&](app::NewContact c, const std::string& field) {
    auto r = services_->contacts.Log(ctx, s.episode_id, c);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << field;
    EXPECT_EQ(r.error().field, field);
  };
  app::NewContact c = WithParticipant();
  c.fields.duration_minutes = 1441;
  expect_field(c, "duration_minutes");
  c = WithParticipant();
  c.occurred_at = clock_.Now() + std::chrono::minutes(5);
  expect_field(c, "occurred_at");
  c.occurred_at = clock_.Now() - std::chrono::days(3);  // before the referral
  expect_field(c, "occurred_at");
  c = WithDana();
  c.fields.party_name.clear();
  expect_field(c, "party");
  c = WithDana({});
  expect_field(c, "disclosed");
  c = WithParticipant();
  c.fields.purposes.clear();
  expect_field(c, "purposes");
  EXPECT_EQ(CountRows(kCountContacts, s.episode_id), 0);
}

TEST_P(ContactTest, ListsNewestFirstInPages) {
  const ContactSeed s = SeedEpisode();
  app::Context ctx = ContextFor("care_coordinator");
  for (int hours : {3, 1, 2}) {
    app::NewContact c = WithParticipant();
    c.occurred_at = clock_.Now() - std::chrono::hours(hours);
    ASSERT_TRUE(services_->contacts.Log(ctx, s.episode_id, c));
  }
  auto first = services_->contacts.List(ctx, s.episode_id, 2, "");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_GT(first->items[0].occurred_at, first->items[1].occurred_at);
  ASSERT_TRUE(first->next_cursor);
  auto second = services_->contacts.List(ctx, s.episode_id, 2, *first->next_cursor);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_LT(second->items[0].occurred_at, first->items[1].occurred_at);
  EXPECT_FALSE(second->next_cursor);
  auto bad = services_->contacts.List(ctx, s.episode_id, 2, "garbage");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "cursor");
}

INSTANTIATE_TEST_SUITE_P(Drivers, ContactTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
