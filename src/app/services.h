// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/assessment_service.h"
#include "app/audit_log.h"
#include "app/audit_query.h"
#include "app/auth_service.h"
#include "app/care_plan_service.h"
#include "app/care_team_service.h"
#include "app/clock.h"
#include "app/consent_service.h"
#include "app/contact_service.h"
#include "app/episode_service.h"
#include "app/obligation_engine.h"
#include "app/obligation_service.h"
#include "app/on_call_service.h"
#include "app/participant_service.h"
#include "app/policy_service.h"
#include "app/referral_service.h"
#include "app/risk_tier_service.h"
#include "app/transition_service.h"
#include "app/user_service.h"
#include "store/database.h"

namespace carecoord::app {

// Every use case of the application, wired to one database, clock and instrument catalog (the
// built-in instruments without determination tables unless `carecoord serve` loaded some).
// Owns the audit writer. Non-copyable; outlives the server that calls into it.
struct Services {
  Services(store::Database& database, const Clock& time, SessionPolicy session_policy = {},
           const InstrumentCatalog& catalog = InstrumentCatalog::BuiltIn())
      : db(database),
        clock(time),
        audit(database),
        auth(database, time, audit, session_policy),
        users(database, time, audit),
        audit_query(database, time),
        refresher(policies),
        referrals(database, time, audit, refresher),
        participants(database, time, audit),
        episodes(database, time, audit, refresher),
        care_team(database, time, audit, refresher),
        contacts(database, time, audit, refresher),
        consents(database, time, audit, refresher),
        transitions(database, time, audit, refresher),
        obligations(database, time, audit, refresher),
        policy(database, time, audit, refresher),
        on_call(database, time, audit),
        assessments(database, time, audit, refresher, catalog),
        risk_tiers(database, time, audit, policies, refresher),
        care_plans(database, time, audit, refresher) {}
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  store::Database& db;
  const Clock& clock;
  AuditLog audit;
  AuthService auth;
  UserService users;
  AuditQueryService audit_query;
  PolicyCache policies;
  ObligationRefresher refresher;  // every write below that touches an episode calls it
  ReferralService referrals;
  ParticipantService participants;
  EpisodeService episodes;
  CareTeamService care_team;  // and the staff list (GET /api/v1/staff)
  ContactService contacts;
  ConsentService consents;
  TransitionService transitions;
  ObligationService obligations;  // worklists, obligation history, dashboards, rebuild
  PolicyService policy;
  OnCallService on_call;
  AssessmentService assessments;  // and the instrument catalog (GET /api/v1/instruments)
  RiskTierService risk_tiers;
  CarePlanService care_plans;  // versions, reviews, goal progress
};

}  // namespace carecoord::app
