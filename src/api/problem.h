// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "api/http.h"
#include "domain/error.h"

namespace carecoord::api {

// The one table from error codes to HTTP statuses (DESIGN §5 "Errors are values").
int HttpStatusFor(ErrorCode code);

// An RFC 9457 application/problem+json response: {"type","title","status","detail"[,"field"]}.
Response ProblemResponse(int status, std::string_view detail, std::string_view field = {});
Response ErrorResponse(const Error& error);

}  // namespace carecoord::api
