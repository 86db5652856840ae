// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/episode_status.h"
#include "domain/error.h"
#include "domain/time.h"

namespace carecoord {

// The roles a person can hold on a participant's care team (FHIR CareTeam.participant.role in
// spirit; docs/participant-record.md "Code lists"). Internal staff and outside people alike:
// the behavioral health provider, the psychiatrist, the school contact (002), natural supports
// (001 §5) are members too, so the team is the one place that says who is involved.
enum class CareTeamRole {
  kCareCoordinator,
  kPeerSupportSpecialist,
  kNurseCareManager,
  kBehavioralHealthProvider,
  kPsychiatrist,
  kPrimaryCareProvider,
  kParentConsultant,
  kPeerNavigator,
  kSchoolContact,
  kNaturalSupport,
  kExternalAgencyContact,
};

inline constexpr std::array<CareTeamRole, 11> kAllCareTeamRoles = {
    CareTeamRole::kCareCoordinator,       CareTeamRole::kPeerSupportSpecialist,
    CareTeamRole::kNurseCareManager,      CareTeamRole::kBehavioralHealthProvider,
    CareTeamRole::kPsychiatrist,          CareTeamRole::kPrimaryCareProvider,
    CareTeamRole::kParentConsultant,      CareTeamRole::kPeerNavigator,
    CareTeamRole::kSchoolContact,         CareTeamRole::kNaturalSupport,
    CareTeamRole::kExternalAgencyContact,
};

// Wire and storage names: "care_coordinator", "school_contact", ...
std::string_view CareTeamRoleName(CareTeamRole role);
std::optional<CareTeamRole> ParseCareTeamRole(std::string_view name);
// kInvalidArgument naming `field` and listing the allowed codes when `name` is not one.
Result<CareTeamRole> ParseCareTeamRoleField(std::string_view name, std::string_view field);

// Limits of the free-text members of a membership (bytes).
inline constexpr std::size_t kMaxExternalNameBytes = 200;
inline constexpr std::size_t kMaxContactDetailBytes = 200;

// Who a member is and when: exactly one of an internal user (`has_user`) or an external name
// (the schema's CHECK says at least one; both would leave it unclear whose phone is listed);
// start_date and end_date are real YYYY-MM-DD dates with start ≤ end (an end on the start day
// is a one-day membership). Errors: kInvalidArgument naming user_id, external_name,
// start_date or end_date.
Status ValidateCareTeamMember(bool has_user, std::string_view external_name,
                              std::string_view start_date,
                              const std::optional<std::string>& end_date);

// Contact details and the external organization: length limits, and an email, when given, has
// one '@' with text on both sides. kInvalidArgument naming the field.
Status ValidateCareTeamContact(std::string_view external_org, std::string_view phone,
                               std::string_view email);

// Whether a membership counts on `today` (all YYYY-MM-DD): begun and not ended. The end day
// itself still counts, as in the access rule (store/queries/access.sql).
bool IsMembershipActive(std::string_view start_date, const std::optional<std::string>& end_date,
                        std::string_view today);

// A warm hand-off of accountability (001 §1 "one care coordinator ... until a warm hand-off is
// made", 001 §8). The episode must be open (kConflict: a closed episode's accountability is
// history); the new coordinator must differ from the current one (kInvalidArgument, field
// to_user_id) and hold care_coordinator in the episode's program (kInvalidArgument, field
// to_user_id).
Status CheckTransfer(std::string_view current_coordinator, std::string_view to_user,
                     bool to_is_coordinator_in_program, EpisodeStatus episode_status);

// The hand-off's own details: it happened at or before `now` (kInvalidArgument, field
// occurred_at) and its note is at most 4000 bytes (field note).
inline constexpr std::size_t kMaxHandoffNoteBytes = 4000;
Status CheckHandoffDetails(Instant occurred_at, Instant now, std::string_view note);

}  // namespace carecoord
