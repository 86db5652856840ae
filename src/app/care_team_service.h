// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/records/care_team.h"
#include "domain/records/staff.h"

namespace carecoord::app {

// A membership as the API shows it: `active` on the program's today (begun, not ended).
struct CareTeamMemberView {
  CareTeamMemberRecord member;
  bool active = false;
};

// A colleague (user_id) or an outside person (external_name), not both.
struct NewCareTeamMember {
  std::string role;  // domain/care_team.h wire name
  std::optional<std::string> user_id;
  std::string external_name;
  std::string external_org;
  std::string phone;
  std::string email;
  std::optional<std::string> start_date;  // default: the program's today
  std::optional<std::string> end_date;
};

// A partial update: absent members are left as they are. end_date: nullopt leaves it,
// an empty inner optional clears it (the membership lasts again), a date ends it.
struct CareTeamMemberChanges {
  std::optional<std::string> start_date;
  std::optional<std::optional<std::string>> end_date;
  std::optional<std::string> external_org;
  std::optional<std::string> phone;
  std::optional<std::string> email;
};

struct AddedCareTeamMember {
  CareTeamMemberView view;
  bool replayed = false;  // an earlier request with the same Idempotency-Key created it
};

// Care teams of episodes (FHIR CareTeam) and the staff list to choose members from. Every call
// is authorized (AuthorizeEpisode / AuthorizeParticipant for the episode's participant) and
// audited.
class CareTeamService {
 public:
  CareTeamService(core::Runner& runner, ObligationRefresher& obligations);

  Result<std::vector<CareTeamMemberView>> List(Context& ctx, const std::string& episode_id);
  // Honours ctx.idempotency_key (CreateOnce). kInvalidArgument naming the field (role, user_id,
  // external_name, dates, contact details); kConflict when the episode has ended or the user
  // already holds that role on the team.
  Result<AddedCareTeamMember> Add(Context& ctx, const std::string& episode_id,
                                  const NewCareTeamMember& member);
  // Dates and contact details; ending a membership is setting end_date. kPreconditionFailed
  // when expected_version is stale; kConflict when the episode has ended.
  Result<CareTeamMemberView> Update(Context& ctx, const std::string& member_id,
                                    std::int64_t expected_version,
                                    const CareTeamMemberChanges& changes);

  // Enabled users of the actor's organization holding `role` (a user role wire name, "" for
  // any) in `program_id` (id or exact name, "" for any). kInvalidArgument naming role or
  // program_id when unknown.
  Result<std::vector<StaffMember>> Staff(Context& ctx, const std::string& role,
                                         const std::string& program_id);

 private:
  core::Runner& runner_;              // the one way to the database, the clock and the audit log
  ObligationRefresher& obligations_;  // re-evaluates touched episodes in each write
};

}  // namespace carecoord::app
