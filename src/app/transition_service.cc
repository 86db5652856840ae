// SPDX-License-Identifier: Apache-2.0
#include "app/transition_service.h"

#include <algorithm>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "app/episode_service.h"
#include "domain/episode_status.h"
#include "domain/ids.h"
#include "domain/obligations.h"
#include "store/episode_repository.h"
#include "store/transition_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxFacilityBytes = 200;
constexpr std::size_t kMaxNotesBytes = 4000;
constexpr std::size_t kMaxProviderBytes = 200;
constexpr char kTransitionType[] = "transition";
constexpr char kAppointmentType[] = "psychiatric_appointment";

std::unexpected<Error> NoSuchTransition() {
  return Fail(ErrorCode::kNotFound, "No such transition, or it is not on your caseload.");
}

std::unexpected<Error> NoSuchAppointment() {
  return Fail(ErrorCode::kNotFound, "No such appointment, or it is not on your caseload.");
}

std::unexpected<Error> Stale(std::string_view what, std::int64_t current) {
  return Fail(ErrorCode::kPreconditionFailed,
              "the " + std::string(what) + " was changed by someone else (now version " +
                  std::to_string(current) + "); reload and try again",
              "If-Match");
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

template <std::size_t N>
bool OneOf(std::string_view value, const std::string_view (&codes)[N]) {
  return std::ranges::find(codes, value) != std::end(codes);
}

template <std::size_t N>
std::string Joined(const std::string_view (&codes)[N]) {
  std::string out;
  for (std::string_view c : codes) (out += out.empty() ? "" : ", ") += c;
  return out;
}

// The record a transition belongs to is only written while its episode is open: a closed
// episode's record is history (and nobody would be assigned the obligations it starts).
Status EpisodeOpen(const EpisodeRecord& e) {
  auto status = ParseEpisodeStatus(e.status);
  if (status && !IsTerminal(*status)) return {};
  return Fail(ErrorCode::kConflict,
              "the episode is " + e.status + "; its transitions of care can no longer change");
}

// The episode as it is now, inside the write's transaction (its status may have changed since
// the access check).
Result<EpisodeRecord> CurrentEpisode(store::Connection& conn, const std::string& org_id,
                                     const std::string& episode_id) {
  CARECOORD_TRY(e, store::EpisodeRepository(conn).Find(org_id, episode_id));
  if (!*e) return Fail(ErrorCode::kNotFound, "No such episode, or it is not on your caseload.");
  return std::move(**e);
}

// 001 §6 §8: a stay in a higher level of care, documented after the fact or while it lasts.
Status ValidateTransition(const std::string& level, const std::string& facility,
                          Instant admitted_at, const std::optional<Instant>& discharged_at,
                          const std::string& notes, const EpisodeRecord& episode, Instant now) {
  if (!OneOf(level, kTransitionLevels)) {
    return Fail(ErrorCode::kInvalidArgument, "level must be one of " + Joined(kTransitionLevels),
                "level");
  }
  if (Blank(facility)) return Fail(ErrorCode::kInvalidArgument, "facility is required", "facility");
  if (facility.size() > kMaxFacilityBytes) {
    return Fail(ErrorCode::kInvalidArgument, "facility is longer than 200 bytes", "facility");
  }
  if (notes.size() > kMaxNotesBytes) {
    return Fail(ErrorCode::kInvalidArgument, "notes is longer than 4000 bytes", "notes");
  }
  if (admitted_at > now) {
    return Fail(ErrorCode::kInvalidArgument, "admitted_at is in the future", "admitted_at");
  }
  // The admission may precede the referral: people are referred from inside a CSU or a state
  // hospital (001 §2). A discharge before the referral, though, is a stay this episode did not
  // follow; recording it here would start linkage deadlines that were never this team's.
  if (discharged_at && *discharged_at < episode.referral_received_at) {
    return Fail(ErrorCode::kInvalidArgument,
                "discharged_at is before the episode's referral was received (" +
                    FormatRfc3339(episode.referral_received_at) + ")",
                "discharged_at");
  }
  if (discharged_at) {
    if (*discharged_at > now) {
      return Fail(ErrorCode::kInvalidArgument, "discharged_at is in the future", "discharged_at");
    }
    if (*discharged_at < admitted_at) {
      return Fail(ErrorCode::kInvalidArgument, "discharged_at is before admitted_at",
                  "discharged_at");
    }
  }
  return {};
}

// 001 §6: linkage to psychiatric services after a discharge; "if no appointments are
// available, this is documented in the medical record and the ME is notified. If the
// individual refuses services, this is documented in the record."
Status ValidateAppointment(const AppointmentRecord& a, Instant now) {
  if (!OneOf(a.status, kAppointmentStatuses)) {
    return Fail(ErrorCode::kInvalidArgument,
                "status must be one of " + Joined(kAppointmentStatuses), "status");
  }
  const bool needs_time = a.status == "scheduled" || a.status == "kept" || a.status == "missed";
  if (needs_time && !a.scheduled_for) {
    return Fail(ErrorCode::kInvalidArgument,
                "scheduled_for is required for a " + a.status + " appointment", "scheduled_for");
  }
  if ((a.status == "kept" || a.status == "missed") && a.scheduled_for && *a.scheduled_for > now) {
    return Fail(ErrorCode::kInvalidArgument,
                "scheduled_for is in the future; an appointment is " + a.status +
                    " only once its time has come",
                "scheduled_for");
  }
  if (a.me_notified_at) {
    if (a.status != "none_available") {
      return Fail(ErrorCode::kInvalidArgument,
                  "me_notified_at is only for none_available (the managing entity is notified "
                  "when no appointment is available)",
                  "me_notified_at");
    }
    if (*a.me_notified_at > now) {
      return Fail(ErrorCode::kInvalidArgument, "me_notified_at is in the future", "me_notified_at");
    }
  }
  if (a.provider.size() > kMaxProviderBytes) {
    return Fail(ErrorCode::kInvalidArgument, "provider is longer than 200 bytes", "provider");
  }
  if ((a.status == "none_available" || a.status == "refused") && Blank(a.note)) {
    return Fail(ErrorCode::kInvalidArgument,
                "note is required when the appointment is " + a.status +
                    " (001 §6: it is documented in the record)",
                "note");
  }
  if (a.note.size() > kMaxNotesBytes) {
    return Fail(ErrorCode::kInvalidArgument, "note is longer than 4000 bytes", "note");
  }
  return {};
}

// An appointment follows the discharge it links to (kConflict without one: there is nothing to
// link yet).
Status CheckAgainstDischarge(const AppointmentRecord& a, const TransitionRecord& t) {
  if (!t.discharged_at) {
    return Fail(ErrorCode::kConflict,
                "the participant has not been discharged; record the discharge first");
  }
  if (a.scheduled_for && *a.scheduled_for < *t.discharged_at) {
    return Fail(ErrorCode::kInvalidArgument,
                "scheduled_for is before the discharge (" + FormatRfc3339(*t.discharged_at) + ")",
                "scheduled_for");
  }
  return {};
}

// A transition found and authorized for `action` (the episode's relationship rules), after the
// runner's role check; a transition the actor may not see is kNotFound, audited as denied.
Result<TransitionRecord> AuthorizeTransition(core::UseCase& uc, Action action,
                                             const std::string& transition_id) {
  std::optional<TransitionRecord> t;
  if (LooksLikeUuid(transition_id)) {
    CARECOORD_TRY(found, store::TransitionRepository(uc.conn()).Find(uc.org(), transition_id));
    t = std::move(*found);
  }
  if (!t) {
    uc.AuditDenied(action, {kTransitionType, transition_id, ""}, "no such transition");
    return NoSuchTransition();
  }
  auto e = AuthorizeEpisode(uc.ctx(), uc.conn(), action, t->episode_id, uc.now());
  if (!e) {
    if (e.error().code == ErrorCode::kNotFound) return NoSuchTransition();
    return std::unexpected(e.error());
  }
  return std::move(*t);
}

Result<TransitionRecord> LoadTransition(store::Connection& conn, const std::string& org_id,
                                        const std::string& id) {
  CARECOORD_TRY(t, store::TransitionRepository(conn).Find(org_id, id));
  if (!*t) return NoSuchTransition();
  return std::move(**t);
}

}  // namespace

