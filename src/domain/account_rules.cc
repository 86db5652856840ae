// SPDX-License-Identifier: Apache-2.0
#include "domain/account_rules.h"

namespace carecoord {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Counts UTF-8 code points; kInvalidArgument-worthy input (bad UTF-8) returns nullopt.
std::optional<std::size_t> CodePoints(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
    if (len == 0 || i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return std::nullopt;
    }
    i += len;
    ++count;
  }
  return count;
}

}  // namespace

Result<std::string> NormalizeUsername(std::string_view username, std::string_view field) {
  const std::string f(field);
  if (username.empty()) return Fail(ErrorCode::kInvalidArgument, f + " is required", f);
  if (username.size() < 3 || username.size() > 64) {
    return Fail(ErrorCode::kInvalidArgument, f + " must be 3 to 64 characters", f);
  }
  std::string out;
  out.reserve(username.size());
  for (char c : username) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Fail(ErrorCode::kInvalidArgument,
                  f + " may contain only letters, digits, '.', '_' and '-'", f);
    }
    out.push_back(c);
  }
  return out;
}

Result<std::string> ValidateDisplayName(std::string_view name, std::string_view field) {
  const std::string f(field);
  const std::string_view trimmed = Trim(name);
  if (trimmed.empty()) return Fail(ErrorCode::kInvalidArgument, f + " is required", f);
  if (trimmed.size() > 200) {
    return Fail(ErrorCode::kInvalidArgument, f + " must be at most 200 characters", f);
  }
  for (char c : trimmed) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return Fail(ErrorCode::kInvalidArgument, f + " must not contain control characters", f);
    }
  }
  if (!CodePoints(trimmed)) return Fail(ErrorCode::kInvalidArgument, f + " must be valid UTF-8", f);
  return std::string(trimmed);
}

Status ValidateNewPassword(std::string_view password, std::string_view field) {
  const std::string f(field);
  const auto n = CodePoints(password);
  if (!n) return Fail(ErrorCode::kInvalidArgument, f + " must be valid UTF-8", f);
  if (*n < 12) return Fail(ErrorCode::kInvalidArgument, f + " must be at least 12 characters", f);
  if (*n > 256) return Fail(ErrorCode::kInvalidArgument, f + " must be at most 256 characters", f);
  return {};
}

SessionState EvaluateSession(const SessionTimes& s, Instant now, const SessionPolicy& policy) {
  if (s.revoked) return SessionState::kRevoked;
  if (now >= s.absolute_expires) return SessionState::kAbsoluteExpired;
  if (now >= IdleExpiry(s.last_seen, policy)) return SessionState::kIdleExpired;
  return SessionState::kActive;
}

}  // namespace carecoord
