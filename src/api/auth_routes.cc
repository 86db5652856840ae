// SPDX-License-Identifier: Apache-2.0
// Sign-in, sign-out, own account and password change.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"
#include "domain/permissions.h"

namespace carecoord::api {
namespace {

// Per program of the user's roles, the role-gated actions those roles permit, by rule name
// (domain/permissions.h), so clients need no copy of the permission table.
boost::json::array AllowedJson(const std::vector<RoleGrant>& grants) {
  std::vector<std::string> programs;
  for (const RoleGrant& g : grants) {
    if (std::ranges::find(programs, g.program_id) == programs.end())
      programs.push_back(g.program_id);
  }
  boost::json::array out;
  for (const std::string& program : programs) {
    std::vector<Role> roles;
    for (const RoleGrant& g : grants) {
      if (g.program_id == program) roles.push_back(g.role);
    }
    boost::json::array actions;
    for (Action a : RoleGatedActionsAllowed(roles)) actions.emplace_back(FindRule(a)->name);
    out.push_back(boost::json::object{{"program_id", program}, {"actions", std::move(actions)}});
  }
  return out;
}

// The Me document: MeJson plus what the user may do.
boost::json::value MeWithAllowed(const app::Actor& actor, const SessionPolicy& policy,
                                 std::string_view csrf_token) {
  boost::json::value me = MeJson(actor, policy, csrf_token);
  me.as_object()["allowed"] = AllowedJson(actor.roles);
  return me;
}

std::string SessionCookie(std::string_view token, std::chrono::milliseconds max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(std::chrono::duration_cast<std::chrono::seconds>(max_age).count());
  if (secure) c += "; Secure";
  return c;
}

}  // namespace

Response HandleSignIn(Call& call) {
  auto& auth = call.services.auth;
  auto result = auth.SignIn(TextOr(call.body, "username"), TextOr(call.body, "password"));
  if (!result) return ErrorResponse(result.error());
  boost::json::object out{
      {"token", result->token},
      {"csrf_token", result->csrf_token},
      {"expires_at", FormatRfc3339(result->idle_expires)},
      {"user", MeWithAllowed(result->actor, auth.policy(), result->csrf_token)},
  };
  Response r = JsonResponse(200, out);
  r.SetHeader("set-cookie",
              SessionCookie(result->token, auth.policy().absolute_timeout, call.request.secure));
  return r;
}

Response HandleSignOut(Call& call) {
  if (auto st = call.services.auth.SignOut(call.ctx); !st) return ErrorResponse(st.error());
  Response r;
  r.status = 204;
  r.SetHeader("set-cookie", SessionCookie("", std::chrono::milliseconds(0), call.request.secure));
  return r;
}

Response HandleChangePassword(Call& call) {
  if (auto st = call.services.auth.ChangePassword(call.ctx, TextOr(call.body, "current_password"),
                                                  TextOr(call.body, "new_password"));
      !st) {
    return ErrorResponse(st.error());
  }
  Response r;
  r.status = 204;
  return r;
}

Response HandleMe(Call& call) {
  auto me = call.services.users.Me(call.ctx);
  if (!me) return ErrorResponse(me.error());
  const std::string csrf =
      call.cookie_session ? app::AuthService::CsrfTokenFor(call.session_token) : std::string();
  return JsonResponse(200, MeWithAllowed(*me, call.services.auth.policy(), csrf));
}

}  // namespace carecoord::api
