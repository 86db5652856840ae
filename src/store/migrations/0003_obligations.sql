-- SPDX-License-Identifier: Apache-2.0
-- Issue 4: program policies, transitions of care, contact schedules, materialised obligations
-- and the on-call rota. Organization key first everywhere (DESIGN §2).

-- The participant's contact schedule for the first 30 days (001 §2): contacts per week within
-- the policy's bounds and why (safety, independence, wishes). 0 = not set (policy default).
ALTER TABLE episodes ADD COLUMN contacts_per_week INTEGER NOT NULL DEFAULT 0;
ALTER TABLE episodes ADD COLUMN schedule_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE episodes ADD COLUMN schedule_note TEXT NOT NULL DEFAULT '';

-- Every version of a program's policy file; the highest version is in force. A program without
-- a row runs the built-in default (policies/default.toml) as version 0.
CREATE TABLE program_policies (
  org_id      TEXT    NOT NULL,
  program_id  TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  source      TEXT    NOT NULL,
  note        TEXT    NOT NULL DEFAULT '',
  created_by  TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  PRIMARY KEY (org_id, program_id, version),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, id)
);

-- Admissions to and discharges from higher levels of care (001 §6 §8).
CREATE TABLE transitions (
  org_id            TEXT    NOT NULL,
  id                TEXT    NOT NULL,
  episode_id        TEXT    NOT NULL,
  participant_id    TEXT    NOT NULL,
  level             TEXT    NOT NULL CHECK (level IN ('inpatient_psychiatric',
                                                      'crisis_stabilization', 'state_hospital',
                                                      'detoxification', 'emergency_department',
                                                      'medical_inpatient')),
  facility          TEXT    NOT NULL,
  admitted_at       BIGINT  NOT NULL,
  discharged_at     BIGINT,
  medication_needed INTEGER NOT NULL DEFAULT 0 CHECK (medication_needed IN (0, 1)),
  notes             TEXT    NOT NULL DEFAULT '',
  recorded_by       TEXT    NOT NULL,
  created_at        BIGINT  NOT NULL,
  updated_at        BIGINT  NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, id),
  CHECK (discharged_at IS NULL OR discharged_at >= admitted_at)
);
CREATE INDEX transitions_episode ON transitions (org_id, episode_id, admitted_at);

-- Appointments with psychiatric services after a discharge (001 §6): scheduled, kept, missed,
-- none available (then the managing entity is notified) or refused.
CREATE TABLE psychiatric_appointments (
  org_id          TEXT    NOT NULL,
  id              TEXT    NOT NULL,
  transition_id   TEXT    NOT NULL,
  episode_id      TEXT    NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('scheduled', 'kept', 'missed',
                                                     'none_available', 'refused')),
  scheduled_for   BIGINT,
  provider        TEXT    NOT NULL DEFAULT '',
  me_notified_at  BIGINT,
  note            TEXT    NOT NULL DEFAULT '',
  recorded_by     TEXT    NOT NULL,
  created_at      BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, transition_id) REFERENCES transitions (org_id, id)
);
CREATE INDEX psychiatric_appointments_episode ON psychiatric_appointments (org_id, episode_id);

-- The policy engine's output, materialised per episode in the transaction of every write that
-- touches the episode (domain/obligations.h). Due/overdue/missed are decided at read time from
-- due_at. Worklists read open rows through obligations_worklist; dashboards read a program's
-- rows by due time.
CREATE TABLE obligations (
  org_id          TEXT    NOT NULL,
  episode_id      TEXT    NOT NULL,
  okey            TEXT    NOT NULL,
  rule_id         TEXT    NOT NULL,
  program_id      TEXT    NOT NULL,
  participant_id  TEXT    NOT NULL,
  assignee_id     TEXT    NOT NULL,
  window_start    BIGINT  NOT NULL,
  due_at          BIGINT  NOT NULL,
  recurring       INTEGER NOT NULL CHECK (recurring IN (0, 1)),
  state           TEXT    NOT NULL CHECK (state IN ('open', 'met', 'excused', 'ended')),
  resolved_at     BIGINT,
  required        INTEGER NOT NULL,
  counted         INTEGER NOT NULL,
  explanation     TEXT    NOT NULL,
  suggest_mode    TEXT    NOT NULL DEFAULT '',
  suggest_purpose TEXT    NOT NULL DEFAULT '',
  suggest_with    TEXT    NOT NULL DEFAULT '',
  policy_version  INTEGER NOT NULL,
  evaluated_at    BIGINT  NOT NULL,
  PRIMARY KEY (org_id, episode_id, okey)
);
CREATE INDEX obligations_worklist ON obligations (org_id, assignee_id, due_at)
  WHERE state = 'open';
CREATE INDEX obligations_program ON obligations (org_id, program_id, due_at);

-- The 24/7 on-call rota (001 §2): who answers for a program between two instants.
CREATE TABLE on_call_shifts (
  org_id      TEXT    NOT NULL,
  id          TEXT    NOT NULL,
  program_id  TEXT    NOT NULL,
  user_id     TEXT    NOT NULL,
  starts_at   BIGINT  NOT NULL,
  ends_at     BIGINT  NOT NULL,
  phone       TEXT    NOT NULL DEFAULT '',
  note        TEXT    NOT NULL DEFAULT '',
  created_by  TEXT    NOT NULL,
  created_at  BIGINT  NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
  CHECK (starts_at < ends_at)
);
CREATE INDEX on_call_program ON on_call_shifts (org_id, program_id, ends_at);
