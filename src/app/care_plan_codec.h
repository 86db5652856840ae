// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "domain/care_plan.h"
#include "domain/error.h"

namespace carecoord::app {

// The care plan document as JSON: the shape stored in care_plan_versions.document and sent over
// the API (docs/assessments.md "Care plan document"). One codec for both, so what is stored is
// exactly what a client sees.

// Every member is written, in the order of the docs; baseline and target are null when absent,
// whole numbers are written as integers.
std::string EncodeCarePlan(const CarePlanDocument& plan);

// kInvalidArgument naming the field by path ("goals[0].baseline: must be a number") for a value
// of the wrong type or an unknown key; absent keys and null members take their defaults (an
// entry of a list may not be null). Text that is not JSON or not an object is an error with the
// field "document". Numbers are read as doubles. Checks shape only: ValidateCarePlan checks
// meaning. DecodeCarePlan(EncodeCarePlan(p)) == p.
Result<CarePlanDocument> DecodeCarePlan(std::string_view json);

}  // namespace carecoord::app
