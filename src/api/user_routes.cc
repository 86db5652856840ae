// SPDX-License-Identifier: Apache-2.0
// Account administration: programs and users.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

// NewUserRequest and UserChangesRequest: each grant a RoleRequest {program_id, role}.
std::vector<app::RoleRequest> ReadRoles(const boost::json::object& body) {
  std::vector<app::RoleRequest> out;
  const boost::json::value* roles = body.if_contains("roles");
  if (roles == nullptr || !roles->is_array()) return out;
  for (const boost::json::value& item : roles->get_array()) {
    if (!item.is_object()) continue;
    out.push_back({TextOr(item.get_object(), "program_id"), TextOr(item.get_object(), "role")});
  }
  return out;
}

Response UserResponse(int status, const app::UserView& user) {
  Response r = JsonResponse(status, UserJson(user));
  r.SetHeader("etag", ETagFor(user.version));
  return r;
}

}  // namespace

Response HandleListPrograms(Call& call) {
  auto programs = call.services.users.Programs(call.ctx);
  if (!programs) return ErrorResponse(programs.error());
  boost::json::array items;
  for (const auto& p : *programs) {
    items.push_back(
        boost::json::object{{"id", p.id}, {"name", p.name}, {"time_zone", p.time_zone}});
  }
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleListUsers(Call& call) {
  auto users = call.services.users.List(call.ctx);
  if (!users) return ErrorResponse(users.error());
  boost::json::array items;
  for (const auto& u : *users) items.push_back(UserJson(u));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

Response HandleGetUser(Call& call) {
  auto user = call.services.users.Get(call.ctx, call.path_params.at(0));
  if (!user) return ErrorResponse(user.error());
  return UserResponse(200, *user);
}

Response HandleCreateUser(Call& call) {
  app::NewUser in;
  in.username = TextOr(call.body, "username");
  in.display_name = TextOr(call.body, "display_name");
  in.password = TextOr(call.body, "password");
  in.roles = ReadRoles(call.body);
  auto user = call.services.users.Create(call.ctx, in);
  if (!user) return ErrorResponse(user.error());
  Response r = UserResponse(201, *user);
  r.SetHeader("location", "/api/v1/users/" + user->id);
  return r;
}

Response HandleUpdateUser(Call& call) {
  auto version = IfMatchVersion(call.request, "user");
  if (!version) return ErrorResponse(version.error());
  app::UserChanges changes;
  changes.display_name = TextMember(call.body, "display_name");
  changes.disabled = BoolMember(call.body, "disabled");
  changes.unlock = BoolMember(call.body, "unlock").value_or(false);
  changes.password = TextMember(call.body, "password");
  if (call.body.contains("roles")) changes.roles = ReadRoles(call.body);
  auto user = call.services.users.Update(call.ctx, call.path_params.at(0), *version, changes);
  if (!user) return ErrorResponse(user.error());
  return UserResponse(200, *user);
}

}  // namespace carecoord::api
