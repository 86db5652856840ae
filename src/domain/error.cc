// SPDX-License-Identifier: Apache-2.0
#include "domain/error.h"

namespace carecoord {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPreconditionFailed: return "precondition_failed";
    case ErrorCode::kPreconditionRequired: return "precondition_required";
    case ErrorCode::kLocked: return "locked";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace carecoord
