// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/object.hpp>

#include <string>

#include "api/http.h"
#include "app/care_plan_service.h"
#include "domain/error.h"
#include "domain/records/care_plan.h"

// The JSON of care plans, their versions, reviews and goal progress (docs/assessments.md "Care
// plans"; schemas in care_plan_schemas.cc), both ways. The `document` member is the one codec's
// (app/care_plan_codec.h), so what a client sends, what is stored and what is sent back are one
// shape. Api::Dispatch has checked bodies against their schemas before they are read; the
// rules are the use case's.
namespace carecoord::api {

boost::json::object CarePlanJson(const CarePlanRecord& plan);
boost::json::object CarePlanVersionJson(const CarePlanVersionRecord& version);
boost::json::object CarePlanReviewJson(const CarePlanReviewRecord& review);
boost::json::object GoalProgressJson(const GoalProgressRecord& progress);

// 200/201 with the plan and ETag: "<version>".
Response CarePlanResponse(int status, const CarePlanRecord& plan);

// Bodies, valid against their schemas (care_plan_schemas.cc). The document goes through the
// codec, whose error (rare once the schema has passed) names its field below "document"
// ("document.goals[0].target_date").
Result<app::NewCarePlan> ParseNewCarePlan(const boost::json::object& body);
struct CarePlanChange {
  CarePlanDocument document;
  std::string change_note;
};
Result<CarePlanChange> ParseCarePlanChange(const boost::json::object& body);
app::NewCarePlanReview ParseCarePlanReview(const boost::json::object& body);
app::NewGoalProgress ParseGoalProgress(const boost::json::object& body);

// An error about the document from the use case (ValidateCarePlan names fields from the
// document's root, "goals[1].target_date") with its field and message put below "document", as
// the client sent it; errors about other members and errors already below "document" unchanged.
Error UnderDocument(Error error);

}  // namespace carecoord::api
