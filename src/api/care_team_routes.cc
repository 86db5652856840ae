// SPDX-License-Identifier: Apache-2.0
// Care teams of episodes and the staff list to choose members from
// (docs/participant-record.md "Episodes, hand-offs, care team").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/episode_json.h"
#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {

Response HandleListCareTeam(Call& call) {
  auto members = call.services.care_team.List(call.ctx, call.path_params.at(0));
  if (!members) return ErrorResponse(members.error());
  boost::json::array items;
  for (const auto& m : *members) items.push_back(CareTeamMemberJson(m));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleAddCareTeamMember(Call& call) {
  const boost::json::object& body = call.body;
  app::NewCareTeamMember in;
  in.role = TextOr(body, "role");
  in.user_id = TextMember(body, "user_id");
  in.external_name = TextOr(body, "external_name");
  in.external_org = TextOr(body, "external_org");
  in.phone = TextOr(body, "phone");
  in.email = TextOr(body, "email");
  in.start_date = TextMember(body, "start_date");
  in.end_date = TextMember(body, "end_date");
  auto added = call.services.care_team.Add(call.ctx, call.path_params.at(0), in);
  if (!added) return ErrorResponse(added.error());
  Response r = CareTeamMemberResponse(201, added->view);
  r.SetHeader("location", "/api/v1/care-team-members/" + added->view.member.id);
  return r;
}

Response HandleUpdateCareTeamMember(Call& call) {
  auto version = IfMatchVersion(call.request, "care team member");
  if (!version) return ErrorResponse(version.error());
  const boost::json::object& body = call.body;
  app::CareTeamMemberChanges changes;
  // end_date: null clears it (the membership lasts again), a date ends it. start_date cannot be
  // null (CareTeamMemberChangesRequest).
  if (IsNullMember(body, "end_date")) {
    changes.end_date = std::optional<std::string>();
  } else if (auto date = TextMember(body, "end_date")) {
    changes.end_date = std::move(date);
  }
  changes.start_date = TextMember(body, "start_date");
  changes.external_org = TextMember(body, "external_org");
  changes.phone = TextMember(body, "phone");
  changes.email = TextMember(body, "email");
  auto member = call.services.care_team.Update(call.ctx, call.path_params.at(0), *version, changes);
  if (!member) return ErrorResponse(member.error());
  return CareTeamMemberResponse(200, *member);
}

Response HandleListStaff(Call& call) {
  const std::string role(call.Query("role").value_or(""));
  const std::string program(call.Query("program_id").value_or(""));
  auto staff = call.services.care_team.Staff(call.ctx, role, program);
  if (!staff) return ErrorResponse(staff.error());
  boost::json::array items;
  for (const auto& s : *staff) items.push_back(StaffMemberJson(s));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace carecoord::api
