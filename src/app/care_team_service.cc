// SPDX-License-Identifier: Apache-2.0
#include "app/care_team_service.h"

#include "app/core/obligation_engine.h"
#include "app/core/runner.h"
#include "store/care_team_repository.h"
#include "store/staff_repository.h"

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/participant_access.h"
#include "app/episode_service.h"
#include "domain/care_team.h"
#include "domain/episode_status.h"
#include "domain/ids.h"
#include "domain/role.h"
#include "store/user_repository.h"

namespace carecoord::app {
namespace {

constexpr char kResourceType[] = "care_team_member";

std::unexpected<Error> NoSuchMember() {
  return Fail(ErrorCode::kNotFound, "No such care team member, or it is not on your caseload.");
}

// A team changes only while its episode is open: reopening a membership of a closed episode
// would hand out access to a record nobody coordinates any more.
Status EpisodeOpen(const EpisodeRecord& e) {
  auto status = ParseEpisodeStatus(e.status);
  if (status && !IsTerminal(*status)) return {};
  return Fail(ErrorCode::kConflict,
              "the episode is " + e.status + "; its care team can no longer change");
}

}  // namespace

CareTeamService::CareTeamService(core::Runner& runner, ObligationRefresher& obligations)
    : runner_(runner), obligations_(obligations) {}

Result<std::vector<CareTeamMemberView>> CareTeamService::List(Context& ctx,
                                                              const std::string& episode_id) {
  const Instant now = runner_.clock().Now();
  CARECOORD_TRY(conn, runner_.db().Acquire());
  CARECOORD_TRY(e, AuthorizeEpisode(ctx, **conn, Action::kReadCareTeam, episode_id, now));
  CARECOORD_TRY(today, ProgramToday(**conn, e->org_id, e->program_id, now));
  CARECOORD_TRY(members, store::CareTeamRepository(**conn).ListForEpisode(e->org_id, e->id));
  std::vector<CareTeamMemberView> out;
  out.reserve(members->size());
  for (auto& m : *members) {
    const bool active = IsMembershipActive(m.start_date, m.end_date, *today);
    out.push_back({std::move(m), active});
  }
  ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kReadCareTeam,
                                           {"episode", e->id, e->participant_id},
                                           AuditOutcome::kAllowed, "care team", now));
  return out;
}

Result<AddedCareTeamMember> CareTeamService::Add(Context& ctx, const std::string& episode_id,
                                                 const NewCareTeamMember& in) {
  const Instant now = runner_.clock().Now();
  CARECOORD_TRY(role, ParseCareTeamRoleField(in.role, "role"));
  CARECOORD_RETURN_IF_ERROR(ValidateCareTeamContact(in.external_org, in.phone, in.email));
  CARECOORD_TRY(conn, runner_.db().Acquire());
  store::CareTeamRepository team(**conn);
  CareTeamMemberView made;
  auto created = CreateOnce(**conn, ctx, kResourceType, now, [&]() -> Result<std::string> {
    CARECOORD_TRY(e, AuthorizeEpisode(ctx, **conn, Action::kWriteCareTeam, episode_id, now));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*e));
    CARECOORD_TRY(today, ProgramToday(**conn, e->org_id, e->program_id, now));
    CareTeamMemberRecord m;
    m.org_id = e->org_id;
    m.id = NewId(now);
    m.episode_id = e->id;
    m.participant_id = e->participant_id;
    m.role = std::string(CareTeamRoleName(*role));
    m.user_id = in.user_id;
    m.external_name = in.external_name;
    m.external_org = in.external_org;
    m.phone = in.phone;
    m.email = in.email;
    m.start_date = in.start_date.value_or(*today);
    m.end_date = in.end_date;
    m.created_at = m.updated_at = now;
    CARECOORD_RETURN_IF_ERROR(
        ValidateCareTeamMember(m.user_id.has_value(), m.external_name, m.start_date, m.end_date));
    if (m.user_id) {
      std::optional<std::string> name;
      if (LooksLikeUuid(*m.user_id)) {
        CARECOORD_TRY(found, store::StaffRepository(**conn).EnabledUserName(m.org_id, *m.user_id));
        name = std::move(*found);
      }
      if (!name) {
        return Fail(ErrorCode::kInvalidArgument,
                    "user_id is not an enabled user of your organization", "user_id");
      }
      m.user_name = std::move(name);
      auto already =
          team.HasOngoingMembership(m.org_id, m.episode_id, *m.user_id, m.role, m.start_date);
      if (!already) return std::unexpected(already.error());
      if (*already) {
        return Fail(ErrorCode::kConflict, "this user is already on the care team as " + m.role,
                    "user_id");
      }
    }
    CARECOORD_RETURN_IF_ERROR(team.Insert(m));
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(**conn, m.org_id, m.episode_id, now));
    std::vector events{MakeAuditEvent(ctx, Action::kWriteCareTeam,
                                      {kResourceType, m.id, m.participant_id},
                                      AuditOutcome::kAllowed, "added as " + m.role, now)};
    CARECOORD_RETURN_IF_ERROR(runner_.audit().AppendInTransaction(**conn, events));
    made.active = IsMembershipActive(m.start_date, m.end_date, *today);
    made.member = std::move(m);
    return made.member.id;
  });
  if (!created) return std::unexpected(created.error());
  if (!created->replayed) return AddedCareTeamMember{std::move(made), false};
  // A replay ran nothing: authorize and read the record the first request made.
  CARECOORD_TRY(member, team.Find(ctx.actor.org_id.value, created->id));
  if (!*member) return NoSuchMember();
  CARECOORD_TRY(e,
                AuthorizeEpisode(ctx, **conn, Action::kWriteCareTeam, (*member)->episode_id, now));
  CARECOORD_TRY(today, ProgramToday(**conn, e->org_id, e->program_id, now));
  ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kWriteCareTeam,
                                           {kResourceType, created->id, e->participant_id},
                                           AuditOutcome::kAllowed, "idempotent replay", now));
  CareTeamMemberView view;
  view.active = IsMembershipActive((*member)->start_date, (*member)->end_date, *today);
  view.member = std::move(**member);
  return AddedCareTeamMember{std::move(view), true};
}

