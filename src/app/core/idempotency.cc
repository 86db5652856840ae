// SPDX-License-Identifier: Apache-2.0
#include "app/core/idempotency.h"

#include "store/access_repository.h"

namespace carecoord::app {

Status ValidateIdempotencyKey(std::string_view key) {
  if (key.size() > 200) {
    return Fail(ErrorCode::kInvalidArgument, "Idempotency-Key is longer than 200 characters",
                "Idempotency-Key");
  }
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) {
      return Fail(ErrorCode::kInvalidArgument,
                  "Idempotency-Key may hold only printable ASCII characters without spaces",
                  "Idempotency-Key");
    }
  }
  return {};
}

namespace idempotency_detail {

Result<std::optional<std::string>> Find(store::Connection& conn, const Context& ctx,
                                        std::string_view resource_type) {
  CARECOORD_TRY(found, store::IdempotencyRepository(conn).Find(
                           ctx.actor.org_id.value, ctx.actor.user_id.value, ctx.idempotency_key));
  if (!*found) return std::optional<std::string>();
  if ((*found)->fingerprint != ctx.request_fingerprint ||
      (*found)->resource_type != resource_type) {
    return Fail(ErrorCode::kConflict,
                "this Idempotency-Key was already used for a different request; send a new key "
                "for a new request",
                "Idempotency-Key");
  }
  return std::optional<std::string>((*found)->resource_id);
}

Status Record(store::Connection& conn, const Context& ctx, std::string_view resource_type,
              const std::string& resource_id, Instant now) {
  return store::IdempotencyRepository(conn).Insert(
      ctx.actor.org_id.value, ctx.actor.user_id.value, ctx.idempotency_key,
      {ctx.request_fingerprint, std::string(resource_type), resource_id}, now);
}

}  // namespace idempotency_detail
}  // namespace carecoord::app
