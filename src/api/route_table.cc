// SPDX-License-Identifier: Apache-2.0
// The route table: every HTTP route of the API, the permission action it performs, and how the
// OpenAPI document describes it. tests/ walks this table against the permission table.
#include <array>

#include "api/handlers.h"
#include "api/router.h"

namespace carecoord::api {
namespace {

constexpr std::array kRoutes = {
    Route{.method = "GET",
          .path = "/healthz",
          .action = Action::kHealthCheck,
          .handler = HandleHealth,
          .summary = "Liveness and database reachability",
          .response_schema = "Health"},
    Route{.method = "GET",
          .path = "/api/v1/openapi.json",
          .action = Action::kReadApiDescription,
          .handler = HandleOpenApi,
          .summary = "This OpenAPI document",
          .response_schema = "OpenApi"},
    Route{.method = "POST",
          .path = "/api/v1/auth/login",
          .action = Action::kSignIn,
          .handler = HandleSignIn,
          .slow = true,
          .summary = "Sign in with username and password; sets the session cookie",
          .request_schema = "SignInRequest",
          .response_schema = "SignInResponse"},
    Route{.method = "POST",
          .path = "/api/v1/auth/logout",
          .action = Action::kSignOut,
          .handler = HandleSignOut,
          .summary = "Sign out: revoke the session and clear the cookie",
          .success_status = 204},
    Route{.method = "POST",
          .path = "/api/v1/auth/password",
          .action = Action::kChangeOwnPassword,
          .handler = HandleChangePassword,
          .slow = true,
          .summary = "Change your own password; your other sessions are signed out",
          .request_schema = "ChangePasswordRequest",
          .success_status = 204},
    Route{.method = "GET",
          .path = "/api/v1/me",
          .action = Action::kReadOwnAccount,
          .handler = HandleMe,
          .summary = "The signed-in user, their roles and session",
          .response_schema = "Me"},
    Route{.method = "GET",
          .path = "/api/v1/programs",
          .action = Action::kListPrograms,
          .handler = HandleListPrograms,
          .summary = "Programs of your organization",
          .response_schema = "ProgramList"},
    Route{.method = "GET",
          .path = "/api/v1/users",
          .action = Action::kListUsers,
          .handler = HandleListUsers,
          .summary = "Users of your organization",
          .response_schema = "UserList"},
    Route{.method = "POST",
          .path = "/api/v1/users",
          .action = Action::kCreateUser,
          .handler = HandleCreateUser,
          .slow = true,
          .summary = "Create a user",
          .request_schema = "NewUserRequest",
          .response_schema = "User",
          .success_status = 201},
    Route{.method = "GET",
          .path = "/api/v1/users/{id}",
          .action = Action::kReadUser,
          .handler = HandleGetUser,
          .summary = "One user",
          .response_schema = "User"},
    Route{.method = "PATCH",
          .path = "/api/v1/users/{id}",
          .action = Action::kUpdateUser,
          .handler = HandleUpdateUser,
          .slow = true,
          .summary = "Change a user's name, roles, disabled state or password, or unlock them",
          .request_schema = "UserChangesRequest",
          .response_schema = "User",
          .needs_if_match = true},
    Route{.method = "GET",
          .path = "/api/v1/audit",
          .action = Action::kReadAuditLog,
          .handler = HandleSearchAudit,
          .summary = "Audit events, newest first",
          .response_schema = "AuditPage",
          .query_params = "user_id participant_id from to limit before_seq"},
    // Participant record (docs/participant-record.md), one block per area.
    // -- intake routes --
    // -- episode routes --
    // -- contact routes --
};

}  // namespace

std::span<const Route> RouteTable() {
  return kRoutes;
}

}  // namespace carecoord::api
