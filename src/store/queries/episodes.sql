-- SPDX-License-Identifier: Apache-2.0
-- Episodes of care coordination, their status history and warm hand-offs (001 §1, §8).
-- Rows are read by column name (episode_repository.cc).

-- An episode with its program's name and time zone and its coordinator's display name, read by
-- EpisodeFromRow: FROM episodes e JOIN programs p JOIN users u (the coordinator).
-- columns: episode
e.org_id, e.id, e.participant_id, e.program_id, p.name AS program_name, e.referral_id,
e.status, e.status_reason, e.status_changed_at, e.coordinator_id,
u.display_name AS coordinator_name, e.referral_received_at, e.started_at, e.enrolled_at,
e.ended_at, e.created_at, e.updated_at, e.version, e.contacts_per_week, e.schedule_reason,
e.schedule_note, p.time_zone

-- name: find
SELECT {columns:episode}
FROM episodes e
JOIN programs p ON p.org_id = e.org_id AND p.id = e.program_id
JOIN users u ON u.org_id = e.org_id AND u.id = e.coordinator_id
WHERE e.org_id = $1 AND e.id = $2

-- Newest first: the episode that started last, ties broken by id (time-ordered).
-- name: list_for_participant
SELECT {columns:episode}
FROM episodes e
JOIN programs p ON p.org_id = e.org_id AND p.id = e.program_id
JOIN users u ON u.org_id = e.org_id AND u.id = e.coordinator_id
WHERE e.org_id = $1 AND e.participant_id = $2
ORDER BY e.started_at DESC, e.id DESC

-- name: insert
INSERT INTO episodes (org_id, id, participant_id, program_id, referral_id, status, status_reason,
                      status_changed_at, coordinator_id, referral_received_at, started_at,
                      enrolled_at, ended_at, created_at, updated_at, version, contacts_per_week,
                      schedule_reason, schedule_note)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)

-- Optimistic concurrency: changes nothing unless the stored version is $4.
-- $1 org, $2 id, $3 status, $4 expected version, $5 reason, $6 now, $7 enrolled_at, $8 ended_at
-- name: update_status
UPDATE episodes SET status = $3, status_reason = $5, status_changed_at = $6, enrolled_at = $7,
                    ended_at = $8, updated_at = $6, version = version + 1
WHERE org_id = $1 AND id = $2 AND version = $4

-- The hand-off itself. On PostgreSQL (READ COMMITTED) two concurrent transfers may both have
-- read version $4; the second UPDATE waits for the first's row lock, then re-checks its WHERE
-- against the committed row and matches nothing: 0 rows means someone else moved first.
-- $1 org, $2 id, $3 new coordinator, $4 expected version, $5 now
-- name: transfer
UPDATE episodes SET coordinator_id = $3, updated_at = $5, version = version + 1
WHERE org_id = $1 AND id = $2 AND version = $4

-- The contact schedule (001 §2), with the same optimistic concurrency as update_status.
-- $1 org, $2 id, $3 expected version, $4 contacts_per_week, $5 reason, $6 note, $7 now
-- name: update_schedule
UPDATE episodes SET contacts_per_week = $4, schedule_reason = $5, schedule_note = $6,
                    updated_at = $7, version = version + 1
WHERE org_id = $1 AND id = $2 AND version = $3

-- name: status_history
SELECT h.seq, h.from_status, h.to_status, h.reason, h.changed_at, h.changed_by,
       COALESCE(u.display_name, '') AS changed_by_name
FROM episode_status_history h
LEFT JOIN users u ON u.org_id = h.org_id AND u.id = h.changed_by
WHERE h.org_id = $1 AND h.episode_id = $2
ORDER BY h.seq

-- name: next_status_seq
SELECT COALESCE(MAX(seq), 0) + 1 FROM episode_status_history WHERE org_id = $1 AND episode_id = $2

-- name: insert_status_change
INSERT INTO episode_status_history (org_id, episode_id, seq, from_status, to_status, reason,
                                    changed_at, changed_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: handoffs
SELECT h.seq, h.from_user_id, f.display_name AS from_name, h.to_user_id,
       COALESCE(t.display_name, '') AS to_name, h.occurred_at, h.face_to_face, h.note,
       h.recorded_by, h.recorded_at
FROM handoffs h
LEFT JOIN users f ON f.org_id = h.org_id AND f.id = h.from_user_id
LEFT JOIN users t ON t.org_id = h.org_id AND t.id = h.to_user_id
WHERE h.org_id = $1 AND h.episode_id = $2
ORDER BY h.seq

-- name: next_handoff_seq
SELECT COALESCE(MAX(seq), 0) + 1 FROM handoffs WHERE org_id = $1 AND episode_id = $2

-- The primary key (org_id, episode_id, seq) makes a second writer of the same seq fail.
-- name: insert_handoff
INSERT INTO handoffs (org_id, episode_id, seq, from_user_id, to_user_id, occurred_at,
                      face_to_face, note, recorded_by, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- The participant whose record it is, for the relationship check made before a route reads its
-- body (app/core/subject_access.h, issue 11).
-- name: participant_of
SELECT participant_id FROM episodes WHERE org_id = $1 AND id = $2
