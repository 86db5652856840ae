-- SPDX-License-Identifier: Apache-2.0
-- Referrals in (store/referral_repository.h). Referral rows are read by column name
-- (ReferralFromRow in referral_repository.cc).

-- columns: referral
org_id, id, program_id, status, urgency, urgency_rank, received_at, source_setting,
source_org, source_person, source_contact, reason, documents, given_name, family_name,
birth_date, sex, phone, payer, member_id, preferred_language, participant_id, episode_id,
decided_at, decided_by, decision_reason, created_by, created_at, updated_at, version

-- name: insert
INSERT INTO referrals (org_id, id, program_id, status, urgency, urgency_rank, received_at,
                       source_setting, source_org, source_person, source_contact, reason,
                       documents, given_name, family_name, birth_date, sex, phone, payer,
                       member_id, preferred_language, participant_id, episode_id, decided_at,
                       decided_by, decision_reason, created_by, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)

-- name: find
SELECT {columns:referral}
FROM referrals WHERE org_id = $1 AND id = $2

-- The intake queue of one program (index referrals_queue): most urgent first, then oldest,
-- then id; keyset paging after ($5 rank, $6 received_at, $7 id) when $4 = 1. $8 = limit.
-- name: queue
SELECT {columns:referral}
FROM referrals
WHERE org_id = $1 AND program_id = $2 AND status = $3
  AND ($4 = 0 OR urgency_rank > $5 OR (urgency_rank = $5 AND (received_at > $6
       OR (received_at = $6 AND id > $7))))
ORDER BY urgency_rank, received_at, id
LIMIT $8

-- A decision, once: changes nothing unless the referral is still open at version $9. The row
-- lock this takes (PostgreSQL) makes a concurrent decision wait, then find the new version.
-- name: decide
UPDATE referrals SET status = $3, participant_id = $4, episode_id = $5, decided_at = $6,
                     decided_by = $7, decision_reason = $8, updated_at = $6, version = $9 + 1
WHERE org_id = $1 AND id = $2 AND version = $9 AND status = 'open'
