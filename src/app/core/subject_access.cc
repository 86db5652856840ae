// SPDX-License-Identifier: Apache-2.0
#include "app/core/subject_access.h"

#include <optional>

#include "app/core/access.h"
#include "app/core/participant_access.h"
#include "domain/ids.h"
#include "store/care_team_repository.h"
#include "store/consent_repository.h"
#include "store/contact_repository.h"
#include "store/episode_repository.h"
#include "store/participant_repository.h"
#include "store/transition_repository.h"

namespace carecoord::app {
namespace {

// What the use cases that load a kind of record answer when it is not there, so the check made
// ahead of them gives the same answer (the texts are theirs: episode_service.cc and
// AuthorizeEpisode, participant_service.cc, care_team_service.cc, contact_service.cc,
// consent_service.cc, transition_service.cc).
struct Kind {
  std::string_view resource_type;
  std::string_view not_found;       // the problem's detail
  std::string_view missing_reason;  // the denied audit event's reason; empty: not audited
  // The use case answers a refusal of the participant with its own not_found, rather than the
  // participant's "No such participant" (those that load through AuthorizeEpisode do).
  bool hides_participant;
};

constexpr Kind kParticipantKind{"participant", "", "", false};

Kind KindOf(Subject subject) {
  switch (subject) {
    case Subject::kEpisode:
      return {"episode", "No such episode, or it is not on your caseload.", "no such episode",
              true};
    case Subject::kRelatedPerson: return {"related_person", "no such related person", "", false};
    case Subject::kCareTeamMember:
      return {"care_team_member", "No such care team member, or it is not on your caseload.",
              "no such member", true};
    case Subject::kContact:
      return {"contact", "No such contact, or it is not on your caseload.", "", false};
    case Subject::kConsent:
      return {"consent", "No such release, or it is not on your caseload.", "", false};
    case Subject::kTransition:
      return {"transition", "No such transition, or it is not on your caseload.",
              "no such transition", true};
    case Subject::kAppointment:
      return {"appointment", "No such appointment, or it is not on your caseload.",
              "no such appointment", true};
    case Subject::kParticipant:
    case Subject::kNone: break;
  }
  return kParticipantKind;
}

// The participant of the record, nullopt when the organization has no such record.
Result<std::optional<std::string>> ParticipantOf(store::Connection& conn, Subject subject,
                                                 const std::string& org_id, const std::string& id) {
  switch (subject) {
    case Subject::kEpisode: return store::EpisodeRepository(conn).ParticipantOf(org_id, id);
    case Subject::kRelatedPerson:
      return store::ParticipantRepository(conn).ParticipantOfRelated(org_id, id);
    case Subject::kCareTeamMember: return store::CareTeamRepository(conn).ParticipantOf(org_id, id);
    case Subject::kContact: return store::ContactRepository(conn).ParticipantOf(org_id, id);
    case Subject::kConsent: return store::ConsentRepository(conn).ParticipantOf(org_id, id);
    case Subject::kTransition: return store::TransitionRepository(conn).ParticipantOf(org_id, id);
    case Subject::kAppointment:
      return store::TransitionRepository(conn).ParticipantOfAppointment(org_id, id);
    case Subject::kParticipant:  // the id is the participant's (AuthorizeSubject needs no lookup)
    case Subject::kNone: break;
  }
  return std::optional<std::string>(id);
}

}  // namespace

std::string_view SubjectResourceType(Subject subject) {
  return KindOf(subject).resource_type;
}

Status AuthorizeSubject(Context& ctx, store::Connection& conn, Action action, Subject subject,
                        const std::string& id, Instant now) {
  if (subject == Subject::kNone) return {};
  if (subject == Subject::kParticipant) {
    auto rel = AuthorizeParticipant(ctx, conn, action, {"participant", id, id}, now);
    if (!rel) return std::unexpected(rel.error());
    return {};
  }
  const Kind kind = KindOf(subject);
  std::optional<std::string> participant;
  if (LooksLikeUuid(id)) {  // anything else names no record: no query for it
    auto found = ParticipantOf(conn, subject, ctx.actor.org_id.value, id);
    if (!found) return std::unexpected(found.error());
    participant = std::move(*found);
  }
  if (!participant) {
    if (!kind.missing_reason.empty()) {
      ctx.read_events.push_back(MakeAuditEvent(ctx, action, {kind.resource_type, id, ""},
                                               AuditOutcome::kDenied,
                                               std::string(kind.missing_reason), now));
    }
    return Fail(ErrorCode::kNotFound, std::string(kind.not_found));
  }
  auto rel = AuthorizeParticipant(ctx, conn, action, {kind.resource_type, id, *participant}, now);
  if (!rel) {
    if (rel.error().code == ErrorCode::kNotFound && kind.hides_participant) {
      return Fail(ErrorCode::kNotFound, std::string(kind.not_found));
    }
    return std::unexpected(rel.error());
  }
  return {};
}

}  // namespace carecoord::app
