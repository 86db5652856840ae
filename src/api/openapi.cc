// SPDX-License-Identifier: Apache-2.0
#include "api/openapi.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/openapi_schemas.h"
#include "api/router.h"
#include "domain/permissions.h"

namespace carecoord::api {
namespace {

// Schema components named by the route table. Keep in step with json_output.cc; the API tests
// check real responses against these shapes.
constexpr char kComponents[] = R"json({
  "schemas": {
    "Problem": {
      "type": "object", "required": ["type", "title", "status", "detail"],
      "properties": {
        "type": {"type": "string"}, "title": {"type": "string"},
        "status": {"type": "integer"}, "detail": {"type": "string"},
        "field": {"type": "string", "description": "the offending input field"}
      }
    },
    "Health": {"type": "object", "properties": {"status": {"type": "string", "const": "ok"}}},
    "OpenApi": {"type": "object"},
    "Role": {
      "type": "string"
    },
    "RoleGrant": {
      "type": "object", "required": ["program_id", "program_name", "role"],
      "properties": {
        "program_id": {"type": "string"}, "program_name": {"type": "string"},
        "role": {"$ref": "#/components/schemas/Role"}
      }
    },
    "RoleRequest": {
      "type": "object", "required": ["program_id", "role"], "additionalProperties": false,
      "properties": {"program_id": {"type": "string"}, "role": {"$ref": "#/components/schemas/Role"}}
    },
    "RoleGatedAction": {
      "type": "string",
      "description": "the name of a permission rule that needs a role (domain/permissions.cc); the enum is the table's"
    },
    "ProgramPermissions": {
      "type": "object", "required": ["program_id", "actions"],
      "description": "what the user's roles in one program permit",
      "properties": {
        "program_id": {"type": "string"},
        "actions": {"type": "array", "items": {"$ref": "#/components/schemas/RoleGatedAction"},
                    "description": "in the permission table's order; actions open to every signed-in user are not listed"}
      }
    },
    "Me": {
      "type": "object",
      "required": ["id", "username", "display_name", "organization", "roles", "session", "allowed"],
      "properties": {
        "id": {"type": "string"}, "username": {"type": "string"}, "display_name": {"type": "string"},
        "organization": {"type": "object", "required": ["id", "name"],
                         "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RoleGrant"}},
        "csrf_token": {"type": "string", "description": "present for cookie sessions"},
        "session": {"type": "object", "required": ["idle_expires_at", "absolute_expires_at"],
                    "properties": {
          "idle_expires_at": {"type": "string", "format": "date-time"},
          "absolute_expires_at": {"type": "string", "format": "date-time"}}},
        "allowed": {"type": "array", "items": {"$ref": "#/components/schemas/ProgramPermissions"},
                    "description": "one entry per program the user holds a role in"}
      }
    },
    "SignInRequest": {
      "type": "object", "required": ["username", "password"], "additionalProperties": false,
      "properties": {"username": {"type": "string", "minLength": 1, "maxLength": 256},
                     "password": {"type": "string", "minLength": 1, "maxLength": 1024}}
    },
    "SignInResponse": {
      "type": "object", "required": ["token", "csrf_token", "expires_at", "user"],
      "properties": {
        "token": {"type": "string", "description": "send as Authorization: Bearer"},
        "csrf_token": {"type": "string", "description": "send as X-CSRF-Token with the cookie"},
        "expires_at": {"type": "string", "format": "date-time"},
        "user": {"$ref": "#/components/schemas/Me"}
      }
    },
    "ChangePasswordRequest": {
      "type": "object", "required": ["current_password", "new_password"],
      "additionalProperties": false,
      "properties": {"current_password": {"type": "string", "minLength": 1, "maxLength": 1024},
                     "new_password": {"type": "string", "minLength": 12, "maxLength": 256}}
    },
    "Program": {
      "type": "object", "required": ["id", "name", "time_zone"],
      "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "time_zone": {"type": "string"}}
    },
    "ProgramList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Program"}}}},
    "User": {
      "type": "object",
      "required": ["id", "username", "display_name", "disabled", "locked", "roles", "created_at",
                   "updated_at", "version"],
      "properties": {
        "id": {"type": "string"}, "username": {"type": "string"}, "display_name": {"type": "string"},
        "disabled": {"type": "boolean"}, "locked": {"type": "boolean"},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RoleGrant"}},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "version": {"type": "integer"}
      }
    },
    "UserList": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}},
    "NewUserRequest": {
      "type": "object", "required": ["username", "display_name", "password", "roles"],
      "additionalProperties": false,
      "properties": {
        "username": {"type": "string", "pattern": "^[A-Za-z0-9._-]{3,64}$"},
        "display_name": {"type": "string", "minLength": 1, "maxLength": 200},
        "password": {"type": "string", "minLength": 12, "maxLength": 256},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RoleRequest"}}
      }
    },
    "UserChangesRequest": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "display_name": {"type": "string"}, "disabled": {"type": "boolean"},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RoleRequest"},
                  "description": "replaces every grant"},
        "unlock": {"type": "boolean"}, "password": {"type": "string", "minLength": 12}
      }
    },
    "AuditOutcome": {"type": "string", "enum": ["allowed", "denied", "failed"]},
    "AuditEvent": {
      "type": "object",
      "required": ["seq", "id", "occurred_at", "actor_id", "actor_username", "role", "program_id",
                   "action", "resource_type", "resource_id", "participant_id", "outcome", "reason"],
      "properties": {
        "seq": {"type": "integer"}, "id": {"type": "string"},
        "occurred_at": {"type": "string", "format": "date-time"},
        "actor_id": {"type": "string"}, "actor_username": {"type": "string"},
        "role": {"type": "string"}, "program_id": {"type": "string"},
        "action": {"type": "string"}, "resource_type": {"type": "string"},
        "resource_id": {"type": "string"}, "participant_id": {"type": "string"},
        "outcome": {"$ref": "#/components/schemas/AuditOutcome"},
        "reason": {"type": "string"}
      }
    },
    "AuditPage": {
      "type": "object", "required": ["items", "next_before_seq"],
      "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEvent"}},
        "next_before_seq": {"type": ["integer", "null"]}
      }
    }
  },
  "securitySchemes": {
    "bearer": {"type": "http", "scheme": "bearer"},
    "cookie": {"type": "apiKey", "in": "cookie", "name": "carecoord_session",
               "description": "unsafe methods also need the X-CSRF-Token header"}
  }
})json";

