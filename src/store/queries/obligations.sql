-- SPDX-License-Identifier: Apache-2.0
-- The materialised obligations, policy versions and the figures read from them
-- (store/obligation_repository.h, migrations/0003_obligations.sql). Stored state is open, met,
-- excused or ended; whether an open window is due, overdue or missed is decided against "now"
-- ($-parameter) at read time: a window is past due once now >= due_at (due_at is the exclusive
-- end), and then a recurring one is missed and a deadline overdue. Rows are read by column name
-- (obligation_repository.cc).

-- A stored obligation, read by StoredFromRow: FROM obligations o.
-- columns: obligation
o.episode_id, o.okey, o.rule_id, o.program_id, o.participant_id, o.assignee_id, o.window_start,
o.due_at, o.recurring, o.state, o.resolved_at, o.required, o.counted, o.explanation,
o.suggest_mode, o.suggest_purpose, o.suggest_with, o.policy_version, o.evaluated_at

-- Compliance counts of a group of obligations o as of $5, read by CountsFromRow.
-- columns: compliance_counts
SUM(CASE WHEN o.state = 'met' THEN 1 ELSE 0 END) AS met,
SUM(CASE WHEN o.state = 'excused' THEN 1 ELSE 0 END) AS excused,
SUM(CASE WHEN o.state = 'open' AND o.recurring = 1 AND o.due_at <= $5 THEN 1 ELSE 0 END)
  AS missed,
SUM(CASE WHEN o.state = 'open' AND o.recurring = 0 AND o.due_at <= $5 THEN 1 ELSE 0 END)
  AS overdue,
SUM(CASE WHEN o.state = 'open' AND o.due_at > $5 THEN 1 ELSE 0 END) AS pending

-- name: delete_episode
DELETE FROM obligations WHERE org_id = $1 AND episode_id = $2

-- Written for one row; ObligationRepository derives the multi-row forms by repeating the VALUES
-- tuple (store::MultiRowInsert), so this text is the only SQL.
-- name: insert
INSERT INTO obligations (org_id, episode_id, okey, rule_id, program_id, participant_id,
                         assignee_id, window_start, due_at, recurring, state, resolved_at,
                         required, counted, explanation, suggest_mode, suggest_purpose,
                         suggest_with, policy_version, evaluated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)

-- The rebuild's replacement of a range of a program's episodes ($3 first, $4 last id) as
-- evaluated at $5. Episodes refreshed by a write after $5 keep their newer rows (see
-- refreshed_after).
-- name: delete_range
DELETE FROM obligations
WHERE org_id = $1 AND episode_id BETWEEN $3 AND $4 AND program_id = $2 AND evaluated_at <= $5

-- name: refreshed_after
SELECT DISTINCT episode_id
FROM obligations
WHERE org_id = $1 AND episode_id BETWEEN $3 AND $4 AND program_id = $2 AND evaluated_at > $5

-- One episode's stored rows, in key order (tests and the chart's comparisons).
-- name: list_episode
SELECT {columns:obligation}
FROM obligations o
WHERE org_id = $1 AND episode_id = $2
ORDER BY okey

-- Every stored row of a program, by episode and key.
-- name: list_program
SELECT {columns:obligation}
FROM obligations o
WHERE org_id = $1 AND program_id = $2
ORDER BY episode_id, okey

-- A worklist: $2's open rows whose window has begun by $3 (now) and that are due before $4,
-- without recurring windows already past due (those are missed: history, not work). Read
-- through the partial index obligations_worklist, which needs the literal state = 'open'.
-- name: worklist
SELECT {columns:obligation}, COALESCE(p.given_name, '') AS given_name,
       COALESCE(p.family_name, '') AS family_name, COALESCE(g.time_zone, 'UTC') AS time_zone