TransitionService::TransitionService(core::Runner& runner, ObligationRefresher& refresher)
    : runner_(runner), refresher_(refresher) {}

Result<std::vector<TransitionRecord>> TransitionService::List(Context& ctx,
                                                              const std::string& episode_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(e,
                AuthorizeEpisode(ctx, uc->conn(), Action::kListTransitions, episode_id, uc->now()));
  CARECOORD_TRY(list, store::TransitionRepository(uc->conn()).ListForEpisode(e->org_id, e->id));
  uc->Audit(Action::kListTransitions, {kTransitionType, "", e->participant_id}, "episode " + e->id);
  return list;
}

Result<RecordedTransition> TransitionService::Record(Context& ctx, const std::string& episode_id,
                                                     const NewTransition& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(e, AuthorizeEpisode(ctx, uc->conn(), Action::kRecordTransition, episode_id, now));
  CARECOORD_RETURN_IF_ERROR(ValidateTransition(in.level, in.facility, in.admitted_at,
                                               in.discharged_at, in.notes, *e, now));
  CARECOORD_TRY(created, uc->Create(kTransitionType, [&]() -> Result<std::string> {
    CARECOORD_TRY(current, CurrentEpisode(uc->conn(), org, episode_id));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*current));
    TransitionRecord t;
    t.org_id = org;
    t.id = NewId(now);
    t.episode_id = episode_id;
    t.participant_id = current->participant_id;
    t.level = in.level;
    t.facility = in.facility;
    t.admitted_at = in.admitted_at;
    t.discharged_at = in.discharged_at;
    t.medication_needed = in.medication_needed;
    t.notes = in.notes;
    t.recorded_by = ctx.actor.user_id.value;
    t.created_at = t.updated_at = now;
    CARECOORD_RETURN_IF_ERROR(store::TransitionRepository(uc->conn()).Insert(t));
    // 001 §6 §8: a discharge starts the linkage and follow-up obligations in this commit.
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, episode_id, now));
    uc->Audit(Action::kRecordTransition, {kTransitionType, t.id, t.participant_id},
              t.level + (t.discharged_at ? ", discharged" : ", admitted"));
    return t.id;
  }));
  CARECOORD_TRY(stored, LoadTransition(uc->conn(), org, created->id));
  if (created->replayed) {
    uc->Audit(Action::kRecordTransition, {kTransitionType, stored->id, stored->participant_id},
              "idempotent replay");
  }
  return RecordedTransition{std::move(*stored), created->replayed};
}

