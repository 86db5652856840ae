-- SPDX-License-Identifier: Apache-2.0
-- Emergency access grants for review (GET /api/v1/emergency-access), newest first.
-- $1 org, $2 whole organization (1 for auditors), $3 user: otherwise only grants for
-- participants with an episode in a program where $3 is supervisor. Keyset paging before
-- ($5 granted_at, $6 id) when $4 = 1; $7 limit.

-- name: list
SELECT g.id, g.user_id, u.display_name AS user_name, g.participant_id, p.given_name,
       p.family_name, g.reason, g.granted_at, g.expires_at
FROM emergency_access g
JOIN users u ON u.org_id = g.org_id AND u.id = g.user_id
JOIN participants p ON p.org_id = g.org_id AND p.id = g.participant_id
WHERE g.org_id = $1
  AND ($2 = 1 OR EXISTS (
        SELECT 1 FROM episodes e
        JOIN user_roles r ON r.org_id = e.org_id AND r.program_id = e.program_id
        WHERE e.org_id = g.org_id AND e.participant_id = g.participant_id
          AND r.user_id = $3 AND r.role = 'supervisor'))
  AND ($4 = 0 OR g.granted_at < $5 OR (g.granted_at = $5 AND g.id < $6))
ORDER BY g.granted_at DESC, g.id DESC
LIMIT $7
