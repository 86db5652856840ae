// SPDX-License-Identifier: Apache-2.0
#include "app/episode_service.h"

#include "app/core/obligation_engine.h"
#include "app/core/runner.h"
#include "store/episode_repository.h"

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/participant_access.h"
#include "domain/care_team.h"
#include "domain/episode_status.h"
#include "domain/ids.h"
#include "domain/stratification.h"
#include "store/assessment_repository.h"
#include "store/care_team_repository.h"
#include "store/staff_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxStatusReasonBytes = 2000;
constexpr char kCoordinatorRole[] = "care_coordinator";  // user role and care team role alike

std::unexpected<Error> NoSuchEpisode() {
  return Fail(ErrorCode::kNotFound, "No such episode, or it is not on your caseload.");
}

std::unexpected<Error> Stale(std::int64_t current) {
  return Fail(ErrorCode::kPreconditionFailed,
              "the episode was changed by someone else (now version " + std::to_string(current) +
                  "); reload and try again",
              "If-Match");
}

Result<EpisodeStatus> StatusOf(const EpisodeRecord& e) {
  auto s = ParseEpisodeStatus(e.status);
  if (!s) return Fail(ErrorCode::kInternal, "stored episode has an unknown status");
  return *s;
}

Result<EpisodeDetail> Reload(store::Connection& conn, const EpisodeRecord& e) {
  CARECOORD_TRY(detail, store::EpisodeRepository(conn).FindDetail(e.org_id, e.id));
  if (!*detail) return NoSuchEpisode();
  return std::move(**detail);
}

}  // namespace

Result<EpisodeRecord> AuthorizeEpisode(Context& ctx, store::Connection& conn, Action action,
                                       const std::string& episode_id, Instant now) {
  CARECOORD_RETURN_IF_ERROR(Authorize(ctx, action, {"episode", episode_id, ""}, now));
  std::optional<EpisodeRecord> episode;
  if (LooksLikeUuid(episode_id)) {
    CARECOORD_TRY(found, store::EpisodeRepository(conn).Find(ctx.actor.org_id.value, episode_id));
    episode = std::move(*found);
  }
  if (!episode) {
    ctx.read_events.push_back(MakeAuditEvent(ctx, action, {"episode", episode_id, ""},
                                             AuditOutcome::kDenied, "no such episode", now));
    return NoSuchEpisode();
  }
  auto rel = AuthorizeParticipant(ctx, conn, action,
                                  {"episode", episode->id, episode->participant_id}, now);
  if (!rel) {
    if (rel.error().code == ErrorCode::kNotFound) return NoSuchEpisode();
    return std::unexpected(rel.error());
  }
  return std::move(*episode);
}

EpisodeService::EpisodeService(core::Runner& runner, ObligationRefresher& obligations)
    : runner_(runner), obligations_(obligations) {}

Result<EpisodeDetail> EpisodeService::Get(Context& ctx, const std::string& episode_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(episode,
                AuthorizeEpisode(ctx, uc->conn(), Action::kReadEpisode, episode_id, uc->now()));
  CARECOORD_TRY(detail, Reload(uc->conn(), *episode));
  uc->Audit(Action::kReadEpisode, {"episode", episode->id, episode->participant_id});
  return detail;
}

Result<std::vector<EpisodeDetail>> EpisodeService::ListForParticipant(
    Context& ctx, const std::string& participant_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{"episode", "", participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kReadEpisode, target));
  auto list = store::EpisodeRepository(uc->conn()).ListForParticipant(uc->org(), participant_id);
  if (!list) return std::unexpected(list.error());
  uc->Audit(Action::kReadEpisode, target, "list");
  return list;
}

