-- SPDX-License-Identifier: Apache-2.0
-- Contacts (case notes) and their addenda (store/contact_repository.h). Rows are read by column
-- name (ContactFromRow and AddendumFromRow in contact_repository.cc).

-- A contact with the display names of its author and signer: FROM contacts c LEFT JOIN users a
-- (the author) LEFT JOIN users s (the signer).
-- columns: contact
c.org_id, c.id, c.episode_id, c.participant_id, c.occurred_at, c.duration_minutes, c.mode,
c.setting, c.successful, c.with_whom, c.party_name, c.related_person_id,
c.care_team_member_id, c.disclosed, c.by_user_id, c.by_role, c.purposes, c.outcome,
c.narrative, c.signed_at, c.signed_by, c.created_at, c.updated_at, c.version,
COALESCE(a.display_name, '') AS by_name, COALESCE(s.display_name, '') AS signed_by_name

-- An addendum with its author's display name: FROM contact_addenda a LEFT JOIN users u.
-- columns: addendum
a.contact_id, a.id, a.text, a.by_user_id, COALESCE(u.display_name, '') AS by_name, a.created_at

-- name: insert
INSERT INTO contacts (org_id, id, episode_id, participant_id, occurred_at, duration_minutes,
                      mode, setting, successful, with_whom, party_name, related_person_id,
                      care_team_member_id, disclosed, by_user_id, by_role, purposes, outcome,
                      narrative, signed_at, signed_by, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, 1)

-- name: get
SELECT {columns:contact}
FROM contacts c
LEFT JOIN users a ON a.org_id = c.org_id AND a.id = c.by_user_id
LEFT JOIN users s ON s.org_id = c.org_id AND s.id = c.signed_by
WHERE c.org_id = $1 AND c.id = $2

-- Newest first: (occurred_at, id) descending; $3 is the page size plus one.
-- name: list_by_episode
SELECT {columns:contact}
FROM contacts c
LEFT JOIN users a ON a.org_id = c.org_id AND a.id = c.by_user_id
LEFT JOIN users s ON s.org_id = c.org_id AND s.id = c.signed_by
WHERE c.org_id = $1 AND c.episode_id = $2
ORDER BY c.occurred_at DESC, c.id DESC
LIMIT $3

-- The page after the cursor ($4 occurred_at, $5 id of the last contact shown).
-- name: list_by_episode_after
SELECT {columns:contact}
FROM contacts c
LEFT JOIN users a ON a.org_id = c.org_id AND a.id = c.by_user_id
LEFT JOIN users s ON s.org_id = c.org_id AND s.id = c.signed_by
WHERE c.org_id = $1 AND c.episode_id = $2
  AND (c.occurred_at < $4 OR (c.occurred_at = $4 AND c.id < $5))
ORDER BY c.occurred_at DESC, c.id DESC
LIMIT $3

-- An edit of an unsigned note. `signed_at IS NULL` is part of the condition, so a note signed
-- by a concurrent request can never change (the row is immutable once signed).
-- name: update_unsigned
UPDATE contacts SET occurred_at = $3, duration_minutes = $4, mode = $5, setting = $6,
                    successful = $7, with_whom = $8, party_name = $9, related_person_id = $10,
                    care_team_member_id = $11, disclosed = $12, purposes = $13, outcome = $14,
                    narrative = $15, updated_at = $16, version = $17 + 1
WHERE org_id = $1 AND id = $2 AND version = $17 AND signed_at IS NULL

-- name: sign
UPDATE contacts SET signed_at = $3, signed_by = $4, updated_at = $3, version = $5 + 1
WHERE org_id = $1 AND id = $2 AND version = $5 AND signed_at IS NULL

-- name: insert_addendum
INSERT INTO contact_addenda (org_id, id, contact_id, text, by_user_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6)

-- name: addenda_of_contact
SELECT {columns:addendum}
FROM contact_addenda a LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.by_user_id
WHERE a.org_id = $1 AND a.contact_id = $2
ORDER BY a.created_at, a.id

-- name: addenda_of_episode
SELECT {columns:addendum}
FROM contact_addenda a
JOIN contacts c ON c.org_id = a.org_id AND c.id = a.contact_id
LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.by_user_id
WHERE a.org_id = $1 AND c.episode_id = $2
ORDER BY a.created_at, a.id

-- The participant whose record it is, for the relationship check made before a route reads its
-- body (app/core/subject_access.h, issue 11).
-- name: participant_of
SELECT participant_id FROM contacts WHERE org_id = $1 AND id = $2
