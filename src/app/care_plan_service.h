// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/care_plan.h"
#include "domain/error.h"
#include "domain/records/care_plan.h"

namespace carecoord::app {

struct NewCarePlan {
  std::optional<std::string> episode_id;  // default: the participant's one open episode
  CarePlanDocument document;
  std::string change_note;  // at most 1000 bytes
};

struct CreatedCarePlan {
  CarePlanRecord plan;
  bool replayed = false;
};

struct NewCarePlanReview {
  std::string reviewed_on;       // YYYY-MM-DD, not in the future
  std::string next_review_date;  // YYYY-MM-DD, after reviewed_on
  std::string participants;      // who took part (the participant, family, team), required
  std::string note;              // at most 4000 bytes
};

struct NewGoalProgress {
  std::string observed_on;  // YYYY-MM-DD, not in the future
  double value = 0;         // finite
  std::string note;         // at most 1000 bytes
};

// Person-centered care plans (001 §4 §10, 002, 003; docs/assessments.md "Care plans"). One plan
// per episode; every change is a new version and earlier versions are kept. Updates carry the
// version the editor started from: a stale one is kPreconditionFailed (HTTP 412) and changes
// nothing, so two people editing one plan never overwrite each other. Every write re-evaluates
// the episode's obligations in its transaction (initial plan, review by the review date, goal
// target dates). Access through AuthorizeParticipant; every call audited.
class CarePlanService {
 public:
  CarePlanService(core::Runner& runner, ObligationRefresher& refresher);

  // Each plan at its current version, newest episode first.
  Result<std::vector<CarePlanRecord>> List(Context& ctx, const std::string& participant_id);
  // kNotFound unless the plan is the participant's.
  Result<CarePlanRecord> Get(Context& ctx, const std::string& participant_id,
                             const std::string& plan_id);
  // Under ctx's idempotency key. kConflict when the episode already has a plan or is closed;
  // kInvalidArgument from ValidateCarePlan (today in the episode's program time zone). Ids of
  // new needs, goals and interventions are assigned. Without episode_id: the participant's one
  // open episode (kConflict when none, kInvalidArgument "episode_id" when several); a given
  // episode_id not of this participant is kInvalidArgument.
  Result<CreatedCarePlan> Create(Context& ctx, const std::string& participant_id,
                                 const NewCarePlan& in);
  // A new version from `document` when the plan is at expected_version; kPreconditionFailed
  // ("the care plan was changed by someone else (now version 4)", field "If-Match") otherwise,
  // with nothing changed. kConflict when the episode is closed.
  Result<CarePlanRecord> Update(Context& ctx, const std::string& participant_id,
                                const std::string& plan_id, std::int64_t expected_version,
                                const CarePlanDocument& document, const std::string& change_note);
  // Newest first, each with its changes from the one before.
  Result<std::vector<CarePlanVersionRecord>> Versions(Context& ctx,
                                                      const std::string& participant_id,
                                                      const std::string& plan_id);
  Result<CarePlanVersionRecord> Version(Context& ctx, const std::string& participant_id,
                                        const std::string& plan_id, std::int64_t version);
  // Records a review and makes a new version whose review date is next_review_date and whose
  // change note is "Reviewed on <date>" (If-Match as Update; under ctx's idempotency key).
  // reviewed_on may not be before the day the plan was written.
  Result<CarePlanRecord> RecordReview(Context& ctx, const std::string& participant_id,
                                      const std::string& plan_id, std::int64_t expected_version,
                                      const NewCarePlanReview& in);
  // kNotFound for a goal not in the plan's current version.
  Result<std::vector<GoalProgressRecord>> ListProgress(Context& ctx,
                                                       const std::string& participant_id,
                                                       const std::string& plan_id,
                                                       const std::string& goal_id);
  // Under ctx's idempotency key; kNotFound for a goal not in the current version, kConflict
  // when the episode is closed.
  Result<GoalProgressRecord> RecordProgress(Context& ctx, const std::string& participant_id,
                                            const std::string& plan_id, const std::string& goal_id,
                                            const NewGoalProgress& in);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  ObligationRefresher& refresher_;
};

}  // namespace carecoord::app
