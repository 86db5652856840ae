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

Result<std::vector<app::RoleRequest>> ParseRoles(const boost::json::object& body) {
  const boost::json::value* v = body.if_contains("roles");
  if (v == nullptr || !v->is_array()) {
    return Fail(ErrorCode::kInvalidArgument, "roles must be a list of {program_id, role}", "roles");
  }
  std::vector<app::RoleRequest> out;
  for (const boost::json::value& item : v->get_array()) {
    if (!item.is_object()) {
      return Fail(ErrorCode::kInvalidArgument, "roles must be a list of {program_id, role}",
                  "roles");
    }
    const auto& o = item.get_object();
    const boost::json::value* p = o.if_contains("program_id");
    const boost::json::value* r = o.if_contains("role");
    if (p == nullptr || r == nullptr || !p->is_string() || !r->is_string() || o.size() != 2) {
      return Fail(ErrorCode::kInvalidArgument, "each role needs program_id and role, both strings",
                  "roles");
    }
    out.push_back({std::string(p->get_string()), std::string(r->get_string())});
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
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"username", "display_name", "password", "roles"}); !st) {
    return ErrorResponse(st.error());
  }
  app::NewUser in;
  auto username = RequiredString(*body, "username", 64);
  if (!username) return ErrorResponse(username.error());
  auto display_name = RequiredString(*body, "display_name", 200);
  if (!display_name) return ErrorResponse(display_name.error());
  auto password = RequiredString(*body, "password", 1024);
  if (!password) return ErrorResponse(password.error());
  auto roles = ParseRoles(*body);
  if (!roles) return ErrorResponse(roles.error());
  in.username = std::move(*username);
  in.display_name = std::move(*display_name);
  in.password = std::move(*password);
  in.roles = std::move(*roles);
  auto user = call.services.users.Create(call.ctx, in);
  if (!user) return ErrorResponse(user.error());
  Response r = UserResponse(201, *user);
  r.SetHeader("location", "/api/v1/users/" + user->id);
  return r;
}

Response HandleUpdateUser(Call& call) {
  auto version = IfMatchVersion(call.request, "user");
  if (!version) return ErrorResponse(version.error());
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"display_name", "disabled", "roles", "unlock", "password"});
      !st) {
    return ErrorResponse(st.error());
  }
  app::UserChanges changes;
  auto display_name = OptionalString(*body, "display_name", 200);
  if (!display_name) return ErrorResponse(display_name.error());
  changes.display_name = std::move(*display_name);
  auto disabled = OptionalBool(*body, "disabled");
  if (!disabled) return ErrorResponse(disabled.error());
  changes.disabled = *disabled;
  auto unlock = OptionalBool(*body, "unlock");
  if (!unlock) return ErrorResponse(unlock.error());
  changes.unlock = unlock->value_or(false);
  auto password = OptionalString(*body, "password", 1024);
  if (!password) return ErrorResponse(password.error());
  changes.password = std::move(*password);
  if (body->contains("roles")) {
    auto roles = ParseRoles(*body);
    if (!roles) return ErrorResponse(roles.error());
    changes.roles = std::move(*roles);
  }
  auto user = call.services.users.Update(call.ctx, call.path_params.at(0), *version, changes);
  if (!user) return ErrorResponse(user.error());
  return UserResponse(200, *user);
}

}  // namespace carecoord::api
