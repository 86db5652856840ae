// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

// Referrals in and the participant's own fields (docs/participant-record.md "Code lists",
// "Referrals and intake", "Participants"). Pure rules: code lists, the referral decision and
// duplicate matching over candidate rows the store found.
namespace carecoord {

// The code lists, in the order the contract lists them.
std::span<const std::string_view> ReferralSourceSettings();
std::span<const std::string_view> Urgencies();
std::span<const std::string_view> ReferralStatuses();
std::span<const std::string_view> SexCodes();
std::span<const std::string_view> ContactMethods();    // includes "" (not stated)
std::span<const std::string_view> LivingSituations();  // includes "" (not stated)
std::span<const std::string_view> Relationships();     // related person relationship
std::span<const std::string_view> RelatedPersonRoles();

// kInvalidArgument naming `field` and the allowed codes when `value` is not one of `codes`.
Status CheckCode(std::string_view value, std::span<const std::string_view> codes,
                 std::string_view field);
// Every value a known code, no code twice.
Status CheckCodes(const std::vector<std::string>& values, std::span<const std::string_view> codes,
                  std::string_view field);

// The queue order of an urgency: emergent 0, urgent 1, routine 2; nullopt for an unknown code.
std::optional<int> UrgencyRank(std::string_view urgency);

// Free text of at most `max_chars` characters (UTF-8 code points) and, when min_chars > 0, at
// least that many once surrounding white space is trimmed. kInvalidArgument naming `field`.
Status CheckText(std::string_view value, std::size_t min_chars, std::size_t max_chars,
                 std::string_view field);
std::size_t CountChars(std::string_view utf8);
std::string TrimSpace(std::string_view s);

// What intake decides about an open referral.
enum class ReferralDecision { kAccept, kDecline, kRefuse };
// The status a decision leaves the referral in: accepted, declined, refused.
std::string_view DecidedStatus(ReferralDecision decision);
// A referral is decided once: kConflict when `status` is not open. Declining and recording a
// refusal need a reason (001 §2 "documented in the record"): kInvalidArgument, field "reason".
Status CheckReferralDecision(std::string_view status, ReferralDecision decision,
                             std::string_view reason);

// Duplicate detection at intake (issue 3): a candidate is a possible duplicate when it has the
// same date of birth and a name that looks alike (NamesLookAlike over the whole legal name), or
// the same non-empty payer member id.
struct PersonKey {
  std::string given_name;
  std::string family_name;
  std::string birth_date;
  std::string member_id;
};
struct DuplicateCandidate {
  std::string participant_id;
  std::string given_name;
  std::string family_name;
  std::string birth_date;
  std::string member_id;
};
struct PossibleDuplicate {
  DuplicateCandidate candidate;
  bool birth_date_and_name = false;
  bool member_id = false;
};
// The matches among `candidates` (each participant once, in candidate order), at most `limit`.
std::vector<PossibleDuplicate> FindPossibleDuplicates(
    const PersonKey& person, std::span<const DuplicateCandidate> candidates, std::size_t limit);

}  // namespace carecoord
