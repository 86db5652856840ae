// SPDX-License-Identifier: Apache-2.0
#include "app/care_plan_service.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/care_plan_codec.h"
#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "domain/calendar.h"
#include "domain/episode_status.h"
#include "domain/ids.h"
#include "store/care_plan_repository.h"
#include "store/episode_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxChangeNoteBytes = 1000;
constexpr std::size_t kMaxReviewNoteBytes = 4000;
constexpr std::size_t kMaxParticipantsBytes = 2000;
constexpr std::size_t kMaxProgressNoteBytes = 1000;
constexpr char kCarePlanType[] = "care_plan";
constexpr char kProgressType[] = "goal_progress";
constexpr char kReviewType[] = "care_plan_review";

std::unexpected<Error> NoSuchPlan() {
  return Fail(ErrorCode::kNotFound, "No such care plan, or it is not on your caseload.");
}

std::unexpected<Error> NoSuchGoal() {
  return Fail(ErrorCode::kNotFound, "No such goal in this care plan");
}

std::unexpected<Error> Stale(std::int64_t current) {
  return Fail(ErrorCode::kPreconditionFailed,
              "the care plan was changed by someone else (now version " + std::to_string(current) +
                  "); reload and try again",
              "If-Match");
}

std::unexpected<Error> Invalid(const std::string& field, const std::string& what) {
  return Fail(ErrorCode::kInvalidArgument, field + ": " + what, field);
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

Status AtMost(const std::string& text, std::size_t max, const std::string& field) {
  if (text.size() > max) {
    return Invalid(field, "is longer than " + std::to_string(max) + " bytes");
  }
  return {};
}

bool IsOpen(const EpisodeRecord& e) {
  auto status = ParseEpisodeStatus(e.status);
  return status && !IsTerminal(*status);
}

// A closed episode's plan is history: nobody is accountable for it any more, so no one changes
// it (the same rule as the episode's other records).
Status EpisodeOpen(const EpisodeRecord& e) {
  if (IsOpen(e)) return {};
  return Fail(ErrorCode::kConflict,
              "the episode is " + e.status + "; its care plan can no longer change");
}

Result<EpisodeRecord> LoadEpisode(store::Connection& conn, const std::string& org_id,
                                  const std::string& episode_id) {
  CARECOORD_TRY(e, store::EpisodeRepository(conn).Find(org_id, episode_id));
  if (!*e) return Fail(ErrorCode::kNotFound, "No such episode, or it is not on your caseload.");
  return std::move(**e);
}

// Today in the episode's program time zone: plan dates are the program's calendar days.
Result<std::string> Today(const EpisodeRecord& e, Instant now) {
  return LocalDate(now, e.time_zone);
}

Result<CarePlanDocument> DecodeStored(const std::string& json, std::int64_t version) {
  auto doc = DecodeCarePlan(json);
  if (!doc) {
    return Fail(ErrorCode::kInternal,
                "version " + std::to_string(version) + " of the care plan cannot be read");
  }
  return doc;
}

Result<CarePlanRecord> ToRecord(store::Connection& conn, store::CarePlanRepository::StoredPlan p) {
  CARECOORD_TRY(doc, DecodeStored(p.current.document_json, p.current.version));
  CARECOORD_TRY(reviews, store::CarePlanRepository(conn).Reviews(p.org_id, p.id));
  CarePlanRecord r;
  r.org_id = std::move(p.org_id);
  r.id = std::move(p.id);
  r.participant_id = std::move(p.participant_id);
  r.episode_id = std::move(p.episode_id);
  r.program_id = std::move(p.program_id);
  r.version = p.version;
  r.document = std::move(*doc);
  r.created_by = std::move(p.created_by);
  r.created_at = p.created_at;
  r.updated_at = p.updated_at;
  r.updated_by = std::move(p.current.created_by);
  r.updated_by_name = std::move(p.current.created_by_name);
  r.reviews = std::move(*reviews);
  return r;
}

Result<store::CarePlanRepository::StoredPlan> LoadPlan(store::Connection& conn,
                                                       const std::string& org_id,
                                                       const std::string& plan_id) {
  CARECOORD_TRY(p, store::CarePlanRepository(conn).Find(org_id, plan_id));
  if (!*p) return NoSuchPlan();
  return std::move(**p);
}

Result<CarePlanRecord> LoadRecord(store::Connection& conn, const std::string& org_id,
                                  const std::string& plan_id) {
  CARECOORD_TRY(p, LoadPlan(conn, org_id, plan_id));
  return ToRecord(conn, std::move(*p));
}

// The participant's plan `plan_id`, after the role and relationship checks for `action`. A plan
// of someone else, or none, is kNotFound and audited as denied.
Result<store::CarePlanRepository::StoredPlan> AuthorizePlan(core::UseCase& uc, Action action,
                                                            const std::string& participant_id,
                                                            const std::string& plan_id) {
  const Target target{kCarePlanType, plan_id, participant_id};
  CARECOORD_RETURN_IF_ERROR(uc.RequireParticipant(action, target));
  std::optional<store::CarePlanRepository::StoredPlan> plan;
  if (LooksLikeUuid(plan_id)) {
    CARECOORD_TRY(found, store::CarePlanRepository(uc.conn()).Find(uc.org(), plan_id));
    plan = std::move(*found);
  }
  if (!plan || plan->participant_id != participant_id) {
    uc.AuditDenied(action, target, "no such care plan");
    return NoSuchPlan();
  }
  return std::move(*plan);
}

// The episode a new plan belongs to: the given one (the participant's, open), else the
// participant's one open episode.
Result<EpisodeRecord> ChooseEpisode(store::Connection& conn, const std::string& org_id,
                                    const std::string& participant_id,
                                    const std::optional<std::string>& given) {
  if (given) {
    std::optional<EpisodeRecord> e;
    if (LooksLikeUuid(*given)) {
      CARECOORD_TRY(found, store::EpisodeRepository(conn).Find(org_id, *given));
      e = std::move(*found);
    }
    if (!e || e->participant_id != participant_id) {
      return Invalid("episode_id", "is not an episode of this participant");
    }
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*e));
    return std::move(*e);
  }
  CARECOORD_TRY(episodes,
                store::EpisodeRepository(conn).ListForParticipant(org_id, participant_id));
  std::vector<EpisodeRecord> open;
  for (EpisodeDetail& d : *episodes) {
    if (IsOpen(d.episode)) open.push_back(std::move(d.episode));
  }
  if (open.empty()) return Fail(ErrorCode::kConflict, "the participant has no open episode");
  // Each program's plan is its own (001 §4): with episodes open in two programs, the writer
  // says which one this plan is for.
  if (open.size() > 1) {
    return Invalid("episode_id", "the participant has more than one open episode; choose one");
  }
  return std::move(open.front());
}

