// SPDX-License-Identifier: Apache-2.0
#include "store/care_plan_repository.h"

#include <map>
#include <utility>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

// The columns of care_plans.sql's `-- columns: version`, in a versions row or a plan row.
CarePlanRepository::StoredVersion VersionFromRow(const Row& r) {
  CarePlanRepository::StoredVersion v;
  v.version = r.Int("version_number");
  v.document_json = r.Text("document");
  v.change_note = r.Text("change_note");
  v.created_by = r.Text("version_created_by");
  v.created_at = r.Time("version_created_at");
  v.created_by_name = r.Text("version_created_by_name");
  return v;
}

// The columns of care_plans.sql's `-- columns: plan`.
CarePlanRepository::StoredPlan PlanFromRow(const Row& r) {
  CarePlanRepository::StoredPlan p;
  p.org_id = r.Text("org_id");
  p.id = r.Text("id");
  p.participant_id = r.Text("participant_id");
  p.episode_id = r.Text("episode_id");
  p.program_id = r.Text("program_id");
  p.version = r.Int("version");
  p.created_by = r.Text("created_by");
  p.created_at = r.Time("created_at");
  p.updated_at = r.Time("updated_at");
  p.current = VersionFromRow(r);
  return p;
}

Result<std::optional<CarePlanRepository::StoredPlan>> OnePlan(Result<std::vector<Row>> rows) {
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<CarePlanRepository::StoredPlan>();
  return std::optional<CarePlanRepository::StoredPlan>(PlanFromRow(rows->front()));
}

// The version row with the columns the policy engine reads, and its goals.
Status InsertVersionRows(Connection& conn, const std::string& org_id, const std::string& plan_id,
                         const CarePlanRepository::StoredVersion& v,
                         const CarePlanDocument& document) {
  const Value params[] = {org_id,
                          plan_id,
                          v.version,
                          v.document_json,
                          document.review_date,
                          document.agreement.method,
                          document.agreement.date,
                          v.change_note,
                          v.created_by,
                          ToMillis(v.created_at)};
  if (auto n = conn.Execute(sql::kCarePlansInsertVersion, params); !n) {
    return std::unexpected(n.error());
  }
  for (const CarePlanGoal& g : document.goals) {
    const Value goal[] = {org_id, plan_id, v.version, g.id, g.target_date, g.status};
    if (auto n = conn.Execute(sql::kCarePlansInsertGoal, goal); !n) {
      return std::unexpected(n.error());
    }
  }
  return {};
}

}  // namespace

Status CarePlanRepository::InsertPlan(const StoredPlan& plan, const StoredVersion& first,
                                      const CarePlanDocument& document) {
  const Value params[] = {plan.org_id,
                          plan.id,
                          plan.participant_id,
                          plan.episode_id,
                          plan.created_by,
                          ToMillis(plan.created_at),
                          ToMillis(plan.updated_at)};
  if (auto n = conn_.Execute(sql::kCarePlansInsertPlan, params); !n) {
    return std::unexpected(n.error());
  }
  StoredVersion v = first;
  v.version = 1;
  return InsertVersionRows(conn_, plan.org_id, plan.id, v, document);
}

Result<bool> CarePlanRepository::AppendVersion(const std::string& org_id,
                                               const std::string& plan_id,
                                               std::int64_t expected_version,
                                               const StoredVersion& next,
                                               const CarePlanDocument& document) {
  // The plan row first: its conditional update is the check, and on PostgreSQL its row lock
  // orders concurrent editors before either inserts a version.
  const Value params[] = {org_id, plan_id, expected_version, ToMillis(next.created_at)};
  auto n = conn_.Execute(sql::kCarePlansAdvance, params);
  if (!n) return std::unexpected(n.error());
  if (*n != 1) return false;
  StoredVersion v = next;
  v.version = expected_version + 1;
  if (auto s = InsertVersionRows(conn_, org_id, plan_id, v, document); !s) {
    return std::unexpected(s.error());
  }
  return true;
}

Result<std::optional<CarePlanRepository::StoredPlan>> CarePlanRepository::Find(
    const std::string& org_id, const std::string& plan_id) {
  const Value params[] = {org_id, plan_id};
  return OnePlan(conn_.Query(sql::kCarePlansGet, params));
}

Result<std::optional<CarePlanRepository::StoredPlan>> CarePlanRepository::FindForEpisode(
    const std::string& org_id, const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  return OnePlan(conn_.Query(sql::kCarePlansGetForEpisode, params));
}

