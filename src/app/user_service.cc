// SPDX-License-Identifier: Apache-2.0
#include "app/user_service.h"

#include <set>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/runner.h"
#include "domain/account_rules.h"
#include "domain/ids.h"
#include "store/org_repository.h"
#include "store/session_repository.h"
#include "store/user_repository.h"

namespace carecoord::app {

UserView ToView(const UserRecord& u) {
  return UserView{u.id,    u.username,   u.display_name, u.disabled, u.locked_at.has_value(),
                  u.roles, u.created_at, u.updated_at,   u.version};
}

UserService::UserService(core::Runner& runner) : runner_(runner) {}

namespace {

Result<std::vector<RoleGrant>> ResolveRoles(store::UserRepository& users, const Context& ctx,
                                            const std::vector<RoleRequest>& roles) {
  if (roles.size() > 50) return Fail(ErrorCode::kInvalidArgument, "too many roles", "roles");
  std::vector<RoleGrant> out;
  std::set<std::string> programs_seen;
  for (const RoleRequest& r : roles) {
    auto role = ParseRole(r.role);
    if (!role) {
      return Fail(ErrorCode::kInvalidArgument,
                  "roles: unknown role '" + r.role.substr(0, 40) +
                      "'; expected admin, supervisor, care_coordinator, peer_support, "
                      "nurse_care_manager or auditor",
                  "roles");
    }
    if (r.program_id.empty() || r.program_id.size() > 200) {
      return Fail(ErrorCode::kInvalidArgument, "roles: program_id is required", "roles");
    }
    CARECOORD_TRY(program, users.FindProgram(ctx.actor.org_id.value, r.program_id));
    if (!*program) return Fail(ErrorCode::kInvalidArgument, "roles: no such program", "roles");
    if (!programs_seen.insert((*program)->id).second) {
      return Fail(ErrorCode::kInvalidArgument, "roles: one role per program", "roles");
    }
    out.push_back({(*program)->id, (*program)->name, *role});
  }
  return out;
}

}  // namespace

Result<std::vector<UserView>> UserService::List(Context& ctx) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListUsers, {"user", "", ""}));
  CARECOORD_TRY(users, store::UserRepository(uc->conn()).List(uc->org()));
  std::vector<UserView> out;
  out.reserve(users->size());
  for (const auto& u : *users) out.push_back(ToView(u));
  uc->Audit(Action::kListUsers, {"user", "", ""});
  return out;
}

Result<UserView> UserService::Get(Context& ctx, const std::string& user_id) {
  const Target target{"user", user_id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadUser, target));
  if (!LooksLikeUuid(user_id)) return Fail(ErrorCode::kNotFound, "no such user");
  CARECOORD_TRY(user, store::UserRepository(uc->conn()).FindById(uc->org(), user_id));
  if (!*user) return Fail(ErrorCode::kNotFound, "no such user");
  uc->Audit(Action::kReadUser, target);
  return ToView(**user);
}

Result<UserView> UserService::Create(Context& ctx, const NewUser& in) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kCreateUser, {"user", "", ""}));
  const Instant now = uc->now();
  CARECOORD_TRY(username, NormalizeUsername(in.username));
  CARECOORD_TRY(display_name, ValidateDisplayName(in.display_name));
  CARECOORD_RETURN_IF_ERROR(ValidateNewPassword(in.password));
  store::UserRepository users(uc->conn());
  CARECOORD_TRY(roles, ResolveRoles(users, ctx, in.roles));
  CARECOORD_TRY(hash, HashPassword(in.password));

  UserRecord u;
  u.org_id = uc->org();
  u.id = NewId(now);
  u.username = *username;
  u.display_name = *display_name;
  u.password_hash = std::move(*hash);
  u.password_changed_at = u.created_at = u.updated_at = now;
  u.version = 1;
  u.roles = std::move(*roles);
  auto st = uc->Write([&]() -> Status {
    CARECOORD_TRY(existing, users.FindByUsername(u.username));
    if (*existing) return Fail(ErrorCode::kConflict, "username is already taken", "username");
    if (auto s = users.Insert(u); !s) return s;
    uc->Audit(Action::kCreateUser, {"user", u.id, ""});
    return {};
  });
  if (!st) {
    if (st.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "username is already taken", "username");
    }
    return std::unexpected(st.error());
  }
  return ToView(u);
}

