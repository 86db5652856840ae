// SPDX-License-Identifier: Apache-2.0
#include "api/problem.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace carecoord::api {
namespace {

struct StatusInfo {
  int status;
  const char* slug;
  const char* title;
};

StatusInfo InfoFor(int status) {
  switch (status) {
    case 400: return {400, "invalid_argument", "Invalid request"};
    case 401: return {401, "unauthenticated", "Not signed in"};
    case 403: return {403, "permission_denied", "Forbidden"};
    case 404: return {404, "not_found", "Not found"};
    case 405: return {405, "method_not_allowed", "Method not allowed"};
    case 409: return {409, "conflict", "Conflict"};
    case 412: return {412, "precondition_failed", "Precondition failed"};
    case 413: return {413, "payload_too_large", "Payload too large"};
    case 415: return {415, "unsupported_media_type", "Unsupported media type"};
    case 423: return {423, "locked", "Account locked"};
    case 428: return {428, "precondition_required", "Precondition required"};
    case 503: return {503, "unavailable", "Service unavailable"};
    default: return {500, "internal", "Internal error"};
  }
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPreconditionFailed: return 412;
    case ErrorCode::kPreconditionRequired: return 428;
    case ErrorCode::kLocked: return 423;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ProblemResponse(int status, std::string_view detail, std::string_view field) {
  const StatusInfo info = InfoFor(status);
  boost::json::object body;
  body["type"] = std::string("/problems/") + info.slug;
  body["title"] = info.title;
  body["status"] = status;
  body["detail"] = detail;
  if (!field.empty()) body["field"] = field;
  Response r;
  r.status = status;
  r.SetHeader("content-type", "application/problem+json");
  r.body = boost::json::serialize(body);
  return r;
}

Response ErrorResponse(const Error& error) {
  const int status = HttpStatusFor(error.code);
  // Internal and unavailable errors may carry driver text; callers see a generic sentence.
  if (status >= 500) {
    return ProblemResponse(status, status == 503 ? "The service is busy; try again shortly."
                                                 : "Something went wrong on our side.");
  }
  Response r = ProblemResponse(status, error.message, error.field);
  if (error.type.empty() && error.members.empty()) return r;
  boost::json::object body = boost::json::parse(r.body).as_object();
  if (!error.type.empty()) body["type"] = "/problems/" + error.type;
  if (!error.members.empty()) {
    boost::json::object extra;
    for (const ErrorMember& m : error.members) {
      if (const auto* text = std::get_if<std::string>(&m.value)) {
        extra[m.name] = *text;
      } else {
        boost::json::array list;
        for (const auto& item : std::get<std::vector<std::string>>(m.value))
          list.push_back(boost::json::string(item));
        extra[m.name] = std::move(list);
      }
    }
    body[error.object_name.empty() ? "details" : error.object_name] = std::move(extra);
  }
  r.body = boost::json::serialize(body);
  return r;
}

Response WithProblemMember(Response problem, std::string_view name, boost::json::value member) {
  boost::json::object body = boost::json::parse(problem.body).as_object();
  body[name] = std::move(member);
  problem.body = boost::json::serialize(body);
  return problem;
}

}  // namespace carecoord::api
