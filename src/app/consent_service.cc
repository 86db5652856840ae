// SPDX-License-Identifier: Apache-2.0
#include "app/consent_service.h"

#include "app/core/obligation_engine.h"
#include "app/core/runner.h"
#include "store/consent_repository.h"

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/participant_access.h"
#include "domain/calendar.h"
#include "domain/ids.h"
#include "domain/person_match.h"
#include "store/contact_repository.h"

namespace carecoord::app {
namespace {

constexpr char kNoConsent[] = "No such release, or it is not on your caseload.";
constexpr int kMaxExpiring = 500;

// Today in the time zone of the participant's most recent episode's program.
Result<std::string> ParticipantToday(const Context& ctx, store::Connection& conn,
                                     const std::string& participant_id, Instant now) {
  CARECOORD_TRY(tz, store::ContactContextRepository(conn).ParticipantTimeZone(
                        ctx.actor.org_id.value, participant_id));
  if (!*tz) return ActorToday(ctx, conn, now);
  return LocalDate(now, **tz);
}

ConsentView ViewOf(ConsentRecord r, const std::string& today) {
  std::string status = ConsentStatusOn(r.effective_date, r.expiry_date, r.revoked_date, today);
  return ConsentView{std::move(r), std::move(status)};
}

Result<ConsentRecord> LoadConsent(store::Connection& conn, const std::string& org_id,
                                  const std::string& id) {
  if (!LooksLikeUuid(id)) return Fail(ErrorCode::kNotFound, kNoConsent);
  CARECOORD_TRY(c, store::ConsentRepository(conn).Get(org_id, id));
  if (!*c) return Fail(ErrorCode::kNotFound, kNoConsent);
  return std::move(**c);
}

}  // namespace

ConsentService::ConsentService(core::Runner& runner, ObligationRefresher& obligations)
    : runner_(runner), obligations_(obligations) {}

Result<std::vector<ConsentView>> ConsentService::List(Context& ctx,
                                                      const std::string& participant_id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{"consent", "", participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kListConsents, target));
  CARECOORD_TRY(today, ParticipantToday(ctx, uc->conn(), participant_id, uc->now()));
  CARECOORD_TRY(rows,
                store::ConsentRepository(uc->conn()).ListByParticipant(uc->org(), participant_id));
  std::vector<ConsentView> out;
  out.reserve(rows->size());
  for (ConsentRecord& r : *rows) out.push_back(ViewOf(std::move(r), *today));
  uc->Audit(Action::kListConsents, target);
  return out;
}

Result<RecordedConsent> ConsentService::Record(Context& ctx, const std::string& participant_id,
                                               const ConsentFields& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  CARECOORD_RETURN_IF_ERROR(
      uc->RequireParticipant(Action::kRecordConsent, {"consent", "", participant_id}));
  CARECOORD_TRY(today, ParticipantToday(ctx, uc->conn(), participant_id, now));
  CARECOORD_RETURN_IF_ERROR(ValidateConsent(in, *today));
  const std::string& org = uc->org();
  store::ContactContextRepository context(uc->conn());
  if (in.related_person_id) {
    CARECOORD_TRY(name, context.RelatedPersonName(org, *in.related_person_id, participant_id));
    if (!*name) {
      return Fail(ErrorCode::kInvalidArgument,
                  "party.related_person_id is not a related person of this participant", "party");
    }
  }
  if (in.care_team_member_id) {
    CARECOORD_TRY(name, context.CareTeamMemberName(org, *in.care_team_member_id, participant_id));
    if (!*name) {
      return Fail(ErrorCode::kInvalidArgument,
                  "party.care_team_member_id is not on this participant's care team", "party");
    }
  }
  CARECOORD_TRY(created, uc->Create("consent", [&]() -> Result<std::string> {
    ConsentRecord c;
    c.org_id = org;
    c.id = NewId(now);
    c.participant_id = participant_id;
    c.party_kind = in.party_kind;
    c.party_name = in.party_name;
    c.party_name_norm = NormalizePersonName(in.party_name);
    c.related_person_id = in.related_person_id;
    c.care_team_member_id = in.care_team_member_id;
    c.purpose = in.purpose;
    c.categories = JoinCodeList(in.categories);
    c.effective_date = in.effective_date;
    c.expiry_date = in.expiry_date;
    c.signed_by = in.signed_by;
    c.signer_name = in.signer_name;
    c.signed_date = in.signed_date;
    c.recorded_by = ctx.actor.user_id.value;
    c.created_at = c.updated_at = now;
    CARECOORD_RETURN_IF_ERROR(store::ConsentRepository(uc->conn()).Insert(c));
    CARECOORD_RETURN_IF_ERROR(
        obligations_.RefreshParticipant(uc->conn(), org, participant_id, now));
    uc->Audit(Action::kRecordConsent, {"consent", c.id, participant_id});
    return c.id;
  }));
  CARECOORD_TRY(stored, LoadConsent(uc->conn(), org, created->id));
  if (created->replayed) {
    uc->Audit(Action::kRecordConsent, {"consent", created->id, participant_id},
              "idempotent replay");
  }
  return RecordedConsent{ViewOf(std::move(*stored), *today), created->replayed};
}