Result<EpisodeDetail> EpisodeService::ChangeStatus(Context& ctx, const std::string& episode_id,
                                                   std::int64_t expected_version,
                                                   const EpisodeStatusChange& change) {
  const auto to = ParseEpisodeStatus(change.status);
  if (!to) {
    std::string allowed;
    for (EpisodeStatus s : kAllEpisodeStatuses) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(EpisodeStatusName(s));
    }
    return Fail(ErrorCode::kInvalidArgument, "status must be one of " + allowed, "status");
  }
  if (change.reason.size() > kMaxStatusReasonBytes) {
    return Fail(ErrorCode::kInvalidArgument, "reason is longer than 2000 characters", "reason");
  }
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  store::EpisodeRepository episodes(uc->conn());
  EpisodeDetail result;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(e,
                  AuthorizeEpisode(ctx, uc->conn(), Action::kChangeEpisodeStatus, episode_id, now));
    if (e->version != expected_version) return Stale(e->version);
    CARECOORD_TRY(from, StatusOf(*e));
    CARECOORD_RETURN_IF_ERROR(CheckEpisodeTransition(*from, *to, change.reason));
    std::optional<Instant> enrolled_at = e->enrolled_at;
    if (*to == EpisodeStatus::kActive && !enrolled_at) enrolled_at = now;  // the first time only
    const bool ends = IsTerminal(*to);
    const std::optional<Instant> ended_at = ends ? std::optional<Instant>(now) : std::nullopt;
    const std::string to_name(EpisodeStatusName(*to));
    CARECOORD_TRY(updated, episodes.UpdateStatus(e->org_id, e->id, expected_version, to_name,
                                                 change.reason, now, enrolled_at, ended_at));
    if (!*updated) {
      return Fail(ErrorCode::kConflict,
                  "the episode was changed by someone else at the same time; reload and try again");
    }
    StatusChangeRecord h;
    h.from_status = e->status;
    h.to_status = to_name;
    h.reason = change.reason;
    h.changed_at = now;
    h.changed_by = ctx.actor.user_id.value;
    CARECOORD_RETURN_IF_ERROR(episodes.InsertStatusChange(e->org_id, e->id, h));
    if (ends) {
      // An ended episode keeps no one on its team: internal memberships end today (the end day
      // still counts, so the team can finish its notes).
      CARECOORD_TRY(today, ProgramToday(uc->conn(), e->org_id, e->program_id, now));
      CARECOORD_TRY(n, store::CareTeamRepository(uc->conn())
                           .EndInternal(e->org_id, e->id, std::nullopt, std::nullopt, *today, now));
    }
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), e->org_id, e->id, now));
    uc->Audit(Action::kChangeEpisodeStatus, {"episode", e->id, e->participant_id},
              e->status + " -> " + to_name);
    CARECOORD_TRY(detail, Reload(uc->conn(), *e));
    result = std::move(*detail);
    return {};
  }));
  return result;
}

Result<EpisodeDetail> EpisodeService::Transfer(Context& ctx, const std::string& episode_id,
                                               std::int64_t expected_version,
                                               const EpisodeTransfer& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  if (in.to_user_id.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "to_user_id is required", "to_user_id");
  }
  const Instant occurred_at = in.occurred_at.value_or(now);
  CARECOORD_RETURN_IF_ERROR(CheckHandoffDetails(occurred_at, now, in.note));
  store::EpisodeRepository episodes(uc->conn());
  store::CareTeamRepository team(uc->conn());
  EpisodeDetail result;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(e, AuthorizeEpisode(ctx, uc->conn(), Action::kTransferEpisode, episode_id, now));
    if (e->version != expected_version) return Stale(e->version);
    CARECOORD_TRY(status, StatusOf(*e));
    bool coordinator = false;
    if (LooksLikeUuid(in.to_user_id)) {
      CARECOORD_TRY(holds,
                    store::StaffRepository(uc->conn())
                        .HoldsRole(e->org_id, in.to_user_id, e->program_id, kCoordinatorRole));
      coordinator = *holds;
    }
    CARECOORD_RETURN_IF_ERROR(
        CheckTransfer(e->coordinator_id, in.to_user_id, coordinator, *status));
    const std::string lost_race =
        "accountability was transferred (or the episode changed) by someone else at the same "
        "time; reload and try again";
    CARECOORD_TRY(moved, episodes.Transfer(e->org_id, e->id, expected_version, in.to_user_id, now));
    if (!*moved) return Fail(ErrorCode::kConflict, lost_race);
    HandoffRecord h;
    h.from_user_id = e->coordinator_id;
    h.to_user_id = in.to_user_id;
    h.occurred_at = occurred_at;
    h.face_to_face = in.face_to_face;
    h.note = in.note;
    h.recorded_by = ctx.actor.user_id.value;
    h.recorded_at = now;
    auto seq = episodes.InsertHandoff(e->org_id, e->id, h);
    if (!seq) {
      if (seq.error().code == ErrorCode::kConflict) return Fail(ErrorCode::kConflict, lost_race);
      return std::unexpected(seq.error());
    }
    // The care team follows accountability: the previous coordinator's membership ends today
    // (the end day still counts, so they can document the hand-off), the new one's starts.
    CARECOORD_TRY(today, ProgramToday(uc->conn(), e->org_id, e->program_id, now));
    CARECOORD_TRY(ended, team.EndInternal(e->org_id, e->id, e->coordinator_id,
                                          std::string(kCoordinatorRole), *today, now));
    auto already =
        team.HasOngoingMembership(e->org_id, e->id, in.to_user_id, kCoordinatorRole, *today);
    if (!already) return std::unexpected(already.error());
    if (!*already) {
      CareTeamMemberRecord m;
      m.org_id = e->org_id;
      m.id = NewId(now);
      m.episode_id = e->id;
      m.participant_id = e->participant_id;
      m.role = kCoordinatorRole;
      m.user_id = in.to_user_id;
      m.start_date = *today;
      m.created_at = m.updated_at = now;
      CARECOORD_RETURN_IF_ERROR(team.Insert(m));
    }
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), e->org_id, e->id, now));
    uc->Audit(Action::kTransferEpisode, {"episode", e->id, e->participant_id},
              "accountability " + e->coordinator_id + " -> " + in.to_user_id + " (hand-off " +
                  std::to_string(*seq) + ")");
    CARECOORD_TRY(detail, Reload(uc->conn(), *e));
    result = std::move(*detail);
    return {};
  }));
  return result;
}

