// SPDX-License-Identifier: Apache-2.0
#include "domain/referral.h"

#include <algorithm>
#include <array>
#include <set>

#include "domain/person_match.h"

namespace carecoord {
namespace {

constexpr std::array<std::string_view, 12> kSourceSettings = {
    "crisis_stabilization_unit",
    "state_mental_health_treatment_facility",
    "inpatient_psychiatric",
    "emergency_department",
    "detox_or_addiction_receiving_facility",
    "homeless_shelter",
    "jail",
    "primary_care",
    "school",
    "family",
    "self",
    "other"};
// Rank order: the index is urgency_rank (emergent first in the queue).
constexpr std::array<std::string_view, 3> kUrgencies = {"emergent", "urgent", "routine"};
constexpr std::array<std::string_view, 4> kReferralStatuses = {"open", "accepted", "declined",
                                                               "refused"};
constexpr std::array<std::string_view, 4> kSex = {"female", "male", "intersex", "unknown"};
constexpr std::array<std::string_view, 6> kContactMethods = {"phone", "text",      "email",
                                                             "mail",  "in_person", ""};
constexpr std::array<std::string_view, 9> kLivingSituations = {"stable_housing",
                                                               "with_family",
                                                               "supported_housing",
                                                               "homeless_sheltered",
                                                               "homeless_unsheltered",
                                                               "institution",
                                                               "jail",
                                                               "other",
                                                               ""};
constexpr std::array<std::string_view, 12> kRelationships = {
    "parent",  "guardian",    "spouse_or_partner", "child",
    "sibling", "grandparent", "other_family",      "foster_parent",
    "friend",  "neighbor",    "faith_community",   "other"};
constexpr std::array<std::string_view, 6> kRelatedRoles = {
    "legal_guardian",  "legal_representative", "health_care_proxy",
    "natural_support", "emergency_contact",    "household_member"};

std::string Allowed(std::span<const std::string_view> codes) {
  std::string out;
  for (std::string_view c : codes) {
    if (!out.empty()) out += ", ";
    out += c.empty() ? std::string("\"\"") : std::string(c);
  }
  return out;
}

}  // namespace

std::span<const std::string_view> ReferralSourceSettings() {
  return kSourceSettings;
}
std::span<const std::string_view> Urgencies() {
  return kUrgencies;
}
std::span<const std::string_view> ReferralStatuses() {
  return kReferralStatuses;
}
std::span<const std::string_view> SexCodes() {
  return kSex;
}
std::span<const std::string_view> ContactMethods() {
  return kContactMethods;
}
std::span<const std::string_view> LivingSituations() {
  return kLivingSituations;
}
std::span<const std::string_view> Relationships() {
  return kRelationships;
}
std::span<const std::string_view> RelatedPersonRoles() {
  return kRelatedRoles;
}

Status CheckCode(std::string_view value, std::span<const std::string_view> codes,
                 std::string_view field) {
  if (std::ranges::find(codes, value) != codes.end()) return {};
  return Fail(ErrorCode::kInvalidArgument,
              std::string(field) + ": unknown code '" + std::string(value.substr(0, 40)) +
                  "'; expected one of " + Allowed(codes),
              std::string(field));
}

Status CheckCodes(const std::vector<std::string>& values, std::span<const std::string_view> codes,
                  std::string_view field) {
  std::set<std::string_view> seen;
  for (const std::string& v : values) {
    if (auto st = CheckCode(v, codes, field); !st) return st;
    if (!seen.insert(v).second) {
      return Fail(ErrorCode::kInvalidArgument, std::string(field) + ": '" + v + "' is listed twice",
                  std::string(field));
    }
  }
  return {};
}

std::optional<int> UrgencyRank(std::string_view urgency) {
  auto it = std::ranges::find(kUrgencies, urgency);
  if (it == kUrgencies.end()) return std::nullopt;
  return static_cast<int>(it - kUrgencies.begin());
}

std::size_t CountChars(std::string_view utf8) {
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string TrimSpace(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

Status CheckText(std::string_view value, std::size_t min_chars, std::size_t max_chars,
                 std::string_view field) {
  const std::size_t n = CountChars(value);
  if (n > max_chars) {
    return Fail(
        ErrorCode::kInvalidArgument,
        std::string(field) + " must be at most " + std::to_string(max_chars) + " characters",
        std::string(field));
  }
  if (min_chars > 0 && CountChars(TrimSpace(value)) < min_chars) {
    return Fail(ErrorCode::kInvalidArgument,
                min_chars == 1 ? std::string(field) + " is required"
                               : std::string(field) + " must be at least " +
                                     std::to_string(min_chars) + " characters",
                std::string(field));
  }
  return {};
}

std::string_view DecidedStatus(ReferralDecision decision) {
  switch (decision) {
    case ReferralDecision::kAccept: return "accepted";
    case ReferralDecision::kDecline: return "declined";
    case ReferralDecision::kRefuse: return "refused";
  }
  return "";
}

Status CheckReferralDecision(std::string_view status, ReferralDecision decision,
                             std::string_view reason) {
  if (status != "open") {
    return Fail(ErrorCode::kConflict, "the referral is already " + std::string(status) +
                                          "; only an open referral can be " +
                                          std::string(DecidedStatus(decision)));
  }
  if (decision != ReferralDecision::kAccept && TrimSpace(reason).empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                decision == ReferralDecision::kDecline
                    ? "say why the referral is declined"
                    : "record what the person said when refusing care coordination",
                "reason");
  }
  return {};
}

std::vector<PossibleDuplicate> FindPossibleDuplicates(
    const PersonKey& person, std::span<const DuplicateCandidate> candidates, std::size_t limit) {
  std::vector<PossibleDuplicate> out;
  const std::string name = person.given_name + " " + person.family_name;
  for (const DuplicateCandidate& c : candidates) {
    if (out.size() >= limit) break;
    if (std::ranges::any_of(
            out, [&](const auto& d) { return d.candidate.participant_id == c.participant_id; })) {
      continue;
    }
    PossibleDuplicate d;
    d.birth_date_and_name = !person.birth_date.empty() && c.birth_date == person.birth_date &&
                            NamesLookAlike(name, c.given_name + " " + c.family_name);
    d.member_id = !TrimSpace(person.member_id).empty() && c.member_id == person.member_id;
    if (!d.birth_date_and_name && !d.member_id) continue;
    d.candidate = c;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace carecoord
