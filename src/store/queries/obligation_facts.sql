-- SPDX-License-Identifier: Apache-2.0
-- What the policy engine reads about episodes (store/obligation_repository.h, EpisodeFacts in
-- domain/obligations.h). Each child table has two forms: one episode ($2 the episode id) for the
-- refresh in every write, and a range of episode ids ($2 first, $3 last, inclusive) for the
-- program rebuild, which reads each table once per range and merges the rows in C++ (a query
-- per episode would cost a round trip each). Range rows of episodes of other programs that
-- fall between the ids are dropped in C++ rather than joined away here. Rows are read by
-- column name (the readers in obligation_repository.cc); every row names its episode
-- episode_id, which the range merge groups by.

-- FROM episodes e JOIN programs p.
-- columns: episode
e.id AS episode_id, e.participant_id, e.program_id, p.time_zone, e.status,
e.referral_received_at, e.started_at, e.enrolled_at, e.ended_at, e.coordinator_id,
e.contacts_per_week, e.schedule_reason

-- FROM episode_status_history.
-- columns: history
episode_id, from_status, to_status, changed_at

-- FROM handoffs.
-- columns: handoff
episode_id, seq, from_user_id, to_user_id, occurred_at, face_to_face

-- FROM care_team_members.
-- columns: team_member
episode_id, id, role, user_id, start_date, end_date

-- FROM contacts.
-- columns: contact
episode_id, id, occurred_at, created_at, mode, successful, with_whom, by_user_id, by_role,
purposes, outcome

-- FROM transitions.
-- columns: transition
episode_id, id, level, facility, admitted_at, discharged_at, medication_needed, created_at

-- FROM psychiatric_appointments.
-- columns: appointment
episode_id, transition_id, id, status, scheduled_for, me_notified_at, created_at, provider

-- A release of the episode's participant: FROM episodes e JOIN consents c.
-- columns: release
e.id AS episode_id, c.id, c.party_name, c.party_name_norm, c.effective_date, c.expiry_date,
c.revoked_date, c.created_at

-- name: episode
SELECT {columns:episode}
FROM episodes e
JOIN programs p ON p.org_id = e.org_id AND p.id = e.program_id
WHERE e.org_id = $1 AND e.id = $2

-- $2 program, $3 first id, $4 last id.
-- name: episode_range
SELECT {columns:episode}
FROM episodes e
JOIN programs p ON p.org_id = e.org_id AND p.id = e.program_id
WHERE e.org_id = $1 AND e.program_id = $2 AND e.id BETWEEN $3 AND $4
ORDER BY e.id

-- Every episode id of a program, in id order: the rebuild cuts this list into ranges.
-- name: program_episode_ids
SELECT id FROM episodes WHERE org_id = $1 AND program_id = $2 ORDER BY id

-- Every episode of a participant (a release belongs to the participant, not to an episode).
-- name: participant_episode_ids
SELECT id FROM episodes WHERE org_id = $1 AND participant_id = $2 ORDER BY id

-- name: history
SELECT {columns:history}
FROM episode_status_history
WHERE org_id = $1 AND episode_id = $2
ORDER BY episode_id, seq

-- name: history_range
SELECT {columns:history}
FROM episode_status_history
WHERE org_id = $1 AND episode_id BETWEEN $2 AND $3
ORDER BY episode_id, seq

-- name: handoffs
SELECT {columns:handoff}
FROM handoffs
WHERE org_id = $1 AND episode_id = $2
ORDER BY episode_id, seq

-- name: handoffs_range
SELECT {columns:handoff}
FROM handoffs
WHERE org_id = $1 AND episode_id BETWEEN $2 AND $3
ORDER BY episode_id, seq

-- name: team
SELECT {columns:team_member}
FROM care_team_members
WHERE org_id = $1 AND episode_id = $2
ORDER BY episode_id, start_date, id

-- name: team_range
SELECT {columns:team_member}
FROM care_team_members
WHERE org_id = $1 AND episode_id BETWEEN $2 AND $3
ORDER BY episode_id, start_date, id

-- A contact counts from when it was first saved (created_at), so an evaluation as of a past
-- instant ignores notes written later.
-- name: contacts
SELECT {columns:contact}
FROM contacts
WHERE org_id = $1 AND episode_id = $2
ORDER BY episode_id, occurred_at, id

-- name: contacts_range
SELECT {columns:contact}
FROM contacts
WHERE org_id = $1 AND episode_id BETWEEN $2 AND $3
ORDER BY episode_id, occurred_at, id

-- name: transitions
SELECT {columns:transition}
FROM transitions
WHERE org_id = $1 AND episode_id = $2
ORDER BY episode_id, admitted_at, id

-- name: transitions_range
SELECT {columns:transition}
FROM transitions
WHERE org_id = $1 AND episode_id BETWEEN $2 AND $3
ORDER BY episode_id, admitted_at, id

-- name: appointments
SELECT {columns:appointment}
FROM psychiatric_appointments
WHERE org_id = $1 AND episode_id = $2
ORDER BY episode_id, created_at, id

-- name: appointments_range
SELECT {columns:appointment}
FROM psychiatric_appointments
WHERE org_id = $1 AND episode_id BETWEEN $2 AND $3
ORDER BY episode_id, created_at, id

-- The participant's releases, with the episode id too (the single-episode form names it as $2
-- so both forms read alike).
-- name: releases
SELECT {columns:release}
FROM episodes e
JOIN consents c ON c.org_id = e.org_id AND c.participant_id = e.participant_id
WHERE e.org_id = $1 AND e.id = $2
ORDER BY e.id, c.effective_date, c.id

-- $2 program, $3 first id, $4 last id.
-- name: releases_range
SELECT {columns:release}
FROM episodes e
JOIN consents c ON c.org_id = e.org_id AND c.participant_id = e.participant_id
WHERE e.org_id = $1 AND e.program_id = $2 AND e.id BETWEEN $3 AND $4
ORDER BY e.id, c.effective_date, c.id
