// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/core/audit_log.h"
#include "app/core/clock.h"
#include "store/database.h"

namespace carecoord::app::core {

// The one way from a use case to the database (docs/architecture.md "The one way through").
// A use case holds a Runner, never a Database: the database, the clock and the audit sink reach
// it only from here, so the layers above app (api, server) never see a store type. Owns the
// audit writer (group commit of read events). Thread-safe; outlives every service that holds it.
class Runner {
 public:
  Runner(store::Database& db, const Clock& clock) : db_(db), clock_(clock), audit_(db) {}
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  store::Database& db() { return db_; }
  const Clock& clock() const { return clock_; }
  AuditLog& audit() { return audit_; }

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditLog audit_;
};

}  // namespace carecoord::app::core
