-- SPDX-License-Identifier: Apache-2.0
-- Releases of information (store/consent_repository.h). Rows are read by column name
-- (ConsentFromRow in consent_repository.cc).

-- A release with the names of its revoker and participant: FROM consents c JOIN participants p
-- LEFT JOIN users u (the revoker).
-- columns: consent
c.org_id, c.id, c.participant_id, c.party_kind, c.party_name, c.party_name_norm,
c.related_person_id, c.care_team_member_id, c.purpose, c.categories, c.effective_date,
c.expiry_date, c.signed_by, c.signer_name, c.signed_date, c.revoked_date, c.revoked_by,
c.revocation_note, c.recorded_by, c.created_at, c.updated_at, c.version,
COALESCE(u.display_name, '') AS revoked_by_name,
p.given_name || ' ' || p.family_name AS participant_name

-- name: insert
INSERT INTO consents (org_id, id, participant_id, party_kind, party_name, party_name_norm,
                      related_person_id, care_team_member_id, purpose, categories,
                      effective_date, expiry_date, signed_by, signer_name, signed_date,
                      recorded_by, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1)

-- name: get
SELECT {columns:consent}
FROM consents c
JOIN participants p ON p.org_id = c.org_id AND p.id = c.participant_id
LEFT JOIN users u ON u.org_id = c.org_id AND u.id = c.revoked_by
WHERE c.org_id = $1 AND c.id = $2

-- Newest effective first.
-- name: list_by_participant
SELECT {columns:consent}
FROM consents c
JOIN participants p ON p.org_id = c.org_id AND p.id = c.participant_id
LEFT JOIN users u ON u.org_id = c.org_id AND u.id = c.revoked_by
WHERE c.org_id = $1 AND c.participant_id = $2
ORDER BY c.effective_date DESC, c.id DESC

-- A release is revoked once; the version check makes a stale request change nothing.
-- name: revoke
UPDATE consents SET revoked_date = $3, revoked_by = $4, revocation_note = $5, updated_at = $6,
                    version = $7 + 1
WHERE org_id = $1 AND id = $2 AND version = $7 AND revoked_date IS NULL

-- Releases in force on $2 (today) that expire by $3, of participants visible to the caller
-- (app/participant_access.h VisibilityScope): $4 = 1 for the whole organization (auditors);
-- otherwise accountable coordinator ($5) of an episode, internal care team member on $2, or
-- supervisor of the episode's program ($6: the supervised program ids separated by spaces).
-- Soonest expiry first.
-- name: expiring
SELECT {columns:consent}
FROM consents c
JOIN participants p ON p.org_id = c.org_id AND p.id = c.participant_id
LEFT JOIN users u ON u.org_id = c.org_id AND u.id = c.revoked_by
WHERE c.org_id = $1 AND c.effective_date <= $2 AND c.expiry_date >= $2 AND c.expiry_date <= $3
  AND (c.revoked_date IS NULL OR c.revoked_date > $2)
  AND ($4 = 1
       OR EXISTS (SELECT 1 FROM episodes e
                  WHERE e.org_id = c.org_id AND e.participant_id = c.participant_id
                    AND (e.coordinator_id = $5
                         OR (' ' || CAST($6 AS TEXT) || ' ') LIKE ('% ' || e.program_id || ' %')))
       OR EXISTS (SELECT 1 FROM care_team_members m
                  WHERE m.org_id = c.org_id AND m.participant_id = c.participant_id
                    AND m.user_id = $5 AND m.start_date <= $2
                    AND (m.end_date IS NULL OR m.end_date >= $2)))
ORDER BY c.expiry_date, c.id
LIMIT $7

-- The participant whose record it is, for the relationship check made before a route reads its
-- body (app/core/subject_access.h, issue 11).
-- name: participant_of
SELECT participant_id FROM consents WHERE org_id = $1 AND id = $2
