-- SPDX-License-Identifier: Apache-2.0
-- The participant record (issue 3): referrals in, participants and the people around them,
-- episodes of care coordination with exactly one accountable coordinator, warm hand-offs, care
-- teams, contacts and case notes, releases of information, emergency access and idempotency
-- keys. Names follow FHIR R4 where one fits (Patient, RelatedPerson, EpisodeOfCare, CareTeam,
-- Encounter, Consent). Conventions as in 0001: org_id first in every key, instants BIGINT ms
-- UTC, calendar dates TEXT 'YYYY-MM-DD', booleans INTEGER 0/1, lists of codes as TEXT with
-- codes separated by single spaces, free-form structured lists as JSON text.

-- FHIR Patient. name_norm is NormalizePersonName(given + ' ' + family) (domain/person_match.h),
-- family_norm NormalizePersonName(family): search and duplicate detection read them by index.
CREATE TABLE participants (
  org_id                   TEXT    NOT NULL REFERENCES organizations (org_id),
  id                       TEXT    NOT NULL,
  given_name               TEXT    NOT NULL,
  family_name              TEXT    NOT NULL,
  preferred_name           TEXT    NOT NULL DEFAULT '',
  name_norm                TEXT    NOT NULL,
  family_norm              TEXT    NOT NULL,
  birth_date               TEXT    NOT NULL,
  sex                      TEXT    NOT NULL DEFAULT 'unknown',
  gender_identity          TEXT    NOT NULL DEFAULT '',
  pronouns                 TEXT    NOT NULL DEFAULT '',
  phone                    TEXT    NOT NULL DEFAULT '',
  email                    TEXT    NOT NULL DEFAULT '',
  preferred_contact_method TEXT    NOT NULL DEFAULT '',
  preferred_contact_times  TEXT    NOT NULL DEFAULT '',
  address_line             TEXT    NOT NULL DEFAULT '',
  city                     TEXT    NOT NULL DEFAULT '',
  state                    TEXT    NOT NULL DEFAULT '',
  postal_code              TEXT    NOT NULL DEFAULT '',
  living_situation         TEXT    NOT NULL DEFAULT '',
  preferred_language       TEXT    NOT NULL DEFAULT 'en',
  interpreter_needed       INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
  cultural_considerations  TEXT    NOT NULL DEFAULT '',
  advance_directive        TEXT    NOT NULL DEFAULT '',
  health_care_proxy        TEXT    NOT NULL DEFAULT '',
  payer                    TEXT    NOT NULL DEFAULT '',
  member_id                TEXT    NOT NULL DEFAULT '',
  primary_care_provider    TEXT    NOT NULL DEFAULT '',
  school_name              TEXT    NOT NULL DEFAULT '',
  school_grade             TEXT    NOT NULL DEFAULT '',
  education_plan           TEXT    NOT NULL DEFAULT '',
  family_notes             TEXT    NOT NULL DEFAULT '',
  created_at               BIGINT  NOT NULL,
  updated_at               BIGINT  NOT NULL,
  version                  INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX participants_birth_date ON participants (org_id, birth_date);
CREATE INDEX participants_member ON participants (org_id, member_id);
CREATE INDEX participants_family ON participants (org_id, family_norm, id);

-- FHIR RelatedPerson: guardians and legal representatives, natural supports, emergency
-- contacts, household members of a child (002).
CREATE TABLE related_persons (
  org_id             TEXT    NOT NULL,
  id                 TEXT    NOT NULL,
  participant_id     TEXT    NOT NULL,
  name               TEXT    NOT NULL,
  relationship       TEXT    NOT NULL,
  roles              TEXT    NOT NULL DEFAULT '',
  phone              TEXT    NOT NULL DEFAULT '',
  email              TEXT    NOT NULL DEFAULT '',
  notes              TEXT    NOT NULL DEFAULT '',
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at         BIGINT  NOT NULL,
  updated_at         BIGINT  NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, participant_id) REFERENCES participants (org_id, id)
);
CREATE INDEX related_persons_participant ON related_persons (org_id, participant_id);

