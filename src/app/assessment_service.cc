// SPDX-License-Identifier: Apache-2.0
#include "app/assessment_service.h"

#include <algorithm>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "domain/calendar.h"
#include "domain/episode_status.h"
#include "domain/ids.h"
#include "store/assessment_repository.h"
#include "store/contact_repository.h"
#include "store/episode_repository.h"
#include "store/participant_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxNotesBytes = 4000;
constexpr char kAssessmentType[] = "assessment";
constexpr char kInstrumentType[] = "instrument";

std::unexpected<Error> NoSuchAssessment() {
  return Fail(ErrorCode::kNotFound, "No such assessment, or it is not on your caseload.");
}

std::string JoinedRespondents() {
  std::string out;
  for (std::string_view r : kRespondents) (out += out.empty() ? "" : ", ") += r;
  return out;
}

// The level fields belong to level-of-care instruments only (docs/assessments.md); on any other
// instrument they would be stored and shown as if someone had determined a level.
Status RejectLevelFields(const LevelEntry& level, const Instrument& instrument) {
  const std::pair<std::string_view, const std::string*> fields[] = {
      {"recommended_level", &level.recommended},
      {"level_provided", &level.provided},
      {"variance_reason", &level.variance_reason}};
  for (const auto& [field, value] : fields) {
    if (!value->empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  std::string(field) + " is only for level-of-care instruments; " +
                      instrument.title + " is not one",
                  std::string(field));
    }
  }
  return {};
}

// assessed_at is an instant; the birth date is a calendar date. The date of the assessment in
// the time zone of the participant's program (UTC when they have no episode) is compared.
Status CheckAssessedAt(store::Connection& conn, const std::string& org_id,
                       const ParticipantRecord& participant, Instant assessed_at, Instant now) {
  if (assessed_at > now) {
    return Fail(ErrorCode::kInvalidArgument, "assessed_at is in the future", "assessed_at");
  }
  if (participant.birth_date.empty()) return {};
  CARECOORD_TRY(tz,
                store::ContactContextRepository(conn).ParticipantTimeZone(org_id, participant.id));
  CARECOORD_TRY(day, LocalDate(assessed_at, tz->value_or("UTC")));
  if (*day < participant.birth_date) {
    return Fail(
        ErrorCode::kInvalidArgument,
        "assessed_at is before the participant's birth date (" + participant.birth_date + ")",
        "assessed_at");
  }
  return {};
}

// The episode the assessment belongs to: the given one, which must be the participant's; else
// the participant's open episode (the most recently started when several programs have one
// open); none when every episode has ended.
Result<std::optional<std::string>> ChooseEpisode(store::Connection& conn, const std::string& org_id,
                                                 const std::string& participant_id,
                                                 const std::optional<std::string>& given) {
  if (given) {
    std::optional<EpisodeRecord> e;
    if (LooksLikeUuid(*given)) {
      CARECOORD_TRY(found, store::EpisodeRepository(conn).Find(org_id, *given));
      e = std::move(*found);
    }
    if (!e || e->participant_id != participant_id) {
      return Fail(ErrorCode::kInvalidArgument, "episode_id is not an episode of this participant",
                  "episode_id");
    }
    return std::optional<std::string>(e->id);
  }
  CARECOORD_TRY(episodes,
                store::EpisodeRepository(conn).ListForParticipant(org_id, participant_id));
  // Newest started first (EpisodeRepository), so the first open one is the most recent.
  for (const EpisodeDetail& d : *episodes) {
    auto status = ParseEpisodeStatus(d.episode.status);
    if (status && !IsTerminal(*status)) return std::optional<std::string>(d.episode.id);
  }
  return std::optional<std::string>();
}

// What the audit trail says about an assessment: the instrument and what it found, never the
// answers (they are the record itself, read through the audited routes).
std::string AuditDetail(const AssessmentRecord& a) {
  std::string out = a.instrument_id + " v" + std::to_string(a.instrument_version);
  if (a.total) out += ", total " + std::to_string(*a.total);
  if (!a.band.empty()) out += ", band " + a.band;
  if (!a.flags.empty()) {
    out += ", flags";
    for (const std::string& f : a.flags) out += " " + f;
  }
  if (!a.needs.empty()) {
    out += ", needs";
    for (const std::string& n : a.needs) out += " " + n;
  }
  if (!a.recommended_level.empty()) {
    out += ", level " + a.recommended_level + " (" + a.level_source + ")";
  }
  if (!a.level_provided.empty()) out += ", provided " + a.level_provided;
  return out;
}

Result<AssessmentRecord> LoadAssessment(store::Connection& conn, const std::string& org_id,
                                        const std::string& id) {
  CARECOORD_TRY(a, store::AssessmentRepository(conn).Find(org_id, id));
  if (!*a) return NoSuchAssessment();
  return std::move(**a);
}

}  // namespace

AssessmentService::AssessmentService(core::Runner& runner, ObligationRefresher& refresher,
                                     const InstrumentCatalog& catalog)
    : runner_(runner), refresher_(refresher), catalog_(catalog) {}

Result<const std::vector<Instrument>*> AssessmentService::ListInstruments(Context& ctx) {
  const Target target{kInstrumentType, "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListInstruments, target));
  uc->Audit(Action::kListInstruments, target);
  return &catalog_.All();
}

Result<const Instrument*> AssessmentService::GetInstrument(Context& ctx,
                                                           const std::string& instrument_id) {
  const Target target{kInstrumentType, instrument_id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListInstruments, target));
  const Instrument* instrument = catalog_.Find(instrument_id);
  if (instrument == nullptr) return Fail(ErrorCode::kNotFound, "No such instrument.");
  uc->Audit(Action::kListInstruments, target);
  return instrument;
}

