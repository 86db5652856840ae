-- SPDX-License-Identifier: Apache-2.0
-- Organizations, programs, users with per-program roles, sessions, and the hash-chained audit
-- log. Every table carries org_id and keys on it first, so a distributed PostgreSQL can shard
-- by organization. Instants are BIGINT milliseconds since the Unix epoch (UTC); booleans are
-- INTEGER 0/1; the same text runs on SQLite and PostgreSQL.

CREATE TABLE organizations (
  org_id      TEXT   NOT NULL PRIMARY KEY,
  name        TEXT   NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE TABLE programs (
  org_id      TEXT   NOT NULL REFERENCES organizations (org_id),
  id          TEXT   NOT NULL,
  name        TEXT   NOT NULL,
  time_zone   TEXT   NOT NULL,
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX programs_name ON programs (org_id, name);

-- Usernames are unique across the installation because sign-in names no organization.
-- (On a sharded PostgreSQL this table is a reference table.)
CREATE TABLE users (
  org_id               TEXT    NOT NULL REFERENCES organizations (org_id),
  id                   TEXT    NOT NULL,
  username             TEXT    NOT NULL,
  display_name         TEXT    NOT NULL,
  password_hash        TEXT    NOT NULL,
  disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins        INTEGER NOT NULL DEFAULT 0,
  locked_at            BIGINT,
  password_changed_at  BIGINT  NOT NULL,
  created_at           BIGINT  NOT NULL,
  updated_at           BIGINT  NOT NULL,
  version              INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX users_username ON users (username);

-- One role per user per program.
CREATE TABLE user_roles (
  org_id      TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  program_id  TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'care_coordinator',
                                            'peer_support', 'nurse_care_manager', 'auditor')),
  PRIMARY KEY (org_id, user_id, program_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, id)
);

-- Session tokens are stored only as SHA-256 hashes; the bearer keeps the token. (The CSRF
-- token is derived from the session token, so it needs no column: app/auth_service.cc.)
CREATE TABLE sessions (
  org_id               TEXT   NOT NULL,
  id                   TEXT   NOT NULL,
  user_id              TEXT   NOT NULL,
  token_hash           TEXT   NOT NULL,
  created_at           BIGINT NOT NULL,
  last_seen_at         BIGINT NOT NULL,
  absolute_expires_at  BIGINT NOT NULL,
  revoked_at           BIGINT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);
CREATE UNIQUE INDEX sessions_token ON sessions (token_hash);
CREATE INDEX sessions_user ON sessions (org_id, user_id);

-- The audit log: append-only, one hash chain per organization. hash = SHA-256 over the
-- previous hash and the event's fields (app/audit_log.cc), so editing or deleting any row
-- breaks the chain at that row; audit_chain_heads holds the tip and serialises appends.
CREATE TABLE audit_events (
  org_id          TEXT    NOT NULL,
  seq             BIGINT  NOT NULL,
  id              TEXT    NOT NULL,
  occurred_at     BIGINT  NOT NULL,
  actor_id        TEXT    NOT NULL,
  actor_username  TEXT    NOT NULL,
  role            TEXT    NOT NULL,
  program_id      TEXT    NOT NULL,
  action          TEXT    NOT NULL,
  resource_type   TEXT    NOT NULL,
  resource_id     TEXT    NOT NULL,
  participant_id  TEXT    NOT NULL,
  outcome         TEXT    NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
  reason          TEXT    NOT NULL,
  prev_hash       TEXT    NOT NULL,
  hash            TEXT    NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE INDEX audit_events_time ON audit_events (org_id, occurred_at);
CREATE INDEX audit_events_actor ON audit_events (org_id, actor_id, occurred_at);
CREATE INDEX audit_events_participant ON audit_events (org_id, participant_id, occurred_at);

CREATE TABLE audit_chain_heads (
  org_id    TEXT   NOT NULL PRIMARY KEY,
  last_seq  BIGINT NOT NULL,
  last_hash TEXT   NOT NULL
);