-- Referrals in (FHIR ServiceRequest in spirit). The person's details travel with the referral
-- until intake accepts it: then they become (or are linked to) a participant.
CREATE TABLE referrals (
  org_id            TEXT    NOT NULL,
  id                TEXT    NOT NULL,
  program_id        TEXT    NOT NULL,
  status            TEXT    NOT NULL CHECK (status IN ('open', 'accepted', 'declined',
                                                       'refused')),
  urgency           TEXT    NOT NULL CHECK (urgency IN ('routine', 'urgent', 'emergent')),
  urgency_rank      INTEGER NOT NULL,
  received_at       BIGINT  NOT NULL,
  source_setting    TEXT    NOT NULL,
  source_org        TEXT    NOT NULL DEFAULT '',
  source_person     TEXT    NOT NULL DEFAULT '',
  source_contact    TEXT    NOT NULL DEFAULT '',
  reason            TEXT    NOT NULL,
  documents         TEXT    NOT NULL DEFAULT '[]',
  given_name        TEXT    NOT NULL,
  family_name       TEXT    NOT NULL,
  birth_date        TEXT    NOT NULL,
  sex               TEXT    NOT NULL DEFAULT 'unknown',
  phone             TEXT    NOT NULL DEFAULT '',
  payer             TEXT    NOT NULL DEFAULT '',
  member_id         TEXT    NOT NULL DEFAULT '',
  preferred_language TEXT   NOT NULL DEFAULT 'en',
  participant_id    TEXT,
  episode_id        TEXT,
  decided_at        BIGINT,
  decided_by        TEXT,
  decision_reason   TEXT    NOT NULL DEFAULT '',
  created_by        TEXT    NOT NULL,
  created_at        BIGINT  NOT NULL,
  updated_at        BIGINT  NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, id),
  CHECK (status = 'open' OR decided_at IS NOT NULL)
);
-- The intake queue: open referrals of a program, most urgent first, then oldest.
CREATE INDEX referrals_queue ON referrals (org_id, program_id, status, urgency_rank, received_at);

-- FHIR EpisodeOfCare. coordinator_id is the single accountable care coordinator (001 §1): a
-- NOT NULL column, so the database itself holds exactly one at every moment; handoffs keeps
-- the history. A participant has at most one open episode per program.
CREATE TABLE episodes (
  org_id             TEXT    NOT NULL,
  id                 TEXT    NOT NULL,
  participant_id     TEXT    NOT NULL,
  program_id         TEXT    NOT NULL,
  referral_id        TEXT,
  status             TEXT    NOT NULL CHECK (status IN ('referred', 'engaging', 'active',
                                                        'transitioning', 'closed', 'declined',
                                                        'refused', 'unable_to_locate')),
  status_reason      TEXT    NOT NULL DEFAULT '',
  status_changed_at  BIGINT  NOT NULL,
  coordinator_id     TEXT    NOT NULL,
  referral_received_at BIGINT NOT NULL,
  started_at         BIGINT  NOT NULL,
  enrolled_at        BIGINT,
  ended_at           BIGINT,
  created_at         BIGINT  NOT NULL,
  updated_at         BIGINT  NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, participant_id) REFERENCES participants (org_id, id),
  FOREIGN KEY (org_id, program_id) REFERENCES programs (org_id, id),
  FOREIGN KEY (org_id, coordinator_id) REFERENCES users (org_id, id)
);
CREATE INDEX episodes_participant ON episodes (org_id, participant_id);
CREATE INDEX episodes_coordinator ON episodes (org_id, coordinator_id, status);
CREATE INDEX episodes_program ON episodes (org_id, program_id, status);
CREATE UNIQUE INDEX episodes_one_open ON episodes (org_id, participant_id, program_id)
  WHERE status IN ('referred', 'engaging', 'active', 'transitioning');

CREATE TABLE episode_status_history (
  org_id       TEXT   NOT NULL,
  episode_id   TEXT   NOT NULL,
  seq          INTEGER NOT NULL,
  from_status  TEXT   NOT NULL DEFAULT '',
  to_status    TEXT   NOT NULL,
  reason       TEXT   NOT NULL DEFAULT '',
  changed_at   BIGINT NOT NULL,
  changed_by   TEXT   NOT NULL,
  PRIMARY KEY (org_id, episode_id, seq),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, id)
);

-- Accountability history (001 §1, §8): seq 1 is the assignment at intake (from_user_id NULL);
-- each warm hand-off adds one. The primary key makes a second writer of the same seq fail.
CREATE TABLE handoffs (
  org_id         TEXT    NOT NULL,
  episode_id     TEXT    NOT NULL,
  seq            INTEGER NOT NULL,
  from_user_id   TEXT,
  to_user_id     TEXT    NOT NULL,
  occurred_at    BIGINT  NOT NULL,
  face_to_face   INTEGER NOT NULL DEFAULT 0 CHECK (face_to_face IN (0, 1)),
  note           TEXT    NOT NULL DEFAULT '',
  recorded_by    TEXT    NOT NULL,
  recorded_at    BIGINT  NOT NULL,
  PRIMARY KEY (org_id, episode_id, seq),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, id)
);

-- FHIR CareTeam participants: internal users or external contacts, with dates.
CREATE TABLE care_team_members (
  org_id         TEXT    NOT NULL,
  id             TEXT    NOT NULL,
  episode_id     TEXT    NOT NULL,
  participant_id TEXT    NOT NULL,
  role           TEXT    NOT NULL,
  user_id        TEXT,
  external_name  TEXT    NOT NULL DEFAULT '',
  external_org   TEXT    NOT NULL DEFAULT '',
  phone          TEXT    NOT NULL DEFAULT '',
  email          TEXT    NOT NULL DEFAULT '',
  start_date     TEXT    NOT NULL,
  end_date       TEXT,
  created_at     BIGINT  NOT NULL,
  updated_at     BIGINT  NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, id),
  CHECK (user_id IS NOT NULL OR external_name <> '')
);
CREATE INDEX care_team_episode ON care_team_members (org_id, episode_id);
CREATE INDEX care_team_user ON care_team_members (org_id, user_id, participant_id);

