// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/value.hpp>

#include <string_view>

#include "api/http.h"
#include "domain/error.h"

namespace carecoord::api {

// The one table from error codes to HTTP statuses (DESIGN §5 "Errors are values").
int HttpStatusFor(ErrorCode code);

// An RFC 9457 application/problem+json response: {"type","title","status","detail"[,"field"]}.
Response ProblemResponse(int status, std::string_view detail, std::string_view field = {});
Response ErrorResponse(const Error& error);
// The problem `problem` (a ProblemResponse or ErrorResponse) with one more member: a stale
// care-plan edit's 412 carries `current`, the plan as it is now, so the client can show both.
Response WithProblemMember(Response problem, std::string_view name, boost::json::value member);

}  // namespace carecoord::api
