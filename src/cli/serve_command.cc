// SPDX-License-Identifier: Apache-2.0
// carecoord serve: configuration from flags, environment (CARECOORD_*) and an optional TOML
// file (--config), in that order of precedence.
#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <memory>
#include <string>

#include "api/api.h"
#include "app/core/obligation_schedule.h"
#include "app/core/runner.h"
#include "app/instrument_catalog.h"
#include "app/services.h"
#include "cli/commands.h"
#include "cli/config_file.h"
#include "cli/database_option.h"
#include "server/server.h"

namespace carecoord::cli {
namespace {

struct ServeArgs {
  std::string db_url;
  server::ServerConfig server;
  std::string port_file;
  std::string config_file;
  int idle_minutes = 30;
  int absolute_hours = 12;
  int obligations_hours = 24;  // 0: no scheduled rebuild (run `carecoord obligations rebuild`)
  std::string determination_tables;  // "" = none: assessors enter the level of care
};

void WritePortFile(const std::string& path, unsigned short port) {
  // Written to a temporary name and renamed, so a reader never sees a half-written file.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << port << "\n";
  }
  std::rename(tmp.c_str(), path.c_str());
}

int Serve(const ServeArgs& args) {
  // A licensed program's level-of-care tables are configuration: one that does not load stops
  // the server before it opens the database, naming the file, line and key (DESIGN §5).
  auto catalog = app::InstrumentCatalog::Load(args.determination_tables);
  if (!catalog) {
    fmt::print(stderr, "carecoord: {}\n", catalog.error().message);
    return 2;
  }
  auto db = OpenMigratedOrReport(args.db_url);
  if (!db) return 1;
  app::SystemClock clock;
  SessionPolicy policy;
  policy.idle_timeout = std::chrono::minutes(args.idle_minutes);
  policy.absolute_timeout = std::chrono::hours(args.absolute_hours);
  app::core::Runner runner(*db, clock);
  app::Services services(runner, policy, *catalog);
  // Rolls obligations forward past the policy's horizon for episodes nobody wrote to; the first
  // round a minute after start, so start-up and the first requests are not slowed.
  std::unique_ptr<app::ObligationSchedule> schedule;
  if (args.obligations_hours > 0) {
    schedule = std::make_unique<app::ObligationSchedule>(
        *db, clock, *services.policies, std::chrono::hours(args.obligations_hours),
        std::chrono::minutes(1), [](const std::string& message) { spdlog::info(message); });
  }
  api::Api api(services);
  auto server = server::Server::Create(args.server, api);
  if (!server) {
    fmt::print(stderr, "carecoord: cannot start the server: {}\n", server.error().message);
    return 1;
  }
  // Logged once the server has set up its log format.
  for (const Instrument& instrument : catalog->All()) {
    if (const DeterminationTable* table = catalog->TableFor(instrument.id)) {
      spdlog::info("determination table for {}: {}", instrument.id, table->name);
    }
  }
  if (!args.port_file.empty()) WritePortFile(args.port_file, (*server)->port());
  return server::RunUntilSignal(**server);
}

}  // namespace

void AddServeCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("serve", "Serve the API and the web app");
  auto args = std::make_shared<ServeArgs>();
  cmd->add_option(
         "--config", args->config_file,
         "TOML file with any of these options, e.g. port = 8080 (flags and environment win)")
      ->envname("CARECOORD_CONFIG")
      ->check(CLI::ExistingFile);
  // --db may come from the configuration file, so it is checked after the file is read.
  cmd->add_option("--db", args->db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("CARECOORD_DB");
  cmd->add_option("--port", args->server.port, "TCP port; 0 picks a free one")
      ->envname("CARECOORD_PORT")
      ->capture_default_str();
  cmd->add_option("--bind", args->server.bind_address, "Address to listen on")
      ->envname("CARECOORD_BIND")
      ->capture_default_str();
  cmd->add_option("--threads", args->server.threads, "I/O threads (0: one per core)")
      ->envname("CARECOORD_THREADS");
  cmd->add_option("--web-root", args->server.web_root, "Directory of the built web app")
      ->envname("CARECOORD_WEB_ROOT");
  cmd->add_option("--body-limit", args->server.body_limit, "Largest request body in bytes")
      ->envname("CARECOORD_BODY_LIMIT")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{64} << 20))
      ->capture_default_str();
  cmd->add_option("--tls-cert", args->server.tls_cert_file, "PEM certificate chain (enables TLS)")
      ->envname("CARECOORD_TLS_CERT");
  cmd->add_option("--tls-key", args->server.tls_key_file, "PEM private key")
      ->envname("CARECOORD_TLS_KEY");
  cmd->add_option("--session-idle-minutes", args->idle_minutes, "Sign out after this long idle")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  cmd->add_option("--session-absolute-hours", args->absolute_hours,
                  "Sign out after this long in all")
      ->check(CLI::Range(1, 7 * 24))
      ->capture_default_str();
  cmd->add_option("--obligations-hours", args->obligations_hours,
                  "Rebuild every program's obligations this often (0: never; then schedule "
                  "`carecoord obligations rebuild`)")
      ->envname("CARECOORD_OBLIGATIONS_HOURS")
      ->check(CLI::Range(0, 7 * 24))
      ->capture_default_str();
  cmd->add_option("--determination-tables", args->determination_tables,
                  "Directory of licensed level-of-care determination tables (*.toml, one per "
                  "instrument; docs/assessments.md); without one, assessors enter the level")
      ->envname("CARECOORD_DETERMINATION_TABLES");
  cmd->add_option("--port-file", args->port_file, "Write the bound port here once listening");
  cmd->callback([cmd, args, &exit_code] {
    if (!args->config_file.empty()) {
      if (auto st = ApplyConfigFile(*cmd, args->config_file); !st) {
        fmt::print(stderr, "carecoord: {}\n", st.error().message);
        exit_code = 2;
        return;
      }
    }
    if (args->db_url.empty()) {
      fmt::print(stderr,
                 "carecoord: --db is required (or CARECOORD_DB, or db in the config file)\n");
      exit_code = 2;
      return;
    }
    if (args->server.tls_cert_file.empty() != args->server.tls_key_file.empty()) {
      fmt::print(stderr, "carecoord: --tls-cert and --tls-key go together\n");
      exit_code = 2;
      return;
    }
    exit_code = Serve(*args);
  });
}

}  // namespace carecoord::cli
