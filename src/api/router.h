// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http.h"
#include "app/core/context.h"
#include "app/subject.h"
#include "domain/permissions.h"

namespace carecoord::app {
struct Services;
}

namespace carecoord::api {

// Everything a route handler gets: the request, its decoded path parameters and query, the
// application, and the caller's context (actor empty for public routes).
struct Call {
  const Request& request;
  std::vector<std::string> path_params;
  std::vector<std::pair<std::string, std::string>> query;
  app::Services& services;
  app::Context ctx;
  bool cookie_session = false;
  std::string session_token;  // the bearer or cookie token (for the derived CSRF token)
  // The request body, parsed once and valid against the route's request_schema (Dispatch does
  // both before the handler runs; api/body_schema.h); empty for a route without one.
  boost::json::object body;

  // The first value of a query parameter, or nullopt.
  std::optional<std::string_view> Query(std::string_view name) const;
};

// Handlers are thin (DESIGN §5): parse and validate into a typed command, call one use case,
// map the result. No SQL, no rules, no access checks.
using RouteHandler = Response (*)(Call&);

// One entry of the route table: what it does (the permission Action, checked by the app layer
// and by the route-table test), whose record its path names, how it is served, and how the
// OpenAPI document describes it.
struct Route {
  std::string_view method{};
  std::string_view path{};  // literal segments and {name} parameters
  Action action = Action::kHealthCheck;
  // The participant's record the first path parameter names, if any: Dispatch has app check
  // the caller's relationship with that participant before the handler reads the body (issue
  // 11). The route-table test holds every path to its subject.
  app::Subject subject = app::Subject::kNone;
  RouteHandler handler = nullptr;
  bool slow = false;  // hashes a password: runs on the blocking pool, not the I/O threads
  std::string_view summary{};
  std::string_view request_schema{};   // OpenAPI component name, "" when no body
  std::string_view response_schema{};  // OpenAPI component name, "" when no body
  int success_status = 200;
  std::string_view query_params{};  // space-separated names of documented query parameters
  bool needs_if_match = false;
};

std::span<const Route> RouteTable();

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> params;
  bool path_exists = false;  // some route has this path with another method (405)
  std::string allow;         // those methods, for the Allow header: "GET, POST"
};

// Matches an already percent-decoded path against the table.
RouteMatch MatchRoute(std::string_view method, std::string_view path);

}  // namespace carecoord::api
