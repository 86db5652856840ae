-- SPDX-License-Identifier: Apache-2.0
-- Care plans, their versions, reviews and goal progress (migration 0004;
-- store/care_plan_repository.h). Rows are read by column name (care_plan_repository.cc).

-- A version with its author's display name, read by VersionFromRow: FROM care_plan_versions v
-- LEFT JOIN users u. Aliased apart from the plan's own version, created_by and created_at,
-- which a plan row has too.
-- columns: version
v.version AS version_number, v.document, v.change_note, v.created_by AS version_created_by,
v.created_at AS version_created_at, COALESCE(u.display_name, '') AS version_created_by_name

-- A plan with its episode's program and its current version, read by PlanFromRow: FROM
-- care_plans p JOIN episodes e JOIN care_plan_versions v (v.version = p.version) LEFT JOIN
-- users u (the version's author).
-- columns: plan
p.org_id, p.id, p.participant_id, p.episode_id, e.program_id, p.version, p.created_by,
p.created_at, p.updated_at, {columns:version}

-- name: insert_plan
INSERT INTO care_plans (org_id, id, participant_id, episode_id, version, created_by, created_at,
                        updated_at)
VALUES ($1, $2, $3, $4, 1, $5, $6, $7)

-- $1 org, $2 plan, $3 version, $4 document, $5 review_date, $6 agreement_method,
-- $7 agreement_date, $8 change_note, $9 created_by, $10 created_at
-- name: insert_version
INSERT INTO care_plan_versions (org_id, plan_id, version, document, review_date,
                                agreement_method, agreement_date, change_note, created_by,
                                created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: insert_goal
INSERT INTO care_plan_goals (org_id, plan_id, version, goal_id, target_date, status)
VALUES ($1, $2, $3, $4, $5, $6)

-- Optimistic concurrency: moves the plan to the next version only when it is still at $3. On
-- PostgreSQL the row lock makes a concurrent editor wait and then match nothing.
-- $1 org, $2 plan, $3 expected version, $4 now
-- name: advance
UPDATE care_plans SET version = $3 + 1, updated_at = $4
WHERE org_id = $1 AND id = $2 AND version = $3

-- name: get
SELECT {columns:plan}
FROM care_plans p
JOIN episodes e ON e.org_id = p.org_id AND e.id = p.episode_id
JOIN care_plan_versions v ON v.org_id = p.org_id AND v.plan_id = p.id AND v.version = p.version
LEFT JOIN users u ON u.org_id = v.org_id AND u.id = v.created_by
WHERE p.org_id = $1 AND p.id = $2

-- name: get_for_episode
SELECT {columns:plan}
FROM care_plans p
JOIN episodes e ON e.org_id = p.org_id AND e.id = p.episode_id
JOIN care_plan_versions v ON v.org_id = p.org_id AND v.plan_id = p.id AND v.version = p.version
LEFT JOIN users u ON u.org_id = v.org_id AND u.id = v.created_by
WHERE p.org_id = $1 AND p.episode_id = $2

-- Newest episode first.
-- name: list_for_participant
SELECT {columns:plan}
FROM care_plans p
JOIN episodes e ON e.org_id = p.org_id AND e.id = p.episode_id
JOIN care_plan_versions v ON v.org_id = p.org_id AND v.plan_id = p.id AND v.version = p.version
LEFT JOIN users u ON u.org_id = v.org_id AND u.id = v.created_by
WHERE p.org_id = $1 AND p.participant_id = $2
ORDER BY e.started_at DESC, e.id DESC

-- Oldest first.
-- name: versions
SELECT {columns:version}
FROM care_plan_versions v
LEFT JOIN users u ON u.org_id = v.org_id AND u.id = v.created_by
WHERE v.org_id = $1 AND v.plan_id = $2
ORDER BY v.version

-- $1 org, $2 id, $3 plan, $4 version, $5 reviewed_on, $6 next_review_date, $7 participants,
-- $8 note, $9 recorded_by, $10 created_at
-- name: insert_review
INSERT INTO care_plan_reviews (org_id, id, plan_id, version, reviewed_on, next_review_date,
                               participants, note, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- Newest first: by the version each review made, which increases with every review.
-- name: reviews
SELECT r.id, r.version, r.reviewed_on, r.next_review_date, r.participants, r.note,
       r.recorded_by, COALESCE(u.display_name, '') AS recorded_by_name, r.created_at
FROM care_plan_reviews r
LEFT JOIN users u ON u.org_id = r.org_id AND u.id = r.recorded_by
WHERE r.org_id = $1 AND r.plan_id = $2
ORDER BY r.version DESC

-- $1 org, $2 id, $3 plan, $4 goal, $5 observed_on, $6 value, $7 note, $8 recorded_by,
-- $9 created_at
-- name: insert_progress
INSERT INTO goal_progress (org_id, id, plan_id, goal_id, observed_on, value, note, recorded_by,
                           created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)

-- By the day observed, then as recorded (ids break ties of one instant).
-- name: progress
SELECT g.org_id, g.id, g.plan_id, g.goal_id, g.observed_on, g.value, g.note, g.recorded_by,
       COALESCE(u.display_name, '') AS recorded_by_name, g.created_at
FROM goal_progress g
LEFT JOIN users u ON u.org_id = g.org_id AND u.id = g.recorded_by
WHERE g.org_id = $1 AND g.plan_id = $2 AND g.goal_id = $3
ORDER BY g.observed_on, g.created_at, g.id

-- What the policy engine reads (CarePlanFact in domain/obligations.h), by episode.
-- name: fact_plan
SELECT id FROM care_plans WHERE org_id = $1 AND episode_id = $2

-- name: fact_versions
SELECT version, created_at, review_date, agreement_method
FROM care_plan_versions
WHERE org_id = $1 AND plan_id = $2
ORDER BY version

-- name: fact_goals
SELECT version, goal_id, target_date, status
FROM care_plan_goals
WHERE org_id = $1 AND plan_id = $2
ORDER BY version, goal_id

-- name: fact_reviews
SELECT reviewed_on, created_at, version
FROM care_plan_reviews
WHERE org_id = $1 AND plan_id = $2
ORDER BY created_at, version
