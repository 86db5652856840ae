-- SPDX-License-Identifier: Apache-2.0
-- Users and their per-program roles. Rows are read by column name (UserFromRow and
-- RoleGrantFromRow in user_repository.cc; staff.sql and sessions.sql select the grant columns
-- under the same names).

-- Read by UserFromRow.
-- columns: user
org_id, id, username, display_name, password_hash, disabled, failed_logins, locked_at,
password_changed_at, created_at, updated_at, version

-- A role grant: FROM user_roles r JOIN programs p.
-- columns: role_grant
r.program_id, p.name AS program_name, r.role

-- name: find_by_username
SELECT {columns:user}
FROM users WHERE username = $1

-- name: find_by_id
SELECT {columns:user}
FROM users WHERE org_id = $1 AND id = $2

-- name: list
SELECT {columns:user}
FROM users WHERE org_id = $1 ORDER BY username

-- name: insert
INSERT INTO users (org_id, id, username, display_name, password_hash, disabled, failed_logins,
                   locked_at, password_changed_at, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)

-- Optimistic concurrency: changes nothing unless the stored version is $10.
-- name: update
UPDATE users SET display_name = $3, password_hash = $4, disabled = $5, failed_logins = $6,
                 locked_at = $7, password_changed_at = $8, updated_at = $9, version = $10 + 1
WHERE org_id = $1 AND id = $2 AND version = $10

-- A failed sign-in counts up; the fifth in a row locks the account (no version change: it is
-- not an edit an administrator could be racing with).
-- name: record_failed_sign_in
UPDATE users SET failed_logins = failed_logins + 1,
                 locked_at = CASE WHEN failed_logins + 1 >= $3 AND locked_at IS NULL THEN $4
                                  ELSE locked_at END
WHERE org_id = $1 AND id = $2
RETURNING failed_logins, locked_at

-- name: reset_failed_sign_ins
UPDATE users SET failed_logins = 0 WHERE org_id = $1 AND id = $2 AND failed_logins <> 0

-- name: roles_of_user
SELECT {columns:role_grant}
FROM user_roles r JOIN programs p ON p.org_id = r.org_id AND p.id = r.program_id
WHERE r.org_id = $1 AND r.user_id = $2 ORDER BY p.name

-- name: roles_of_org
SELECT r.user_id, {columns:role_grant}
FROM user_roles r JOIN programs p ON p.org_id = r.org_id AND p.id = r.program_id
WHERE r.org_id = $1 ORDER BY r.user_id, p.name

-- name: delete_roles
DELETE FROM user_roles WHERE org_id = $1 AND user_id = $2

-- name: insert_role
INSERT INTO user_roles (org_id, user_id, program_id, role) VALUES ($1, $2, $3, $4)
