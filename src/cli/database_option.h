// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "store/database.h"

namespace carecoord::cli {

// Adds the --db option (env CARECOORD_DB) every subcommand shares.
void AddDatabaseOption(CLI::App& command, std::string& url);

// Opens the database or prints a clear message to stderr and returns null.
std::unique_ptr<store::Database> OpenOrReport(const std::string& url);

// Opens and migrates; null (message printed) on failure.
std::unique_ptr<store::Database> OpenMigratedOrReport(const std::string& url);

}  // namespace carecoord::cli
