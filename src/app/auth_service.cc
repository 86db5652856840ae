// SPDX-License-Identifier: Apache-2.0
#include "app/auth_service.h"

#include "app/core/runner.h"

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "store/session_repository.h"
#include "store/user_repository.h"

namespace carecoord::app {
namespace {

constexpr char kWrongCredentials[] = "Incorrect username or password.";
constexpr char kLockedMessage[] =
    "This account is locked after 5 failed sign-ins in a row. An administrator must unlock it.";
constexpr char kSessionInvalid[] =
    "Your session has expired or is not valid. Please sign in again.";

Context SystemContextFor(const UserRecord& user) {
  Context ctx;
  ctx.actor.user_id = UserId{user.id};
  ctx.actor.org_id = OrgId{user.org_id};
  ctx.actor.username = user.username;
  ctx.actor.roles = user.roles;
  return ctx;
}

}  // namespace

AuthService::AuthService(core::Runner& runner, SessionPolicy policy)
    : runner_(runner), policy_(policy) {
  dummy_hash_ = HashPassword("carecoord-timing-equaliser").value_or("");
}

Result<SignInResult> AuthService::SignIn(std::string_view username_in, std::string_view password) {
  if (username_in.empty())
    return Fail(ErrorCode::kInvalidArgument, "username is required", "username");
  if (password.empty())
    return Fail(ErrorCode::kInvalidArgument, "password is required", "password");
  if (password.size() > 1024) {
    return Fail(ErrorCode::kInvalidArgument, "password is too long", "password");
  }
  auto username = NormalizeUsername(username_in);
  if (!username) return Fail(ErrorCode::kUnauthenticated, kWrongCredentials);

  // Not a runner use case: the actor is known only after the lookup, and its refusals are
  // audited as kFailed in the counter's transaction or as kDenied durably at once (no request
  // carries read events), which a UseCase does not record.
  CARECOORD_TRY(conn, runner_.db().Acquire());
  store::UserRepository users(**conn);
  CARECOORD_TRY(found, users.FindByUsername(*username));
  if (!*found) {
    (void)VerifyPassword(dummy_hash_, password);
    return Fail(ErrorCode::kUnauthenticated, kWrongCredentials);
  }
  UserRecord& user = **found;
  Context ctx = SystemContextFor(user);
  const Target target{"user", user.id, ""};
  const Instant now = runner_.clock().Now();

  if (user.locked_at) {
    std::vector events{
        MakeAuditEvent(ctx, Action::kSignIn, target, AuditOutcome::kDenied, "account locked", now)};
    CARECOORD_RETURN_IF_ERROR(runner_.audit().Record(std::move(events)));
    return Fail(ErrorCode::kLocked, kLockedMessage);
  }

  if (!VerifyPassword(user.password_hash, password)) {
    auto st = store::InTransaction(**conn, [&]() -> Status {
      CARECOORD_TRY(failed, users.RecordFailedSignIn(user.org_id, user.id, kMaxFailedSignIns, now));
      std::vector events{MakeAuditEvent(
          ctx, Action::kSignIn, target, AuditOutcome::kFailed,
          failed->locked ? "wrong password; account locked" : "wrong password", now)};
      return runner_.audit().AppendInTransaction(**conn, events);
    });
    if (!st) return std::unexpected(st.error());
    return Fail(ErrorCode::kUnauthenticated, kWrongCredentials);
  }

  if (user.disabled) {
    std::vector events{MakeAuditEvent(ctx, Action::kSignIn, target, AuditOutcome::kDenied,
                                      "account disabled", now)};
    CARECOORD_RETURN_IF_ERROR(runner_.audit().Record(std::move(events)));
    return Fail(ErrorCode::kUnauthenticated,
                "This account is disabled. Contact your administrator.");
  }

  SignInResult result;
  result.token = NewToken();
  result.csrf_token = CsrfTokenFor(result.token);
  store::SessionRecord session;
  session.org_id = user.org_id;
  session.id = NewId(now);
  session.user_id = user.id;
  session.token_hash = Sha256Hex(result.token);
  session.created_at = now;
  session.last_seen_at = now;
  session.absolute_expires_at = now + policy_.absolute_timeout;

  auto st = store::InTransaction(**conn, [&]() -> Status {
    if (auto s = users.ResetFailedSignIns(user.org_id, user.id); !s) return s;
    if (auto s = store::SessionRepository(**conn).Insert(session); !s) return s;
    std::vector events{MakeAuditEvent(ctx, Action::kSignIn, {"session", session.id, ""},
                                      AuditOutcome::kAllowed, "", now)};
    return runner_.audit().AppendInTransaction(**conn, events);
  });
  if (!st) return std::unexpected(st.error());

  result.idle_expires = IdleExpiry(now, policy_);
  result.absolute_expires = session.absolute_expires_at;
  result.actor = std::move(ctx.actor);
  result.actor.display_name = user.display_name;
  result.actor.session_id = SessionId{session.id};
  result.actor.session_last_seen = now;
  result.actor.session_absolute_expires = session.absolute_expires_at;
  return result;
}

Result<Actor> AuthService::Authenticate(std::string_view token) {
  if (token.empty() || token.size() > 128)
    return Fail(ErrorCode::kUnauthenticated, kSessionInvalid);
  // No actor yet: the session decides who it is, and nothing is audited.
  Context no_actor;
  CARECOORD_TRY(uc, runner_.Open(no_actor));
  store::SessionRepository sessions(uc->conn());
  CARECOORD_TRY(found, sessions.FindByTokenHash(Sha256Hex(token)));
  if (!*found) return Fail(ErrorCode::kUnauthenticated, kSessionInvalid);
  const store::SessionWithUser& s = **found;
  const Instant now = uc->now();
  const SessionTimes times{s.session.last_seen_at, s.session.absolute_expires_at,
                           s.session.revoked_at};
  if (EvaluateSession(times, now, policy_) != SessionState::kActive || s.user_disabled ||
      s.user_locked) {
    return Fail(ErrorCode::kUnauthenticated, kSessionInvalid);
  }
  Actor actor;
  actor.user_id = UserId{s.session.user_id};
  actor.org_id = OrgId{s.session.org_id};
  actor.org_name = s.org_name;
  actor.username = s.username;
  actor.display_name = s.display_name;
  actor.session_id = SessionId{s.session.id};
  actor.session_last_seen = s.session.last_seen_at;
  actor.session_absolute_expires = s.session.absolute_expires_at;
  if (now - s.session.last_seen_at >= policy_.touch_interval) {
    CARECOORD_RETURN_IF_ERROR(sessions.Touch(s.session.org_id, s.session.id, now));
    actor.session_last_seen = now;
  }
  actor.roles = s.roles;
  return actor;
}

std::string AuthService::CsrfTokenFor(std::string_view session_token) {
  return Sha256Hex(std::string("carecoord-csrf-v1:").append(session_token));
}

bool AuthService::CsrfMatches(std::string_view session_token, std::string_view csrf_token) {
  if (csrf_token.empty() || csrf_token.size() > 128) return false;
  return ConstantTimeEquals(CsrfTokenFor(session_token), csrf_token);
}

Status AuthService::SignOut(Context& ctx) {
  const Target target{"session", ctx.actor.session_id.value, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kSignOut, target));
  return uc->Write([&]() -> Status {
    CARECOORD_RETURN_IF_ERROR(store::SessionRepository(uc->conn())
                                  .Revoke(uc->org(), ctx.actor.session_id.value, uc->now()));
    uc->Audit(Action::kSignOut, target);
    return {};
  });
}

