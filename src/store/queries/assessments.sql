-- SPDX-License-Identifier: Apache-2.0
-- Assessments, their answers and risk-tier overrides (migration 0004;
-- store/assessment_repository.h). Rows are read by column name (assessment_repository.cc).
-- Flags and needs are comma-separated codes.

-- An assessment with its recorder's display name, read by AssessmentFromRow: FROM assessments a
-- LEFT JOIN users u.
-- columns: assessment
a.org_id, a.id, a.participant_id, a.episode_id, a.instrument_id, a.instrument_version,
a.instrument_title, a.assessed_at, a.total, a.band, a.band_label, a.flags, a.needs,
a.recommended_level, a.level_source, a.level_provided, a.variance_reason, a.respondent,
a.notes, a.recorded_by, a.created_at, COALESCE(u.display_name, '') AS recorded_by_name

-- An answer, read by AnswerFromRow: FROM assessment_answers aa.
-- columns: answer
aa.assessment_id, aa.item_id, aa.value, aa.text

-- name: insert
INSERT INTO assessments (org_id, id, participant_id, episode_id, instrument_id,
                         instrument_version, instrument_title, assessed_at, total, band,
                         band_label, flags, needs, recommended_level, level_source,
                         level_provided, variance_reason, respondent, notes, recorded_by,
                         created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21)

-- $1 org, $2 assessment, $3 item, $4 value (NULL for a text answer), $5 text
-- name: insert_answer
INSERT INTO assessment_answers (org_id, assessment_id, item_id, value, text)
VALUES ($1, $2, $3, $4, $5)

-- name: get
SELECT {columns:assessment}
FROM assessments a
LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.recorded_by
WHERE a.org_id = $1 AND a.id = $2

-- name: answers_of_assessment
SELECT {columns:answer}
FROM assessment_answers aa
WHERE aa.org_id = $1 AND aa.assessment_id = $2
ORDER BY aa.item_id

-- Newest assessed_at first, ties broken by id (time-ordered). $3 the instrument, or '' for all.
-- name: list_by_participant
SELECT {columns:assessment}
FROM assessments a
LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.recorded_by
WHERE a.org_id = $1 AND a.participant_id = $2 AND ($3 = '' OR a.instrument_id = $3)
ORDER BY a.assessed_at DESC, a.id DESC

-- Every answer of the participant's assessments (of one instrument when $3 is not empty), read
-- at once and matched to the list in C++ rather than a query per assessment.
-- name: answers_of_participant
SELECT {columns:answer}
FROM assessments a
JOIN assessment_answers aa ON aa.org_id = a.org_id AND aa.assessment_id = a.id
WHERE a.org_id = $1 AND a.participant_id = $2 AND ($3 = '' OR a.instrument_id = $3)
ORDER BY aa.assessment_id, aa.item_id

-- What stratification reads (domain/stratification.h AssessmentFact), by assessed_at.
-- name: facts
SELECT id, instrument_id, instrument_title, assessed_at, created_at, total, band, band_label,
       flags, needs, recommended_level
FROM assessments
WHERE org_id = $1 AND participant_id = $2
ORDER BY assessed_at, id

-- Every discharge of every episode of the participant, through the episodes index (the
-- transitions table is indexed by episode). A transition counts from when it was first saved
-- (created_at), as in the policy engine's facts.
-- name: discharges
SELECT t.id, t.level, t.discharged_at, t.created_at
FROM episodes e
JOIN transitions t ON t.org_id = e.org_id AND t.episode_id = e.id
WHERE e.org_id = $1 AND e.participant_id = $2 AND t.discharged_at IS NOT NULL
ORDER BY t.discharged_at, t.id

-- The override in force: the newest not cleared.
-- name: override_in_force
SELECT o.id, o.tier, o.reason, o.set_by, o.set_at, COALESCE(u.display_name, '') AS set_by_name
FROM risk_tier_overrides o
LEFT JOIN users u ON u.org_id = o.org_id AND u.id = o.set_by
WHERE o.org_id = $1 AND o.participant_id = $2 AND o.cleared_at IS NULL
ORDER BY o.set_at DESC, o.id DESC
LIMIT 1

-- Clears every override in force (there is at most one; all of them, should two writers have
-- raced). $3 cleared_by, $4 cleared_at.
-- name: clear_overrides
UPDATE risk_tier_overrides SET cleared_by = $3, cleared_at = $4
WHERE org_id = $1 AND participant_id = $2 AND cleared_at IS NULL

-- name: insert_override
INSERT INTO risk_tier_overrides (org_id, id, participant_id, tier, reason, set_by, set_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
