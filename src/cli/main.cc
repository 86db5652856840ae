// SPDX-License-Identifier: Apache-2.0
// carecoord: one binary, subcommands serve | migrate | demo | user | audit | obligations | openapi.
#include <spdlog/spdlog.h>

#include <memory>

#include "cli/commands.h"
#include "server/log_sink.h"

int main(int argc, char** argv) {
  // Logs are JSON lines on stderr; each message is a complete JSON object. The sink buffers, so
  // the access log does not cost a write per request.
  auto logger =
      std::make_shared<spdlog::logger>("carecoord", carecoord::server::MakeBufferedStderrSink());
  logger->set_pattern("%v");
  spdlog::set_default_logger(logger);
  CLI::App app{"carecoord — care coordination server"};
  app.require_subcommand(1);
  int exit_code = 0;
  carecoord::cli::AddServeCommand(app, exit_code);
  carecoord::cli::AddMigrateCommand(app, exit_code);
  carecoord::cli::AddDemoCommand(app, exit_code);
  carecoord::cli::AddUserCommand(app, exit_code);
  carecoord::cli::AddAuditCommand(app, exit_code);
  carecoord::cli::AddObligationsCommand(app, exit_code);
  carecoord::cli::AddOpenApiCommand(app, exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
