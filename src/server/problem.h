// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "api/http.h"

namespace carecoord::server {

// An RFC 9457 problem response produced by the server itself (limits, malformed HTTP, static
// files), in the same shape the API layer uses:
//   {"type":"/problems/<name>","title":"...","status":N,"detail":"..."}
// with Content-Type application/problem+json and Cache-Control no-store. `name` is a stable
// snake_case identifier; `detail` must not echo client-supplied text (it ends up in logs and
// pages).
api::Response MakeProblem(int status, std::string_view name, std::string_view title,
                          std::string_view detail);

}  // namespace carecoord::server
