// SPDX-License-Identifier: Apache-2.0
#include "app/services.h"

#include "app/core/access.h"
#include "app/core/health.h"
#include "app/core/obligation_engine.h"
#include "app/core/runner.h"
#include "app/core/subject_access.h"

namespace carecoord::app {
namespace {

// The audit resource type of a refusal on a route that names no participant's record: the
// noun of the action's rule ("user" of "user.create"), as the use cases name it.
std::string_view ResourceOf(Action action) {
  const PermissionRule* rule = FindRule(action);
  if (rule == nullptr) return {};
  return rule->name.substr(0, rule->name.find('.'));
}

}  // namespace

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

Status Services::AuthorizeRequest(Context& ctx, Action action, Subject subject,
                                  const std::string& id) {
  const Instant now = runner.clock().Now();
  const std::string_view type =
      subject == Subject::kNone ? ResourceOf(action) : SubjectResourceType(subject);
  // The role before any read: a role that may not act is not even told whether the record is
  // there.
  const std::string_view participant =
      subject == Subject::kParticipant ? std::string_view(id) : std::string_view();
  if (auto st = Authorize(ctx, action, {type, id, participant}, now); !st) return st;
  if (subject == Subject::kNone) return {};
  auto conn = runner.db().Acquire();
  if (!conn) return std::unexpected(conn.error());
  return AuthorizeSubject(ctx, **conn, action, subject, id, now);
}

Status Services::CheckHealth() {
  return app::CheckHealth(runner.db());
}

const Clock& Services::clock() const {
  return runner.clock();
}

}  // namespace carecoord::app
