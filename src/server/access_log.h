// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

// Structured JSON log lines written through spdlog's default logger. The CLI sets spdlog's
// pattern to "%v", so every message here is one complete JSON object on its own line:
//   {"ts":"2026-11-22T21:30:00.123Z","level":"info","msg":"request",...}
// Request lines carry the path only, never the query string, headers, cookies or bodies: those
// may hold personal data or secrets.
namespace carecoord::server {

// One finished request, as the access log records it.
struct RequestLogEntry {
  std::string_view method{};
  std::string_view path{};  // without the query string; the caller strips it
  int status = 0;
  std::size_t bytes = 0;  // body bytes sent
  double duration_ms = 0;
  std::string_view remote{};
};

// Appends the access-log line for `entry` at `now` to `out` (no trailing newline).
void FormatRequestLine(std::string& out, std::chrono::system_clock::time_point now,
                       const RequestLogEntry& entry);

// Logs `entry` at info level. Thread-safe; costs nothing beyond a level check when info is off.
void LogRequest(const RequestLogEntry& entry);

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// One extra key/value on an event line. Keys are trusted literals; string values are escaped.
class LogField {
 public:
  LogField(std::string_view key, std::string_view value)
      : key_(key), kind_(Kind::kString), text_(value) {}
  LogField(std::string_view key, const char* value) : LogField(key, std::string_view(value)) {}
  LogField(std::string_view key, const std::string& value)
      : LogField(key, std::string_view(value)) {}
  LogField(std::string_view key, bool value)
      : key_(key), kind_(Kind::kBool), number_(value ? 1 : 0) {}
  template <std::integral T>
  requires(!std::same_as<T, bool>) LogField(std::string_view key, T value)
      : key_(key), kind_(Kind::kNumber), number_(static_cast<std::int64_t>(value)) {}

  // Appends `"key":value` to `out`.
  void AppendTo(std::string& out) const;

 private:
  enum class Kind { kString, kNumber, kBool };
  std::string_view key_;
  Kind kind_;
  std::string_view text_;
  std::int64_t number_ = 0;
};

// Appends an event line {"ts","level","msg",fields...} for `now` to `out`.
void FormatEventLine(std::string& out, std::chrono::system_clock::time_point now, LogLevel level,
                     std::string_view msg, std::initializer_list<LogField> fields);

// Logs an event line ("listening", "shutdown", failures). Thread-safe.
void LogEvent(LogLevel level, std::string_view msg, std::initializer_list<LogField> fields = {});

// Flushes spdlog's default logger (used after the "shutdown" line, so it is not left in a
// buffered sink).
void FlushLog();

}  // namespace carecoord::server
