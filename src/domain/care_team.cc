// SPDX-License-Identifier: Apache-2.0
#include "domain/care_team.h"

#include <algorithm>

#include "domain/calendar.h"

namespace carecoord {
namespace {

using enum CareTeamRole;

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

std::string AllowedRoles() {
  std::string out;
  for (CareTeamRole r : kAllCareTeamRoles) {
    if (!out.empty()) out += ", ";
    out += CareTeamRoleName(r);
  }
  return out;
}

}  // namespace

std::string_view CareTeamRoleName(CareTeamRole role) {
  switch (role) {
    case kCareCoordinator: return "care_coordinator";
    case kPeerSupportSpecialist: return "peer_support_specialist";
    case kNurseCareManager: return "nurse_care_manager";
    case kBehavioralHealthProvider: return "behavioral_health_provider";
    case kPsychiatrist: return "psychiatrist";
    case kPrimaryCareProvider: return "primary_care_provider";
    case kParentConsultant: return "parent_consultant";
    case kPeerNavigator: return "peer_navigator";
    case kSchoolContact: return "school_contact";
    case kNaturalSupport: return "natural_support";
    case kExternalAgencyContact: return "external_agency_contact";
  }
  return "";
}

std::optional<CareTeamRole> ParseCareTeamRole(std::string_view name) {
  for (CareTeamRole r : kAllCareTeamRoles) {
    if (CareTeamRoleName(r) == name) return r;
  }
  return std::nullopt;
}

Result<CareTeamRole> ParseCareTeamRoleField(std::string_view name, std::string_view field) {
  if (auto r = ParseCareTeamRole(name)) return *r;
  return Fail(ErrorCode::kInvalidArgument, std::string(field) + " must be one of " + AllowedRoles(),
              std::string(field));
}

Status ValidateCareTeamMember(bool has_user, std::string_view external_name,
                              std::string_view start_date,
                              const std::optional<std::string>& end_date) {
  const bool has_name = !IsBlank(external_name);
  if (!has_user && !has_name) {
    return Fail(ErrorCode::kInvalidArgument,
                "a care team member is an internal user (user_id) or an outside person "
                "(external_name); give one",
                "user_id");
  }
  if (has_user && !external_name.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "give user_id for a colleague or external_name for an outside person, not both",
                "external_name");
  }
  if (external_name.size() > kMaxExternalNameBytes) {
    return Fail(ErrorCode::kInvalidArgument, "external_name is longer than 200 characters",
                "external_name");
  }
  if (auto d = ParseDate(start_date, "start_date"); !d) return std::unexpected(d.error());
  if (end_date) {
    if (auto d = ParseDate(*end_date, "end_date"); !d) return std::unexpected(d.error());
    if (*end_date < start_date) {
      return Fail(ErrorCode::kInvalidArgument,
                  "end_date " + *end_date + " is before start_date " + std::string(start_date),
                  "end_date");
    }
  }
  return {};
}

Status ValidateCareTeamContact(std::string_view external_org, std::string_view phone,
                               std::string_view email) {
  if (external_org.size() > kMaxContactDetailBytes) {
    return Fail(ErrorCode::kInvalidArgument, "external_org is longer than 200 characters",
                "external_org");
  }
  if (phone.size() > 50) {
    return Fail(ErrorCode::kInvalidArgument, "phone is longer than 50 characters", "phone");
  }
  if (email.size() > kMaxContactDetailBytes) {
    return Fail(ErrorCode::kInvalidArgument, "email is longer than 200 characters", "email");
  }
  if (!email.empty()) {
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == email.size() ||
        email.find('@', at + 1) != std::string_view::npos ||
        email.find_first_of(" \t\r\n") != std::string_view::npos) {
      return Fail(ErrorCode::kInvalidArgument, "email must look like name@example.org", "email");
    }
  }
  return {};
}

bool IsMembershipActive(std::string_view start_date, const std::optional<std::string>& end_date,
                        std::string_view today) {
  return start_date <= today && (!end_date || std::string_view(*end_date) >= today);
}

Status CheckTransfer(std::string_view current_coordinator, std::string_view to_user,
                     bool to_is_coordinator_in_program, EpisodeStatus episode_status) {
  if (IsTerminal(episode_status)) {
    return Fail(ErrorCode::kConflict,
                "the episode is " + std::string(EpisodeStatusName(episode_status)) +
                    "; accountability can be transferred only while an episode is open");
  }
  if (current_coordinator == to_user) {
    return Fail(ErrorCode::kInvalidArgument,
                "this user is already the accountable coordinator of the episode", "to_user_id");
  }
  if (!to_is_coordinator_in_program) {
    return Fail(ErrorCode::kInvalidArgument,
                "the new coordinator must be an enabled user holding care_coordinator in the "
                "episode's program",
                "to_user_id");
  }
  return {};
}

Status CheckHandoffDetails(Instant occurred_at, Instant now, std::string_view note) {
  if (occurred_at > now) {
    return Fail(ErrorCode::kInvalidArgument, "occurred_at is in the future", "occurred_at");
  }
  if (note.size() > kMaxHandoffNoteBytes) {
    return Fail(ErrorCode::kInvalidArgument, "note is longer than 4000 characters", "note");
  }
  return {};
}

}  // namespace carecoord
