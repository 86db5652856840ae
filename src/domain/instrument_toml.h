// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reading instrument definitions and determination tables (instrument_file.cc,
// determination_table.cc): the TOML helpers both share, so their errors read alike. Internal to
// the domain library: include only from those two files (toml++ stays out of public headers).

#include <toml++/toml.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace carecoord::instrument_toml {

// Every problem reads "line N, <where>, key 'k': what" ("line 14, item 'q9', key 'options':
// values must be distinct") so the author finds it, and carries members `line` and `key` as
// policy files do (docs/assessments.md "Instrument files"). `where` is "" at the top level.
std::unexpected<Error> Problem(std::uint32_t line, std::string_view where, std::string_view key,
                               std::string_view what);

std::uint32_t LineOf(const toml::node& node);

// Unknown keys are errors: a misspelt key must not silently change nothing. The first one in the
// file is reported.
Status CheckKeys(const toml::table& table, std::span<const std::string_view> allowed,
                 std::string_view where);

// [a-z][a-z0-9_]{0,39}
bool IsId(std::string_view id);

// An optional whole number within [lo, hi]; `out` keeps its value when absent. A required one
// that is missing is reported at `table_line`.
Status ReadInt(const toml::table& table, std::string_view key, bool required,
               std::uint32_t table_line, int lo, int hi, int& out, std::string_view where);

Status ReadBool(const toml::table& table, std::string_view key, bool& out, std::string_view where);

// A string of at most `max_bytes`; a required one must be present and not empty.
Status ReadString(const toml::table& table, std::string_view key, bool required,
                  std::uint32_t table_line, std::size_t max_bytes, std::string& out,
                  std::string_view where);

// A required id ([a-z][a-z0-9_]{0,39}).
Status ReadId(const toml::table& table, std::string_view key, std::uint32_t table_line,
              std::string& out, std::string_view where);

// The tables of `key` ([[key]] or an array of inline tables); empty when absent.
Result<std::vector<const toml::table*>> TablesOf(const toml::table& table, std::string_view key,
                                                 std::string_view where);

// Parses TOML text; a syntax error names its line.
Result<toml::table> ParseText(std::string_view text);

// "a, b, c"
std::string Join(std::span<const std::string> items);

}  // namespace carecoord::instrument_toml