Result<CareTeamMemberView> CareTeamService::Update(Context& ctx, const std::string& member_id,
                                                   std::int64_t expected_version,
                                                   const CareTeamMemberChanges& changes) {
  const Instant now = runner_.clock().Now();
  const Target target{kResourceType, member_id, ""};
  CARECOORD_RETURN_IF_ERROR(Authorize(ctx, Action::kWriteCareTeam, target, now));
  CARECOORD_TRY(conn, runner_.db().Acquire());
  store::CareTeamRepository team(**conn);
  CareTeamMemberView result;
  auto st = store::InTransaction(**conn, [&]() -> Status {
    std::optional<CareTeamMemberRecord> found;
    if (LooksLikeUuid(member_id)) {
      CARECOORD_TRY(f, team.Find(ctx.actor.org_id.value, member_id));
      found = std::move(*f);
    }
    if (!found) {
      ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kWriteCareTeam, target,
                                               AuditOutcome::kDenied, "no such member", now));
      return NoSuchMember();
    }
    CareTeamMemberRecord m = std::move(*found);
    auto e = AuthorizeEpisode(ctx, **conn, Action::kWriteCareTeam, m.episode_id, now);
    if (!e)
      return e.error().code == ErrorCode::kNotFound ? NoSuchMember() : std::unexpected(e.error());
    if (m.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the care team member was changed by someone else (now version " +
                      std::to_string(m.version) + "); reload and try again",
                  "If-Match");
    }
    if (auto s = EpisodeOpen(*e); !s) return s;
    std::string what;
    auto note = [&what](const char* name) {
      what += (what.empty() ? "" : " ") + std::string(name);
    };
    if (changes.start_date) {
      m.start_date = *changes.start_date;
      note("start_date");
    }
    if (changes.end_date) {
      m.end_date = *changes.end_date;
      note("end_date");
    }
    if (changes.external_org) {
      m.external_org = *changes.external_org;
      note("external_org");
    }
    if (changes.phone) {
      m.phone = *changes.phone;
      note("phone");
    }
    if (changes.email) {
      m.email = *changes.email;
      note("email");
    }
    // An external member's name is kept as it is; only the checks of the whole record run.
    if (auto s = ValidateCareTeamMember(m.user_id.has_value(), m.user_id ? "" : m.external_name,
                                        m.start_date, m.end_date);
        !s) {
      return s;
    }
    if (auto s = ValidateCareTeamContact(m.external_org, m.phone, m.email); !s) return s;
    m.updated_at = now;
    CARECOORD_TRY(ok, team.Update(m));
    if (!*ok) {
      return Fail(ErrorCode::kConflict,
                  "the care team member was changed by someone else at the same time; reload and "
                  "try again");
    }
    if (auto s = obligations_.RefreshEpisode(**conn, m.org_id, m.episode_id, now); !s) return s;
    std::vector events{MakeAuditEvent(
        ctx, Action::kWriteCareTeam, {kResourceType, m.id, m.participant_id},
        AuditOutcome::kAllowed, "changed: " + (what.empty() ? std::string("nothing") : what), now)};
    if (auto s = runner_.audit().AppendInTransaction(**conn, events); !s) return s;
    CARECOORD_TRY(today, ProgramToday(**conn, e->org_id, e->program_id, now));
    m.version += 1;
    result.active = IsMembershipActive(m.start_date, m.end_date, *today);
    result.member = std::move(m);
    return {};
  });
  if (!st) return std::unexpected(st.error());
  return result;
}

Result<std::vector<StaffMember>> CareTeamService::Staff(Context& ctx, const std::string& role,
                                                        const std::string& program_id) {
  const Instant now = runner_.clock().Now();
  const Target target{"user", "", ""};
  CARECOORD_RETURN_IF_ERROR(Authorize(ctx, Action::kListStaff, target, now));
  if (!role.empty() && !ParseRole(role)) {
    return Fail(ErrorCode::kInvalidArgument,
                "role must be one of admin, supervisor, care_coordinator, peer_support, "
                "nurse_care_manager, auditor",
                "role");
  }
  if (program_id.size() > 200) {
    return Fail(ErrorCode::kInvalidArgument, "no such program", "program_id");
  }
  CARECOORD_TRY(conn, runner_.db().Acquire());
  std::string program;
  if (!program_id.empty()) {
    CARECOORD_TRY(found,
                  store::UserRepository(**conn).FindProgram(ctx.actor.org_id.value, program_id));
    if (!*found) return Fail(ErrorCode::kInvalidArgument, "no such program", "program_id");
    program = (*found)->id;
  }
  CARECOORD_TRY(staff, store::StaffRepository(**conn).List(ctx.actor.org_id.value, role, program));
  ctx.read_events.push_back(
      MakeAuditEvent(ctx, Action::kListStaff, target, AuditOutcome::kAllowed, "", now));
  return staff;
}

}  // namespace carecoord::app
