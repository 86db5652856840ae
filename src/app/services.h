// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/audit_log.h"
#include "app/audit_query.h"
#include "app/auth_service.h"
#include "app/clock.h"
#include "app/user_service.h"
// -- participant record service includes --
#include "store/database.h"

namespace carecoord::app {

// Every use case of the application, wired to one database and clock. Owns the audit writer.
// Non-copyable; outlives the server that calls into it.
struct Services {
  Services(store::Database& database, const Clock& time, SessionPolicy policy = {})
      : db(database),
        clock(time),
        audit(database),
        auth(database, time, audit, policy),
        users(database, time, audit),
        audit_query(database, time)
        // Participant record services, one block per area (each line starts with a comma).
        // -- intake services init --
        // -- episode services init --
        // -- contact services init --
  {
  }
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  store::Database& db;
  const Clock& clock;
  AuditLog audit;
  AuthService auth;
  UserService users;
  AuditQueryService audit_query;
  // -- intake services --
  // -- episode services --
  // -- contact services --
};

}  // namespace carecoord::app