// Ids for new needs, goals and interventions, so later versions and goal progress can name
// them. Ids sent back are kept.
void AssignIds(CarePlanDocument& doc, Instant now) {
  for (CarePlanNeed& n : doc.needs) {
    if (n.id.empty()) n.id = NewId(now);
  }
  for (CarePlanGoal& g : doc.goals) {
    if (g.id.empty()) g.id = NewId(now);
  }
  for (CarePlanIntervention& v : doc.interventions) {
    if (v.id.empty()) v.id = NewId(now);
  }
}

store::CarePlanRepository::StoredVersion NewVersion(const Context& ctx, const CarePlanDocument& doc,
                                                    std::string change_note, Instant now) {
  store::CarePlanRepository::StoredVersion v;
  v.document_json = EncodeCarePlan(doc);
  v.change_note = std::move(change_note);
  v.created_by = ctx.actor.user_id.value;
  v.created_at = now;
  return v;
}

// The versions with what changed in each, newest first.
Result<std::vector<CarePlanVersionRecord>> DescribeVersions(
    std::vector<store::CarePlanRepository::StoredVersion> stored) {
  std::vector<CarePlanVersionRecord> out;
  out.reserve(stored.size());
  for (store::CarePlanRepository::StoredVersion& s : stored) {
    CARECOORD_TRY(doc, DecodeStored(s.document_json, s.version));
    CarePlanVersionRecord v;
    v.version = s.version;
    v.change_note = std::move(s.change_note);
    v.created_by = std::move(s.created_by);
    v.created_by_name = std::move(s.created_by_name);
    v.created_at = s.created_at;
    v.changes = out.empty() ? std::vector<std::string>{"Care plan written"}
                            : DescribeChanges(out.back().document, *doc);
    v.document = std::move(*doc);
    out.push_back(std::move(v));
  }
  std::ranges::reverse(out);
  return out;
}

