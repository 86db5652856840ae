// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace carecoord {

// Contacts (case notes) and releases of information: code lists and the validation of what a
// user enters (docs/participant-record.md "Contacts and case notes", "Releases of information").
// Pure; every failure is kInvalidArgument naming the field, and unknown codes name the allowed
// ones.

inline constexpr std::string_view kContactModes[] = {"in_person", "phone", "video", "text", "mail"};
inline constexpr std::string_view kContactSettings[] = {
    "home", "office", "community", "csu", "hospital", "shelter", "jail", "school"};
inline constexpr std::string_view kContactParties[] = {"participant", "guardian", "natural_support",
                                                       "provider", "agency"};
inline constexpr std::string_view kContactPurposes[] = {
    "engagement", "assessment",           "care_planning", "navigation",
    "crisis",     "transition_follow_up", "warm_handoff",  "locate"};
inline constexpr std::string_view kContactOutcomes[] = {
    "engaged",          "left_message", "no_answer",          "not_found",
    "refused_services", "rescheduled",  "information_shared", "other"};
inline constexpr std::string_view kInformationCategories[] = {
    "general_health", "mental_health", "substance_use_part2", "hiv", "education_records"};
inline constexpr std::string_view kConsentSigners[] = {"participant", "guardian"};
inline constexpr std::string_view kConsentPartyKinds[] = {"person", "organization"};

inline constexpr int kMaxContactMinutes = 1440;
inline constexpr std::size_t kMaxNarrativeBytes = 20000;

// A natural support, provider or agency: contacts with them need a release (004).
bool IsOutsideParty(std::string_view with_whom);

// `value` when it is one of `allowed`; otherwise kInvalidArgument naming `field` and listing
// the allowed codes.
Status RequireKnownCode(std::string_view value, std::span<const std::string_view> allowed,
                        std::string_view field);
// Each code known and none repeated; at least `min` of them.
Status RequireKnownCodes(const std::vector<std::string>& values,
                         std::span<const std::string_view> allowed, std::string_view field,
                         std::size_t min);

// Codes as stored: separated by single spaces ("" for none), and back.
std::string JoinCodeList(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodeList(std::string_view text);

// What a user writes about a contact (new, or an edit of an unsigned one).
struct ContactFields {
  int duration_minutes = 0;
  std::string mode;
  std::string setting;
  bool successful = false;
  std::string with_whom;
  std::string party_name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::vector<std::string> disclosed;
  std::vector<std::string> purposes;
  std::string outcome;
  std::string narrative;
};

// The rules of a contact on its own (not the release check, not the dates of the episode):
//  - duration 0–1440 minutes; mode, setting, with_whom, purposes (≥ 1), outcome, disclosed
//    from their code lists;
//  - setting may be empty only for contacts that are not face to face (phone, text, mail,
//    video); an in-person contact names where it happened;
//  - an outside party (natural_support, provider, agency) must be named (party name, related
//    person or care team member) and what was disclosed to them listed (≥ 1 category);
//  - narrative at most 20000 bytes;
//  - the outcome agrees with `successful`: engaged / information_shared are successful,
//    no_answer / not_found / left_message are not;
//  - refused_services is a refusal by the participant or their guardian and must be described
//    in the narrative (001 §2: a refusal "is documented in the record").
Status ValidateContact(const ContactFields& contact);

// A release of information as recorded (004: signed by the member or their guardian).
struct ConsentFields {
  std::string party_kind;  // person | organization
  std::string party_name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::string purpose;
  std::vector<std::string> categories;
  std::string effective_date;
  std::string expiry_date;
  std::string signed_by;  // participant | guardian
  std::string signer_name;
  std::string signed_date;
};

// Dates real, signed_date not after `today`, effective <= expiry, expiry at most five years
// after effective; ≥ 1 known category; a guardian signer is named; party name 1–200 bytes;
// purpose 1–1000 bytes.
Status ValidateConsent(const ConsentFields& consent, const std::string& today);

// "active", "expired", "not_yet_effective" or "revoked" on `today`. A release revoked from a
// later date is still active until then.
std::string ConsentStatusOn(const std::string& effective_date, const std::string& expiry_date,
                            const std::optional<std::string>& revoked_date,
                            const std::string& today);

}  // namespace carecoord
