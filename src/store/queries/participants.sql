-- SPDX-License-Identifier: Apache-2.0
-- Participants and their related persons (store/participant_repository.h). Rows are read by
-- column name (participant_repository.cc).

-- name: insert
INSERT INTO participants (org_id, id, given_name, family_name, preferred_name, name_norm,
                          family_norm, birth_date, sex, gender_identity, pronouns, phone, email,
                          preferred_contact_method, preferred_contact_times, address_line, city,
                          state, postal_code, living_situation, preferred_language,
                          interpreter_needed, cultural_considerations, advance_directive,
                          health_care_proxy, payer, member_id, primary_care_provider,
                          school_name, school_grade, education_plan, family_notes, created_at,
                          updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35)

-- name: find
SELECT org_id, id, given_name, family_name, preferred_name, name_norm, family_norm, birth_date,
       sex, gender_identity, pronouns, phone, email, preferred_contact_method,
       preferred_contact_times, address_line, city, state, postal_code, living_situation,
       preferred_language, interpreter_needed, cultural_considerations, advance_directive,
       health_care_proxy, payer, member_id, primary_care_provider, school_name, school_grade,
       education_plan, family_notes, created_at, updated_at, version
FROM participants WHERE org_id = $1 AND id = $2

-- Optimistic concurrency: changes nothing unless the stored version is $34. Parameters as in
-- insert, then $33 updated_at.
-- name: update
UPDATE participants SET given_name = $3, family_name = $4, preferred_name = $5, name_norm = $6,
  family_norm = $7, birth_date = $8, sex = $9, gender_identity = $10, pronouns = $11,
  phone = $12, email = $13, preferred_contact_method = $14, preferred_contact_times = $15,
  address_line = $16, city = $17, state = $18, postal_code = $19, living_situation = $20,
  preferred_language = $21, interpreter_needed = $22, cultural_considerations = $23,
  advance_directive = $24, health_care_proxy = $25, payer = $26, member_id = $27,
  primary_care_provider = $28, school_name = $29, school_grade = $30, education_plan = $31,
  family_notes = $32, updated_at = $33, version = $34 + 1
WHERE org_id = $1 AND id = $2 AND version = $34

-- Duplicate candidates at intake, by index (participants_birth_date, participants_member).
-- columns: candidate
id, given_name, family_name, birth_date, member_id

-- name: by_birth_date
SELECT {columns:candidate}
FROM participants WHERE org_id = $1 AND birth_date = $2 ORDER BY id LIMIT 500

-- name: by_member_id
SELECT {columns:candidate}
FROM participants WHERE org_id = $1 AND member_id = $2 AND member_id <> '' ORDER BY id LIMIT 50

-- Search among the participants the caller may see (app/participant_access.h ScopeOf): $2 = 1
-- for the whole organization (auditors); otherwise participants with an episode $3 coordinates
-- or in a program $3 supervises, or a care team membership of $3 current on $4. $5: '' or a
-- LIKE prefix of the normalized name ("gar%"), matched against the family name and the whole
-- name; $6 birth date or ''; $7 member id or ''. Keyset after ($9 family_norm, $10 id) when
-- $8 = 1; $11 limit. The list shows the most relevant episode: an open one, else the latest.
-- name: search
SELECT p.id, p.given_name, p.family_name, p.preferred_name, p.birth_date, p.member_id,
       p.family_norm,
       (SELECT e.status FROM episodes e WHERE e.org_id = p.org_id AND e.participant_id = p.id
        ORDER BY CASE WHEN e.status IN ('referred', 'engaging', 'active', 'transitioning')
                      THEN 0 ELSE 1 END, e.started_at DESC, e.id DESC LIMIT 1) AS episode_status,
       (SELECT u.display_name FROM episodes e
        JOIN users u ON u.org_id = e.org_id AND u.id = e.coordinator_id
        WHERE e.org_id = p.org_id AND e.participant_id = p.id
        ORDER BY CASE WHEN e.status IN ('referred', 'engaging', 'active', 'transitioning')
                      THEN 0 ELSE 1 END, e.started_at DESC, e.id DESC LIMIT 1) AS coordinator_name
FROM participants p
WHERE p.org_id = $1
  AND ($2 = 1
       OR EXISTS (SELECT 1 FROM episodes e
                  WHERE e.org_id = p.org_id AND e.participant_id = p.id
                    AND (e.coordinator_id = $3
                         OR e.program_id IN (SELECT r.program_id FROM user_roles r
                                             WHERE r.org_id = p.org_id AND r.user_id = $3
                                               AND r.role = 'supervisor')))
       OR EXISTS (SELECT 1 FROM care_team_members c
                  WHERE c.org_id = p.org_id AND c.participant_id = p.id AND c.user_id = $3
                    AND c.start_date <= $4 AND (c.end_date IS NULL OR c.end_date >= $4)))
  AND ($5 = '' OR p.family_norm LIKE $5 OR p.name_norm LIKE $5)
  AND ($6 = '' OR p.birth_date = $6)
  AND ($7 = '' OR p.member_id = $7)
  AND ($8 = 0 OR p.family_norm > $9 OR (p.family_norm = $9 AND p.id > $10))
ORDER BY p.family_norm, p.id
LIMIT $11

-- The episodes of a participant for the chart overview, newest first.
-- name: episode_summaries
SELECT e.id, e.program_id, g.name AS program_name, e.status, e.coordinator_id,
       u.display_name AS coordinator_name, e.started_at, e.enrolled_at, e.ended_at
FROM episodes e
JOIN programs g ON g.org_id = e.org_id AND g.id = e.program_id
JOIN users u ON u.org_id = e.org_id AND u.id = e.coordinator_id
WHERE e.org_id = $1 AND e.participant_id = $2
ORDER BY e.started_at DESC, e.id DESC

-- Related persons, read by RelatedFromRow.
-- columns: related_person
org_id, id, participant_id, name, relationship, roles, phone, email, notes, active,
created_at, updated_at, version

-- name: related_of_participant
SELECT {columns:related_person}
FROM related_persons WHERE org_id = $1 AND participant_id = $2
ORDER BY active DESC, created_at, id

-- name: find_related
SELECT {columns:related_person}
FROM related_persons WHERE org_id = $1 AND id = $2

-- name: insert_related
INSERT INTO related_persons (org_id, id, participant_id, name, relationship, roles, phone, email,
                             notes, active, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)

-- name: update_related
UPDATE related_persons SET name = $3, relationship = $4, roles = $5, phone = $6, email = $7,
                           notes = $8, active = $9, updated_at = $10, version = $11 + 1
WHERE org_id = $1 AND id = $2 AND version = $11

-- The participant a related person belongs to, for the relationship check made before a route
-- reads its body (app/core/subject_access.h, issue 11).
-- name: participant_of_related
SELECT participant_id FROM related_persons WHERE org_id = $1 AND id = $2
