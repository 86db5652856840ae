// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/router.h"

// Route handlers, one per route of the table in route_table.cc.
namespace carecoord::api {

// meta_routes.cc
Response HandleHealth(Call& call);
Response HandleOpenApi(Call& call);

// auth_routes.cc
Response HandleSignIn(Call& call);
Response HandleSignOut(Call& call);
Response HandleChangePassword(Call& call);
Response HandleMe(Call& call);

// user_routes.cc
Response HandleListPrograms(Call& call);
Response HandleListUsers(Call& call);
Response HandleGetUser(Call& call);
Response HandleCreateUser(Call& call);
Response HandleUpdateUser(Call& call);

// audit_routes.cc
Response HandleSearchAudit(Call& call);

// Participant record (docs/participant-record.md). Each area adds its declarations in its own
// block below.
// referral_routes.cc, participant_routes.cc (intake, participants, emergency access)
// -- intake handlers --

// episode_routes.cc, care_team_routes.cc (episodes, hand-offs, care team, staff)
// -- episode handlers --

// contact_routes.cc, consent_routes.cc (contacts, addenda, releases of information)
// -- contact handlers --

// The name of the session cookie.
inline constexpr char kSessionCookie[] = "carecoord_session";

}  // namespace carecoord::api
