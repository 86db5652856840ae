// SPDX-License-Identifier: Apache-2.0
// The code lists of the wire contract (contact modes, purposes, roles, statuses, ...) come from
// the domain's own lists, so the OpenAPI document, the request validation built on it and the
// web's generated types cannot differ from what the rules accept. The schema fragments
// (api/*_schemas.cc) name each list and describe it; the codes are filled in here.
#include <span>
#include <string_view>
#include <vector>

#include "api/openapi_schemas.h"
#include "domain/care_plan.h"
#include "domain/care_team.h"
#include "domain/contact.h"
#include "domain/episode_status.h"
#include "domain/obligations.h"
#include "domain/policy.h"
#include "domain/role.h"

namespace carecoord::api {
namespace {

boost::json::array Codes(std::span<const std::string_view> codes, bool empty_first = false) {
  boost::json::array out;
  if (empty_first) out.emplace_back("");
  for (std::string_view c : codes) out.emplace_back(c);
  return out;
}

template <typename E, std::size_t N, typename NameOf>
boost::json::array Names(const std::array<E, N>& all, NameOf name_of) {
  boost::json::array out;
  for (E e : all) out.emplace_back(name_of(e));
  return out;
}

}  // namespace

void PutDomainCodeLists(boost::json::object& schemas) {
  const std::vector<std::pair<std::string_view, boost::json::array>> lists = {
      {"Role", Names(kAllRoles, RoleName)},
      {"EpisodeStatus", Names(kAllEpisodeStatuses, EpisodeStatusName)},
      {"CareTeamRole", Names(kAllCareTeamRoles, CareTeamRoleName)},
      {"ScheduleReason", Codes(kScheduleReasons)},
      {"ContactMode", Codes(kContactModes)},
      // "" is a contact that was not in person, where no setting is recorded.
      {"ContactSetting", Codes(kContactSettings, /*empty_first=*/true)},
      {"WithWhom", Codes(kContactParties)},
      {"ContactPurpose", Codes(kContactPurposes)},
      {"ContactOutcome", Codes(kContactOutcomes)},
      {"InformationCategory", Codes(kInformationCategories)},
      {"ConsentSigner", Codes(kConsentSigners)},
      {"PartyKind", Codes(kConsentPartyKinds)},
      {"TransitionLevel", Codes(kTransitionLevels)},
      {"AppointmentStatus", Codes(kAppointmentStatuses)},
      {"GoalStatus", Codes(kGoalStatuses)},
      {"GoalVoice", Codes(kGoalVoices)},
      {"ResponsibleParty", Codes(kResponsibleParties)},
      {"InterventionStatus", Codes(kInterventionStatuses)},
      {"AgreementMethod", Codes(kAgreementMethods)},
      {"AgreementSigner", Codes(kAgreementSigners)},
  };
  for (const auto& [name, codes] : lists) {
    boost::json::value& schema = schemas[name];
    if (!schema.is_object()) schema.emplace_object()["type"] = "string";
    schema.as_object()["enum"] = codes;
  }
}

}  // namespace carecoord::api