Result<TransitionRecord> TransitionService::Update(Context& ctx, const std::string& transition_id,
                                                   std::int64_t expected_version,
                                                   const TransitionChanges& ch) {
  CARECOORD_TRY(
      uc, runner_.Begin(ctx, Action::kRecordTransition, {kTransitionType, transition_id, ""}));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(current, AuthorizeTransition(*uc, Action::kRecordTransition, transition_id));
  const Status written = uc->Write([&]() -> Status {
    CARECOORD_TRY(episode, CurrentEpisode(uc->conn(), org, current->episode_id));
    CARECOORD_TRY(fresh, LoadTransition(uc->conn(), org, transition_id));
    TransitionRecord t = std::move(*fresh);
    t.facility = ch.facility.value_or(t.facility);
    t.admitted_at = ch.admitted_at.value_or(t.admitted_at);
    if (ch.discharged_present) t.discharged_at = ch.discharged_at;
    t.medication_needed = ch.medication_needed.value_or(t.medication_needed);
    t.notes = ch.notes.value_or(t.notes);
    CARECOORD_RETURN_IF_ERROR(ValidateTransition(t.level, t.facility, t.admitted_at,
                                                 t.discharged_at, t.notes, *episode, now));
    if (t.version != expected_version) return Stale("transition", t.version);
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*episode));
    // The appointments recorded after the discharge keep following it.
    for (const AppointmentRecord& a : t.appointments) {
      if (!t.discharged_at) {
        return Fail(ErrorCode::kConflict,
                    "psychiatric appointments follow this discharge; it cannot be removed",
                    "discharged_at");
      }
      if (a.scheduled_for && *a.scheduled_for < *t.discharged_at) {
        return Fail(ErrorCode::kConflict,
                    "an appointment (" + FormatRfc3339(*a.scheduled_for) +
                        ") would come before the discharge",
                    "discharged_at");
      }
    }
    t.updated_at = now;
    CARECOORD_TRY(ok, store::TransitionRepository(uc->conn()).Update(t, expected_version));
    if (!*ok) {
      return Fail(ErrorCode::kConflict,
                  "the transition was changed by someone else at the same time; reload and try "
                  "again");
    }
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, t.episode_id, now));
    uc->Audit(Action::kRecordTransition, {kTransitionType, t.id, t.participant_id}, "updated");
    return {};
  });
  CARECOORD_RETURN_IF_ERROR(written);
  return LoadTransition(uc->conn(), org, transition_id);
}