boost::json::object ProblemRef(std::string_view description) {
  return {
      {"description", description},
      {"content",
       {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

// "get_episodes_id_contacts" for GET /api/v1/episodes/{id}/contacts: unique, as OpenAPI wants
// (several routes share one permission action, so the rule name cannot be the id).
std::string OperationId(const Route& r) {
  std::string id(r.method);
  for (char& c : id) c = static_cast<char>(c - 'A' + 'a');
  std::string_view path = r.path;
  if (path.starts_with("/api/v1")) path.remove_prefix(7);
  for (char c : path) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (word)
      id += c;
    else if (c != '{' && c != '}' && id.back() != '_')
      id += '_';
  }
  return id;
}

boost::json::object Operation(const Route& r) {
  const PermissionRule* rule = FindRule(r.action);
  boost::json::object op{{"operationId", OperationId(r)},
                         {"x-permission", rule ? rule->name : "unknown"},
                         {"summary", r.summary}};
  boost::json::array params;
  std::string_view path = r.path;
  for (std::size_t open = path.find('{'); open != std::string_view::npos;
       open = path.find('{', open + 1)) {
    const std::size_t close = path.find('}', open);
    params.push_back(boost::json::object{{"name", path.substr(open + 1, close - open - 1)},
                                         {"in", "path"},
                                         {"required", true},
                                         {"schema", {{"type", "string"}}}});
  }
  std::string_view names = r.query_params;
  while (!names.empty()) {
    const std::size_t space = names.find(' ');
    params.push_back(boost::json::object{
        {"name", names.substr(0, space)}, {"in", "query"}, {"schema", {{"type", "string"}}}});
    names = space == std::string_view::npos ? std::string_view() : names.substr(space + 1);
  }
  if (r.needs_if_match) {
    params.push_back(boost::json::object{{"name", "If-Match"},
                                         {"in", "header"},
                                         {"required", true},
                                         {"description", "the ETag (version) you edited"},
                                         {"schema", {{"type", "string"}}}});
  }
  if (r.method == "POST" && rule && rule->audience != Audience::kAnyone) {
    // api.cc reads it on every signed-in POST; creates honour it (docs/participant-record.md).
    params.push_back(boost::json::object{
        {"name", "Idempotency-Key"},
        {"in", "header"},
        {"description", "a retry with the same key and body creates nothing new"},
        {"schema", {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}}});
  }
  if (!params.empty()) op["parameters"] = std::move(params);
  if (!r.request_schema.empty()) {
    op["requestBody"] = {
        {"required", true},
        {"content",
         {{"application/json",
           {{"schema", {{"$ref", "#/components/schemas/" + std::string(r.request_schema)}}}}}}}};
  }
  boost::json::object responses;
  boost::json::object ok{{"description", "success"}};
  if (!r.response_schema.empty()) {
    ok["content"] = {
        {"application/json",
         {{"schema", {{"$ref", "#/components/schemas/" + std::string(r.response_schema)}}}}}};
  }
  responses[std::to_string(r.success_status)] = std::move(ok);
  const bool public_route = rule && rule->audience == Audience::kAnyone;
  if (!r.request_schema.empty() || !r.query_params.empty() || r.needs_if_match) {
    responses["400"] = ProblemRef("invalid input; `field` names it");
  }
  if (!public_route || r.action == Action::kSignIn)
    responses["401"] = ProblemRef("not signed in, or the session expired");
  if (rule && rule->audience == Audience::kRoles)
    responses["403"] = ProblemRef("your role does not allow this");
  if (!public_route && r.method != "GET")
    responses["403"] = ProblemRef("missing CSRF token, or your role does not allow this");
  if (r.path.find('{') != std::string_view::npos) responses["404"] = ProblemRef("no such record");
  if (r.action == Action::kCreateUser) responses["409"] = ProblemRef("username taken");
  if (r.method == "POST" && rule && rule->audience == Audience::kRoles &&
      r.action != Action::kCreateUser) {
    // Creates reuse-check their Idempotency-Key; actions meet a record in the wrong state.
    responses["409"] = ProblemRef("conflicts with the record's state or a reused Idempotency-Key");
  }
  if (r.action == Action::kLogContact || r.action == Action::kEditContact) {
    responses["409"] = boost::json::object{
        {"description",
         "no active release covers the outside party and information (004); "
         "`missing` says what a release would have to cover"},
        {"content",
         {{"application/problem+json",
           {{"schema", {{"$ref", "#/components/schemas/ReleaseRequiredProblem"}}}}}}}};
  }
  if (r.action == Action::kChangePolicy) {
    responses["400"] = boost::json::object{
        {"description",
         "invalid input; a malformed policy file lists its problems in `errors` (line and key)"},
        {"content",
         {{"application/problem+json",
           {{"schema", {{"$ref", "#/components/schemas/PolicyProblem"}}}}}}}};
    if (r.method == "POST") responses.erase("409");  // validation stores nothing
  }
  if ((r.action == Action::kRecordTransition && r.method == "PATCH") ||
      r.action == Action::kSetContactSchedule) {
    responses["409"] = ProblemRef("the episode is closed");
  }
  if (r.action == Action::kManageOnCall && r.method == "DELETE")
    responses["409"] = ProblemRef("the shift has ended: the rota is a record");
  if (r.needs_if_match) {
    responses["412"] = ProblemRef("changed since the version you edited");
    responses["428"] = ProblemRef("If-Match missing");
  }
  if (r.needs_if_match &&
      (r.action == Action::kWriteCarePlan || r.action == Action::kReviewCarePlan)) {
    responses["412"] = boost::json::object{
        {"description",
         "someone saved a newer version first; nothing changed, and `current` is the plan as "
         "it is now"},
        {"content",
         {{"application/problem+json",
           {{"schema", {{"$ref", "#/components/schemas/CarePlanConflictProblem"}}}}}}}};
  }
  if (r.action == Action::kOverrideRiskTier)
    responses["403"] = ProblemRef(
        "missing CSRF token, or not a supervisor of the program whose policy sets the tier");
  if (!r.request_schema.empty()) responses["413"] = ProblemRef("body too large");
  if (r.action == Action::kSignIn)
    responses["423"] = ProblemRef("account locked after repeated failures");
  responses["503"] = ProblemRef("database unavailable");
  op["responses"] = std::move(responses);
  if (!public_route) {
    op["security"] = boost::json::array{boost::json::object{{"bearer", boost::json::array{}}},
                                        boost::json::object{{"cookie", boost::json::array{}}}};
  }
  return op;
}

// The base components plus each area's schemas (api/openapi_schemas.h).
boost::json::value Components() {
  boost::json::value components = boost::json::parse(kComponents);
  boost::json::object& schemas = components.as_object()["schemas"].as_object();
  boost::json::array actions;
  for (const PermissionRule& rule : PermissionTable()) {
    if (rule.audience == Audience::kRoles) actions.emplace_back(rule.name);
  }
  schemas["RoleGatedAction"].as_object()["enum"] = std::move(actions);
  for (std::string_view fragment : {IntakeSchemas(), EpisodeSchemas(), ContactConsentSchemas(),
                                    ObligationSchemas(), AssessmentSchemas(), CarePlanSchemas()}) {
    // Named: a range-for over a member of a temporary would not extend its life (g++ 12).
    const boost::json::value parsed = boost::json::parse(fragment);
    for (const auto& [name, schema] : parsed.as_object()) schemas[name] = schema;
  }
  PutDomainCodeLists(schemas);
  return components;
}

std::string BuildDocument() {
  boost::json::object paths;
  for (const Route& r : RouteTable()) {
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(c - 'A' + 'a');
    boost::json::value& item = paths[r.path];
    if (!item.is_object()) item.emplace_object();
    item.as_object()[method] = Operation(r);
  }
  boost::json::object doc{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "carecoord API"},
        {"version", "1"},
        {"description",
         "Care coordination: accounts, sessions and audit. Errors are RFC 9457 problem details."}}},
      {"paths", std::move(paths)},
      {"components", Components()},
  };
  return boost::json::serialize(doc);
}

}  // namespace

const std::string& OpenApiDocument() {
  static const std::string kDocument = BuildDocument();
  return kDocument;
}

}  // namespace carecoord::api