Result<EpisodeDetail> EpisodeService::SetContactSchedule(Context& ctx,
                                                         const std::string& episode_id,
                                                         std::int64_t expected_version,
                                                         const ContactSchedule& schedule) {
  constexpr std::size_t kMaxScheduleNoteBytes = 1000;
  if (schedule.note.size() > kMaxScheduleNoteBytes) {
    return Fail(ErrorCode::kInvalidArgument, "note is longer than 1000 bytes", "note");
  }
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  EpisodeDetail result;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(e,
                  AuthorizeEpisode(ctx, uc->conn(), Action::kSetContactSchedule, episode_id, now));
    // 001 §2: between daily and three times a week, as the program's policy in force bounds it
    // for the participant's risk tier (002: the stratification model sets the level of care
    // coordination).
    CARECOORD_TRY(policy, obligations_.policies().InForce(uc->conn(), e->org_id, e->program_id));
    auto strata = store::AssessmentRepository(uc->conn())
                      .LoadStratificationFacts(e->org_id, e->participant_id);
    if (!strata) return std::unexpected(strata.error());
    const TierResult tier = StratifyParticipant(*policy->policy, *strata, now);
    if (auto s = ValidateContactSchedule(tier.schedule, schedule.per_week, schedule.reason); !s) {
      const RiskTier* t = policy->policy->FindTier(tier.tier);
      if (s.error().field == "per_week" && t != nullptr && t->schedule) {
        s.error().message += " for a participant in tier " + tier.title;
      }
      return s;
    }
    if (e->version != expected_version) return Stale(e->version);
    CARECOORD_TRY(status, StatusOf(*e));
    if (IsTerminal(*status)) {
      return Fail(ErrorCode::kConflict,
                  "the episode is " + e->status + "; its contact schedule can no longer change");
    }
    CARECOORD_TRY(updated,
                  store::EpisodeRepository(uc->conn())
                      .UpdateSchedule(e->org_id, e->id, expected_version, schedule.per_week,
                                      schedule.reason, schedule.note, now));
    if (!*updated) {
      return Fail(ErrorCode::kConflict,
                  "the episode was changed by someone else at the same time; reload and try again");
    }
    // The weekly early-engagement counts follow the schedule in the same commit.
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), e->org_id, e->id, now));
    uc->Audit(Action::kSetContactSchedule, {"episode", e->id, e->participant_id},
              "contact schedule " + std::to_string(schedule.per_week) + " a week (" +
                  schedule.reason + ")");
    CARECOORD_TRY(detail, Reload(uc->conn(), *e));
    result = std::move(*detail);
    return {};
  }));
  return result;
}

}  // namespace carecoord::app