-- FHIR Encounter / Communication: contacts and attempts. The narrative is editable until
-- signed_at is set; after that the row is immutable and corrections are contact_addenda.
CREATE TABLE contacts (
  org_id            TEXT    NOT NULL,
  id                TEXT    NOT NULL,
  episode_id        TEXT    NOT NULL,
  participant_id    TEXT    NOT NULL,
  occurred_at       BIGINT  NOT NULL,
  duration_minutes  INTEGER NOT NULL DEFAULT 0,
  mode              TEXT    NOT NULL,
  setting           TEXT    NOT NULL DEFAULT '',
  successful        INTEGER NOT NULL CHECK (successful IN (0, 1)),
  with_whom         TEXT    NOT NULL,
  party_name        TEXT    NOT NULL DEFAULT '',
  related_person_id TEXT,
  care_team_member_id TEXT,
  disclosed         TEXT    NOT NULL DEFAULT '',
  by_user_id        TEXT    NOT NULL,
  by_role           TEXT    NOT NULL,
  purposes          TEXT    NOT NULL,
  outcome           TEXT    NOT NULL,
  narrative         TEXT    NOT NULL DEFAULT '',
  signed_at         BIGINT,
  signed_by         TEXT,
  created_at        BIGINT  NOT NULL,
  updated_at        BIGINT  NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, id)
);
CREATE INDEX contacts_episode ON contacts (org_id, episode_id, occurred_at);

CREATE TABLE contact_addenda (
  org_id      TEXT   NOT NULL,
  id          TEXT   NOT NULL,
  contact_id  TEXT   NOT NULL,
  text        TEXT   NOT NULL,
  by_user_id  TEXT   NOT NULL,
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, contact_id) REFERENCES contacts (org_id, id)
);
CREATE INDEX contact_addenda_contact ON contact_addenda (org_id, contact_id, created_at);

-- FHIR Consent: releases of information (001 §7, 004). A party is a person or organization,
-- optionally linked to a related person or care team member so contacts can name them.
CREATE TABLE consents (
  org_id              TEXT    NOT NULL,
  id                  TEXT    NOT NULL,
  participant_id      TEXT    NOT NULL,
  party_kind          TEXT    NOT NULL CHECK (party_kind IN ('person', 'organization')),
  party_name          TEXT    NOT NULL,
  party_name_norm     TEXT    NOT NULL,
  related_person_id   TEXT,
  care_team_member_id TEXT,
  purpose             TEXT    NOT NULL,
  categories          TEXT    NOT NULL,
  effective_date      TEXT    NOT NULL,
  expiry_date         TEXT    NOT NULL,
  signed_by           TEXT    NOT NULL CHECK (signed_by IN ('participant', 'guardian')),
  signer_name         TEXT    NOT NULL,
  signed_date         TEXT    NOT NULL,
  revoked_date        TEXT,
  revoked_by          TEXT,
  revocation_note     TEXT    NOT NULL DEFAULT '',
  recorded_by         TEXT    NOT NULL,
  created_at          BIGINT  NOT NULL,
  updated_at          BIGINT  NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, participant_id) REFERENCES participants (org_id, id),
  CHECK (effective_date <= expiry_date)
);
CREATE INDEX consents_participant ON consents (org_id, participant_id);
CREATE INDEX consents_expiry ON consents (org_id, expiry_date);

-- Emergency ("break the glass") access: a typed reason opens a participant's record to a user
-- who has no relationship with them until expires_at; supervisors review the list.
CREATE TABLE emergency_access (
  org_id          TEXT   NOT NULL,
  id              TEXT   NOT NULL,
  user_id         TEXT   NOT NULL,
  participant_id  TEXT   NOT NULL,
  reason          TEXT   NOT NULL,
  granted_at      BIGINT NOT NULL,
  expires_at      BIGINT NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, participant_id) REFERENCES participants (org_id, id)
);
CREATE INDEX emergency_access_user ON emergency_access (org_id, user_id, participant_id,
                                                        expires_at);
CREATE INDEX emergency_access_time ON emergency_access (org_id, granted_at);

-- Idempotency keys (DESIGN §4 "POSTs accept an idempotency key"): claimed in the transaction
-- of the write they protect, so a retry finds the record the first attempt created.
CREATE TABLE idempotency_keys (
  org_id         TEXT   NOT NULL,
  user_id        TEXT   NOT NULL,
  idem_key       TEXT   NOT NULL,
  fingerprint    TEXT   NOT NULL,
  resource_type  TEXT   NOT NULL,
  resource_id    TEXT   NOT NULL,
  created_at     BIGINT NOT NULL,
  PRIMARY KEY (org_id, user_id, idem_key)
);
