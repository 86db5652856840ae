// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <expected>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
// A named member of an error's detail object: one string or a list of strings.
struct ErrorMember {
  std::string name;
  std::variant<std::string, std::vector<std::string>> value;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;
  // A more specific problem type than the code's ("release-required"), and an object the client
  // can act on (`missing`: what a release would have to cover), both empty for most errors.
  std::string type;
  std::string object_name;
  std::vector<ErrorMember> members;
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {}) {
  Error error;
  error.code = code;
  error.message = std::move(message);
  error.field = std::move(field);
  return std::unexpected(std::move(error));
}

// Short, stable names ("invalid_argument", ...) used in problem types and logs.
const char* ErrorCodeName(ErrorCode code);

}  // namespace carecoord

// Passing an error up (DESIGN §5 "Errors are values"), in a function that returns a Result or a
// Status. CARECOORD_TRY(x, expr) declares `auto x = expr;` and returns x's error when it holds
// one; x stays a Result, read with * and ->. CARECOORD_RETURN_IF_ERROR(expr) returns the error of
// a Status or Result that failed and drops its value otherwise. Macros because C++ has no `?`:
// each replaces the same two lines written by hand.
#define CARECOORD_TRY(var, ...) \
  auto var = (__VA_ARGS__);     \
  if (!var) return std::unexpected(std::move(var).error())

#define CARECOORD_RETURN_IF_ERROR(...) \
  CARECOORD_RETURN_IF_ERROR_AS(CARECOORD_CONCAT(carecoord_status_, __COUNTER__), __VA_ARGS__)

// The status's name is unique per use (__COUNTER__), so a use inside the argument of another,
// e.g. in the body of a lambda passed to it, shadows nothing.
#define CARECOORD_RETURN_IF_ERROR_AS(status, ...)        \
  do {                                                   \
    if (auto status = (__VA_ARGS__); !status) {          \
      return std::unexpected(std::move(status).error()); \
    }                                                    \
  } while (false)
#define CARECOORD_CONCAT(a, b) CARECOORD_CONCAT_INNER(a, b)
#define CARECOORD_CONCAT_INNER(a, b) a##b
