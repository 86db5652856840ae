// SPDX-License-Identifier: Apache-2.0
// obligations rebuild: re-evaluates programs' obligations (docs/worklists.md "Materialised").
#include <fmt/core.h>

#include <chrono>
#include <memory>
#include <string>

#include "app/core/audit_log.h"
#include "app/core/obligation_engine.h"
#include "app/core/runner.h"
#include "app/services.h"
#include "cli/commands.h"
#include "cli/database_option.h"
#include "domain/audit_record.h"
#include "store/obligation_repository.h"

namespace carecoord::cli {
namespace {

struct RebuildArgs {
  std::string url;
  std::string program;  // id; empty: every program
  int threads = 0;
};

// The programs to rebuild: the one named, or all of every organization.
Result<std::vector<store::ProgramInfo>> ProgramsToRebuild(store::Database& db,
                                                          const std::string& program) {
  auto conn = db.Acquire();
  if (!conn) return std::unexpected(conn.error());
  auto all = store::ObligationRepository(**conn).AllPrograms();
  if (!all) return std::unexpected(all.error());
  if (program.empty()) return all;
  for (store::ProgramInfo& p : *all) {
    if (p.id == program || p.name == program) return std::vector<store::ProgramInfo>{p};
  }
  return Fail(ErrorCode::kNotFound, "no program with id or name '" + program + "'", "program");
}

int Rebuild(const RebuildArgs& args) {
  auto db = OpenMigratedOrReport(args.url);
  if (!db) return 1;
  app::SystemClock clock;
  app::core::Runner runner(*db, clock);
  app::Services services(runner);
  auto programs = ProgramsToRebuild(*db, args.program);
  if (!programs) {
    fmt::print(stderr, "carecoord: {}\n", programs.error().message);
    return 1;
  }
  std::int64_t episodes = 0;
  std::int64_t obligations = 0;
  const auto started = std::chrono::steady_clock::now();
  for (const store::ProgramInfo& p : *programs) {
    // The command line acts as an administrator of the program's organization (as `user add`
    // does), so the rebuild is authorized and audited like one requested over the API.
    app::Context ctx;
    ctx.actor.user_id = UserId{"cli"};
    ctx.actor.org_id = OrgId{p.org_id};
    ctx.actor.username = "carecoord cli";
    ctx.actor.roles = {{p.id, p.name, Role::kAdmin}};
    ctx.reason = "command line";
    auto report = services.obligations.Rebuild(ctx, p.id, args.threads);
    if (!report) {
      fmt::print(stderr, "carecoord: rebuilding {} failed: {}\n", p.name, report.error().message);
      return 1;
    }
    fmt::print("{}: {} episodes, {} obligations in {:.2f} s ({:.0f} episodes/s)\n", p.name,
               report->episodes, report->obligations, report->seconds,
               report->seconds > 0 ? static_cast<double>(report->episodes) / report->seconds : 0.0);
    episodes += report->episodes;
    obligations += report->obligations;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("episodes: {}\nobligations: {}\nseconds: {:.2f}\nepisodes/s: {:.0f}\n", episodes,
             obligations, seconds, seconds > 0 ? static_cast<double>(episodes) / seconds : 0.0);
  return 0;
}

}  // namespace

void AddObligationsCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("obligations", "Program obligations (policy engine output)");
  cmd->require_subcommand(1);
  auto* rebuild = cmd->add_subcommand(
      "rebuild",
      "Re-evaluate every episode of a program (or of all programs) and replace its "
      "stored obligations");
  auto args = std::make_shared<RebuildArgs>();
  AddDatabaseOption(*rebuild, args->url);
  rebuild->add_option("--program", args->program, "Program id or exact name (default: all)");
  rebuild
      ->add_option("--threads", args->threads,
                   "Reader/evaluator threads (default 0: one per hardware thread)")
      ->check(CLI::Range(0, 64));
  rebuild->callback([args, &exit_code] { exit_code = Rebuild(*args); });
}

}  // namespace carecoord::cli
