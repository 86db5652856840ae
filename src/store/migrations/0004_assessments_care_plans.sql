-- SPDX-License-Identifier: Apache-2.0
-- Issue 5: standardized assessments (FHIR QuestionnaireResponse with the scores as
-- Observations), risk-tier overrides (the computed tier is derived, not stored), and
-- person-centered care plans (FHIR CarePlan and Goal) with every version kept.
-- Organization key first everywhere (DESIGN §2).

-- One administered instrument (001 §3, 002): which definition and version, the totals and what
-- they raised. Level-of-care instruments (LOCUS, CALOCUS, ASAM) keep ratings, the composite,
-- the recommended level (from the installed determination table, or entered by the assessor),
-- the level actually provided and the reason for any variance. Never edited: a correction is
-- a new assessment.
CREATE TABLE assessments (
  org_id             TEXT    NOT NULL,
  id                 TEXT    NOT NULL,
  participant_id     TEXT    NOT NULL,
  episode_id         TEXT,
  instrument_id      TEXT    NOT NULL,
  instrument_version INTEGER NOT NULL,
  instrument_title   TEXT    NOT NULL,
  assessed_at        BIGINT  NOT NULL,
  total              INTEGER,
  band               TEXT    NOT NULL DEFAULT '',
  band_label         TEXT    NOT NULL DEFAULT '',
  flags              TEXT    NOT NULL DEFAULT '',
  needs              TEXT    NOT NULL DEFAULT '',
  recommended_level  TEXT    NOT NULL DEFAULT '',
  level_source       TEXT    NOT NULL DEFAULT '' CHECK (level_source IN ('', 'table',
                                                                         'assessor')),
  level_provided     TEXT    NOT NULL DEFAULT '',
  variance_reason    TEXT    NOT NULL DEFAULT '',
  respondent         TEXT    NOT NULL DEFAULT 'participant',
  notes              TEXT    NOT NULL DEFAULT '',
  recorded_by        TEXT    NOT NULL,
  created_at         BIGINT  NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, participant_id) REFERENCES participants (org_id, id)
);
CREATE INDEX assessments_participant ON assessments (org_id, participant_id, assessed_at);

-- The answers of an assessment, one row per item answered: a number (choice, rating, yes/no)
-- or a text (the structured sections of the pediatric assessment).
CREATE TABLE assessment_answers (
  org_id        TEXT    NOT NULL,
  assessment_id TEXT    NOT NULL,
  item_id       TEXT    NOT NULL,
  value         INTEGER,
  text          TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, assessment_id, item_id),
  FOREIGN KEY (org_id, assessment_id) REFERENCES assessments (org_id, id)
);

-- A supervisor's override of a participant's computed risk tier, with the reason (audited).
-- The newest row not cleared is in force.
CREATE TABLE risk_tier_overrides (
  org_id          TEXT    NOT NULL,
  id              TEXT    NOT NULL,
  participant_id  TEXT    NOT NULL,
  tier            TEXT    NOT NULL,
  reason          TEXT    NOT NULL,
  set_by          TEXT    NOT NULL,
  set_at          BIGINT  NOT NULL,
  cleared_by      TEXT,
  cleared_at      BIGINT,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, participant_id) REFERENCES participants (org_id, id)
);
CREATE INDEX risk_tier_overrides_participant ON risk_tier_overrides (org_id, participant_id,
                                                                     set_at);

-- A person-centered care plan (001 §4 §10, 002, 003), one per episode. `version` is the
-- current version; every version's whole document is kept in care_plan_versions.
CREATE TABLE care_plans (
  org_id          TEXT    NOT NULL,
  id              TEXT    NOT NULL,
  participant_id  TEXT    NOT NULL,
  episode_id      TEXT    NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  created_by      TEXT    NOT NULL,
  created_at      BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, episode_id),
  FOREIGN KEY (org_id, episode_id) REFERENCES episodes (org_id, id)
);
CREATE INDEX care_plans_participant ON care_plans (org_id, participant_id);

-- Every version of a care plan: the document (JSON, app/care_plan_codec.h) and the columns the
-- policy engine reads (review date, agreement). Rows are never updated.
CREATE TABLE care_plan_versions (
  org_id            TEXT    NOT NULL,
  plan_id           TEXT    NOT NULL,
  version           INTEGER NOT NULL,
  document          TEXT    NOT NULL,
  review_date       TEXT    NOT NULL DEFAULT '',
  agreement_method  TEXT    NOT NULL DEFAULT '' CHECK (agreement_method IN ('', 'signature',
                                                                             'verbal',
                                                                             'declined')),
  agreement_date    TEXT    NOT NULL DEFAULT '',
  change_note       TEXT    NOT NULL DEFAULT '',
  created_by        TEXT    NOT NULL,
  created_at        BIGINT  NOT NULL,
  PRIMARY KEY (org_id, plan_id, version),
  FOREIGN KEY (org_id, plan_id) REFERENCES care_plans (org_id, id)
);

-- The goals of each version as the policy engine needs them (target dates, status); the goal
-- id is stable across versions.
CREATE TABLE care_plan_goals (
  org_id       TEXT    NOT NULL,
  plan_id      TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  goal_id      TEXT    NOT NULL,
  target_date  TEXT    NOT NULL DEFAULT '',
  status       TEXT    NOT NULL,
  PRIMARY KEY (org_id, plan_id, version, goal_id),
  FOREIGN KEY (org_id, plan_id, version) REFERENCES care_plan_versions (org_id, plan_id,
                                                                        version)
);

-- Reviews of a care plan (001 §10: "reviewed regularly"). A review makes a new version whose
-- review date is the next one.
CREATE TABLE care_plan_reviews (
  org_id            TEXT    NOT NULL,
  id                TEXT    NOT NULL,
  plan_id           TEXT    NOT NULL,
  version           INTEGER NOT NULL,
  reviewed_on       TEXT    NOT NULL,
  next_review_date  TEXT    NOT NULL,
  participants      TEXT    NOT NULL DEFAULT '',
  note              TEXT    NOT NULL DEFAULT '',
  recorded_by       TEXT    NOT NULL,
  created_at        BIGINT  NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, plan_id) REFERENCES care_plans (org_id, id)
);
CREATE INDEX care_plan_reviews_plan ON care_plan_reviews (org_id, plan_id, reviewed_on);

-- Progress toward a goal's measurable indicator over time (001 §10: "monitors progress in
-- terms of these indicators").
CREATE TABLE goal_progress (
  org_id       TEXT    NOT NULL,
  id           TEXT    NOT NULL,
  plan_id      TEXT    NOT NULL,
  goal_id      TEXT    NOT NULL,
  observed_on  TEXT    NOT NULL,
  value        DOUBLE PRECISION NOT NULL,
  note         TEXT    NOT NULL DEFAULT '',
  recorded_by  TEXT    NOT NULL,
  created_at   BIGINT  NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, plan_id) REFERENCES care_plans (org_id, id)
);
CREATE INDEX goal_progress_goal ON goal_progress (org_id, plan_id, goal_id, observed_on);
