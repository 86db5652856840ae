// SPDX-License-Identifier: Apache-2.0
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view ContactConsentSchemas() {
  return R"json({})json";
}

}  // namespace carecoord::api
