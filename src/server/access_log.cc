// SPDX-License-Identifier: Apache-2.0
#include "server/access_log.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <charconv>
#include <cmath>
#include <ctime>

#include "server/json_escape.h"

namespace carecoord::server {
namespace {

// Longer paths are cut so one hostile request cannot produce a 16 KiB log line.
constexpr std::size_t kMaxLoggedPath = 1024;

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

spdlog::level::level_enum SpdlogLevel(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return spdlog::level::debug;
    case LogLevel::kInfo: return spdlog::level::info;
    case LogLevel::kWarn: return spdlog::level::warn;
    case LogLevel::kError: return spdlog::level::err;
  }
  return spdlog::level::info;
}

// RFC 3339 UTC with milliseconds. The date-and-seconds prefix is cached per thread: under load
// thousands of lines share one second, and gmtime_r is the expensive part.
void AppendTimestamp(std::string& out, std::chrono::system_clock::time_point now) {
  const auto ms_total =
      std::chrono::floor<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::int64_t seconds = ms_total >= 0 ? ms_total / 1000 : (ms_total - 999) / 1000;
  const auto ms = static_cast<int>(ms_total - seconds * 1000);
  thread_local std::int64_t cached_seconds = -1;
  thread_local char prefix[32] = {};
  if (seconds != cached_seconds) {
    const auto t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    fmt::format_to_n(prefix, sizeof(prefix) - 1, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                     tm.tm_sec);
    cached_seconds = seconds;
  }
  out.append(R"("ts":")");
  out.append(prefix);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + ms / 100));
  out.push_back(static_cast<char>('0' + ms / 10 % 10));
  out.push_back(static_cast<char>('0' + ms % 10));
  out.append(R"(Z")");
}

void BeginLine(std::string& out, std::chrono::system_clock::time_point now, LogLevel level,
               std::string_view msg) {
  out.push_back('{');
  AppendTimestamp(out, now);
  out.append(R"(,"level":")");
  out.append(LevelName(level));
  out.append(R"(","msg":)");
  AppendJsonString(out, msg);
}

void AppendNumber(std::string& out, std::int64_t value) {
  std::array<char, 24> digits;
  const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  out.append(digits.data(), result.ptr);
}

// Milliseconds with three decimals (microsecond resolution), without a trip through fmt.
void AppendMilliseconds(std::string& out, double ms) {
  if (!(ms >= 0) || ms > 1e12) ms = 0;
  const auto micros = static_cast<std::int64_t>(std::llround(ms * 1000));
  AppendNumber(out, micros / 1000);
  const auto frac = static_cast<int>(micros % 1000);
  out.push_back('.');
  out.push_back(static_cast<char>('0' + frac / 100));
  out.push_back(static_cast<char>('0' + frac / 10 % 10));
  out.push_back(static_cast<char>('0' + frac % 10));
}

// Reused per thread so a log line costs no allocation once warmed up.
std::string& ScratchLine() {
  thread_local std::string line;
  line.clear();
  return line;
}

}  // namespace

void LogField::AppendTo(std::string& out) const {
  AppendJsonString(out, key_);
  out.push_back(':');
  switch (kind_) {
    case Kind::kString: AppendJsonString(out, text_); break;
    case Kind::kNumber: AppendNumber(out, number_); break;
    case Kind::kBool: out.append(number_ != 0 ? "true" : "false"); break;
  }
}

void FormatRequestLine(std::string& out, std::chrono::system_clock::time_point now,
                       const RequestLogEntry& entry) {
  BeginLine(out, now, LogLevel::kInfo, "request");
  out.append(R"(,"method":)");
  AppendJsonString(out, entry.method);
  out.append(R"(,"path":)");
  AppendJsonString(out, entry.path.substr(0, kMaxLoggedPath));
  out.append(R"(,"status":)");
  AppendNumber(out, entry.status);
  out.append(R"(,"bytes":)");
  AppendNumber(out, static_cast<std::int64_t>(entry.bytes));
  out.append(R"(,"duration_ms":)");
  AppendMilliseconds(out, entry.duration_ms);
  out.append(R"(,"remote":)");
  AppendJsonString(out, entry.remote);
  out.push_back('}');
}

void LogRequest(const RequestLogEntry& entry) {
  spdlog::logger* logger = spdlog::default_logger_raw();
  if (!logger->should_log(spdlog::level::info)) return;
  std::string& line = ScratchLine();
  FormatRequestLine(line, std::chrono::system_clock::now(), entry);
  logger->log(spdlog::level::info, spdlog::string_view_t(line.data(), line.size()));
}

void FormatEventLine(std::string& out, std::chrono::system_clock::time_point now, LogLevel level,
                     std::string_view msg, std::initializer_list<LogField> fields) {
  BeginLine(out, now, level, msg);
  for (const LogField& field : fields) {
    out.push_back(',');
    field.AppendTo(out);
  }
  out.push_back('}');
}

void LogEvent(LogLevel level, std::string_view msg, std::initializer_list<LogField> fields) {
  spdlog::logger* logger = spdlog::default_logger_raw();
  const auto spd_level = SpdlogLevel(level);
  if (!logger->should_log(spd_level)) return;
  std::string& line = ScratchLine();
  FormatEventLine(line, std::chrono::system_clock::now(), level, msg, fields);
  logger->log(spd_level, spdlog::string_view_t(line.data(), line.size()));
}

void FlushLog() {
  spdlog::default_logger_raw()->flush();
}

}  // namespace carecoord::server
