-- SPDX-License-Identifier: Apache-2.0
-- The hash-chained audit log.

-- name: ensure_chain_head
INSERT INTO audit_chain_heads (org_id, last_seq, last_hash) VALUES ($1, 0, $2)
ON CONFLICT (org_id) DO NOTHING

-- Locks the organization's chain tip for the rest of the transaction (a no-op update takes the
-- row lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock).
-- name: lock_chain_head
UPDATE audit_chain_heads SET last_seq = last_seq WHERE org_id = $1
RETURNING org_id, last_seq, last_hash

-- name: advance_chain_head
UPDATE audit_chain_heads SET last_seq = $2, last_hash = $3 WHERE org_id = $1

-- name: insert_event
INSERT INTO audit_events (org_id, seq, id, occurred_at, actor_id, actor_username, role,
                          program_id, action, resource_type, resource_id, participant_id,
                          outcome, reason, prev_hash, hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)

-- name: chain_heads
SELECT org_id, last_seq, last_hash FROM audit_chain_heads ORDER BY org_id

-- An audit event, read by name (RecordFromRow in audit_repository.cc).
-- columns: event
org_id, seq, id, occurred_at, actor_id, actor_username, role, program_id, action,
resource_type, resource_id, participant_id, outcome, reason, prev_hash, hash

-- Verification walks a chain in seq order, a page at a time.
-- name: events_after
SELECT {columns:event}
FROM audit_events WHERE org_id = $1 AND seq > $2 ORDER BY seq LIMIT $3

-- Newest first, filtered; '' means "any" for the text filters.
-- name: search
SELECT {columns:event}
FROM audit_events
WHERE org_id = $1
  AND ($2 = '' OR actor_id = $2)
  AND ($3 = '' OR participant_id = $3)
  AND occurred_at >= $4 AND occurred_at < $5
  AND seq < $6
ORDER BY seq DESC
LIMIT $7
