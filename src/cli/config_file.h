// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "domain/error.h"

namespace carecoord::cli {

// Applies a TOML configuration file to a parsed subcommand: each top-level key names one of its
// long options without the dashes (`port = 8080`, `web-root = "web/dist"`) and is used only when
// that option was given neither on the command line nor through its environment variable — so
// flags win over the environment, which wins over the file.
//
// Errors (kInvalidArgument): the file cannot be read or is not valid TOML (the message names the
// line and column), a key is not an option of the command, or a value is invalid for its option.
Status ApplyConfigFile(CLI::App& command, const std::string& path);

}  // namespace carecoord::cli
