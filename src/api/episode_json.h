// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string_view>

#include "api/http.h"
#include "app/care_team_service.h"
#include "domain/error.h"
#include "domain/records/episode.h"
#include "domain/records/staff.h"

// The JSON of episodes, hand-offs, care teams and staff (docs/participant-record.md "Episodes,
// hand-offs, care team"; schemas in episode_schemas.cc).
namespace carecoord::api {

boost::json::value EpisodeJson(const EpisodeDetail& episode);
boost::json::value CareTeamMemberJson(const app::CareTeamMemberView& member);
boost::json::value StaffMemberJson(const StaffMember& member);

// 200/201 with the record and ETag: "<version>".
Response EpisodeResponse(int status, const EpisodeDetail& episode);
Response CareTeamMemberResponse(int status, const app::CareTeamMemberView& member);

}  // namespace carecoord::api
