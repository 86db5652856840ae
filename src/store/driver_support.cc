// SPDX-License-Identifier: Apache-2.0
#include "store/driver_support.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <system_error>
#include <thread>

namespace carecoord::store::internal {

std::optional<std::int64_t> ParseInt64(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> ParseDouble(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::string FormatDouble(double value) {
  std::array<char, 64> buffer{};
  auto [ptr, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  // 64 characters hold any shortest round-trip representation of a double.
  return ec == std::errc() ? std::string(buffer.data(), ptr) : std::string();
}

int DefaultPoolSize() {
  const unsigned threads = std::thread::hardware_concurrency();
  return std::max(4, static_cast<int>(2 * std::min(threads, 1024u)));
}

}  // namespace carecoord::store::internal
