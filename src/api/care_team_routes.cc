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
namespace {

// A string member copied into `out` when present (null counts as absent).
Status ReadString(const boost::json::object& body, std::string_view field, std::size_t max_bytes,
                  std::string& out) {
  auto v = OptionalString(body, field, max_bytes);
  if (!v) return std::unexpected(v.error());
  if (*v) out = std::move(**v);
  return {};
}

Status ReadString(const boost::json::object& body, std::string_view field, std::size_t max_bytes,
                  std::optional<std::string>& out) {
  auto v = OptionalString(body, field, max_bytes);
  if (!v) return std::unexpected(v.error());
  if (*v) out = std::move(**v);
  return {};
}

}  // namespace

Response HandleListCareTeam(Call& call) {
  auto members = call.services.care_team.List(call.ctx, call.path_params.at(0));
  if (!members) return ErrorResponse(members.error());
  boost::json::array items;
  for (const auto& m : *members) items.push_back(CareTeamMemberJson(m));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleAddCareTeamMember(Call& call) {
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"role", "user_id", "external_name", "external_org", "phone",
                                        "email", "start_date", "end_date"});
      !st) {
    return ErrorResponse(st.error());
  }
  app::NewCareTeamMember in;
  auto role = RequiredString(*body, "role", 64);
  if (!role) return ErrorResponse(role.error());
  in.role = std::move(*role);
  for (auto st :
       {ReadString(*body, "user_id", 100, in.user_id),
        ReadString(*body, "external_name", 200, in.external_name),
        ReadString(*body, "external_org", 200, in.external_org),
        ReadString(*body, "phone", 50, in.phone), ReadString(*body, "email", 200, in.email),
        ReadString(*body, "start_date", 10, in.start_date),
        ReadString(*body, "end_date", 10, in.end_date)}) {
    if (!st) return ErrorResponse(st.error());
  }
  auto added = call.services.care_team.Add(call.ctx, call.path_params.at(0), in);
  if (!added) return ErrorResponse(added.error());
  Response r = CareTeamMemberResponse(201, added->view);
  r.SetHeader("location", "/api/v1/care-team-members/" + added->view.member.id);
  return r;
}

Response HandleUpdateCareTeamMember(Call& call) {
  auto version = IfMatchVersion(call.request, "care team member");
  if (!version) return ErrorResponse(version.error());
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st =
          OnlyKnownFields(*body, {"start_date", "end_date", "external_org", "phone", "email"});
      !st) {
    return ErrorResponse(st.error());
  }
  app::CareTeamMemberChanges changes;
  if (const auto* start = body->if_contains("start_date"); start != nullptr && start->is_null()) {
    return ProblemResponse(400, "start_date cannot be removed", "start_date");
  }
  // end_date: null clears it (the membership lasts again), a date ends it.
  if (const auto* end = body->if_contains("end_date"); end != nullptr && end->is_null()) {
    changes.end_date = std::optional<std::string>();
  } else {
    std::optional<std::string> date;
    if (auto st = ReadString(*body, "end_date", 10, date); !st) return ErrorResponse(st.error());
    if (date) changes.end_date = std::move(date);
  }
  for (auto st : {ReadString(*body, "start_date", 10, changes.start_date),
                  ReadString(*body, "external_org", 200, changes.external_org),
                  ReadString(*body, "phone", 50, changes.phone),
                  ReadString(*body, "email", 200, changes.email)}) {
    if (!st) return ErrorResponse(st.error());
  }
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
