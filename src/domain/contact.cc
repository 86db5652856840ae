// SPDX-License-Identifier: Apache-2.0
#include "domain/contact.h"

#include <algorithm>
#include <set>

#include "domain/calendar.h"

namespace carecoord {
namespace {

std::unexpected<Error> Invalid(std::string message, std::string_view field) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::string(field));
}

bool In(std::span<const std::string_view> allowed, std::string_view v) {
  return std::ranges::find(allowed, v) != allowed.end();
}

Status Length(const std::string& text, std::string_view field, std::size_t min, std::size_t max) {
  if (text.size() < min) return Invalid(std::string(field) + " is required", field);
  if (text.size() > max) {
    return Invalid(std::string(field) + " is longer than " + std::to_string(max) + " bytes", field);
  }
  return {};
}

// The year of a valid date plus `years`, same month and day; compared as text, "2031-02-29"
// works as a bound even in a non-leap year.
std::string PlusYears(const std::string& date, int years) {
  return std::to_string(std::stoi(date.substr(0, 4)) + years) + date.substr(4);
}

}  // namespace

bool IsOutsideParty(std::string_view with_whom) {
  return with_whom == "natural_support" || with_whom == "provider" || with_whom == "agency";
}

namespace {
std::string AllowedList(std::span<const std::string_view> allowed) {
  std::string list;
  for (std::string_view a : allowed) {
    if (!list.empty()) list += ", ";
    list += a;
  }
  return list;
}
}  // namespace

Status RequireKnownCode(std::string_view value, std::span<const std::string_view> allowed,
                        std::string_view field) {
  if (In(allowed, value)) return {};
  const std::string list = AllowedList(allowed);
  std::string shown(value.substr(0, 40));
  return Invalid(std::string(field) + ": unknown code '" + shown + "'; expected one of " + list,
                 field);
}

Status RequireKnownCodes(const std::vector<std::string>& values,
                         std::span<const std::string_view> allowed, std::string_view field,
                         std::size_t min) {
  if (values.size() < min) {
    return Invalid(std::string(field) + " needs at least " + std::to_string(min) + " code" +
                       (min == 1 ? "" : "s"),
                   field);
  }
  std::set<std::string_view> seen;
  for (const std::string& v : values) {
    if (auto st = RequireKnownCode(v, allowed, field); !st) return st;
    if (!seen.insert(v).second) return Invalid(std::string(field) + ": '" + v + "' twice", field);
  }
  return {};
}

std::string JoinCodeList(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

std::vector<std::string> SplitCodeList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Status ValidateContact(const ContactFields& c) {
  if (c.duration_minutes < 0 || c.duration_minutes > kMaxContactMinutes) {
    return Invalid("duration_minutes must be 0–1440", "duration_minutes");
  }
  if (auto st = RequireKnownCode(c.mode, kContactModes, "mode"); !st) return st;
  if (c.setting.empty()) {
    if (c.mode == "in_person") {
      return Invalid("setting is required for an in-person contact", "setting");
    }
  } else if (auto st = RequireKnownCode(c.setting, kContactSettings, "setting"); !st) {
    return st;
  }
  if (auto st = RequireKnownCode(c.with_whom, kContactParties, "with_whom"); !st) return st;
  if (auto st = RequireKnownCodes(c.purposes, kContactPurposes, "purposes", 1); !st) return st;
  if (auto st = RequireKnownCode(c.outcome, kContactOutcomes, "outcome"); !st) return st;
  if (c.narrative.size() > kMaxNarrativeBytes) {
    return Invalid("narrative is longer than 20000 bytes", "narrative");
  }
  if (c.party_name.size() > 200) return Invalid("party.name is longer than 200 bytes", "party");
  const bool outside = IsOutsideParty(c.with_whom);
  if (outside) {
    const bool named = !c.party_name.empty() || c.related_person_id || c.care_team_member_id;
    if (!named) {
      return Invalid("party is required for a contact with " + c.with_whom +
                         ": a name, related_person_id or care_team_member_id",
                     "party");
    }
  }
  if (auto st =
          RequireKnownCodes(c.disclosed, kInformationCategories, "disclosed", outside ? 1 : 0);
      !st) {
    if (outside && c.disclosed.empty()) {
      return Invalid("disclosed: list what was shared with an outside party (at least one of " +
                         AllowedList(kInformationCategories) + ")",
                     "disclosed");
    }
    return st;
  }
  const bool reached = c.outcome == "engaged" || c.outcome == "information_shared";
  const bool not_reached =
      c.outcome == "no_answer" || c.outcome == "not_found" || c.outcome == "left_message";
  if ((reached && !c.successful) || (not_reached && c.successful)) {
    return Invalid("successful does not agree with outcome " + c.outcome, "successful");
  }
  if (c.outcome == "refused_services") {
    if (c.with_whom != "participant" && c.with_whom != "guardian") {
      return Invalid("refused_services is recorded for a contact with the participant or guardian",
                     "outcome");
    }
    if (c.narrative.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Invalid("describe the refusal in the narrative (001 §2)", "narrative");
    }
  }
  return {};
}

Status ValidateConsent(const ConsentFields& c, const std::string& today) {
  if (auto st = RequireKnownCode(c.party_kind, kConsentPartyKinds, "party.kind"); !st) return st;
  if (auto st = Length(c.party_name, "party.name", 1, 200); !st) return st;
  if (auto st = Length(c.purpose, "purpose", 1, 1000); !st) return st;
  if (auto st = RequireKnownCodes(c.categories, kInformationCategories, "categories", 1); !st)
    return st;
  if (auto d = ParseDate(c.effective_date, "effective_date"); !d) return std::unexpected(d.error());
  if (auto d = ParseDate(c.expiry_date, "expiry_date"); !d) return std::unexpected(d.error());
  if (auto d = ParseDate(c.signed_date, "signed_date"); !d) return std::unexpected(d.error());
  if (c.expiry_date < c.effective_date) {
    return Invalid("expiry_date is before effective_date", "expiry_date");
  }
  if (c.expiry_date > PlusYears(c.effective_date, 5)) {
    return Invalid("expiry_date is more than five years after effective_date", "expiry_date");
  }
  if (c.signed_date > today) return Invalid("signed_date is in the future", "signed_date");
  if (auto st = RequireKnownCode(c.signed_by, kConsentSigners, "signed_by"); !st) return st;
  if (auto st = Length(c.signer_name, "signer_name", c.signed_by == "guardian" ? 1 : 0, 200); !st) {
    return st;
  }
  return {};
}

std::string ConsentStatusOn(const std::string& effective_date, const std::string& expiry_date,
                            const std::optional<std::string>& revoked_date,
                            const std::string& today) {
  if (revoked_date && *revoked_date <= today) return "revoked";
  if (today > expiry_date) return "expired";
  if (today < effective_date) return "not_yet_effective";
  return "active";
}

}  // namespace carecoord
