// SPDX-License-Identifier: Apache-2.0
#include "store/session_repository.h"

#include "store/sql_queries.h"

namespace carecoord::store {

Status SessionRepository::Insert(const SessionRecord& s) {
  const Value params[] = {s.org_id,
                          s.id,
                          s.user_id,
                          s.token_hash,
                          ToMillis(s.created_at),
                          ToMillis(s.last_seen_at),
                          ToMillis(s.absolute_expires_at)};
  auto n = conn_.Execute(sql::kSessionsInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<SessionWithUser>> SessionRepository::FindByTokenHash(
    const std::string& token_hash) {
  const Value params[] = {token_hash};
  auto rows = conn_.Query(sql::kSessionsFindByToken, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<SessionWithUser>();
  const Row& r = rows->front();
  SessionWithUser out;
  out.session.org_id = r.Text("org_id");
  out.session.id = r.Text("id");
  out.session.user_id = r.Text("user_id");
  out.session.token_hash = token_hash;
  out.session.created_at = r.Time("created_at");
  out.session.last_seen_at = r.Time("last_seen_at");
  out.session.absolute_expires_at = r.Time("absolute_expires_at");
  out.session.revoked_at = r.OptTime("revoked_at");
  out.username = r.Text("username");
  out.display_name = r.Text("display_name");
  out.user_disabled = r.Bool("disabled");
  out.user_locked = !r.IsNull("locked_at");
  out.org_name = r.Text("org_name");
  for (const Row& role_row : *rows) {
    if (role_row.IsNull("program_id")) continue;  // the user has no roles
    if (auto grant = internal::RoleGrantFromRow(role_row)) out.roles.push_back(std::move(*grant));
  }
  return std::optional<SessionWithUser>(std::move(out));
}

Status SessionRepository::Touch(const std::string& org_id, const std::string& id, Instant now) {
  const Value params[] = {org_id, id, ToMillis(now)};
  auto n = conn_.Execute(sql::kSessionsTouch, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status SessionRepository::Revoke(const std::string& org_id, const std::string& id, Instant now) {
  const Value params[] = {org_id, id, ToMillis(now)};
  auto n = conn_.Execute(sql::kSessionsRevoke, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status SessionRepository::RevokeAllOfUser(const std::string& org_id, const std::string& user_id,
                                          const std::string& keep_session_id, Instant now) {
  const Value params[] = {org_id, user_id, ToMillis(now), keep_session_id};
  auto n = conn_.Execute(sql::kSessionsRevokeAllOfUserExcept, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace carecoord::store
