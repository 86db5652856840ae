// SPDX-License-Identifier: Apache-2.0
#include "app/services.h"

#include "app/core/health.h"
#include "app/core/obligation_engine.h"
#include "app/core/runner.h"

namespace carecoord::app {

Services::Services(core::Runner& run, SessionPolicy session_policy,
                   const InstrumentCatalog& catalog)
    : runner(run),
      policies(std::make_unique<PolicyCache>()),
      refresher(std::make_unique<ObligationRefresher>(*policies)),
      auth(run, session_policy),
      users(run),
      audit_query(run),
      referrals(run, *refresher),
      participants(run),
      episodes(run, *refresher),
      care_team(run, *refresher),
      contacts(run, *refresher),
      consents(run, *refresher),
      transitions(run, *refresher),
      obligations(run, *refresher),
      policy(run, *refresher),
      on_call(run),
      assessments(run, *refresher, catalog),
      risk_tiers(run, *policies, *refresher),
      care_plans(run, *refresher) {}

Services::~Services() = default;

void Services::CommitReads(Context& ctx, std::function<void(Status)> done) {
  runner.audit().Submit(std::move(ctx.read_events), std::move(done));
  ctx.read_events.clear();
}

Status Services::CheckHealth() {
  return app::CheckHealth(runner.db());
}

const Clock& Services::clock() const {
  return runner.clock();
}

}  // namespace carecoord::app
