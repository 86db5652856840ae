// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <CLI/CLI.hpp>

// Each subcommand registers its options on the CLI11 app and runs when chosen. The run
// functions return the process exit code.
namespace carecoord::cli {

void AddServeCommand(CLI::App& app, int& exit_code);
void AddMigrateCommand(CLI::App& app, int& exit_code);
void AddDemoCommand(CLI::App& app, int& exit_code);
void AddUserCommand(CLI::App& app, int& exit_code);
void AddAuditCommand(CLI::App& app, int& exit_code);
void AddObligationsCommand(CLI::App& app, int& exit_code);
void AddOpenApiCommand(CLI::App& app, int& exit_code);

}  // namespace carecoord::cli
