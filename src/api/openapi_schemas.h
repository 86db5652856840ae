// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <string_view>

// OpenAPI schema components of the participant record, one JSON object per area
// ({"Referral": {...}, ...}), merged into the document by openapi.cc. Each lives beside the
// routes it describes; keep them in step with the JSON those routes write.
namespace carecoord::api {

std::string_view IntakeSchemas();          // referral_schemas.cc: referrals, participants
std::string_view EpisodeSchemas();         // episode_schemas.cc: episodes, care team, staff
std::string_view ContactConsentSchemas();  // contact_schemas.cc: contacts, consents
// obligation_schemas.cc: worklists, obligations, dashboards, policies, transitions, on call
std::string_view ObligationSchemas();
std::string_view AssessmentSchemas();  // assessment_schemas.cc: instruments, assessments, tiers
std::string_view CarePlanSchemas();    // care_plan_schemas.cc: care plans, reviews, progress

// Puts the domain's code lists into the named enum schemas of `schemas` (code_list_schemas.cc),
// after the fragments above are merged: the fragments name and describe each list, the codes
// come from the domain.
void PutDomainCodeLists(boost::json::object& schemas);

}  // namespace carecoord::api
