// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "api/http.h"
#include "api/router.h"
#include "app/participant_service.h"
#include "app/referral_service.h"
#include "domain/error.h"

// The JSON of referrals, participants, related persons and emergency access grants
// (docs/participant-record.md), both ways. Bodies are read after Api::Dispatch has checked them
// against their schemas (referral_schemas.cc), so the readers only fail on what a schema cannot
// say; the rules (codes, dates, who) are the use cases'.
namespace carecoord::api {

boost::json::object ReferralJson(const app::ReferralView& view);
boost::json::object DuplicateJson(const PossibleDuplicate& duplicate);
boost::json::object ParticipantJson(const app::ParticipantView& view);
boost::json::object ParticipantListItemJson(const ParticipantListRow& row);
boost::json::object RelatedPersonJson(const RelatedPersonRecord& person);
boost::json::object EmergencyGrantJson(const EmergencyGrantRow& grant);
// {"items": [...], "next_cursor": "..." | null}
boost::json::object PageJson(boost::json::array items, const std::string& next_cursor);

// ?limit= (1–200, default 50).
Result<std::int64_t> LimitParam(const Call& call);
// A query parameter's value, or "" when absent.
std::string QueryText(const Call& call, std::string_view name);

app::NewReferral ParseNewReferral(const boost::json::object& body);
app::ParticipantChanges ParseParticipantChanges(const boost::json::object& body);
// `for_update` admits `active` (RelatedPersonRequest serves both routes): kInvalidArgument
// "active" on create.
Result<app::RelatedPersonInput> ParseRelatedPerson(const boost::json::object& body,
                                                   bool for_update);

}  // namespace carecoord::api