Result<std::vector<CarePlanRepository::StoredPlan>> CarePlanRepository::ListForParticipant(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  auto rows = conn_.Query(sql::kCarePlansListForParticipant, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredPlan> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(PlanFromRow(r));
  return out;
}

Result<std::vector<CarePlanRepository::StoredVersion>> CarePlanRepository::Versions(
    const std::string& org_id, const std::string& plan_id) {
  const Value params[] = {org_id, plan_id};
  auto rows = conn_.Query(sql::kCarePlansVersions, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredVersion> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(VersionFromRow(r));
  return out;
}

Status CarePlanRepository::InsertReview(const std::string& org_id, const std::string& plan_id,
                                        const CarePlanReviewRecord& review) {
  const Value params[] = {org_id,
                          review.id,
                          plan_id,
                          review.version,
                          review.reviewed_on,
                          review.next_review_date,
                          review.participants,
                          review.note,
                          review.recorded_by,
                          ToMillis(review.created_at)};
  if (auto n = conn_.Execute(sql::kCarePlansInsertReview, params); !n) {
    return std::unexpected(n.error());
  }
  return {};
}

Result<std::vector<CarePlanReviewRecord>> CarePlanRepository::Reviews(const std::string& org_id,
                                                                      const std::string& plan_id) {
  const Value params[] = {org_id, plan_id};
  auto rows = conn_.Query(sql::kCarePlansReviews, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<CarePlanReviewRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    CarePlanReviewRecord review;
    review.id = r.Text("id");
    review.version = r.Int("version");
    review.reviewed_on = r.Text("reviewed_on");
    review.next_review_date = r.Text("next_review_date");
    review.participants = r.Text("participants");
    review.note = r.Text("note");
    review.recorded_by = r.Text("recorded_by");
    review.recorded_by_name = r.Text("recorded_by_name");
    review.created_at = r.Time("created_at");
    out.push_back(std::move(review));
  }
  return out;
}

Status CarePlanRepository::InsertProgress(const GoalProgressRecord& p) {
  const Value params[] = {p.org_id,  p.id,          p.plan_id,
                          p.goal_id, p.observed_on, p.value,
                          p.note,    p.recorded_by, ToMillis(p.created_at)};
  if (auto n = conn_.Execute(sql::kCarePlansInsertProgress, params); !n) {
    return std::unexpected(n.error());
  }
  return {};
}

Result<std::vector<GoalProgressRecord>> CarePlanRepository::Progress(const std::string& org_id,
                                                                     const std::string& plan_id,
                                                                     const std::string& goal_id) {
  const Value params[] = {org_id, plan_id, goal_id};
  auto rows = conn_.Query(sql::kCarePlansProgress, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<GoalProgressRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    GoalProgressRecord p;
    p.org_id = r.Text("org_id");
    p.id = r.Text("id");
    p.plan_id = r.Text("plan_id");
    p.goal_id = r.Text("goal_id");
    p.observed_on = r.Text("observed_on");
    p.value = r.Real("value");
    p.note = r.Text("note");
    p.recorded_by = r.Text("recorded_by");
    p.recorded_by_name = r.Text("recorded_by_name");
    p.created_at = r.Time("created_at");
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::optional<CarePlanFact>> CarePlanRepository::LoadFact(const std::string& org_id,
                                                                 const std::string& episode_id) {
  const Value episode_params[] = {org_id, episode_id};
  auto plan = conn_.Query(sql::kCarePlansFactPlan, episode_params);
  if (!plan) return std::unexpected(plan.error());
  if (plan->empty()) return std::optional<CarePlanFact>();
  CarePlanFact fact;
  fact.id = plan->front().Text(0);
  const Value params[] = {org_id, fact.id};
  auto versions = conn_.Query(sql::kCarePlansFactVersions, params);
  if (!versions) return std::unexpected(versions.error());
  auto goals = conn_.Query(sql::kCarePlansFactGoals, params);
  if (!goals) return std::unexpected(goals.error());
  auto reviews = conn_.Query(sql::kCarePlansFactReviews, params);
  if (!reviews) return std::unexpected(reviews.error());

  std::map<std::int64_t, std::vector<GoalFact>> goals_by_version;
  for (const Row& r : *goals) {
    goals_by_version[r.Int("version")].push_back(GoalFact{
        .id = r.Text("goal_id"), .target_date = r.Text("target_date"), .status = r.Text("status")});
  }
  fact.versions.reserve(versions->size());
  for (const Row& r : *versions) {
    CarePlanVersionFact v;
    v.version = static_cast<int>(r.Int("version"));
    v.recorded_at = r.Time("created_at");
    v.review_date = r.Text("review_date");
    v.agreement_method = r.Text("agreement_method");
    if (auto it = goals_by_version.find(r.Int("version")); it != goals_by_version.end()) {
      v.goals = std::move(it->second);
    }
    fact.versions.push_back(std::move(v));
  }
  fact.reviews.reserve(reviews->size());
  for (const Row& r : *reviews) {
    fact.reviews.push_back(CarePlanReviewFact{.reviewed_on = r.Text("reviewed_on"),
                                              .recorded_at = r.Time("created_at"),
                                              .version = static_cast<int>(r.Int("version"))});
  }
  return std::optional<CarePlanFact>(std::move(fact));
}

}  // namespace carecoord::store
