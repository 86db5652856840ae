// SPDX-License-Identifier: Apache-2.0
#include "domain/contact.h"

#include <gtest/gtest.h>

namespace carecoord {
namespace {

ContactFields Phone() {
  ContactFields c;
  c.duration_minutes = 15;
  c.mode = "phone";
  c.successful = true;
  c.with_whom = "participant";
  c.purposes = {"engagement"};
  c.outcome = "engaged";
  c.narrative = "Talked about housing.";
  return c;
}

std::string FieldOf(const Status& st) {
  return st ? "" : st.error().field;
}

TEST(ContactRulesTest, AValidPhoneCallWithTheParticipant) {
  EXPECT_TRUE(ValidateContact(Phone()));
}

TEST(ContactRulesTest, DurationBounds) {
  ContactFields c = Phone();
  c.duration_minutes = 0;
  EXPECT_TRUE(ValidateContact(c));
  c.duration_minutes = 1440;
  EXPECT_TRUE(ValidateContact(c));
  c.duration_minutes = 1441;
  EXPECT_EQ(FieldOf(ValidateContact(c)), "duration_minutes");
  c.duration_minutes = -1;
  EXPECT_EQ(FieldOf(ValidateContact(c)), "duration_minutes");
}

TEST(ContactRulesTest, UnknownCodesNameTheFieldAndTheAllowedValues) {
  ContactFields c = Phone();
  c.mode = "carrier_pigeon";
  auto st = ValidateContact(c);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "mode");
  EXPECT_NE(st.error().message.find("in_person, phone, video, text, mail"), std::string::npos);
  c = Phone();
  c.purposes = {"engagement", "gossip"};
  EXPECT_EQ(FieldOf(ValidateContact(c)), "purposes");
  c.purposes = {"engagement", "engagement"};
  EXPECT_EQ(FieldOf(ValidateContact(c)), "purposes");
  c.purposes = {};
  EXPECT_EQ(FieldOf(ValidateContact(c)), "purposes");
  c = Phone();
  c.outcome = "great";
  EXPECT_EQ(FieldOf(ValidateContact(c)), "outcome");
  c = Phone();
  c.with_whom = "neighbor";
  EXPECT_EQ(FieldOf(ValidateContact(c)), "with_whom");
  c = Phone();
  c.disclosed = {"gossip"};
  EXPECT_EQ(FieldOf(ValidateContact(c)), "disclosed");
}

TEST(ContactRulesTest, SettingMayBeEmptyOnlyWhenNotFaceToFace) {
  ContactFields c = Phone();
  for (const char* mode : {"phone", "text", "mail", "video"}) {
    c.mode = mode;
    EXPECT_TRUE(ValidateContact(c)) << mode;
  }
  c.mode = "in_person";
  EXPECT_EQ(FieldOf(ValidateContact(c)), "setting");
  c.setting = "home";
  EXPECT_TRUE(ValidateContact(c));
  c.setting = "moon";
  EXPECT_EQ(FieldOf(ValidateContact(c)), "setting");
}

TEST(ContactRulesTest, OutsidePartiesAreNamedAndWhatWasSharedListed) {
  for (const char* who : {"natural_support", "provider", "agency"}) {
    ContactFields c = Phone();
    c.with_whom = who;
    c.outcome = "information_shared";
    c.disclosed = {"mental_health"};
    EXPECT_EQ(FieldOf(ValidateContact(c)), "party") << who;
    c.party_name = "Dana";
    EXPECT_TRUE(ValidateContact(c)) << who;
    c.party_name.clear();
    c.related_person_id = "rp";
    EXPECT_TRUE(ValidateContact(c)) << who;
    c.disclosed.clear();
    EXPECT_EQ(FieldOf(ValidateContact(c)), "disclosed") << who;
    EXPECT_TRUE(IsOutsideParty(who));
  }
  EXPECT_FALSE(IsOutsideParty("participant"));
  EXPECT_FALSE(IsOutsideParty("guardian"));
}

TEST(ContactRulesTest, NarrativeLimit) {
  ContactFields c = Phone();
  c.narrative = std::string(20000, 'x');
  EXPECT_TRUE(ValidateContact(c));
  c.narrative += "x";
  EXPECT_EQ(FieldOf(ValidateContact(c)), "narrative");
}

TEST(ContactRulesTest, OutcomeAgreesWithSuccessful) {
  ContactFields c = Phone();
  c.successful = false;
  EXPECT_EQ(FieldOf(ValidateContact(c)), "successful");  // engaged but not successful
  c.outcome = "no_answer";
  EXPECT_TRUE(ValidateContact(c));
  c.successful = true;
  EXPECT_EQ(FieldOf(ValidateContact(c)), "successful");
  c.outcome = "rescheduled";  // either way
  EXPECT_TRUE(ValidateContact(c));
}

TEST(ContactRulesTest, ARefusalIsByTheParticipantOrGuardianAndDescribed) {
  ContactFields c = Phone();
  c.outcome = "refused_services";
  EXPECT_TRUE(ValidateContact(c));
  c.narrative = "  ";
  EXPECT_EQ(FieldOf(ValidateContact(c)), "narrative");
  c.narrative = "Declined care coordination; gave crisis line number.";
  c.with_whom = "provider";
  c.party_name = "Clinic";
  c.disclosed = {"general_health"};
  EXPECT_EQ(FieldOf(ValidateContact(c)), "outcome");
}

TEST(ContactRulesTest, CodesRoundTripThroughStorage) {
  EXPECT_EQ(JoinCodeList({"a", "b"}), "a b");
  EXPECT_EQ(JoinCodeList({}), "");
  EXPECT_EQ(SplitCodeList("a b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(SplitCodeList("").empty());
}

ConsentFields Release() {
  ConsentFields c;
  c.party_kind = "person";
  c.party_name = "Dana Smith";
  c.purpose = "coordinate housing";
  c.categories = {"mental_health"};
  c.effective_date = "2026-11-01";
  c.expiry_date = "2027-11-01";
  c.signed_by = "participant";
  c.signed_date = "2026-11-01";
  return c;
}

TEST(ConsentRulesTest, AValidRelease) {
  EXPECT_TRUE(ValidateConsent(Release(), "2026-11-18"));
}

TEST(ConsentRulesTest, Dates) {
  ConsentFields c = Release();
  c.signed_date = "2026-11-19";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "signed_date");
  c = Release();
  c.expiry_date = "2026-10-31";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "expiry_date");
  c.expiry_date = c.effective_date;  // a one-day release
  EXPECT_TRUE(ValidateConsent(c, "2026-11-18"));
  c.expiry_date = "2031-11-01";  // exactly five years
  EXPECT_TRUE(ValidateConsent(c, "2026-11-18"));
  c.expiry_date = "2031-11-02";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "expiry_date");
  c = Release();
  c.effective_date = "2026-02-30";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "effective_date");
}

