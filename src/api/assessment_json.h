// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "app/assessment_service.h"
#include "app/risk_tier_service.h"
#include "domain/error.h"
#include "domain/instrument.h"
#include "domain/records/assessment.h"

// The JSON of instruments, assessments and risk tiers (docs/assessments.md; schemas in
// assessment_schemas.cc), both ways. Readers check shapes and types and name the field; the
// rules (which items, which values, levels, dates, who may) are the use cases'.
namespace carecoord::api {

// The instrument as its file says, plus total_min, total_max and `determination_table`
// ({"name"} of the installed table, or null: the assessor enters the level).
boost::json::object InstrumentJson(const Instrument& instrument, const DeterminationTable* table);
// `total` is null for an instrument without a total; answers are numbers for choice and rating
// items and strings for text items.
boost::json::object AssessmentJson(const AssessmentRecord& assessment);
boost::json::object RiskTierJson(const app::ParticipantTier& tier);

// The body of POST /participants/{id}/assessments, valid against NewAssessmentRequest (its
// answers whole numbers or strings; whether they fit the instrument is the use case's).
app::NewAssessment ParseNewAssessment(const boost::json::object& body);

struct TierOverrideRequest {
  std::optional<std::string> tier;  // nullopt: clear the override
  std::string reason;
};
// {"tier": "moderate" | null, "reason": "..."}, valid against TierOverrideRequest.
TierOverrideRequest ParseTierOverride(const boost::json::object& body);

}  // namespace carecoord::api
