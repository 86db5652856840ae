// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/audit_log.h"
#include "app/audit_query.h"
#include "app/auth_service.h"
#include "app/care_team_service.h"
#include "app/clock.h"
#include "app/consent_service.h"
#include "app/contact_service.h"
#include "app/episode_service.h"
#include "app/participant_service.h"
#include "app/referral_service.h"
#include "app/user_service.h"
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
        audit_query(database, time),
        referrals(database, time, audit),
        participants(database, time, audit),
        episodes(database, time, audit),
        care_team(database, time, audit),
        contacts(database, time, audit),
        consents(database, time, audit) {}
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  store::Database& db;
  const Clock& clock;
  AuditLog audit;
  AuthService auth;
  UserService users;
  AuditQueryService audit_query;
  ReferralService referrals;
  ParticipantService participants;
  EpisodeService episodes;
  CareTeamService care_team;  // and the staff list (GET /api/v1/staff)
  ContactService contacts;
  ConsentService consents;
};

}  // namespace carecoord::app
