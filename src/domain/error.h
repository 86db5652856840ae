// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace carecoord {

// The closed set of failure kinds every layer speaks. api/problem.cc holds the one table that
// maps them to HTTP statuses. kUnauthenticated (no or expired session) and kLocked (account
// locked after repeated failed sign-ins) are distinct from kPermissionDenied because clients
// must react to them differently: sign in again, or wait for an administrator.
enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kConflict,
  kPreconditionFailed,
  kPreconditionRequired,
  kLocked,
  kUnavailable,
  kInternal,
};

// An error as a value. `message` is safe to show to the caller (never contains secrets or
// personal data); `field` names the offending input field when there is one.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {}) {
  return std::unexpected(Error{code, std::move(message), std::move(field)});
}

// Short, stable names ("invalid_argument", ...) used in problem types and logs.
const char* ErrorCodeName(ErrorCode code);

}  // namespace carecoord