const CarePlanGoal* FindGoal(const CarePlanDocument& doc, const std::string& goal_id) {
  auto it = std::ranges::find(doc.goals, goal_id, &CarePlanGoal::id);
  return it == doc.goals.end() ? nullptr : &*it;
}

Status ValidateReview(const NewCarePlanReview& in, const std::string& plan_created_on,
                      const std::string& today) {
  if (in.reviewed_on.empty()) return Invalid("reviewed_on", "is required");
  if (!ParseDate(in.reviewed_on, "reviewed_on")) {
    return Invalid("reviewed_on", "must be a date YYYY-MM-DD");
  }
  if (in.reviewed_on > today) return Invalid("reviewed_on", "is in the future");
  if (in.reviewed_on < plan_created_on) {
    return Invalid("reviewed_on", "is before the care plan was written (" + plan_created_on + ")");
  }
  if (in.next_review_date.empty()) return Invalid("next_review_date", "is required");
  if (!ParseDate(in.next_review_date, "next_review_date")) {
    return Invalid("next_review_date", "must be a date YYYY-MM-DD");
  }
  // 001 §10: the plan is "reviewed regularly": every review sets the next one.
  if (in.next_review_date <= in.reviewed_on) {
    return Invalid("next_review_date", "must be after reviewed_on (" + in.reviewed_on + ")");
  }
  // 001 §4: the review is done with the participant and family; who took part is recorded.
  if (Blank(in.participants)) return Invalid("participants", "is required");
  if (auto st = AtMost(in.participants, kMaxParticipantsBytes, "participants"); !st) return st;
  return AtMost(in.note, kMaxReviewNoteBytes, "note");
}

Status ValidateProgress(const NewGoalProgress& in, const std::string& today) {
  if (in.observed_on.empty()) return Invalid("observed_on", "is required");
  if (!ParseDate(in.observed_on, "observed_on")) {
    return Invalid("observed_on", "must be a date YYYY-MM-DD");
  }
  if (in.observed_on > today) return Invalid("observed_on", "is in the future");
  if (!std::isfinite(in.value)) return Invalid("value", "must be a finite number");
  return AtMost(in.note, kMaxProgressNoteBytes, "note");
}

}  // namespace

CarePlanService::CarePlanService(core::Runner& runner, ObligationRefresher& refresher)
    : runner_(runner), refresher_(refresher) {}

Result<std::vector<CarePlanRecord>> CarePlanService::List(Context& ctx,
                                                          const std::string& participant_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{kCarePlanType, "", participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kReadCarePlan, target));
  CARECOORD_TRY(
      stored, store::CarePlanRepository(uc->conn()).ListForParticipant(uc->org(), participant_id));
  std::vector<CarePlanRecord> out;
  out.reserve(stored->size());
  for (store::CarePlanRepository::StoredPlan& p : *stored) {
    CARECOORD_TRY(r, ToRecord(uc->conn(), std::move(p)));
    out.push_back(std::move(*r));
  }
  uc->Audit(Action::kReadCarePlan, target, "list");
  return out;
}

