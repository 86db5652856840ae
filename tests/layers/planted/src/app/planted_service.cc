// SPDX-License-Identifier: Apache-2.0
// A planted bypass for tests/layers: a use case opening its own transaction.
#include "app/planted_service.h"

namespace carecoord::app {

Status PlantedService::Log(Context& ctx) {
  CARECOORD_TRY(conn, runner_.db().Acquire());
  return {};
}

}  // namespace carecoord::app
