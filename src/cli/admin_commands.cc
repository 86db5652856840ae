// SPDX-License-Identifier: Apache-2.0
// migrate, demo, user add, audit verify.
#include <fmt/core.h>

#include <iostream>

#include "app/core/runner.h"
#include "app/services.h"
#include "cli/commands.h"
#include "cli/database_option.h"
#include "demo/demo.h"
#include "demo/population.h"
#include "store/migrations.h"

namespace carecoord::cli {
namespace {

// An actor for changes made from the command line by whoever runs it on the server: the CLI is
// an administrator's tool, and its changes are audited as the "cli" actor.
app::Context CliContext(const std::string& org_id) {
  app::Context ctx;
  ctx.actor.user_id = UserId{"cli"};
  ctx.actor.org_id = OrgId{org_id};
  ctx.actor.username = "carecoord cli";
  ctx.actor.roles = {{"", "", Role::kAdmin}};
  ctx.reason = "command line";
  return ctx;
}

}  // namespace

void AddMigrateCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("migrate", "Create or upgrade the database schema");
  auto url = std::make_shared<std::string>();
  AddDatabaseOption(*cmd, *url);
  cmd->callback([url, &exit_code] {
    auto db = OpenOrReport(*url);
    if (!db) {
      exit_code = 1;
      return;
    }
    auto applied = store::Migrate(*db);
    if (!applied) {
      fmt::print(stderr, "carecoord: migration failed: {}\n", applied.error().message);
      exit_code = 1;
      return;
    }
    fmt::print("migrations applied: {}\n", *applied);
  });
}

namespace {

// The synthetic population of `demo --participants N` (app/demo_population.h): loads it
// unless the organization already has participants, printing what was written and how long
// it took. False on failure (reported).
bool LoadPopulation(store::Database& db, const app::Clock& clock, app::AuditLog& audit,
                    std::int64_t participants, std::uint64_t seed) {
  demo::PopulationOptions options;
  options.participants = participants;
  options.seed = seed;
  if (participants >= 100'000) {
    options.progress = [participants](std::int64_t done) {
      fmt::print(stderr, "  {} of {} participants\n", done, participants);
    };
  }
  auto pop = demo::LoadDemoPopulation(db, clock, audit, options);
  if (!pop) {
    fmt::print(stderr, "carecoord: synthetic population failed: {}\n", pop.error().message);
    return false;
  }
  if (!pop->created) {
    fmt::print("\nThe demo organization already has {} participants; they were kept.\n",
               pop->existing_participants);
    return true;
  }
  std::int64_t total = 0;
  for (std::int64_t n : pop->rows) total += n;
  const double seconds = static_cast<double>(pop->elapsed.count()) / 1000.0;
  fmt::print(
      "\nSynthetic population: {} participants (seed {}) with {} care coordinators, {} peer "
      "support specialists and {} nurse care managers, in {:.1f} s ({:.0f} rows/s):\n",
      participants, seed, pop->coordinators, pop->peers, pop->nurses, seconds,
      seconds > 0 ? static_cast<double>(total) / seconds : 0.0);
  for (std::size_t t = 0; t < pop->rows.size(); ++t) {
    fmt::print("  {:<24} {:>12}\n",
               store::PopulationTableName(static_cast<store::PopulationTable>(t)), pop->rows[t]);
  }
  fmt::print("  {:<24} {:>12}\n", "total rows", total);
  return true;
}

}  // namespace

void AddDemoCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("demo", "Load the demo organization, program and users");
  auto url = std::make_shared<std::string>();
  auto password = std::make_shared<std::string>();
  auto participants = std::make_shared<std::int64_t>(0);
  auto seed = std::make_shared<std::uint64_t>(1);
  AddDatabaseOption(*cmd, *url);
  cmd->add_option("--demo-password", *password,
                  "Password for every demo user (default: a generated one each, printed once)")
      ->envname("CARECOORD_DEMO_PASSWORD");
  cmd->add_option("--participants", *participants,
                  "Also load a synthetic population of N participants with staff, episodes, "
                  "contacts and releases (default 0: none; kept when one exists)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
  cmd->add_option("--seed", *seed,
                  "Seed of the synthetic population: the same seed gives the same data "
                  "(default 1)");
  cmd->callback([url, password, participants, seed, &exit_code] {
    auto db = OpenMigratedOrReport(*url);
    if (!db) {
      exit_code = 1;
      return;
    }
    app::SystemClock clock;
    app::AuditLog audit(*db);
    auto result = demo::LoadDemo(*db, clock, audit, *password);
    if (!result) {
      fmt::print(stderr, "carecoord: demo failed: {}\n", result.error().message);
      exit_code = 1;
      return;
    }
    fmt::print("{} — {}\n", result->organization, result->program);
    if (!result->created) fmt::print("The demo was already loaded; it was kept.\n");
    fmt::print("\n  {:<12} {:<14} {:<20} {}\n", "username", "name", "role", "password");
    for (const auto& l : result->logins) {
      fmt::print("  {:<12} {:<14} {:<20} {}\n", l.username, l.display_name, l.role,
                 l.password.empty() ? "(unchanged)" : l.password);
    }
    fmt::print("\nPasswords are shown only now; they are stored only as argon2id hashes.\n");
    if (*participants > 0 && !LoadPopulation(*db, clock, audit, *participants, *seed)) {
      exit_code = 1;
    }
  });
}

void AddUserCommand(CLI::App& app, int& exit_code) {
  auto* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Create a user with one role in one program");
  struct Args {
    std::string url, username, display_name, role, program, organization;
    bool password_stdin = false;
  };
  auto args = std::make_shared<Args>();
  AddDatabaseOption(*add, args->url);
  add->add_option("--username", args->username, "Sign-in name")->required();
  add->add_option("--display-name", args->display_name, "Name shown to others (default: username)");
  add->add_option(
         "--role", args->role,
         "admin, supervisor, care_coordinator, peer_support, nurse_care_manager or auditor")
      ->required();
  add->add_option("--program", args->program, "Program id or exact name")->required();
  add->add_option("--organization", args->organization,
                  "Organization name (default: the only one)");
  add->add_flag("--password-stdin", args->password_stdin, "Read the password from standard input")
      ->required();
  add->callback([args, &exit_code] {
    std::string password;
    std::getline(std::cin, password);
    auto db = OpenMigratedOrReport(args->url);
    if (!db) {
      exit_code = 1;
      return;
    }
    app::SystemClock clock;
    app::core::Runner runner(*db, clock);
    app::Services services(runner);
    auto org = services.users.ResolveOrganization(args->organization);
    if (!org) {
      fmt::print(stderr, "carecoord: {}\n", org.error().message);
      exit_code = 1;
      return;
    }
    app::Context ctx = CliContext(*org);
    app::NewUser in{args->username,
                    args->display_name.empty() ? args->username : args->display_name,
                    password,
                    {{args->program, args->role}}};
    auto created = services.users.Create(ctx, in);
    if (!created) {
      fmt::print(stderr, "carecoord: {}{}\n",
                 created.error().field.empty() ? "" : created.error().field + ": ",
                 created.error().message);
      exit_code = created.error().code == ErrorCode::kInvalidArgument ? 2 : 1;
      return;
    }
    fmt::print("created user {} ({})\n", created->username, created->id);
  });
}

void AddAuditCommand(CLI::App& app, int& exit_code) {
  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check every organization's audit hash chain");
  auto url = std::make_shared<std::string>();
  AddDatabaseOption(*verify, *url);
  verify->callback([url, &exit_code] {
    auto db = OpenOrReport(*url);
    if (!db) {
      exit_code = 1;
      return;
    }
    auto v = app::VerifyAuditChains(*db);
    if (!v) {
      fmt::print(stderr, "carecoord: audit verify failed: {}\n", v.error().message);
      exit_code = 1;
      return;
    }
    if (v->intact) {
      fmt::print("audit chain intact: {} events\n", v->events_checked);
      return;
    }
    fmt::print("audit chain BROKEN at organization {} event seq {}: {}\n", v->broken_org_id,
               v->broken_seq, v->problem);
    exit_code = 1;
  });
}

}  // namespace carecoord::cli
