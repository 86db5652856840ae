// SPDX-License-Identifier: Apache-2.0
#include "demo/demo.h"

#include <array>

#include "app/core/crypto.h"
#include "domain/account_rules.h"
#include "domain/role.h"
#include "store/org_repository.h"
#include "store/user_repository.h"

namespace carecoord::demo {
namespace {

struct DemoUser {
  const char* username;
  const char* display_name;
  Role role;
};

constexpr std::array<DemoUser, 6> kDemoUsers = {{
    {"admin", "Alex Morgan", Role::kAdmin},
    {"supervisor", "Sam Rivera", Role::kSupervisor},
    {"coordinator", "Casey Jordan", Role::kCareCoordinator},
    {"peer", "Pat Lee", Role::kPeerSupport},
    {"nurse", "Nora Patel", Role::kNurseCareManager},
    {"auditor", "Aubrey Chen", Role::kAuditor},
}};

// 20 random characters from an alphabet without look-alikes (~115 bits).
std::string GeneratePassword() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";
  const std::string token = app::NewToken();  // 43 base64url chars of randomness
  std::string out;
  for (std::size_t i = 0; out.size() < 20 && i < token.size(); ++i) {
    out.push_back(kAlphabet[static_cast<unsigned char>(token[i]) % (sizeof(kAlphabet) - 1)]);
  }
  return out;
}

AuditRecord SystemEvent(const std::string& org_id, const std::string& action,
                        const std::string& reason, Instant now) {
  AuditRecord e;
  e.org_id = org_id;
  e.occurred_at = now;
  e.actor_id = "system";
  e.actor_username = "carecoord demo";
  e.role = "system";
  e.action = action;
  e.resource_type = "organization";
  e.resource_id = org_id;
  e.outcome = AuditOutcome::kAllowed;
  e.reason = reason;
  return e;
}

}  // namespace

Result<DemoResult> LoadDemo(store::Database& db, const app::Clock& clock, app::AuditLog& audit,
                            const std::string& password) {
  if (!password.empty()) {
    CARECOORD_RETURN_IF_ERROR(ValidateNewPassword(password, "demo-password"));
  }
  CARECOORD_TRY(conn, db.Acquire());
  const Instant now = clock.Now();
  DemoResult result;
  result.organization = kDemoOrganization;
  result.program = kDemoProgram;

  // Hash outside the transaction (argon2id is deliberately slow), and only for the users that
  // get a password: new ones, or all when `password` is given. A reload hashes nothing.
  std::vector<std::string> passwords(kDemoUsers.size()), hashes(kDemoUsers.size());
  for (std::size_t i = 0; i < kDemoUsers.size(); ++i) {
    CARECOORD_TRY(found, store::UserRepository(**conn).FindByUsername(kDemoUsers[i].username));
    if (*found && password.empty()) continue;
    passwords[i] = password.empty() ? GeneratePassword() : password;
    CARECOORD_TRY(h, app::HashPassword(passwords[i]));
    hashes[i] = std::move(*h);
  }

  auto st = store::InTransaction(**conn, [&]() -> Status {
    store::OrgRepository orgs(**conn);
    store::UserRepository users(**conn);
    CARECOORD_TRY(existing, orgs.FindOrgByName(kDemoOrganization));
    std::string org_id, program_id;
    if (*existing) {
      org_id = (*existing)->org_id;
    } else {
      result.created = true;
      org_id = app::NewId(now);
      program_id = app::NewId(now);
      if (auto s = orgs.InsertOrg(org_id, kDemoOrganization, now); !s) return s;
      if (auto s = orgs.InsertProgram(org_id, program_id, kDemoProgram, kDemoTimeZone, now); !s)
        return s;
    }
    for (std::size_t i = 0; i < kDemoUsers.size(); ++i) {
      const DemoUser& d = kDemoUsers[i];
      DemoLogin login{d.username, d.display_name, std::string(RoleName(d.role)), ""};
      CARECOORD_TRY(found, users.FindByUsername(d.username));
      if (!*found) {
        if (hashes[i].empty()) {
          return Fail(ErrorCode::kConflict, "a demo user was removed meanwhile; run demo again");
        }
        if (program_id.empty()) {
          CARECOORD_TRY(program, users.FindProgram(org_id, kDemoProgram));
          if (!*program) return Fail(ErrorCode::kInternal, "demo program is missing");
          program_id = (*program)->id;
        }
        UserRecord u;
        u.org_id = org_id;
        u.id = app::NewId(now);
        u.username = d.username;
        u.display_name = d.display_name;
        u.password_hash = hashes[i];
        u.password_changed_at = u.created_at = u.updated_at = now;
        u.roles = {{program_id, kDemoProgram, d.role}};
        if (auto s = users.Insert(u); !s) return s;
        login.password = passwords[i];
      } else if (!password.empty()) {
        UserRecord u = std::move(**found);
        u.password_hash = hashes[i];
        u.password_changed_at = u.updated_at = now;
        u.locked_at.reset();
        u.failed_logins = 0;
        u.disabled = false;
        CARECOORD_TRY(ok, users.Update(u));
        login.password = passwords[i];
      }
      result.logins.push_back(std::move(login));
    }
    std::vector events{SystemEvent(org_id, result.created ? "demo.load" : "demo.refresh",
                                   password.empty() ? "" : "demo passwords set", now)};
    return audit.AppendInTransaction(**conn, events);
  });
  if (!st) return std::unexpected(st.error());
  return result;
}

}  // namespace carecoord::demo
