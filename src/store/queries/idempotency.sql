-- SPDX-License-Identifier: Apache-2.0
-- Idempotency keys (app/idempotency.h).

-- name: find
SELECT fingerprint, resource_type, resource_id FROM idempotency_keys
WHERE org_id = $1 AND user_id = $2 AND idem_key = $3

-- name: insert
INSERT INTO idempotency_keys (org_id, user_id, idem_key, fingerprint, resource_type, resource_id,
                              created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
