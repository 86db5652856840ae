// SPDX-License-Identifier: Apache-2.0
#include "api/json_output.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace carecoord::api {

Response JsonResponse(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.SetHeader("content-type", "application/json; charset=utf-8");
  r.body = boost::json::serialize(body);
  return r;
}

boost::json::value RolesJson(const std::vector<RoleGrant>& roles) {
  boost::json::array out;
  for (const auto& g : roles) {
    out.push_back(boost::json::object{{"program_id", g.program_id},
                                      {"program_name", g.program_name},
                                      {"role", RoleName(g.role)}});
  }
  return out;
}

boost::json::value MeJson(const app::Actor& a, const SessionPolicy& policy,
                          std::string_view csrf_token) {
  boost::json::object me{
      {"id", a.user_id.value},
      {"username", a.username},
      {"display_name", a.display_name},
      {"organization", boost::json::object{{"id", a.org_id.value}, {"name", a.org_name}}},
      {"roles", RolesJson(a.roles)},
      {"session",
       boost::json::object{
           {"idle_expires_at", FormatRfc3339(IdleExpiry(a.session_last_seen, policy))},
           {"absolute_expires_at", FormatRfc3339(a.session_absolute_expires)}}},
  };
  if (!csrf_token.empty()) me["csrf_token"] = csrf_token;
  return me;
}

boost::json::value UserJson(const app::UserView& u) {
  return boost::json::object{
      {"id", u.id},
      {"username", u.username},
      {"display_name", u.display_name},
      {"disabled", u.disabled},
      {"locked", u.locked},
      {"roles", RolesJson(u.roles)},
      {"created_at", FormatRfc3339(u.created_at)},
      {"updated_at", FormatRfc3339(u.updated_at)},
      {"version", u.version},
  };
}

boost::json::value AuditEventJson(const AuditRecord& e) {
  return boost::json::object{
      {"seq", e.seq},
      {"id", e.id},
      {"occurred_at", FormatRfc3339(e.occurred_at)},
      {"actor_id", e.actor_id},
      {"actor_username", e.actor_username},
      {"role", e.role},
      {"program_id", e.program_id},
      {"action", e.action},
      {"resource_type", e.resource_type},
      {"resource_id", e.resource_id},
      {"participant_id", e.participant_id},
      {"outcome", AuditOutcomeName(e.outcome)},
      {"reason", e.reason},
  };
}

std::string ETagFor(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

}  // namespace carecoord::api
