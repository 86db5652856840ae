// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/value.hpp>

#include "api/http.h"
#include "app/core/context.h"
#include "app/user_service.h"
#include "domain/account_rules.h"
#include "domain/audit_record.h"

// The JSON representations of docs/api.md, in one place.
namespace carecoord::api {

Response JsonResponse(int status, const boost::json::value& body);

boost::json::value RolesJson(const std::vector<RoleGrant>& roles);
// `csrf_token` is included when non-empty (cookie sessions).
boost::json::value MeJson(const app::Actor& actor, const SessionPolicy& policy,
                          std::string_view csrf_token);
boost::json::value UserJson(const app::UserView& user);
boost::json::value AuditEventJson(const AuditRecord& event);

// `"3"` for version 3.
std::string ETagFor(std::int64_t version);

}  // namespace carecoord::api
