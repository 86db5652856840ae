// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/obligations.h"

namespace carecoord::app {

// One obligation as a person sees it (status decided now, StatusAt).
struct ObligationView {
  std::string episode_id;
  std::string participant_id;
  std::string participant_name;  // "Given Family" (worklist only; "" elsewhere)
  std::string rule_id;
  std::string rule_title;
  std::string cite;
  std::string key;
  std::string assignee_id;
  Instant window_start{};
  Instant due_at{};
  std::string status;  // ObligationStatusName: upcoming | due | overdue | missed | met | ...
  std::optional<Instant> resolved_at;
  int required = 1;
  int counted = 0;
  std::string explanation;
  std::string suggest_mode;  // "" when not satisfied by a contact
  std::string suggest_purpose;
  std::string suggest_with;
};

// The signed-in user's worklist: open obligations assigned to them whose window has begun and
// that are overdue, due today or due within 7 days (program calendar), overdue first then by
// due time. Recurring windows already missed are history, not work, and are left out.
struct Worklist {
  Instant as_of{};
  std::vector<ObligationView> items;  // status is overdue | due (bucket tells which day)
  std::vector<std::string> buckets;   // per item: overdue | today | this_week
  int overdue = 0;
  int due_today = 0;
  int this_week = 0;
};

struct EpisodeObligations {
  std::string episode_id;
  Instant as_of{};
  std::int64_t policy_version = 0;
  std::vector<ObligationView> items;  // every window from the episode's start, by due time
};

// Compliance of one rule over a set of windows due in a period: met and excused count as
// compliant; missed and overdue as not; windows not yet due are pending and left out of rate.
struct RuleCompliance {
  std::string rule_id;
  std::string title;
  int met = 0;
  int excused = 0;
  int missed = 0;
  int overdue = 0;
  int pending = 0;
  std::optional<double> rate;  // (met + excused) / (met + excused + missed + overdue)
};

struct CoordinatorRow {
  std::string user_id;
  std::string display_name;
  int caseload = 0;  // open episodes they are accountable for in the program
  int overdue = 0;   // their overdue deadlines and this month's unmet windows now past due
  std::vector<RuleCompliance> rules;  // this month, in policy order
};

struct ProgramDashboard {
  std::string program_id;
  std::string month;  // YYYY-MM, program calendar
  std::vector<CoordinatorRow> coordinators;
  std::vector<RuleCompliance> program;  // all coordinators together
};

struct ComplianceMonth {
  std::string month;  // YYYY-MM
  std::vector<RuleCompliance> rules;
};

struct RebuildReport {
  std::int64_t episodes = 0;
  std::int64_t obligations = 0;
  double seconds = 0;
};

// Worklists, obligation history and compliance (docs/worklists.md). Reads the materialised
// table for worklists and dashboards; an episode's obligations (and any as_of) are evaluated
// live so the chart shows the full history.
class ObligationService {
 public:
  ObligationService(core::Runner& runner, ObligationRefresher& refresher);

  Result<Worklist> WorklistFor(Context& ctx);
  // as_of absent: now. An as_of in the future is kInvalidArgument (field as_of).
  Result<EpisodeObligations> ForEpisode(Context& ctx, const std::string& episode_id,
                                        std::optional<Instant> as_of);
  // Supervisors of the program, administrators and auditors of the organization. month absent:
  // the program's current month; kInvalidArgument (field month) unless YYYY-MM.
  Result<ProgramDashboard> Dashboard(Context& ctx, const std::string& program_id,
                                     std::optional<std::string> month);
  // The last `months` (1–24, kInvalidArgument "months") calendar months, oldest first.
  Result<std::vector<ComplianceMonth>> ComplianceHistory(Context& ctx,
                                                         const std::string& program_id, int months);
  // Re-evaluates every episode of the program in parallel (`threads` evaluators, 0 = hardware)
  // and replaces its stored obligations. Administrators only; audited. Also run after a policy
  // change and by `carecoord obligations rebuild`.
  Result<RebuildReport> Rebuild(Context& ctx, const std::string& program_id, int threads = 0);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  ObligationRefresher& refresher_;
};

}  // namespace carecoord::app