Result<ConsentView> ConsentService::Revoke(Context& ctx, const std::string& consent_id,
                                           std::int64_t expected_version,
                                           const std::optional<std::string>& revoked_date,
                                           const std::string& note) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kRevokeConsent, {"consent", consent_id, ""}));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(current, LoadConsent(uc->conn(), org, consent_id));
  const Target target{"consent", consent_id, current->participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kRevokeConsent, target));
  CARECOORD_TRY(today, ParticipantToday(ctx, uc->conn(), current->participant_id, now));
  std::string from = *today;
  if (revoked_date) {
    CARECOORD_TRY(d, ParseDate(*revoked_date, "revoked_date"));
    from = *d;
  }
  if (from < current->signed_date) {
    return Fail(ErrorCode::kInvalidArgument,
                "revoked_date is before the release was signed (" + current->signed_date + ")",
                "revoked_date");
  }
  if (note.size() > 1000) {
    return Fail(ErrorCode::kInvalidArgument, "note is longer than 1000 bytes", "note");
  }
  if (current->revoked_date) {
    return Fail(ErrorCode::kConflict,
                "this release was already revoked on " + *current->revoked_date);
  }
  if (current->version != expected_version) {
    return Fail(ErrorCode::kPreconditionFailed,
                "the release was changed by someone else (now version " +
                    std::to_string(current->version) + "); reload and try again");
  }
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(ok, store::ConsentRepository(uc->conn())
                          .Revoke(org, consent_id, expected_version, from, ctx.actor.user_id.value,
                                  note, now));
    if (!*ok) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the release was changed or revoked by someone else; reload and try again");
    }
    CARECOORD_RETURN_IF_ERROR(
        obligations_.RefreshParticipant(uc->conn(), org, current->participant_id, now));
    uc->Audit(Action::kRevokeConsent, target, "revoked from " + from);
    return {};
  }));
  CARECOORD_TRY(stored, LoadConsent(uc->conn(), org, consent_id));
  return ViewOf(std::move(*stored), *today);
}

Result<std::vector<ConsentView>> ConsentService::Expiring(Context& ctx, int days) {
  const Target target{"consent", "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListExpiringConsents, target));
  if (days < 1 || days > 90) return Fail(ErrorCode::kInvalidArgument, "days is 1–90", "days");
  CARECOORD_TRY(today, ActorToday(ctx, uc->conn(), uc->now()));
  const VisibilityScope scope = ScopeOf(ctx, *today);
  store::ConsentScope consent_scope;
  consent_scope.whole_organization = scope.whole_organization;
  consent_scope.user_id = scope.user_id;
  consent_scope.supervised_programs = scope.supervised_programs;
  CARECOORD_TRY(
      rows, store::ConsentRepository(uc->conn())
                .Expiring(uc->org(), *today, AddDays(*today, days), consent_scope, kMaxExpiring));
  std::vector<ConsentView> out;
  out.reserve(rows->size());
  for (ConsentRecord& r : *rows) out.push_back(ViewOf(std::move(r), *today));
  uc->Audit(Action::kListExpiringConsents, target, "within " + std::to_string(days) + " days");
  return out;
}

}  // namespace carecoord::app
