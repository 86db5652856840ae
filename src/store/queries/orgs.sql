-- SPDX-License-Identifier: Apache-2.0
-- Organizations and programs. Rows are read by column name (org_repository.cc,
-- ProgramFromRow in user_repository.cc).

-- Read by OrgFromRow.
-- columns: org
org_id, name

-- Read by ProgramFromRow.
-- columns: program
id, name, time_zone

-- name: insert_org
INSERT INTO organizations (org_id, name, created_at) VALUES ($1, $2, $3)

-- name: find_org_by_name
SELECT {columns:org} FROM organizations WHERE name = $1

-- name: insert_program
INSERT INTO programs (org_id, id, name, time_zone, created_at) VALUES ($1, $2, $3, $4, $5)

-- name: list_programs
SELECT {columns:program} FROM programs WHERE org_id = $1 ORDER BY name

-- name: find_program
SELECT {columns:program} FROM programs WHERE org_id = $1 AND (id = $2 OR name = $2)

-- name: list_orgs
SELECT {columns:org} FROM organizations ORDER BY name