Result<CarePlanRecord> CarePlanService::Get(Context& ctx, const std::string& participant_id,
                                            const std::string& plan_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kReadCarePlan, participant_id, plan_id));
  CARECOORD_TRY(r, ToRecord(uc->conn(), std::move(*plan)));
  uc->Audit(Action::kReadCarePlan, {kCarePlanType, plan_id, participant_id},
            "version " + std::to_string(r->version));
  return r;
}

Result<CreatedCarePlan> CarePlanService::Create(Context& ctx, const std::string& participant_id,
                                                const NewCarePlan& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_RETURN_IF_ERROR(
      uc->RequireParticipant(Action::kWriteCarePlan, {kCarePlanType, "", participant_id}));
  CARECOORD_RETURN_IF_ERROR(AtMost(in.change_note, kMaxChangeNoteBytes, "change_note"));
  CARECOORD_TRY(created, uc->Create(kCarePlanType, [&]() -> Result<std::string> {
    // Inside the transaction: the episode's status and its plan are read as they are now.
    CARECOORD_TRY(episode, ChooseEpisode(uc->conn(), org, participant_id, in.episode_id));
    CARECOORD_TRY(today, Today(*episode, now));
    CarePlanDocument doc = in.document;
    AssignIds(doc, now);
    CARECOORD_RETURN_IF_ERROR(ValidateCarePlan(doc, *today));
    store::CarePlanRepository plans(uc->conn());
    CARECOORD_TRY(existing, plans.FindForEpisode(org, episode->id));
    if (*existing) {
      return Fail(ErrorCode::kConflict,
                  "the episode already has a care plan; change it instead of writing another");
    }
    store::CarePlanRepository::StoredPlan plan;
    plan.org_id = org;
    plan.id = NewId(now);
    plan.participant_id = participant_id;
    plan.episode_id = episode->id;
    plan.created_by = ctx.actor.user_id.value;
    plan.created_at = plan.updated_at = now;
    CARECOORD_RETURN_IF_ERROR(
        plans.InsertPlan(plan, NewVersion(ctx, doc, in.change_note, now), doc));
    // 001 §10: the plan, its review date and goal target dates put deadlines on the worklist,
    // and an agreement meets the initial-plan obligation, in this commit.
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, episode->id, now));
    uc->Audit(Action::kWriteCarePlan, {kCarePlanType, plan.id, participant_id}, "version 1");
    return plan.id;
  }));
  CARECOORD_TRY(stored, LoadRecord(uc->conn(), org, created->id));
  if (created->replayed) {
    uc->Audit(Action::kWriteCarePlan, {kCarePlanType, stored->id, participant_id},
              "idempotent replay");
  }
  return CreatedCarePlan{std::move(*stored), created->replayed};
}

Result<CarePlanRecord> CarePlanService::Update(Context& ctx, const std::string& participant_id,
                                               const std::string& plan_id,
                                               std::int64_t expected_version,
                                               const CarePlanDocument& document,
                                               const std::string& change_note) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kWriteCarePlan, participant_id, plan_id));
  CARECOORD_RETURN_IF_ERROR(AtMost(change_note, kMaxChangeNoteBytes, "change_note"));
  const Status written = uc->Write([&]() -> Status {
    CARECOORD_TRY(fresh, LoadPlan(uc->conn(), org, plan_id));
    if (fresh->version != expected_version) return Stale(fresh->version);
    CARECOORD_TRY(episode, LoadEpisode(uc->conn(), org, fresh->episode_id));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*episode));
    CARECOORD_TRY(today, Today(*episode, now));
    // Ids sent back keep needs, goals and interventions the same across versions; a goal
    // removed keeps its progress (it is history).
    CarePlanDocument doc = document;
    AssignIds(doc, now);
    CARECOORD_RETURN_IF_ERROR(ValidateCarePlan(doc, *today));
    CARECOORD_TRY(ok, store::CarePlanRepository(uc->conn())
                          .AppendVersion(org, plan_id, expected_version,
                                         NewVersion(ctx, doc, change_note, now), doc));
    if (!*ok) {
      // Another editor saved between the read above and this write (PostgreSQL).
      auto now_at = LoadPlan(uc->conn(), org, plan_id);
      return Stale(now_at ? now_at->version : expected_version + 1);
    }
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, fresh->episode_id, now));
    uc->Audit(Action::kWriteCarePlan, {kCarePlanType, plan_id, participant_id},
              "version " + std::to_string(expected_version + 1));
    return {};
  });
  CARECOORD_RETURN_IF_ERROR(written);
  return LoadRecord(uc->conn(), org, plan_id);
}