Result<std::vector<AssessmentRecord>> AssessmentService::List(Context& ctx,
                                                              const std::string& participant_id,
                                                              const std::string& instrument_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{kAssessmentType, "", participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kListAssessments, target));
  CARECOORD_TRY(list, store::AssessmentRepository(uc->conn())
                          .ListForParticipant(uc->org(), participant_id, instrument_id));
  uc->Audit(Action::kListAssessments, target,
            instrument_id.empty() ? std::string() : "instrument " + instrument_id);
  return list;
}

Result<AssessmentRecord> AssessmentService::Get(Context& ctx, const std::string& participant_id,
                                                const std::string& assessment_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{kAssessmentType, assessment_id, participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kListAssessments, target));
  std::optional<AssessmentRecord> found;
  if (LooksLikeUuid(assessment_id)) {
    CARECOORD_TRY(a, store::AssessmentRepository(uc->conn()).Find(uc->org(), assessment_id));
    found = std::move(*a);
  }
  // Another participant's assessment is as absent as one that does not exist.
  if (!found || found->participant_id != participant_id) {
    uc->AuditDenied(Action::kListAssessments, target, "no such assessment");
    return NoSuchAssessment();
  }
  uc->Audit(Action::kListAssessments, target);
  return std::move(*found);
}

Result<RecordedAssessment> AssessmentService::Record(Context& ctx,
                                                     const std::string& participant_id,
                                                     const NewAssessment& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_RETURN_IF_ERROR(
      uc->RequireParticipant(Action::kRecordAssessment, {kAssessmentType, "", participant_id}));
  CARECOORD_TRY(participant, store::ParticipantRepository(uc->conn()).Find(org, participant_id));
  if (!*participant) {
    return Fail(ErrorCode::kNotFound, "No such participant, or it is not on your caseload.");
  }

  const Instrument* instrument = catalog_.Find(in.instrument_id);
  if (instrument == nullptr) {
    return Fail(ErrorCode::kInvalidArgument,
                "instrument_id '" + in.instrument_id + "' is not an instrument this server has",
                "instrument_id");
  }
  // 001 §3: the score is the server's, from the instrument's definition; the web's live score is
  // only a preview.
  CARECOORD_TRY(score, ScoreAnswers(*instrument, in.answers));
  std::optional<LevelDetermination> level;
  if (instrument->kind == InstrumentKind::kLevelOfCare) {
    // Level-of-care instruments are scored (their composite), so the total is there.
    CARECOORD_TRY(determined, DetermineLevel(*instrument, catalog_.TableFor(instrument->id),
                                             in.answers, score->total.value_or(0), in.level));
    level = std::move(*determined);
  } else {
    CARECOORD_RETURN_IF_ERROR(RejectLevelFields(in.level, *instrument));
  }
  if (std::ranges::find(kRespondents, in.respondent) == std::end(kRespondents)) {
    return Fail(ErrorCode::kInvalidArgument, "respondent must be one of " + JoinedRespondents(),
                "respondent");
  }
  CARECOORD_RETURN_IF_ERROR(CheckAssessedAt(uc->conn(), org, **participant, in.assessed_at, now));
  if (in.notes.size() > kMaxNotesBytes) {
    return Fail(ErrorCode::kInvalidArgument, "notes is longer than 4000 bytes", "notes");
  }
  CARECOORD_TRY(episode, ChooseEpisode(uc->conn(), org, participant_id, in.episode_id));

  AssessmentRecord a;
  a.org_id = org;
  a.participant_id = participant_id;
  a.episode_id = std::move(*episode);
  a.instrument_id = instrument->id;
  a.instrument_version = instrument->version;
  a.instrument_title = instrument->title;
  a.assessed_at = in.assessed_at;
  a.total = score->total;
  a.band = score->band;
  a.band_label = score->band_label;
  for (const RaisedFlag& f : score->flags) a.flags.push_back(f.flag);
  for (const IdentifiedNeed& n : score->needs) a.needs.push_back(n.need);
  if (level) {
    a.recommended_level = level->recommended;
    a.level_source = level->source;
    a.level_provided = level->provided;
    a.variance_reason = level->variance_reason;
  }
  a.respondent = in.respondent;
  a.notes = in.notes;
  a.recorded_by = ctx.actor.user_id.value;
  a.created_at = now;
  a.answers = in.answers;

  CARECOORD_TRY(created, uc->Create(kAssessmentType, [&]() -> Result<std::string> {
    a.id = NewId(now);
    CARECOORD_RETURN_IF_ERROR(store::AssessmentRepository(uc->conn()).Insert(a));
    // In this commit: a raised safety flag puts an urgent item on the accountable coordinator's
    // worklist today, and a changed tier moves the contact schedule (001 §2, 002).
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshParticipant(uc->conn(), org, participant_id, now));
    uc->Audit(Action::kRecordAssessment, {kAssessmentType, a.id, participant_id}, AuditDetail(a));
    return a.id;
  }));
  CARECOORD_TRY(stored, LoadAssessment(uc->conn(), org, created->id));
  if (created->replayed) {
    uc->Audit(Action::kRecordAssessment, {kAssessmentType, stored->id, participant_id},
              "idempotent replay");
  }
  return RecordedAssessment{std::move(*stored), created->replayed};
}

}  // namespace carecoord::app
