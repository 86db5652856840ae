// SPDX-License-Identifier: Apache-2.0
#include "app/core/health.h"

namespace carecoord::app {

Status CheckHealth(store::Database& db) {
  auto conn = db.Acquire();
  if (!conn) return Fail(ErrorCode::kUnavailable, "database unavailable");
  if (auto rows = (*conn)->Query("SELECT 1"); !rows) {
    return Fail(ErrorCode::kUnavailable, "database unavailable");
  }
  return {};
}

}  // namespace carecoord::app
