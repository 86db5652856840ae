-- SPDX-License-Identifier: Apache-2.0
-- Relationship-based access to a participant's record (app/participant_access.h).
-- $1 org, $2 participant, $3 user, $4 today (YYYY-MM-DD, program time zone), $5 now (ms).

-- name: relationship
SELECT
  CASE WHEN EXISTS (SELECT 1 FROM participants WHERE org_id = $1 AND id = $2)
       THEN 1 ELSE 0 END AS participant_exists,
  CASE WHEN EXISTS (SELECT 1 FROM episodes
                    WHERE org_id = $1 AND participant_id = $2 AND coordinator_id = $3)
       THEN 1 ELSE 0 END AS accountable,
  CASE WHEN EXISTS (SELECT 1 FROM care_team_members
                    WHERE org_id = $1 AND participant_id = $2 AND user_id = $3
                      AND start_date <= $4 AND (end_date IS NULL OR end_date >= $4))
       THEN 1 ELSE 0 END AS care_team,
  (SELECT reason FROM emergency_access
   WHERE org_id = $1 AND user_id = $3 AND participant_id = $2 AND expires_at > $5
   ORDER BY expires_at DESC LIMIT 1) AS emergency_reason

-- name: programs_of_participant
SELECT DISTINCT program_id FROM episodes WHERE org_id = $1 AND participant_id = $2

-- name: program_time_zone
SELECT time_zone FROM programs WHERE org_id = $1 AND id = $2

-- name: insert_emergency_access
INSERT INTO emergency_access (org_id, id, user_id, participant_id, reason, granted_at, expires_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