TEST(ConsentRulesTest, SignerCategoriesAndParty) {
  ConsentFields c = Release();
  c.signed_by = "guardian";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "signer_name");
  c.signer_name = "Pat Smith";
  EXPECT_TRUE(ValidateConsent(c, "2026-11-18"));
  c.signed_by = "neighbor";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "signed_by");
  c = Release();
  c.categories = {};
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "categories");
  c.categories = {"secrets"};
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "categories");
  c = Release();
  c.party_kind = "robot";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "party.kind");
  c = Release();
  c.party_name = "";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "party.name");
  c = Release();
  c.purpose = "";
  EXPECT_EQ(FieldOf(ValidateConsent(c, "2026-11-18")), "purpose");
}

TEST(ConsentRulesTest, StatusOnADate) {
  EXPECT_EQ(ConsentStatusOn("2026-11-01", "2026-11-18", std::nullopt, "2026-11-18"), "active");
  EXPECT_EQ(ConsentStatusOn("2026-11-01", "2026-11-17", std::nullopt, "2026-11-18"), "expired");
  EXPECT_EQ(ConsentStatusOn("2026-11-19", "2027-11-17", std::nullopt, "2026-11-18"),
            "not_yet_effective");
  EXPECT_EQ(ConsentStatusOn("2026-11-01", "2027-11-17", "2026-11-18", "2026-11-18"), "revoked");
  EXPECT_EQ(ConsentStatusOn("2026-11-01", "2027-11-17", "2026-11-19", "2026-11-18"), "active");
}

}  // namespace
}  // namespace carecoord
