// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "app/core/access.h"
#include "app/core/context.h"
#include "domain/error.h"
#include "domain/records/episode.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::app {

// How the actor is related to a participant, strongest first. Decides whether the record is
// visible at all (DESIGN §4 "Access", issue 3): the role table says what a role may do; this
// says for whom.
enum class Relationship {
  kNone,
  kAccountable,  // accountable coordinator of one of the participant's episodes (001 §1)
  kCareTeam,     // internal member of a care team whose membership has not ended
  kSupervisor,   // supervisor of a program the participant has an episode in
  kAuditor,      // auditor of the organization: reads only (the role table permits no writes)
  kEmergency,    // unexpired "break the glass" grant; ctx.reason carries its reason
};

// The one enforcement point for participant records. First the role check (Authorize, which
// audits a denial and returns kPermissionDenied); then the relationship, read on `conn` (inside
// the caller's transaction when one is open). A participant that does not exist, or that the
// actor has no relationship with, is kNotFound ("anyone else gets 404") and the attempt is
// audited as denied. Under emergency access the grant's reason is put in ctx.reason, so every
// audit event of the request carries it. `target.participant_id` names the participant.
// The caller still records the allowed event (MakeAuditEvent) for the read or write it does.
Result<Relationship> AuthorizeParticipant(Context& ctx, store::Connection& conn, Action action,
                                          const Target& target, Instant now);

// Today's date in the time zone of the actor's first program (their working calendar), or UTC
// when they have none. Used for date-granular rules such as care team end dates.
Result<std::string> ActorToday(const Context& ctx, store::Connection& conn, Instant now);

// Today's date in a program's time zone (kNotFound for an unknown program).
Result<std::string> ProgramToday(store::Connection& conn, const std::string& org_id,
                                 const std::string& program_id, Instant now);

// For list queries that must show only visible participants: who the actor is, as the WHERE
// clauses of a repository need it.
struct VisibilityScope {
  bool whole_organization = false;  // auditors
  std::string user_id;              // accountable / care team
  std::vector<std::string> supervised_programs;
  std::string today;  // for care team end dates
};
VisibilityScope ScopeOf(const Context& ctx, std::string today);

// The episode `episode_id` when the actor may perform `action` on it: the role check first
// (kPermissionDenied, audited), then the episode (kNotFound, audited as denied) and the
// relationship with its participant (AuthorizeParticipant: kNotFound, audited). Reads on
// `conn`, inside the caller's transaction when one is open. Shared with the care team service.
Result<EpisodeRecord> AuthorizeEpisode(Context& ctx, store::Connection& conn, Action action,
                                       const std::string& episode_id, Instant now);

}  // namespace carecoord::app
