// SPDX-License-Identifier: Apache-2.0
#include "app/on_call_service.h"

#include <algorithm>
#include <chrono>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/runner.h"
#include "domain/ids.h"
#include "store/on_call_repository.h"

namespace carecoord::app {
namespace {

constexpr auto kMaxShift = std::chrono::days(7);
constexpr auto kMaxRotaRange = std::chrono::days(62);
constexpr std::size_t kMaxPhoneBytes = 40;
constexpr std::size_t kMaxNoteBytes = 500;
constexpr char kShiftType[] = "on_call_shift";

std::unexpected<Error> NoSuchShift() {
  return Fail(ErrorCode::kNotFound, "No such on-call shift.");
}

std::unexpected<Error> NoSuchProgram() {
  return Fail(ErrorCode::kNotFound, "No such program in your organization.");
}

bool HoldsRole(const Context& ctx, Role role) {
  return std::ranges::any_of(ctx.actor.roles, [&](const auto& g) { return g.role == role; });
}

// Administrators and auditors answer for the whole organization; everyone else for the
// programs they hold a role in.
bool SeesAllPrograms(const Context& ctx) {
  return HoldsRole(ctx, Role::kAdmin) || HoldsRole(ctx, Role::kAuditor);
}

bool HasRoleIn(const Context& ctx, const std::string& program_id) {
  return std::ranges::any_of(ctx.actor.roles,
                             [&](const auto& g) { return g.program_id == program_id; });
}

bool MayPlan(const Context& ctx, const std::string& program_id) {
  return HoldsRole(ctx, Role::kAdmin) || std::ranges::any_of(ctx.actor.roles, [&](const auto& g) {
           return g.role == Role::kSupervisor && g.program_id == program_id;
         });
}

OnCallShift ToShift(store::OnCallShiftRecord r) {
  OnCallShift s;
  s.id = std::move(r.id);
  s.program_id = std::move(r.program_id);
  s.user_id = std::move(r.user_id);
  s.display_name = std::move(r.display_name);
  s.starts_at = r.starts_at;
  s.ends_at = r.ends_at;
  s.phone = std::move(r.phone);
  s.note = std::move(r.note);
  return s;
}

Result<std::optional<store::ProgramName>> FindProgram(store::Connection& conn,
                                                      const std::string& org_id,
                                                      const std::string& program_id) {
  CARECOORD_TRY(programs, store::OnCallRepository(conn).Programs(org_id));
  for (store::ProgramName& p : *programs) {
    if (p.id == program_id) return std::optional<store::ProgramName>(std::move(p));
  }
  return std::optional<store::ProgramName>();
}

// A program the actor may plan the rota of; denials audited.
Status AuthorizePlanning(core::UseCase& uc, const std::string& program_id, const Target& target) {
  CARECOORD_TRY(program, FindProgram(uc.conn(), uc.org(), program_id));
  if (!*program) return NoSuchProgram();
  if (!MayPlan(uc.ctx(), program_id)) {
    uc.AuditDenied(Action::kManageOnCall, target, "not a supervisor of program " + program_id);
    return Fail(ErrorCode::kPermissionDenied,
                "only supervisors of the program and administrators plan its on-call rota");
  }
  return {};
}

// The end of continuous coverage from `now`: shifts by start, each that begins no later than
// the coverage so far extends it (overlapping and back-to-back shifts alike).
std::optional<Instant> CoveredUntil(const std::vector<store::OnCallShiftRecord>& by_start,
                                    Instant now) {
  std::optional<Instant> until;
  for (const store::OnCallShiftRecord& s : by_start) {
    const Instant reach = until.value_or(now);
    if (s.starts_at > reach) break;
    if (s.ends_at > reach) until = s.ends_at;
  }
  return until;
}

}  // namespace

OnCallService::OnCallService(core::Runner& runner) : runner_(runner) {}

Result<std::vector<OnCallNow>> OnCallService::Now(Context& ctx) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadOnCall, {kShiftType, "", ""}));
  const Instant now = uc->now();
  store::OnCallRepository rota(uc->conn());
  CARECOORD_TRY(programs, rota.Programs(uc->org()));
  const bool all = SeesAllPrograms(ctx);
  std::vector<OnCallNow> out;
  for (const store::ProgramName& p : *programs) {
    if (!all && !HasRoleIn(ctx, p.id)) continue;
    // Every shift still to end, by start: shifts are at most 7 days long, so the rota ahead is
    // short, and following it as far as it goes gives the true end of continuous coverage.
    CARECOORD_TRY(shifts, rota.Overlapping(uc->org(), p.id, now, Instant::max()));
    OnCallNow entry;
    entry.program_id = p.id;
    entry.program_name = p.name;
    entry.covered_until = CoveredUntil(*shifts, now);
    for (store::OnCallShiftRecord& s : *shifts) {
      if (s.starts_at <= now && now < s.ends_at) entry.on_call.push_back(ToShift(std::move(s)));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

Result<OnCallRota> OnCallService::Rota(Context& ctx, const std::string& program_id, Instant from,
                                       Instant to) {
  const Target target{kShiftType, "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadOnCall, target));
  if (to <= from) return Fail(ErrorCode::kInvalidArgument, "to must be after from", "to");
  if (to - from > kMaxRotaRange) {
    return Fail(ErrorCode::kInvalidArgument, "to is more than 62 days after from", "to");
  }
  CARECOORD_TRY(program, FindProgram(uc->conn(), uc->org(), program_id));
  if (!*program) return NoSuchProgram();
  if (!SeesAllPrograms(ctx) && !HasRoleIn(ctx, program_id)) {
    uc->AuditDenied(Action::kReadOnCall, target, "no role in program " + program_id);
    return Fail(ErrorCode::kPermissionDenied, "you hold no role in this program");
  }
  CARECOORD_TRY(shifts,
                store::OnCallRepository(uc->conn()).Overlapping(uc->org(), program_id, from, to));
  OnCallRota rota;
  rota.program_id = program_id;
  rota.from = from;
  rota.to = to;
  // 001 §2 "24 hours, seven days a week": every stretch of [from, to) no shift covers.
  Instant covered = from;
  for (store::OnCallShiftRecord& s : *shifts) {
    if (s.starts_at > covered) rota.gaps.push_back({covered, s.starts_at});
    covered = std::max(covered, s.ends_at);
    rota.shifts.push_back(ToShift(std::move(s)));
  }
  if (covered < to) rota.gaps.push_back({covered, to});
  return rota;
}

Result<OnCallShift> OnCallService::AddShift(Context& ctx, const std::string& program_id,
                                            const NewShift& in) {
  const Target target{kShiftType, "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kManageOnCall, target));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_RETURN_IF_ERROR(AuthorizePlanning(*uc, program_id, target));
  if (in.ends_at <= in.starts_at) {
    return Fail(ErrorCode::kInvalidArgument, "ends_at must be after starts_at", "ends_at");
  }
  if (in.ends_at - in.starts_at > kMaxShift) {
    return Fail(ErrorCode::kInvalidArgument, "a shift is at most 7 days long", "ends_at");
  }
  // The rota is a record of who answered: a shift that is already over is not planned now.
  if (in.ends_at <= now) {
    return Fail(ErrorCode::kInvalidArgument, "ends_at is in the past", "ends_at");
  }
  if (in.phone.size() > kMaxPhoneBytes) {
    return Fail(ErrorCode::kInvalidArgument, "phone is longer than 40 bytes", "phone");
  }
  if (in.note.size() > kMaxNoteBytes) {
    return Fail(ErrorCode::kInvalidArgument, "note is longer than 500 bytes", "note");
  }
  bool holds = false;
  if (LooksLikeUuid(in.user_id)) {
    CARECOORD_TRY(h, store::OnCallRepository(uc->conn()).HoldsAnyRole(org, in.user_id, program_id));
    holds = *h;
  }
  if (!holds) {
    return Fail(ErrorCode::kInvalidArgument,
                "user_id is not an enabled user holding a role in this program", "user_id");
  }
  CARECOORD_TRY(created, uc->Create(kShiftType, [&]() -> Result<std::string> {
    store::OnCallShiftRecord s;
    s.org_id = org;
    s.id = NewId(now);
    s.program_id = program_id;
    s.user_id = in.user_id;
    s.starts_at = in.starts_at;
    s.ends_at = in.ends_at;
    s.phone = in.phone;
    s.note = in.note;
    s.created_by = ctx.actor.user_id.value;
    s.created_at = now;
    CARECOORD_RETURN_IF_ERROR(store::OnCallRepository(uc->conn()).Insert(s));
    uc->Audit(Action::kManageOnCall, {kShiftType, s.id, ""},
              "program " + program_id + ": " + s.user_id + " " + FormatRfc3339(s.starts_at) +
                  " – " + FormatRfc3339(s.ends_at));
    return s.id;
  }));
  CARECOORD_TRY(stored, store::OnCallRepository(uc->conn()).Find(org, created->id));
  if (!*stored) return NoSuchShift();
  if (created->replayed) {
    uc->Audit(Action::kManageOnCall, {kShiftType, created->id, ""}, "idempotent replay");
  }
  return ToShift(std::move(**stored));
}

Status OnCallService::RemoveShift(Context& ctx, const std::string& shift_id) {
  const Target target{kShiftType, shift_id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kManageOnCall, target));
  const std::string& org = uc->org();
  std::optional<store::OnCallShiftRecord> shift;
  if (LooksLikeUuid(shift_id)) {
    CARECOORD_TRY(found, store::OnCallRepository(uc->conn()).Find(org, shift_id));
    shift = std::move(*found);
  }
  if (!shift) return NoSuchShift();
  CARECOORD_RETURN_IF_ERROR(AuthorizePlanning(*uc, shift->program_id, target));
  if (shift->ends_at <= uc->now()) {
    return Fail(ErrorCode::kConflict,
                "this shift has ended; the rota keeps it as the record of who was on call");
  }
  return uc->Write([&]() -> Status {
    CARECOORD_TRY(deleted, store::OnCallRepository(uc->conn()).Delete(org, shift_id));
    if (!*deleted) return NoSuchShift();
    uc->Audit(Action::kManageOnCall, target,
              "removed: program " + shift->program_id + ", " + shift->user_id + " " +
                  FormatRfc3339(shift->starts_at) + " – " + FormatRfc3339(shift->ends_at));
    return {};
  });
}

}  // namespace carecoord::app
