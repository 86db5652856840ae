// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/core/context.h"
#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::app {

// DESIGN §4 "POSTs accept an idempotency key": a client that retries a create (a timeout, a
// dropped connection) must never double a contact. The key is claimed in the same transaction
// as the record it protects, so either both exist or neither does.

// The outcome of a create run under a key: the id of the record, and whether it was created
// by an earlier request with the same key (a replay: nothing was written now).
struct Created {
  std::string id;
  bool replayed = false;
};

// Runs `create` (a callable returning Result<std::string>, the new record's id) inside one
// transaction on `conn`, protected by ctx.idempotency_key:
//  - no key: just the transaction;
//  - a key this user used before for the same request (ctx.request_fingerprint): nothing runs,
//    the earlier record's id comes back with replayed = true;
//  - a key used for a different request: kConflict naming the Idempotency-Key header.
// Two concurrent requests with one key: one creates, the other replays (on PostgreSQL the
// loser's insert of the key fails; it is retried once and then finds the winner's record).
template <typename F>
Result<Created> CreateOnce(store::Connection& conn, const Context& ctx,
                           std::string_view resource_type, Instant now, F&& create);

namespace idempotency_detail {
// The id recorded for (actor, key), or nullopt; kConflict when it was recorded for another
// request or another kind of record.
Result<std::optional<std::string>> Find(store::Connection& conn, const Context& ctx,
                                        std::string_view resource_type);
Status Record(store::Connection& conn, const Context& ctx, std::string_view resource_type,
              const std::string& resource_id, Instant now);
}  // namespace idempotency_detail

template <typename F>
Result<Created> CreateOnce(store::Connection& conn, const Context& ctx,
                           std::string_view resource_type, Instant now, F&& create) {
  for (int attempt = 0;; ++attempt) {
    bool replayed = false;
    auto id = store::InTransaction(conn, [&]() -> Result<std::string> {
      if (!ctx.idempotency_key.empty()) {
        auto found = idempotency_detail::Find(conn, ctx, resource_type);
        if (!found) return std::unexpected(found.error());
        if (*found) {
          replayed = true;
          return **found;
        }
      }
      Result<std::string> made = create();
      if (!made || ctx.idempotency_key.empty()) return made;
      if (auto st = idempotency_detail::Record(conn, ctx, resource_type, *made, now); !st) {
        return std::unexpected(st.error());
      }
      return made;
    });
    if (id) return Created{std::move(*id), replayed};
    // A concurrent request with the same key may have committed first; look again, once.
    if (id.error().code == ErrorCode::kConflict && !ctx.idempotency_key.empty() && attempt == 0) {
      continue;
    }
    return std::unexpected(id.error());
  }
}

}  // namespace carecoord::app