Result<UserView> UserService::Update(Context& ctx, const std::string& user_id,
                                     std::int64_t expected_version, const UserChanges& changes) {
  const Target target{"user", user_id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kUpdateUser, target));
  const Instant now = uc->now();
  if (!LooksLikeUuid(user_id)) return Fail(ErrorCode::kNotFound, "no such user");
  std::optional<std::string> display_name;
  if (changes.display_name) {
    CARECOORD_TRY(v, ValidateDisplayName(*changes.display_name));
    display_name = std::move(*v);
  }
  std::optional<std::string> new_hash;
  if (changes.password) {
    CARECOORD_RETURN_IF_ERROR(ValidateNewPassword(*changes.password));
    CARECOORD_TRY(h, HashPassword(*changes.password));
    new_hash = std::move(*h);
  }
  if (changes.disabled.value_or(false) && user_id == ctx.actor.user_id.value) {
    return Fail(ErrorCode::kInvalidArgument, "you cannot disable your own account", "disabled");
  }
  store::UserRepository users(uc->conn());
  std::optional<std::vector<RoleGrant>> roles;
  if (changes.roles) {
    CARECOORD_TRY(r, ResolveRoles(users, ctx, *changes.roles));
    roles = std::move(*r);
  }
  UserView result;
  auto st = uc->Write([&]() -> Status {
    CARECOORD_TRY(found, users.FindById(uc->org(), user_id));
    if (!*found) return Fail(ErrorCode::kNotFound, "no such user");
    UserRecord u = std::move(**found);
    if (u.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the user was changed by someone else (now version " + std::to_string(u.version) +
                      "); reload and try again");
    }
    std::string what;
    if (display_name) {
      u.display_name = *display_name;
      what += "display_name ";
    }
    const bool newly_disabled = changes.disabled.value_or(false) && !u.disabled;
    if (changes.disabled) {
      u.disabled = *changes.disabled;
      what += u.disabled ? "disabled " : "enabled ";
    }
    if (changes.unlock) {
      u.locked_at.reset();
      u.failed_logins = 0;
      what += "unlocked ";
    }
    if (new_hash) {
      u.password_hash = *new_hash;
      u.password_changed_at = now;
      what += "password_reset ";
    }
    u.updated_at = now;
    CARECOORD_TRY(ok, users.Update(u));
    if (!*ok)
      return Fail(ErrorCode::kPreconditionFailed,
                  "the user was changed by someone else; reload and try again");
    if (roles) {
      if (auto s = users.ReplaceRoles(u.org_id, u.id, *roles); !s) return s;
      u.roles = *roles;
      what += "roles ";
    }
    if (newly_disabled || new_hash) {
      if (auto s = store::SessionRepository(uc->conn()).RevokeAllOfUser(u.org_id, u.id, "", now);
          !s)
        return s;
    }
    if (!what.empty()) what.pop_back();
    uc->Audit(Action::kUpdateUser, target,
              "changed: " + (what.empty() ? std::string("nothing") : what));
    u.version += 1;
    result = ToView(u);
    return {};
  });
  if (!st) return std::unexpected(st.error());
  return result;
}

Result<std::vector<ProgramRecord>> UserService::Programs(Context& ctx) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListPrograms, {"program", "", ""}));
  CARECOORD_TRY(programs, store::UserRepository(uc->conn()).Programs(uc->org()));
  uc->Audit(Action::kListPrograms, {"program", "", ""});
  return programs;
}

Result<std::string> UserService::ResolveOrganization(const std::string& name) {
  // Outside a request: the CLI looks up the organization before there is an actor.
  CARECOORD_TRY(conn, runner_.db().Acquire());
  CARECOORD_TRY(orgs, store::OrgRepository(**conn).ListOrgs());
  if (name.empty()) {
    if (orgs->size() == 1) return orgs->front().org_id;
    return Fail(orgs->empty() ? ErrorCode::kNotFound : ErrorCode::kInvalidArgument,
                orgs->empty() ? "there is no organization yet (run `carecoord demo` or create one)"
                              : "several organizations exist; name one with --organization",
                "organization");
  }
  for (const auto& o : *orgs) {
    if (o.name == name) return o.org_id;
  }
  return Fail(ErrorCode::kNotFound, "no organization named '" + name + "'", "organization");
}

Result<Actor> UserService::Me(Context& ctx) {
  const Target target{"user", ctx.actor.user_id.value, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadOwnAccount, target));
  uc->Audit(Action::kReadOwnAccount, target);
  return ctx.actor;
}

}  // namespace carecoord::app
