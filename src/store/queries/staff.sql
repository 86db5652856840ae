-- SPDX-License-Identifier: Apache-2.0
-- Staff of an organization, for choosing a coordinator or a care team member: enabled users
-- and their per-program roles.

-- Enabled users holding a role matching $2 (role, '' for any) in $3 (program, '' for any).
-- name: list
SELECT u.id, u.display_name
FROM users u
WHERE u.org_id = $1 AND u.disabled = 0
  AND EXISTS (SELECT 1 FROM user_roles r
              WHERE r.org_id = u.org_id AND r.user_id = u.id
                AND ($2 = '' OR r.role = $2) AND ($3 = '' OR r.program_id = $3))
ORDER BY u.display_name, u.id

-- name: roles
SELECT r.user_id, r.program_id, p.name AS program_name, r.role
FROM user_roles r
JOIN programs p ON p.org_id = r.org_id AND p.id = r.program_id
JOIN users u ON u.org_id = r.org_id AND u.id = r.user_id
WHERE r.org_id = $1 AND u.disabled = 0
ORDER BY r.user_id, p.name

-- An enabled user of the organization: their display name, or no row.
-- name: find_enabled
SELECT display_name FROM users WHERE org_id = $1 AND id = $2 AND disabled = 0

-- Whether enabled user $2 holds role $4 in program $3.
-- name: holds_role
SELECT CASE WHEN EXISTS (
  SELECT 1 FROM user_roles r JOIN users u ON u.org_id = r.org_id AND u.id = r.user_id
  WHERE r.org_id = $1 AND r.user_id = $2 AND r.program_id = $3 AND r.role = $4
    AND u.disabled = 0) THEN 1 ELSE 0 END