Result<std::vector<CarePlanVersionRecord>> CarePlanService::Versions(
    Context& ctx, const std::string& participant_id, const std::string& plan_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kReadCarePlan, participant_id, plan_id));
  CARECOORD_TRY(stored, store::CarePlanRepository(uc->conn()).Versions(plan->org_id, plan_id));
  CARECOORD_TRY(versions, DescribeVersions(std::move(*stored)));
  uc->Audit(Action::kReadCarePlan, {kCarePlanType, plan_id, participant_id}, "versions");
  return versions;
}

Result<CarePlanVersionRecord> CarePlanService::Version(Context& ctx,
                                                       const std::string& participant_id,
                                                       const std::string& plan_id,
                                                       std::int64_t version) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kReadCarePlan, participant_id, plan_id));
  CARECOORD_TRY(stored, store::CarePlanRepository(uc->conn()).Versions(plan->org_id, plan_id));
  // The versions up to the one asked for: its changes are from the one before.
  std::erase_if(*stored, [&](const auto& v) { return v.version > version; });
  if (stored->empty() || stored->back().version != version) {
    return Fail(ErrorCode::kNotFound, "No such version of this care plan");
  }
  CARECOORD_TRY(versions, DescribeVersions(std::move(*stored)));
  uc->Audit(Action::kReadCarePlan, {kCarePlanType, plan_id, participant_id},
            "version " + std::to_string(version));
  return std::move(versions->front());
}

Result<CarePlanRecord> CarePlanService::RecordReview(Context& ctx,
                                                     const std::string& participant_id,
                                                     const std::string& plan_id,
                                                     std::int64_t expected_version,
                                                     const NewCarePlanReview& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kReviewCarePlan, participant_id, plan_id));
  CARECOORD_TRY(created, uc->Create(kReviewType, [&]() -> Result<std::string> {
    CARECOORD_TRY(fresh, LoadPlan(uc->conn(), org, plan_id));
    CARECOORD_TRY(episode, LoadEpisode(uc->conn(), org, fresh->episode_id));
    CARECOORD_TRY(today, Today(*episode, now));
    CARECOORD_TRY(written_on, LocalDate(fresh->created_at, episode->time_zone));
    CARECOORD_RETURN_IF_ERROR(ValidateReview(in, *written_on, *today));
    if (fresh->version != expected_version) return Stale(fresh->version);
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*episode));
    CARECOORD_TRY(doc, DecodeStored(fresh->current.document_json, fresh->version));
    doc->review_date = in.next_review_date;
    store::CarePlanRepository plans(uc->conn());
    CARECOORD_TRY(
        ok, plans.AppendVersion(org, plan_id, expected_version,
                                NewVersion(ctx, *doc, "Reviewed on " + in.reviewed_on, now), *doc));
    if (!*ok) {
      auto now_at = LoadPlan(uc->conn(), org, plan_id);
      return Stale(now_at ? now_at->version : expected_version + 1);
    }
    CarePlanReviewRecord review;
    review.id = NewId(now);
    review.version = expected_version + 1;
    review.reviewed_on = in.reviewed_on;
    review.next_review_date = in.next_review_date;
    review.participants = in.participants;
    review.note = in.note;
    review.recorded_by = ctx.actor.user_id.value;
    review.created_at = now;
    CARECOORD_RETURN_IF_ERROR(plans.InsertReview(org, plan_id, review));
    // 001 §10: the review meets the review deadline and the next date starts a new one.
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, fresh->episode_id, now));
    uc->Audit(Action::kReviewCarePlan, {kCarePlanType, plan_id, participant_id},
              "reviewed on " + in.reviewed_on + ", next review " + in.next_review_date);
    return review.id;
  }));
  if (created->replayed) {
    uc->Audit(Action::kReviewCarePlan, {kCarePlanType, plan_id, participant_id},
              "idempotent replay");
  }
  return LoadRecord(uc->conn(), org, plan_id);
}

