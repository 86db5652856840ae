// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "app/core/context.h"
#include "app/subject.h"
#include "domain/error.h"
#include "domain/permissions.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::app {

// The relationship check of a route whose path names `subject` `id`, made before the route's
// handler reads the body (Services::AuthorizeRequest, issue 11): the record is resolved to its
// participant and AuthorizeParticipant decides (the role first, then the relationship). A record
// that is not there, or whose participant the actor has no relationship with, is kNotFound with
// the detail the use case that loads it gives, audited as denied where that use case audits it
// (ctx.read_events), so moving the check ahead changes nothing a caller or the log sees. The use
// cases still check for themselves: the CLI and the tests call them directly. Reads on `conn`.
// Ok at once for Subject::kNone.
Status AuthorizeSubject(Context& ctx, store::Connection& conn, Action action, Subject subject,
                        const std::string& id, Instant now);

// The audit resource type of a subject's record: "participant", "episode", "care_team_member"...
std::string_view SubjectResourceType(Subject subject);

}  // namespace carecoord::app
