-- SPDX-License-Identifier: Apache-2.0
-- Organizations and programs.

-- name: insert_org
INSERT INTO organizations (org_id, name, created_at) VALUES ($1, $2, $3)

-- name: find_org_by_name
SELECT org_id, name FROM organizations WHERE name = $1

-- name: insert_program
INSERT INTO programs (org_id, id, name, time_zone, created_at) VALUES ($1, $2, $3, $4, $5)

-- name: list_programs
SELECT id, name, time_zone FROM programs WHERE org_id = $1 ORDER BY name

-- name: find_program
SELECT id, name, time_zone FROM programs WHERE org_id = $1 AND (id = $2 OR name = $2)

-- name: list_orgs
SELECT org_id, name FROM organizations ORDER BY name
