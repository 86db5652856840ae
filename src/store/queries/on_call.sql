-- SPDX-License-Identifier: Apache-2.0
-- The 24/7 on-call rota (001 §2; store/on_call_repository.h). Shift rows are read by column
-- name (ShiftFromRow in on_call_repository.cc).

-- A shift with its user's display name: FROM on_call_shifts s LEFT JOIN users u.
-- columns: shift
s.org_id, s.id, s.program_id, s.user_id, COALESCE(u.display_name, '') AS display_name,
s.starts_at, s.ends_at, s.phone, s.note, s.created_by, s.created_at

-- name: insert
INSERT INTO on_call_shifts (org_id, id, program_id, user_id, starts_at, ends_at, phone, note,
                            created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: get
SELECT {columns:shift}
FROM on_call_shifts s
LEFT JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
WHERE s.org_id = $1 AND s.id = $2

-- Shifts of program $2 that overlap the range from $3 (inclusive) to $4 (exclusive), by
-- start. ends_at > $3 uses the index on_call_program. (No square brackets in these files:
-- CMake reads them as lists.)
-- name: overlapping
SELECT {columns:shift}
FROM on_call_shifts s
LEFT JOIN users u ON u.org_id = s.org_id AND u.id = s.user_id
WHERE s.org_id = $1 AND s.program_id = $2 AND s.ends_at > $3 AND s.starts_at < $4
ORDER BY s.starts_at, s.ends_at, s.id

-- name: delete
DELETE FROM on_call_shifts WHERE org_id = $1 AND id = $2

-- Every program of the organization, by name.
-- name: programs
SELECT id, name FROM programs WHERE org_id = $1 ORDER BY name, id

-- Whether enabled user $2 holds any role in program $3.
-- name: holds_any_role
SELECT CASE WHEN EXISTS (
  SELECT 1 FROM user_roles r JOIN users u ON u.org_id = r.org_id AND u.id = r.user_id
  WHERE r.org_id = $1 AND r.user_id = $2 AND r.program_id = $3 AND u.disabled = 0)
  THEN 1 ELSE 0 END
