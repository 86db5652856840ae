-- SPDX-License-Identifier: Apache-2.0
-- Sign-in sessions. Tokens are looked up by their SHA-256 hash only.

-- name: insert
INSERT INTO sessions (org_id, id, user_id, token_hash, created_at, last_seen_at,
                      absolute_expires_at, revoked_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)

-- One read per authenticated request: the session, its user, organization and roles together
-- (one row per role; the role columns are NULL for a user without roles).
-- name: find_by_token
SELECT s.org_id, s.id, s.user_id, s.created_at, s.last_seen_at,
       s.absolute_expires_at, s.revoked_at, u.username, u.display_name, u.disabled, u.locked_at,
       o.name AS org_name, r.program_id, p.name AS program_name, r.role
FROM sessions s
JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
JOIN organizations o ON o.org_id = s.org_id
LEFT JOIN user_roles r ON r.org_id = s.org_id AND r.user_id = s.user_id
LEFT JOIN programs p ON p.org_id = r.org_id AND p.id = r.program_id
WHERE s.token_hash = $1
ORDER BY p.name

-- name: touch
UPDATE sessions SET last_seen_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL

-- name: revoke
UPDATE sessions SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL

-- Revokes every other live session of a user (after a password change or disabling).
-- name: revoke_all_of_user_except
UPDATE sessions SET revoked_at = $3
WHERE org_id = $1 AND user_id = $2 AND id <> $4 AND revoked_at IS NULL
