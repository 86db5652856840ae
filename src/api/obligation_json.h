// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.h"
#include "api/router.h"
#include "app/obligation_service.h"
#include "app/on_call_service.h"
#include "app/policy_service.h"
#include "domain/error.h"

// The JSON of worklists, obligations, dashboards, compliance, policies and the on-call rota
// (docs/worklists.md "API"; schemas in obligation_schemas.cc), and the query readers the routes
// of that area share. Bodies are read with api/json_input.h's readers after Api::Dispatch has
// checked them against their schemas; the rules (bounds, ranges, who may) are the use cases'.
namespace carecoord::api {

// One obligation: the common members, `log_contact` ({mode, purposes: [purpose], with_whom},
// null when a contact does not satisfy it), plus the worklist's (bucket, participant_name) or
// the chart's (status detail: resolved_at, assignee_id) members.
boost::json::object WorklistJson(const app::Worklist& worklist);
boost::json::object EpisodeObligationsJson(const app::EpisodeObligations& obligations);
boost::json::object DashboardJson(const app::ProgramDashboard& dashboard);
boost::json::object ComplianceJson(std::string_view program_id,
                                   const std::vector<app::ComplianceMonth>& months);

// The policy page: the file, its version and the rules in plain language. `rebuilt_episodes`
// is added after a change.
boost::json::object PolicyJson(const app::PolicyView& policy);
// {"schedule": {...}, "rules": [...]} of a parsed policy (for POST /policy/validate too).
boost::json::object PolicyRulesJson(const Policy& policy);
// 200 with the policy and ETag: "<version>" (version 0: the built-in default).
Response PolicyResponse(int status, const boost::json::object& body, std::int64_t version);

// A malformed policy file is a 400 whose `errors` lists each problem as {"field": "source",
// "line", "key", "message"} (line a number, key the TOML key); `field` is "source". Any other
// error renders as ErrorResponse does.
Response PolicyErrorResponse(const Error& error);

boost::json::object OnCallShiftJson(const app::OnCallShift& shift);
boost::json::object OnCallNowJson(const std::vector<app::OnCallNow>& programs);
boost::json::object OnCallRotaJson(const app::OnCallRota& rota);

// A query parameter holding an RFC 3339 instant or a date; nullopt when absent.
Result<std::optional<Instant>> InstantQueryParam(const Call& call, std::string_view name);

}  // namespace carecoord::api
