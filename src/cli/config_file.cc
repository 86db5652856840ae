// SPDX-License-Identifier: Apache-2.0
#include "cli/config_file.h"

#include <toml++/toml.h>

#include <sstream>

namespace carecoord::cli {
namespace {

std::string Where(const std::string& path, const toml::source_region& region) {
  return path + ":" + std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
}

// A scalar TOML value as the text CLI11 would have received on the command line.
bool AsOptionText(const toml::node& node, std::string& out) {
  if (auto s = node.value<std::string>()) {
    out = *s;
  } else if (auto i = node.value<std::int64_t>(); i && node.is_integer()) {
    out = std::to_string(*i);
  } else if (auto b = node.value<bool>(); b && node.is_boolean()) {
    out = *b ? "true" : "false";
  } else {
    return false;
  }
  return true;
}

}  // namespace

Status ApplyConfigFile(CLI::App& command, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Fail(ErrorCode::kInvalidArgument,
                Where(path, e.source()) + ": " + std::string(e.description()), "config");
  }
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const std::string where = Where(path, node.source());
    CLI::Option* option = command.get_option_no_throw("--" + name);
    if (option == nullptr || name == "config") {
      return Fail(ErrorCode::kInvalidArgument, where + ": unknown setting '" + name + "'",
                  "config");
    }
    std::string text;
    if (!AsOptionText(node, text)) {
      return Fail(ErrorCode::kInvalidArgument,
                  where + ": '" + name + "' must be a string, whole number or true/false",
                  "config");
    }
    if (option->count() > 0) continue;  // given as a flag or through the environment
    try {
      option->add_result(text);
      option->run_callback();
    } catch (const CLI::Error& e) {
      return Fail(ErrorCode::kInvalidArgument, where + ": " + name + ": " + e.what(), "config");
    }
  }
  return {};
}

}  // namespace carecoord::cli
