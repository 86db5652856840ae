-- SPDX-License-Identifier: Apache-2.0
-- The rows accepting a referral writes besides the participant (store/intake_writer.h): the
-- episode in engaging, its status history, hand-off seq 1 and the coordinator's care team row.
-- The episode area owns every later change to them.

-- $1 org, $2 user, $3 program: an enabled user holding care_coordinator in the program.
-- name: is_program_coordinator
SELECT CASE WHEN EXISTS (
  SELECT 1 FROM user_roles r JOIN users u ON u.org_id = r.org_id AND u.id = r.user_id
  WHERE r.org_id = $1 AND r.user_id = $2 AND r.program_id = $3 AND r.role = 'care_coordinator'
    AND u.disabled = 0) THEN 1 ELSE 0 END

-- name: has_open_episode
SELECT CASE WHEN EXISTS (
  SELECT 1 FROM episodes
  WHERE org_id = $1 AND participant_id = $2 AND program_id = $3
    AND status IN ('referred', 'engaging', 'active', 'transitioning')) THEN 1 ELSE 0 END

-- name: insert_episode
INSERT INTO episodes (org_id, id, participant_id, program_id, referral_id, status, status_reason,
                      status_changed_at, coordinator_id, referral_received_at, started_at,
                      enrolled_at, ended_at, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, '', $7, $8, $9, $10, NULL, NULL, $10, $10, 1)

-- name: insert_status_change
INSERT INTO episode_status_history (org_id, episode_id, seq, from_status, to_status, reason,
                                    changed_at, changed_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: insert_handoff
INSERT INTO handoffs (org_id, episode_id, seq, from_user_id, to_user_id, occurred_at,
                      face_to_face, note, recorded_by, recorded_at)
VALUES ($1, $2, 1, NULL, $3, $4, 0, $5, $6, $4)

-- name: insert_care_team_member
INSERT INTO care_team_members (org_id, id, episode_id, participant_id, role, user_id,
                               external_name, external_org, phone, email, start_date, end_date,
                               created_at, updated_at, version)
VALUES ($1, $2, $3, $4, 'care_coordinator', $5, '', '', '', '', $6, NULL, $7, $7, 1)