Status AuthService::ChangePassword(Context& ctx, std::string_view current_password,
                                   std::string_view new_password) {
  const Target target{"user", ctx.actor.user_id.value, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kChangeOwnPassword, target));
  const Instant now = uc->now();
  if (current_password.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "current_password is required", "current_password");
  }
  if (auto st = ValidateNewPassword(new_password, "new_password"); !st) return st;
  if (current_password == new_password) {
    return Fail(ErrorCode::kInvalidArgument, "new_password must differ from the current password",
                "new_password");
  }
  store::UserRepository users(uc->conn());
  CARECOORD_TRY(user, users.FindById(uc->org(), ctx.actor.user_id.value));
  if (!*user) return Fail(ErrorCode::kNotFound, "account not found");
  if (!VerifyPassword((*user)->password_hash, current_password)) {
    // A failure, not a denial: the UseCase records only allowed and denied events.
    ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kChangeOwnPassword, target,
                                             AuditOutcome::kFailed, "wrong current password", now));
    return Fail(ErrorCode::kInvalidArgument, "current_password is not correct", "current_password");
  }
  CARECOORD_TRY(hash, HashPassword(new_password));
  UserRecord updated = **user;
  updated.password_hash = std::move(*hash);
  updated.password_changed_at = now;
  updated.updated_at = now;
  return uc->Write([&]() -> Status {
    CARECOORD_TRY(ok, users.Update(updated));
    if (!*ok) return Fail(ErrorCode::kConflict, "the account changed meanwhile; try again");
    CARECOORD_RETURN_IF_ERROR(
        store::SessionRepository(uc->conn())
            .RevokeAllOfUser(updated.org_id, updated.id, ctx.actor.session_id.value, now));
    uc->Audit(Action::kChangeOwnPassword, target);
    return {};
  });
}

}  // namespace carecoord::app
