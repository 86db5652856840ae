// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace carecoord::api {

// The OpenAPI 3.1 document of every route in the route table, as JSON text. Built once from
// the table and the schema components in openapi.cc, so a route cannot be missing from it.
const std::string& OpenApiDocument();

}  // namespace carecoord::api
