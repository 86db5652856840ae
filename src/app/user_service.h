// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/records/user.h"
#include "domain/role.h"

namespace carecoord::app {

// A user as administrators see it: no password hash.
struct UserView {
  std::string id;
  std::string username;
  std::string display_name;
  bool disabled = false;
  bool locked = false;
  std::vector<RoleGrant> roles;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 0;
};

struct RoleRequest {
  std::string program_id;  // id or exact name of a program of the actor's organization
  std::string role;        // wire name; validated here
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::vector<RoleRequest> roles;
};

// A partial update: absent members are left as they are.
struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<bool> disabled;
  std::optional<std::vector<RoleRequest>> roles;
  bool unlock = false;
  std::optional<std::string> password;  // an administrator's reset
};

// Account administration (admin role) and the signed-in user's own account. Every call is
// authorized and audited. Users of other organizations are invisible (kNotFound).
class UserService {
 public:
  UserService(core::Runner& runner);

  Result<std::vector<UserView>> List(Context& ctx);
  Result<UserView> Get(Context& ctx, const std::string& user_id);
  // kInvalidArgument naming the field; kConflict when the username is taken.
  Result<UserView> Create(Context& ctx, const NewUser& user);
  // kPreconditionFailed when expected_version is not the stored one; disabling a user or
  // resetting the password revokes their sessions. An administrator cannot disable themself.
  Result<UserView> Update(Context& ctx, const std::string& user_id, std::int64_t expected_version,
                          const UserChanges& changes);
  Result<std::vector<ProgramRecord>> Programs(Context& ctx);

  // For command-line administration: the id of the organization named `name`, or of the only
  // one when `name` is empty. kNotFound / kInvalidArgument (several, none named) otherwise.
  Result<std::string> ResolveOrganization(const std::string& name);

  // The signed-in user's own account (audited read).
  Result<Actor> Me(Context& ctx);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
};

// Mapping used by the API's user representation.
UserView ToView(const UserRecord& user);

}  // namespace carecoord::app
