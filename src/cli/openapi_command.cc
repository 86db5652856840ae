// SPDX-License-Identifier: Apache-2.0
// openapi: prints the OpenAPI document GET /api/v1/openapi.json serves, so the web build can
// generate its API types without a running server (web/scripts/generate-api.mjs).
#include <fmt/core.h>

#include <cstdio>

#include "api/openapi.h"
#include "cli/commands.h"

namespace carecoord::cli {

void AddOpenApiCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("openapi", "Print the API's OpenAPI 3.1 document (JSON)");
  cmd->callback([&exit_code] {
    fmt::print("{}\n", api::OpenApiDocument());
    exit_code = std::fflush(stdout) == 0 && std::ferror(stdout) == 0 ? 0 : 1;
  });
}

}  // namespace carecoord::cli