Result<std::vector<GoalProgressRecord>> CarePlanService::ListProgress(
    Context& ctx, const std::string& participant_id, const std::string& plan_id,
    const std::string& goal_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kReadCarePlan, participant_id, plan_id));
  CARECOORD_TRY(doc, DecodeStored(plan->current.document_json, plan->version));
  if (FindGoal(*doc, goal_id) == nullptr) return NoSuchGoal();
  CARECOORD_TRY(list,
                store::CarePlanRepository(uc->conn()).Progress(plan->org_id, plan_id, goal_id));
  uc->Audit(Action::kReadCarePlan, {kCarePlanType, plan_id, participant_id},
            "progress of goal " + goal_id);
  return list;
}

Result<GoalProgressRecord> CarePlanService::RecordProgress(Context& ctx,
                                                           const std::string& participant_id,
                                                           const std::string& plan_id,
                                                           const std::string& goal_id,
                                                           const NewGoalProgress& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(plan, AuthorizePlan(*uc, Action::kRecordGoalProgress, participant_id, plan_id));
  GoalProgressRecord p;
  CARECOORD_TRY(created, uc->Create(kProgressType, [&]() -> Result<std::string> {
    CARECOORD_TRY(fresh, LoadPlan(uc->conn(), org, plan_id));
    CARECOORD_TRY(doc, DecodeStored(fresh->current.document_json, fresh->version));
    // 001 §10: progress is measured against a goal of the plan as it stands.
    if (FindGoal(*doc, goal_id) == nullptr) return NoSuchGoal();
    CARECOORD_TRY(episode, LoadEpisode(uc->conn(), org, fresh->episode_id));
    CARECOORD_TRY(today, Today(*episode, now));
    CARECOORD_RETURN_IF_ERROR(ValidateProgress(in, *today));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*episode));
    p.org_id = org;
    p.id = NewId(now);
    p.plan_id = plan_id;
    p.goal_id = goal_id;
    p.observed_on = in.observed_on;
    p.value = in.value;
    p.note = in.note;
    p.recorded_by = ctx.actor.user_id.value;
    p.created_at = now;
    CARECOORD_RETURN_IF_ERROR(store::CarePlanRepository(uc->conn()).InsertProgress(p));
    uc->Audit(Action::kRecordGoalProgress, {kProgressType, p.id, participant_id},
              "goal " + goal_id);
    return p.id;
  }));
  CARECOORD_TRY(list, store::CarePlanRepository(uc->conn()).Progress(org, plan_id, goal_id));
  auto it = std::ranges::find(*list, created->id, &GoalProgressRecord::id);
  if (it == list->end()) return Fail(ErrorCode::kNotFound, "No such goal progress");
  if (created->replayed) {
    uc->Audit(Action::kRecordGoalProgress, {kProgressType, it->id, participant_id},
              "idempotent replay");
  }
  return std::move(*it);
}

}  // namespace carecoord::app
