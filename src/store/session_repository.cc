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
  out.session.org_id = r.Text(0);
  out.session.id = r.Text(1);
  out.session.user_id = r.Text(2);
  out.session.token_hash = token_hash;
  out.session.created_at = FromMillis(r.Int(3));
  out.session.last_seen_at = FromMillis(r.Int(4));
  out.session.absolute_expires_at = FromMillis(r.Int(5));
  if (auto revoked = r.OptInt(6)) out.session.revoked_at = FromMillis(*revoked);
  out.username = r.Text(7);
  out.display_name = r.Text(8);
  out.user_disabled = r.Int(9) != 0;
  out.user_locked = !r.IsNull(10);
  out.org_name = r.Text(11);
  for (const Row& role_row : *rows) {
    // The schema's CHECK admits only known roles; anything else would grant nothing.
    auto role = ParseRole(role_row.Text(14));
    if (role_row.IsNull(12) || !role) continue;
    out.roles.push_back(RoleGrant{role_row.Text(12), role_row.Text(13), *role});
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
