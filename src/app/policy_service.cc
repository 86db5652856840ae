// SPDX-License-Identifier: Apache-2.0
#include "app/policy_service.h"

#include <algorithm>

#include "app/core/access.h"
#include "app/core/obligation_engine.h"
#include "app/core/runner.h"
#include "domain/ids.h"
#include "domain/policy_file.h"
#include "store/obligation_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxSourceBytes = 64 * 1024;
constexpr std::size_t kMaxNoteBytes = 1000;
constexpr char kNoProgram[] = "No such program, or you hold no role in it.";

bool SeesProgram(const Context& ctx, const std::string& program_id) {
  return std::ranges::any_of(ctx.actor.roles, [&](const auto& g) {
    return g.role == Role::kAdmin || g.role == Role::kAuditor || g.program_id == program_id;
  });
}

Status CheckSource(const std::string& source) {
  if (source.size() > kMaxSourceBytes) {
    return Fail(ErrorCode::kInvalidArgument, "source is longer than 64 KiB", "source");
  }
  return {};
}

// The program when the actor may see it; kNotFound (audited as denied) otherwise, so another
// organization's programs and ones the actor holds no role in look alike.
Result<store::ProgramInfo> VisibleProgram(core::UseCase& uc, Action action,
                                          const std::string& program_id) {
  std::optional<store::ProgramInfo> program;
  if (SeesProgram(uc.ctx(), program_id) && LooksLikeUuid(program_id)) {
    CARECOORD_TRY(found, store::ObligationRepository(uc.conn()).Program(uc.org(), program_id));
    program = std::move(*found);
  }
  if (!program) {
    uc.AuditDenied(action, {"policy", program_id, ""}, "no such program");
    return Fail(ErrorCode::kNotFound, kNoProgram);
  }
  return std::move(*program);
}

// The program's policy in force with its stored text (the default's for version 0).
Result<PolicyView> Load(store::Connection& conn, PolicyCache& cache,
                        const store::ProgramInfo& program) {
  CARECOORD_TRY(in_force, cache.InForce(conn, program.org_id, program.id));
  PolicyView v;
  v.program_id = program.id;
  v.program_name = program.name;
  v.time_zone = program.time_zone;
  v.version = in_force->version;
  v.policy = in_force->policy;
  if (in_force->version == 0) {
    v.source = std::string(DefaultPolicyText());
    return v;
  }
  auto stored =
      store::ObligationRepository(conn).GetPolicyVersion(program.org_id, program.id, v.version);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return Fail(ErrorCode::kInternal, "the policy in force vanished while read");
  v.source = std::move((*stored)->source);
  v.note = std::move((*stored)->note);
  v.changed_by_name =
      (*stored)->created_by_name.empty() ? (*stored)->created_by : (*stored)->created_by_name;
  v.changed_at = (*stored)->created_at;
  return v;
}

}  // namespace

PolicyService::PolicyService(core::Runner& runner, ObligationRefresher& refresher)
    : runner_(runner), refresher_(refresher) {}

Result<PolicyView> PolicyService::Get(Context& ctx, const std::string& program_id) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadPolicy, {"policy", program_id, ""}));
  CARECOORD_TRY(program, VisibleProgram(*uc, Action::kReadPolicy, program_id));
  return Load(uc->conn(), refresher_.policies(), *program);
}

Result<ReplacedPolicy> PolicyService::Replace(Context& ctx, const std::string& program_id,
                                              std::int64_t expected_version,
                                              const PolicyChange& change) {
  const Target target{"policy", program_id, ""};
  const std::string& org = ctx.actor.org_id.value;
  Instant now{};
  std::optional<store::ProgramInfo> program;
  std::int64_t stored_version = 0;
  {
    CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kChangePolicy, target));
    now = uc->now();
    CARECOORD_RETURN_IF_ERROR(CheckSource(change.source));
    if (change.note.size() > kMaxNoteBytes) {
      return Fail(ErrorCode::kInvalidArgument, "note is longer than 1000 bytes", "note");
    }
    // A malformed file is the caller's to fix: ParsePolicy's error names the line and key.
    CARECOORD_TRY(parsed, ParsePolicy(change.source));
    CARECOORD_TRY(visible, VisibleProgram(*uc, Action::kChangePolicy, program_id));
    program = std::move(*visible);
    CARECOORD_RETURN_IF_ERROR(uc->Write([&]() -> Status {
      store::ObligationRepository repo(uc->conn());
      CARECOORD_TRY(current, repo.PolicyVersionInForce(org, program_id));
      auto stale = [&](std::int64_t now_version) {
        return Fail(ErrorCode::kPreconditionFailed,
                    "the policy was changed by someone else (now version " +
                        std::to_string(now_version) + "); reload and try again",
                    "If-Match");
      };
      if (*current != expected_version) return stale(*current);
      store::PolicyVersionRecord record;
      record.org_id = org;
      record.program_id = program_id;
      record.version = *current + 1;
      record.source = change.source;
      record.note = change.note;
      record.created_by = ctx.actor.user_id.value;
      record.created_at = now;
      if (auto s = repo.InsertPolicyVersion(record); !s) {
        // Two administrators saving at once: the second finds the version taken.
        if (s.error().code == ErrorCode::kConflict) return stale(record.version);
        return s;
      }
      stored_version = record.version;
      uc->Audit(Action::kChangePolicy, target,
                "version " + std::to_string(record.version) +
                    (change.note.empty() ? "" : ": " + change.note));
      return {};
    }));
  }  // the use case ends here: the rebuild takes its own connections from the pool
  // The rebuild runs after the commit: it reads the new version in force on its own
  // connections, and a program's rebuild is many transactions, not one.
  // Batch work over the Database (a writer and parallel readers), so it takes runner_.db().
  auto rebuilt = RebuildProgramObligations(runner_.db(), refresher_.policies(), org, program_id,
                                           now, /*threads=*/0);
  if (!rebuilt) {
    Error e = rebuilt.error();
    e.message = "policy version " + std::to_string(stored_version) +
                " was saved, but rebuilding the program's obligations failed (" + e.message +
                "); run `carecoord obligations rebuild`";
    return std::unexpected(std::move(e));
  }
  // A second use case reads the result (the role was checked by the first).
  CARECOORD_TRY(uc, runner_.Open(ctx));
  CARECOORD_TRY(view, Load(uc->conn(), refresher_.policies(), *program));
  return ReplacedPolicy{std::move(*view), rebuilt->episodes};
}

Result<std::shared_ptr<const Policy>> PolicyService::Validate(Context& ctx,
                                                              const std::string& source) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kChangePolicy, {"policy", "", ""}));
  CARECOORD_RETURN_IF_ERROR(CheckSource(source));
  CARECOORD_TRY(parsed, ParsePolicy(source));
  return std::make_shared<const Policy>(std::move(*parsed));
}

}  // namespace carecoord::app
