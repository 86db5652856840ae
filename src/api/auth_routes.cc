// SPDX-License-Identifier: Apache-2.0
// Sign-in, sign-out, own account and password change.
#include <boost/json/object.hpp>

#include "api/handlers.h"
#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"
#include "app/services.h"

namespace carecoord::api {
namespace {

std::string SessionCookie(std::string_view token, std::chrono::milliseconds max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(std::chrono::duration_cast<std::chrono::seconds>(max_age).count());
  if (secure) c += "; Secure";
  return c;
}

}  // namespace

Response HandleSignIn(Call& call) {
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"username", "password"}); !st)
    return ErrorResponse(st.error());
  auto username = RequiredString(*body, "username", 256);
  if (!username) return ErrorResponse(username.error());
  auto password = RequiredString(*body, "password", 1024);
  if (!password) return ErrorResponse(password.error());

  auto& auth = call.services.auth;
  auto result = auth.SignIn(*username, *password);
  if (!result) return ErrorResponse(result.error());
  boost::json::object out{
      {"token", result->token},
      {"csrf_token", result->csrf_token},
      {"expires_at", FormatRfc3339(result->idle_expires)},
      {"user", MeJson(result->actor, auth.policy(), result->csrf_token)},
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
  auto body = ParseJsonObject(call.request);
  if (!body) return ErrorResponse(body.error());
  if (auto st = OnlyKnownFields(*body, {"current_password", "new_password"}); !st) {
    return ErrorResponse(st.error());
  }
  auto current = RequiredString(*body, "current_password", 1024);
  if (!current) return ErrorResponse(current.error());
  auto next = RequiredString(*body, "new_password", 1024);
  if (!next) return ErrorResponse(next.error());
  if (auto st = call.services.auth.ChangePassword(call.ctx, *current, *next); !st) {
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
  return JsonResponse(200, MeJson(*me, call.services.auth.policy(), csrf));
}

}  // namespace carecoord::api
