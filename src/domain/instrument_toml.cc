// SPDX-License-Identifier: Apache-2.0
#include "domain/instrument_toml.h"

#include <algorithm>
#include <utility>

namespace carecoord::instrument_toml {

std::unexpected<Error> Problem(std::uint32_t line, std::string_view where, std::string_view key,
                               std::string_view what) {
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.field = "source";
  e.message = "line " + std::to_string(line);
  if (!where.empty()) e.message += ", " + std::string(where);
  if (!key.empty()) e.message += ", key '" + std::string(key) + "'";
  e.message += ": " + std::string(what);
  e.members.push_back({"line", std::to_string(line)});
  e.members.push_back({"key", std::string(key)});
  return std::unexpected(std::move(e));
}

std::uint32_t LineOf(const toml::node& node) {
  return node.source().begin.line;
}

Status CheckKeys(const toml::table& table, std::span<const std::string_view> allowed,
                 std::string_view where) {
  const toml::key* first = nullptr;
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    if (first == nullptr || key.source().begin.line < first->source().begin.line) first = &key;
  }
  if (first == nullptr) return {};
  std::string expected;
  for (std::string_view a : allowed) {
    if (!expected.empty()) expected += ", ";
    expected += a;
  }
  return Problem(first->source().begin.line, where, first->str(),
                 "unknown key; expected one of " + expected);
}

bool IsId(std::string_view id) {
  if (id.empty() || id.size() > 40 || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Status ReadInt(const toml::table& table, std::string_view key, bool required,
               std::uint32_t table_line, int lo, int hi, int& out, std::string_view where) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) return Problem(table_line, where, key, "missing");
    return {};
  }
  if (!node->is_integer()) return Problem(LineOf(*node), where, key, "must be a whole number");
  const std::int64_t v = node->as_integer()->get();
  if (v < lo || v > hi) {
    return Problem(LineOf(*node), where, key,
                   "must be " + std::to_string(lo) + "–" + std::to_string(hi));
  }
  out = static_cast<int>(v);
  return {};
}

Status ReadBool(const toml::table& table, std::string_view key, bool& out, std::string_view where) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  if (!node->is_boolean()) return Problem(LineOf(*node), where, key, "must be true or false");
  out = node->as_boolean()->get();
  return {};
}

Status ReadString(const toml::table& table, std::string_view key, bool required,
                  std::uint32_t table_line, std::size_t max_bytes, std::string& out,
                  std::string_view where) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) return Problem(table_line, where, key, "missing");
    return {};
  }
  if (!node->is_string()) return Problem(LineOf(*node), where, key, "must be a string");
  out = node->as_string()->get();
  if (required && out.empty()) return Problem(LineOf(*node), where, key, "must not be empty");
  if (out.size() > max_bytes) {
    return Problem(LineOf(*node), where, key, "at most " + std::to_string(max_bytes) + " bytes");
  }
  return {};
}

Status ReadId(const toml::table& table, std::string_view key, std::uint32_t table_line,
              std::string& out, std::string_view where) {
  if (auto st = ReadString(table, key, true, table_line, 1000, out, where); !st) return st;
  if (!IsId(out)) {
    return Problem(LineOf(*table.get(key)), where, key,
                   "'" + out.substr(0, 40) +
                       "' is not an id: a lower-case letter, then up to 39 lower-case letters, "
                       "digits or '_'");
  }
  return {};
}

Result<std::vector<const toml::table*>> TablesOf(const toml::table& table, std::string_view key,
                                                 std::string_view where) {
  std::vector<const toml::table*> out;
  const toml::node* node = table.get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    return Problem(LineOf(*node), where, key, "must be [[" + std::string(key) + "]] tables");
  }
  for (const toml::node& item : *array) out.push_back(item.as_table());
  return out;
}

Result<toml::table> ParseText(std::string_view text) {
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& e) {
    return Problem(e.source().begin.line, "", "", e.description());
  }
}

std::string Join(std::span<const std::string> items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace carecoord::instrument_toml
