-- SPDX-License-Identifier: Apache-2.0
-- Transitions of care and the psychiatric appointments after them (001 §6 §8;
-- store/transition_repository.h). Rows are read by column name (TransitionFromRow and
-- AppointmentFromRow in transition_repository.cc).

-- A transition with its recorder's display name: FROM transitions t LEFT JOIN users u.
-- columns: transition
t.org_id, t.id, t.episode_id, t.participant_id, t.level, t.facility, t.admitted_at,
t.discharged_at, t.medication_needed, t.notes, t.recorded_by, t.created_at, t.updated_at,
t.version, COALESCE(u.display_name, '') AS recorded_by_name

-- columns: appointment
org_id, id, transition_id, episode_id, status, scheduled_for, provider, me_notified_at,
note, recorded_by, created_at, updated_at, version

-- name: insert
INSERT INTO transitions (org_id, id, episode_id, participant_id, level, facility, admitted_at,
                         discharged_at, medication_needed, notes, recorded_by, created_at,
                         updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1)

-- name: get
SELECT {columns:transition}
FROM transitions t
LEFT JOIN users u ON u.org_id = t.org_id AND u.id = t.recorded_by
WHERE t.org_id = $1 AND t.id = $2

-- Newest admission first, ties broken by id (time-ordered).
-- name: list_by_episode
SELECT {columns:transition}
FROM transitions t
LEFT JOIN users u ON u.org_id = t.org_id AND u.id = t.recorded_by
WHERE t.org_id = $1 AND t.episode_id = $2
ORDER BY t.admitted_at DESC, t.id DESC

-- Optimistic concurrency: changes nothing unless the stored version is $9.
-- $1 org, $2 id, $3 facility, $4 admitted_at, $5 discharged_at, $6 medication_needed,
-- $7 notes, $8 now, $9 expected version
-- name: update
UPDATE transitions SET facility = $3, admitted_at = $4, discharged_at = $5,
                       medication_needed = $6, notes = $7, updated_at = $8, version = $9 + 1
WHERE org_id = $1 AND id = $2 AND version = $9

-- name: insert_appointment
INSERT INTO psychiatric_appointments (org_id, id, transition_id, episode_id, status,
                                      scheduled_for, provider, me_notified_at, note, recorded_by,
                                      created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)

-- name: get_appointment
SELECT {columns:appointment}
FROM psychiatric_appointments
WHERE org_id = $1 AND id = $2

-- Every appointment of an episode's transitions, each transition's by scheduled time (those
-- without one last: NULL ordering differs between SQLite and PostgreSQL) then creation.
-- name: appointments_of_episode
SELECT {columns:appointment}
FROM psychiatric_appointments
WHERE org_id = $1 AND episode_id = $2
ORDER BY transition_id, CASE WHEN scheduled_for IS NULL THEN 1 ELSE 0 END, scheduled_for,
         created_at, id

-- name: appointments_of_transition
SELECT {columns:appointment}
FROM psychiatric_appointments
WHERE org_id = $1 AND transition_id = $2
ORDER BY CASE WHEN scheduled_for IS NULL THEN 1 ELSE 0 END, scheduled_for, created_at, id

-- $1 org, $2 id, $3 status, $4 scheduled_for, $5 provider, $6 me_notified_at, $7 note, $8 now,
-- $9 expected version
-- name: update_appointment
UPDATE psychiatric_appointments SET status = $3, scheduled_for = $4, provider = $5,
                                    me_notified_at = $6, note = $7, updated_at = $8,
                                    version = $9 + 1
WHERE org_id = $1 AND id = $2 AND version = $9

-- The participant whose record it is, for the relationship check made before a route reads its
-- body (app/core/subject_access.h, issue 11).
-- name: participant_of
SELECT participant_id FROM transitions WHERE org_id = $1 AND id = $2

-- The same for an appointment: its transition's participant.
-- name: participant_of_appointment
SELECT t.participant_id
FROM psychiatric_appointments a
JOIN transitions t ON t.org_id = a.org_id AND t.id = a.transition_id
WHERE a.org_id = $1 AND a.id = $2
