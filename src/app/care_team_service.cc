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
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  CARECOORD_TRY(e, AuthorizeEpisode(ctx, uc->conn(), Action::kReadCareTeam, episode_id, now));
  CARECOORD_TRY(today, ProgramToday(uc->conn(), e->org_id, e->program_id, now));
  CARECOORD_TRY(members, store::CareTeamRepository(uc->conn()).ListForEpisode(e->org_id, e->id));
  std::vector<CareTeamMemberView> out;
  out.reserve(members->size());
  for (auto& m : *members) {
    const bool active = IsMembershipActive(m.start_date, m.end_date, *today);
    out.push_back({std::move(m), active});
  }
  uc->Audit(Action::kReadCareTeam, {"episode", e->id, e->participant_id}, "care team");
  return out;
}

Result<AddedCareTeamMember> CareTeamService::Add(Context& ctx, const std::string& episode_id,
                                                 const NewCareTeamMember& in) {
  CARECOORD_TRY(role, ParseCareTeamRoleField(in.role, "role"));
  CARECOORD_RETURN_IF_ERROR(ValidateCareTeamContact(in.external_org, in.phone, in.email));
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  store::CareTeamRepository team(uc->conn());
  CareTeamMemberView made;
  CARECOORD_TRY(created, uc->Create(kResourceType, [&]() -> Result<std::string> {
    CARECOORD_TRY(e, AuthorizeEpisode(ctx, uc->conn(), Action::kWriteCareTeam, episode_id, now));
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*e));
    CARECOORD_TRY(today, ProgramToday(uc->conn(), e->org_id, e->program_id, now));
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
        CARECOORD_TRY(found,
                      store::StaffRepository(uc->conn()).EnabledUserName(m.org_id, *m.user_id));
        name = std::move(*found);
      }
      if (!name) {
        return Fail(ErrorCode::kInvalidArgument,
                    "user_id is not an enabled user of your organization", "user_id");
      }
      m.user_name = std::move(name);
      CARECOORD_TRY(already, team.HasOngoingMembership(m.org_id, m.episode_id, *m.user_id, m.role,
                                                       m.start_date));
      if (*already) {
        return Fail(ErrorCode::kConflict, "this user is already on the care team as " + m.role,
                    "user_id");
      }
    }
    CARECOORD_RETURN_IF_ERROR(team.Insert(m));
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), m.org_id, m.episode_id, now));
    uc->Audit(Action::kWriteCareTeam, {kResourceType, m.id, m.participant_id},
              "added as " + m.role);
    made.active = IsMembershipActive(m.start_date, m.end_date, *today);
    made.member = std::move(m);
    return made.member.id;
  }));
  if (!created->replayed) return AddedCareTeamMember{std::move(made), false};
  // A replay ran nothing: authorize and read the record the first request made.
  CARECOORD_TRY(member, team.Find(uc->org(), created->id));
  if (!*member) return NoSuchMember();
  CARECOORD_TRY(
      e, AuthorizeEpisode(ctx, uc->conn(), Action::kWriteCareTeam, (*member)->episode_id, now));
  CARECOORD_TRY(today, ProgramToday(uc->conn(), e->org_id, e->program_id, now));
  uc->Audit(Action::kWriteCareTeam, {kResourceType, created->id, e->participant_id},
            "idempotent replay");
  CareTeamMemberView view;
  view.active = IsMembershipActive((*member)->start_date, (*member)->end_date, *today);
  view.member = std::move(**member);
  return AddedCareTeamMember{std::move(view), true};
}

Result<CareTeamMemberView> CareTeamService::Update(Context& ctx, const std::string& member_id,
                                                   std::int64_t expected_version,
                                                   const CareTeamMemberChanges& changes) {
  const Target target{kResourceType, member_id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kWriteCareTeam, target));
  const Instant now = uc->now();
  store::CareTeamRepository team(uc->conn());
  CareTeamMemberView result;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    std::optional<CareTeamMemberRecord> found;
    if (LooksLikeUuid(member_id)) {
      CARECOORD_TRY(f, team.Find(uc->org(), member_id));
      found = std::move(*f);
    }
    if (!found) {
      uc->AuditDenied(Action::kWriteCareTeam, target, "no such member");
      return NoSuchMember();
    }
    CareTeamMemberRecord m = std::move(*found);
    auto e = AuthorizeEpisode(ctx, uc->conn(), Action::kWriteCareTeam, m.episode_id, now);
    if (!e)
      return e.error().code == ErrorCode::kNotFound ? NoSuchMember() : std::unexpected(e.error());
    if (m.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the care team member was changed by someone else (now version " +
                      std::to_string(m.version) + "); reload and try again",
                  "If-Match");
    }
    CARECOORD_RETURN_IF_ERROR(EpisodeOpen(*e));
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
    CARECOORD_RETURN_IF_ERROR(ValidateCareTeamMember(
        m.user_id.has_value(), m.user_id ? "" : m.external_name, m.start_date, m.end_date));
    CARECOORD_RETURN_IF_ERROR(ValidateCareTeamContact(m.external_org, m.phone, m.email));
    m.updated_at = now;
    CARECOORD_TRY(ok, team.Update(m));
    if (!*ok) {
      return Fail(ErrorCode::kConflict,
                  "the care team member was changed by someone else at the same time; reload and "
                  "try again");
    }
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), m.org_id, m.episode_id, now));
    uc->Audit(Action::kWriteCareTeam, {kResourceType, m.id, m.participant_id},
              "changed: " + (what.empty() ? std::string("nothing") : what));
    CARECOORD_TRY(today, ProgramToday(uc->conn(), e->org_id, e->program_id, now));
    m.version += 1;
    result.active = IsMembershipActive(m.start_date, m.end_date, *today);
    result.member = std::move(m);
    return {};
  }));
  return result;
}

Result<std::vector<StaffMember>> CareTeamService::Staff(Context& ctx, const std::string& role,
                                                        const std::string& program_id) {
  const Target target{"user", "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListStaff, target));
  if (!role.empty() && !ParseRole(role)) {
    return Fail(ErrorCode::kInvalidArgument,
                "role must be one of admin, supervisor, care_coordinator, peer_support, "
                "nurse_care_manager, auditor",
                "role");
  }
  if (program_id.size() > 200) {
    return Fail(ErrorCode::kInvalidArgument, "no such program", "program_id");
  }
  std::string program;
  if (!program_id.empty()) {
    CARECOORD_TRY(found, store::UserRepository(uc->conn()).FindProgram(uc->org(), program_id));
    if (!*found) return Fail(ErrorCode::kInvalidArgument, "no such program", "program_id");
    program = (*found)->id;
  }
  CARECOORD_TRY(staff, store::StaffRepository(uc->conn()).List(uc->org(), role, program));
  uc->Audit(Action::kListStaff, target);
  return staff;
}

}  // namespace carecoord::app
