// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/assessment_service.h"
#include "app/audit_query.h"
#include "app/auth_service.h"
#include "app/care_plan_service.h"
#include "app/care_team_service.h"
#include "app/consent_service.h"
#include "app/contact_service.h"
#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "app/episode_service.h"
#include "app/instrument_catalog.h"
#include "app/obligation_service.h"
#include "app/on_call_service.h"
#include "app/participant_service.h"
#include "app/policy_service.h"
#include "app/referral_service.h"
#include "app/risk_tier_service.h"
#include "app/subject.h"
#include "app/transition_service.h"
#include "app/user_service.h"
#include "domain/permissions.h"

namespace carecoord::app {

// Every use case of the application, on one runner (app/core/runner.h: the database, the clock
// and the audit writer) and instrument catalog (the built-in instruments without determination
// tables unless `carecoord serve` loaded some). This header is what the api layer sees of app:
// it names no store type. Non-copyable; outlives the server that calls into it.
struct Services {
  explicit Services(core::Runner& runner, SessionPolicy session_policy = {},
                    const InstrumentCatalog& catalog = InstrumentCatalog::BuiltIn());
  ~Services();
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  // Makes the audit events of ctx's reads durable (group commit), then calls `done` exactly
  // once with the outcome, on the audit writer's thread (or at once when there are none). The
  // api calls it before a response leaves (DESIGN §4 "Audit").
  void CommitReads(Context& ctx, std::function<void(Status)> done);
  // May ctx's actor attempt `action` on the record `id` (the route's first path parameter, ""
  // when it has none)? The api asks before anything reads the request's body or its
  // If-Match and Idempotency-Key headers, so that a caller who may not use a route learns
  // nothing of what it expects (issue 11). First the role (kPermissionDenied); then, when the
  // route's path names a participant's record (`subject`), the relationship with that
  // participant (kNotFound, with the detail the use case gives: app/core/subject_access.h).
  // A refusal is a denied audit event in ctx.read_events, to be made durable with CommitReads
  // before the refusal leaves. The use cases check again: the CLI and the tests call them
  // directly, and the record may change in between.
  Status AuthorizeRequest(Context& ctx, Action action, Subject subject, const std::string& id);
  // Ok when the database answers; kUnavailable otherwise (GET /healthz).
  Status CheckHealth();
  const Clock& clock() const;

  core::Runner& runner;
  std::unique_ptr<PolicyCache> policies;
  std::unique_ptr<ObligationRefresher> refresher;  // every write below that touches an episode
  AuthService auth;
  UserService users;
  AuditQueryService audit_query;
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
