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
  const Instant now = runner_.clock().Now();
  CARECOORD_TRY(conn, runner_.db().Acquire());
  const Target target{"consent", "", participant_id};
  CARECOORD_RETURN_IF_ERROR(AuthorizeParticipant(ctx, **conn, Action::kListConsents, target, now));
  CARECOORD_TRY(today, ParticipantToday(ctx, **conn, participant_id, now));
  auto rows =
      store::ConsentRepository(**conn).ListByParticipant(ctx.actor.org_id.value, participant_id);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ConsentView> out;
  out.reserve(rows->size());
  for (ConsentRecord& r : *rows) out.push_back(ViewOf(std::move(r), *today));
  ctx.read_events.push_back(
      MakeAuditEvent(ctx, Action::kListConsents, target, AuditOutcome::kAllowed, "", now));
  return out;
}

Result<RecordedConsent> ConsentService::Record(Context& ctx, const std::string& participant_id,
                                               const ConsentFields& in) {
  const Instant now = runner_.clock().Now();
  CARECOORD_TRY(conn, runner_.db().Acquire());
  CARECOORD_RETURN_IF_ERROR(AuthorizeParticipant(ctx, **conn, Action::kRecordConsent,
                                                 {"consent", "", participant_id}, now));
  CARECOORD_TRY(today, ParticipantToday(ctx, **conn, participant_id, now));
  CARECOORD_RETURN_IF_ERROR(ValidateConsent(in, *today));
  const std::string& org = ctx.actor.org_id.value;
  store::ContactContextRepository context(**conn);
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
  auto created = CreateOnce(**conn, ctx, "consent", now, [&]() -> Result<std::string> {
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
    CARECOORD_RETURN_IF_ERROR(store::ConsentRepository(**conn).Insert(c));
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshParticipant(**conn, org, participant_id, now));
    std::vector events{MakeAuditEvent(ctx, Action::kRecordConsent,
                                      {"consent", c.id, participant_id}, AuditOutcome::kAllowed, "",
                                      now)};
    CARECOORD_RETURN_IF_ERROR(runner_.audit().AppendInTransaction(**conn, events));
    return c.id;
  });
  if (!created) return std::unexpected(created.error());
  CARECOORD_TRY(stored, LoadConsent(**conn, org, created->id));
  if (created->replayed) {
    ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kRecordConsent,
                                             {"consent", created->id, participant_id},
                                             AuditOutcome::kAllowed, "idempotent replay", now));
  }
  return RecordedConsent{ViewOf(std::move(*stored), *today), created->replayed};
}

Result<ConsentView> ConsentService::Revoke(Context& ctx, const std::string& consent_id,
                                           std::int64_t expected_version,
                                           const std::optional<std::string>& revoked_date,
                                           const std::string& note) {
  const Instant now = runner_.clock().Now();
  CARECOORD_RETURN_IF_ERROR(
      Authorize(ctx, Action::kRevokeConsent, {"consent", consent_id, ""}, now));
  CARECOORD_TRY(conn, runner_.db().Acquire());
  const std::string& org = ctx.actor.org_id.value;
  CARECOORD_TRY(current, LoadConsent(**conn, org, consent_id));
  const Target target{"consent", consent_id, current->participant_id};
  CARECOORD_RETURN_IF_ERROR(AuthorizeParticipant(ctx, **conn, Action::kRevokeConsent, target, now));
  CARECOORD_TRY(today, ParticipantToday(ctx, **conn, current->participant_id, now));
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
  auto st = store::InTransaction(**conn, [&]() -> Status {
    CARECOORD_TRY(ok,
                  store::ConsentRepository(**conn).Revoke(org, consent_id, expected_version, from,
                                                          ctx.actor.user_id.value, note, now));
    if (!*ok) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the release was changed or revoked by someone else; reload and try again");
    }
    if (auto s = obligations_.RefreshParticipant(**conn, org, current->participant_id, now); !s) {
      return s;
    }
    std::vector events{MakeAuditEvent(ctx, Action::kRevokeConsent, target, AuditOutcome::kAllowed,
                                      "revoked from " + from, now)};
    return runner_.audit().AppendInTransaction(**conn, events);
  });
  if (!st) return std::unexpected(st.error());
  CARECOORD_TRY(stored, LoadConsent(**conn, org, consent_id));
  return ViewOf(std::move(*stored), *today);
}

Result<std::vector<ConsentView>> ConsentService::Expiring(Context& ctx, int days) {
  const Instant now = runner_.clock().Now();
  const Target target{"consent", "", ""};
  CARECOORD_RETURN_IF_ERROR(Authorize(ctx, Action::kListExpiringConsents, target, now));
  if (days < 1 || days > 90) return Fail(ErrorCode::kInvalidArgument, "days is 1–90", "days");
  CARECOORD_TRY(conn, runner_.db().Acquire());
  CARECOORD_TRY(today, ActorToday(ctx, **conn, now));
  const VisibilityScope scope = ScopeOf(ctx, *today);
  store::ConsentScope consent_scope;
  consent_scope.whole_organization = scope.whole_organization;
  consent_scope.user_id = scope.user_id;
  consent_scope.supervised_programs = scope.supervised_programs;
  CARECOORD_TRY(rows, store::ConsentRepository(**conn).Expiring(ctx.actor.org_id.value, *today,
                                                                AddDays(*today, days),
                                                                consent_scope, kMaxExpiring));
  std::vector<ConsentView> out;
  out.reserve(rows->size());
  for (ConsentRecord& r : *rows) out.push_back(ViewOf(std::move(r), *today));
  ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kListExpiringConsents, target,
                                           AuditOutcome::kAllowed,
                                           "within " + std::to_string(days) + " days", now));
  return out;
}

}  // namespace carecoord::app