Result<RecordedAppointment> TransitionService::RecordAppointment(Context& ctx,
                                                                 const std::string& transition_id,
                                                                 const NewAppointment& in) {
  CARECOORD_TRY(
      uc, runner_.Begin(ctx, Action::kRecordTransition, {kTransitionType, transition_id, ""}));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(t, AuthorizeTransition(*uc, Action::kRecordTransition, transition_id));
  AppointmentRecord a;
  a.org_id = org;
  a.transition_id = t->id;
  a.episode_id = t->episode_id;
  a.status = in.status;
  a.scheduled_for = in.scheduled_for;
  a.provider = in.provider;
  a.me_notified_at = in.me_notified_at;
  a.note = in.note;
  a.recorded_by = ctx.actor.user_id.value;
  a.created_at = a.updated_at = now;
  CARECOORD_RETURN_IF_ERROR(ValidateAppointment(a, now));
  CARECOORD_TRY(created, uc->Create(kAppointmentType, [&]() -> Result<std::string> {
    CARECOORD_TRY(episode, CurrentEpisode(uc->conn(), org, t->episode_id));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*episode));
    CARECOORD_TRY(fresh, LoadTransition(uc->conn(), org, transition_id));
    CARECOORD_RETURN_IF_ERROR(CheckAgainstDischarge(a, *fresh));
    a.id = NewId(now);
    CARECOORD_RETURN_IF_ERROR(store::TransitionRepository(uc->conn()).InsertAppointment(a));
    // 001 §6: a kept appointment meets the linkage; none available with the ME notified, or a
    // refusal, excuses it — in this commit.
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, a.episode_id, now));
    uc->Audit(Action::kRecordTransition, {kAppointmentType, a.id, fresh->participant_id},
              "appointment " + a.status);
    return a.id;
  }));
  CARECOORD_TRY(stored, store::TransitionRepository(uc->conn()).FindAppointment(org, created->id));
  if (!*stored) return NoSuchAppointment();
  if (created->replayed) {
    uc->Audit(Action::kRecordTransition, {kAppointmentType, created->id, t->participant_id},
              "idempotent replay");
  }
  return RecordedAppointment{std::move(**stored), created->replayed};
}

Result<AppointmentRecord> TransitionService::UpdateAppointment(Context& ctx,
                                                               const std::string& appointment_id,
                                                               std::int64_t expected_version,
                                                               const AppointmentChanges& ch) {
  CARECOORD_TRY(
      uc, runner_.Begin(ctx, Action::kRecordTransition, {kAppointmentType, appointment_id, ""}));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  std::optional<AppointmentRecord> found;
  if (LooksLikeUuid(appointment_id)) {
    CARECOORD_TRY(f, store::TransitionRepository(uc->conn()).FindAppointment(org, appointment_id));
    found = std::move(*f);
  }
  if (!found) {
    uc->AuditDenied(Action::kRecordTransition, {kAppointmentType, appointment_id, ""},
                    "no such appointment");
    return NoSuchAppointment();
  }
  // The role check for the transition is the one Begin made: the same action.
  auto t = AuthorizeTransition(*uc, Action::kRecordTransition, found->transition_id);
  if (!t) {
    if (t.error().code == ErrorCode::kNotFound) return NoSuchAppointment();
    return std::unexpected(t.error());
  }
  const Status written = uc->Write([&]() -> Status {
    CARECOORD_TRY(fresh,
                  store::TransitionRepository(uc->conn()).FindAppointment(org, appointment_id));
    if (!*fresh) return NoSuchAppointment();
    AppointmentRecord a = std::move(**fresh);
    a.status = ch.status.value_or(a.status);
    if (ch.scheduled_present) a.scheduled_for = ch.scheduled_for;
    a.provider = ch.provider.value_or(a.provider);
    if (ch.me_notified_present) a.me_notified_at = ch.me_notified_at;
    a.note = ch.note.value_or(a.note);
    CARECOORD_RETURN_IF_ERROR(ValidateAppointment(a, now));
    if (a.version != expected_version) return Stale("appointment", a.version);
    CARECOORD_TRY(episode, CurrentEpisode(uc->conn(), org, a.episode_id));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*episode));
    CARECOORD_TRY(transition, LoadTransition(uc->conn(), org, a.transition_id));
    CARECOORD_RETURN_IF_ERROR(CheckAgainstDischarge(a, *transition));
    a.updated_at = now;
    CARECOORD_TRY(ok,
                  store::TransitionRepository(uc->conn()).UpdateAppointment(a, expected_version));
    if (!*ok) {
      return Fail(ErrorCode::kConflict,
                  "the appointment was changed by someone else at the same time; reload and try "
                  "again");
    }
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshEpisode(uc->conn(), org, a.episode_id, now));
    uc->Audit(Action::kRecordTransition, {kAppointmentType, a.id, transition->participant_id},
              "appointment now " + a.status);
    return {};
  });
  CARECOORD_RETURN_IF_ERROR(written);
  CARECOORD_TRY(stored,
                store::TransitionRepository(uc->conn()).FindAppointment(org, appointment_id));
  if (!*stored) return NoSuchAppointment();
  return std::move(**stored);
}

}  // namespace carecoord::app