FROM obligations o
LEFT JOIN participants p ON p.org_id = o.org_id AND p.id = o.participant_id
LEFT JOIN programs g ON g.org_id = o.org_id AND g.id = o.program_id
WHERE o.org_id = $1 AND o.assignee_id = $2 AND o.state = 'open' AND o.due_at < $4
  AND o.window_start <= $3 AND (o.recurring = 0 OR o.due_at > $3)
ORDER BY o.due_at, o.episode_id, o.okey

-- Compliance of windows due after $3 and up to $4 (the instants bounding a calendar month: a
-- window belongs to the month of its last instant), as of $5, per assignee and rule. Ended
-- windows count nowhere.
-- name: compliance_by_assignee
SELECT o.assignee_id, COALESCE(u.display_name, '') AS assignee_name, o.rule_id,
       {columns:compliance_counts}
FROM obligations o
LEFT JOIN users u ON u.org_id = o.org_id AND u.id = o.assignee_id
WHERE o.org_id = $1 AND o.program_id = $2 AND o.due_at > $3 AND o.due_at <= $4
  AND o.state <> 'ended'
GROUP BY o.assignee_id, u.display_name, o.rule_id

-- The same for the whole program, per rule.
-- name: compliance_by_rule
SELECT o.rule_id, {columns:compliance_counts}
FROM obligations o
WHERE o.org_id = $1 AND o.program_id = $2 AND o.due_at > $3 AND o.due_at <= $4
  AND o.state <> 'ended'
GROUP BY o.rule_id

-- Deadlines past due and still open as of $3, per assignee, whatever their age.
-- name: overdue_deadlines
SELECT o.assignee_id AS user_id, COALESCE(u.display_name, '') AS display_name, COUNT(*) AS count
FROM obligations o
LEFT JOIN users u ON u.org_id = o.org_id AND u.id = o.assignee_id
WHERE o.org_id = $1 AND o.program_id = $2 AND o.due_at <= $3 AND o.state = 'open'
  AND o.recurring = 0
GROUP BY o.assignee_id, u.display_name

-- Open episodes per accountable coordinator (001 §1: one accountable coordinator each).
-- name: caseloads
SELECT e.coordinator_id AS user_id, COALESCE(u.display_name, '') AS display_name,
       COUNT(*) AS count
FROM episodes e
LEFT JOIN users u ON u.org_id = e.org_id AND u.id = e.coordinator_id
WHERE e.org_id = $1 AND e.program_id = $2
  AND e.status IN ('referred', 'engaging', 'active', 'transitioning')
GROUP BY e.coordinator_id, u.display_name

-- Staff of a program whose worklists obligations can be on, enabled, by name.
-- name: program_staff
SELECT u.id AS user_id, u.display_name
FROM user_roles r
JOIN users u ON u.org_id = r.org_id AND u.id = r.user_id
WHERE r.org_id = $1 AND r.program_id = $2
  AND r.role IN ('care_coordinator', 'peer_support', 'nurse_care_manager') AND u.disabled = 0
ORDER BY u.display_name, u.id

-- name: program
SELECT id, name, time_zone FROM programs WHERE org_id = $1 AND id = $2

-- Every program of every organization (the command line's rebuild of everything).
-- name: all_programs
SELECT org_id, id, name FROM programs ORDER BY org_id, name, id

-- name: policy_version_in_force
SELECT COALESCE(MAX(version), 0) FROM program_policies WHERE org_id = $1 AND program_id = $2

-- The version stored last at or before $3.
-- name: policy_version_at
SELECT COALESCE(MAX(version), 0) FROM program_policies
WHERE org_id = $1 AND program_id = $2 AND created_at <= $3

-- name: policy_get
SELECT pp.version, pp.source, pp.note, pp.created_by,
       COALESCE(u.display_name, '') AS created_by_name, pp.created_at
FROM program_policies pp
LEFT JOIN users u ON u.org_id = pp.org_id AND u.id = pp.created_by
WHERE pp.org_id = $1 AND pp.program_id = $2 AND pp.version = $3

-- name: policy_insert
INSERT INTO program_policies (org_id, program_id, version, source, note, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
