// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/core/access.h"
#include "app/core/audit_log.h"
#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/idempotency.h"
#include "app/core/participant_access.h"
#include "domain/audit_record.h"
#include "domain/error.h"
#include "store/database.h"

namespace carecoord::app::core {

class Runner;

// One use case in progress, handed out by Runner::Begin: the only way its body reaches the
// database and the audit log (docs/architecture.md "The one way through"). Begin has checked
// the actor's role; the use case checks the relationship to the participant with
// RequireParticipant, does its reads on conn(), and its writes inside Write or Create, which
// append the use case's audit events in the same transaction. Every allowed access is recorded
// with Audit: inside a Write or Create it commits with the write, outside one it is a read
// event made durable before the response leaves (api: Services::CommitReads). Denials are
// audited where they are decided. One per call; not thread-safe; must not outlive the Runner.
class UseCase {
 public:
  UseCase(UseCase&&) noexcept = default;
  UseCase& operator=(UseCase&&) = delete;
  UseCase(const UseCase&) = delete;
  UseCase& operator=(const UseCase&) = delete;

  Context& ctx() { return ctx_; }
  // The clock read once when the use case began: every event and row it writes carries it.
  Instant now() const { return now_; }
  const std::string& org() const { return ctx_.actor.org_id.value; }
  // Inside Write/Create, the transaction's connection.
  store::Connection& conn() { return *conn_; }

  // The relationship check for a participant's record (app/core/participant_access.h): kNotFound
  // when the actor may not see the participant, audited as denied.
  Result<Relationship> RequireParticipant(Action action, const Target& target) {
    return AuthorizeParticipant(ctx_, *conn_, action, target, now_);
  }

  // Records the allowed event of this use case (see the class comment for when it commits).
  void Audit(Action action, const Target& target, std::string reason = {}) {
    AuditRecord event =
        MakeAuditEvent(ctx_, action, target, AuditOutcome::kAllowed, std::move(reason), now_);
    (in_write_ ? pending_ : ctx_.read_events).push_back(std::move(event));
  }
  // Records a refusal decided by the use case itself (the write, if any, rolls back).
  void AuditDenied(Action action, const Target& target, std::string reason) {
    ctx_.read_events.push_back(
        MakeAuditEvent(ctx_, action, target, AuditOutcome::kDenied, std::move(reason), now_));
  }

  // Runs `body` (returning Status or Result<T>) in one transaction on conn(): commits when it
  // succeeds and the events it recorded with Audit are appended, rolls back otherwise.
  template <typename F>
  auto Write(F&& body) -> decltype(body());

  // Write protected by ctx's Idempotency-Key (app/core/idempotency.h): `body` returns the new
  // record's id; a retry of the same request runs no body and returns the first one's id with
  // replayed = true; a key reused for another request is kConflict.
  template <typename F>
  Result<Created> Create(std::string_view resource_type, F&& body);

 private:
  friend class Runner;
  UseCase(Runner& runner, Context& ctx, Instant now, store::PooledConnection conn)
      : runner_(&runner), ctx_(ctx), now_(now), conn_(std::move(conn)) {}
  Status AppendPending();

  Runner* runner_;
  Context& ctx_;
  Instant now_;
  store::PooledConnection conn_;
  bool in_write_ = false;
  std::vector<AuditRecord> pending_;  // events of the write in progress
};

// The use-case runner: owns the audit writer and lends the database to use cases, never to
// the layers above app, which see only app/core/forward.h. Thread-safe; outlives every service.
class Runner {
 public:
  Runner(store::Database& db, const Clock& clock) : db_(db), clock_(clock), audit_(db) {}
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Starts a use case: the role check for `action` (a refusal is audited as denied and is
  // kPermissionDenied), then a connection (kUnavailable when none frees up in time).
  Result<UseCase> Begin(Context& ctx, Action action, const Target& target);
  // Starts a use case whose first check is the relationship to a participant (RequireParticipant
  // includes the role check) or that decides access itself (sign-in).
  Result<UseCase> Open(Context& ctx);

  const Clock& clock() const { return clock_; }
  AuditLog& audit() { return audit_; }
  // For work outside a request: start-up, the nightly rebuild, health checks, the CLI.
  store::Database& db() { return db_; }

 private:
  store::Database& db_;
  const Clock& clock_;
  AuditLog audit_;
};

inline Result<UseCase> Runner::Begin(Context& ctx, Action action, const Target& target) {
  const Instant now = clock_.Now();
  CARECOORD_RETURN_IF_ERROR(Authorize(ctx, action, target, now));
  CARECOORD_TRY(conn, db_.Acquire());
  return UseCase(*this, ctx, now, std::move(*conn));
}

inline Result<UseCase> Runner::Open(Context& ctx) {
  const Instant now = clock_.Now();
  CARECOORD_TRY(conn, db_.Acquire());
  return UseCase(*this, ctx, now, std::move(*conn));
}

inline Status UseCase::AppendPending() {
  if (pending_.empty()) return {};
  return runner_->audit().AppendInTransaction(*conn_, pending_);
}

template <typename F>
auto UseCase::Write(F&& body) -> decltype(body()) {
  in_write_ = true;
  pending_.clear();
  auto result = store::InTransaction(*conn_, [&]() -> decltype(body()) {
    auto out = body();
    if (!out) return out;
    CARECOORD_RETURN_IF_ERROR(AppendPending());
    return out;
  });
  in_write_ = false;
  pending_.clear();
  return result;
}

template <typename F>
Result<Created> UseCase::Create(std::string_view resource_type, F&& body) {
  in_write_ = true;
  pending_.clear();
  auto created = CreateOnce(*conn_, ctx_, resource_type, now_, [&]() -> Result<std::string> {
    pending_.clear();  // a retried attempt starts over
    CARECOORD_TRY(id, body());
    CARECOORD_RETURN_IF_ERROR(AppendPending());
    return std::move(*id);
  });
  in_write_ = false;
  pending_.clear();
  return created;
}

}  // namespace carecoord::app::core
