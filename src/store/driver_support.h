// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the SQLite and PostgreSQL drivers and by Row. Internal to store/.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace carecoord::store::internal {

// Statements kept prepared per connection. Queries come from embedded .sql files, so a
// connection normally holds far fewer; the bound only stops a caller that builds SQL text
// dynamically from growing the cache without limit (the cache is emptied when it is reached).
inline constexpr std::size_t kMaxCachedStatements = 512;

// Whole-string decimal parsing; nullopt when `text` is not exactly one number.
std::optional<std::int64_t> ParseInt64(std::string_view text);
std::optional<double> ParseDouble(std::string_view text);

// The shortest decimal text that parses back to exactly `value` ("nan", "inf", "-inf" for the
// non-finite values).
std::string FormatDouble(double value);

// The default pool size: 2 x hardware threads, at least 4.
int DefaultPoolSize();

// Transparent hash so a std::unordered_map keyed by std::string can be searched with a
// std::string_view without building a string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace carecoord::store::internal
