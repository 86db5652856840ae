-- SPDX-License-Identifier: Apache-2.0
-- Care team memberships (FHIR CareTeam participants): internal users or outside people, with
-- dates. Rows are read by column name (MemberFromRow in care_team_repository.cc).

-- A membership with its user's display name: FROM care_team_members m LEFT JOIN users u.
-- columns: member
m.org_id, m.id, m.episode_id, m.participant_id, m.role, m.user_id, u.display_name AS user_name,
m.external_name, m.external_org, m.phone, m.email, m.start_date, m.end_date, m.created_at,
m.updated_at, m.version

-- name: find
SELECT {columns:member}
FROM care_team_members m
LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.user_id
WHERE m.org_id = $1 AND m.id = $2

-- Current and future members first (no end or a later end), then by start date.
-- name: list_for_episode
SELECT {columns:member}
FROM care_team_members m
LEFT JOIN users u ON u.org_id = m.org_id AND u.id = m.user_id
WHERE m.org_id = $1 AND m.episode_id = $2
ORDER BY CASE WHEN m.end_date IS NULL THEN 0 ELSE 1 END, m.start_date, m.id

-- name: insert
INSERT INTO care_team_members (org_id, id, episode_id, participant_id, role, user_id,
                               external_name, external_org, phone, email, start_date, end_date,
                               created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)

-- Optimistic concurrency: changes nothing unless the stored version is $9.
-- name: update
UPDATE care_team_members SET start_date = $3, end_date = $4, external_org = $5, phone = $6,
                             email = $7, updated_at = $8, version = version + 1
WHERE org_id = $1 AND id = $2 AND version = $9

-- Ends memberships on $4 (today, program-local) that have not ended by then: internal members
-- only ($3 = '' : every user; else only that user) with role $5 ('' : any role). A membership
-- that had not begun yet is cut to that one day, so no membership of the episode outlives $4.
-- $1 org, $2 episode, $3 user or '', $4 today, $5 role or '', $6 now
-- name: end_internal
UPDATE care_team_members
SET end_date = $4,
    start_date = CASE WHEN start_date > $4 THEN $4 ELSE start_date END,
    updated_at = $6, version = version + 1
WHERE org_id = $1 AND episode_id = $2 AND user_id IS NOT NULL
  AND ($3 = '' OR user_id = $3) AND ($5 = '' OR role = $5)
  AND (end_date IS NULL OR end_date > $4)

-- Whether user $3 holds role $4 on the episode's team on $5 (today) and beyond it: the
-- memberships end_internal would end.
-- name: has_ongoing_membership
SELECT CASE WHEN EXISTS (
  SELECT 1 FROM care_team_members
  WHERE org_id = $1 AND episode_id = $2 AND user_id = $3 AND role = $4
    AND start_date <= $5 AND (end_date IS NULL OR end_date > $5)) THEN 1 ELSE 0 END

-- The participant whose record it is, for the relationship check made before a route reads its
-- body (app/core/subject_access.h, issue 11).
-- name: participant_of
SELECT participant_id FROM care_team_members WHERE org_id = $1 AND id = $2
