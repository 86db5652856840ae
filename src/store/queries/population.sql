-- SPDX-License-Identifier: Apache-2.0
-- Bulk loading of the synthetic demo population (store/population_writer.h). Each insert is
-- written for one row; PopulationWriter derives the multi-row form of the same statement by
-- repeating the VALUES tuple with renumbered placeholders, so the text here is the only SQL.
-- The column order of each insert is the order PopulationWriter binds (population_writer.cc).

-- name: count_participants
SELECT count(*) FROM participants WHERE org_id = $1

-- name: insert_user
INSERT INTO users (org_id, id, username, display_name, password_hash, password_changed_at,
                   created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: insert_user_role
INSERT INTO user_roles (org_id, user_id, program_id, role) VALUES ($1, $2, $3, $4)

-- name: insert_participant
INSERT INTO participants (org_id, id, given_name, family_name, preferred_name, name_norm,
                          family_norm, birth_date, sex, gender_identity, pronouns, phone, email,
                          preferred_contact_method, preferred_contact_times, address_line, city,
                          state, postal_code, living_situation, preferred_language,
                          interpreter_needed, cultural_considerations, advance_directive,
                          health_care_proxy, payer, member_id, primary_care_provider,
                          school_name, school_grade, education_plan, family_notes, created_at,
                          updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35)

-- name: insert_related_person
INSERT INTO related_persons (org_id, id, participant_id, name, relationship, roles, phone, email,
                             notes, active, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)

-- name: insert_referral
INSERT INTO referrals (org_id, id, program_id, status, urgency, urgency_rank, received_at,
                       source_setting, source_org, source_person, source_contact, reason,
                       documents, given_name, family_name, birth_date, sex, phone, payer,
                       member_id, preferred_language, participant_id, episode_id, decided_at,
                       decided_by, decision_reason, created_by, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30)

-- name: insert_episode
INSERT INTO episodes (org_id, id, participant_id, program_id, referral_id, status, status_reason,
                      status_changed_at, coordinator_id, referral_received_at, started_at,
                      enrolled_at, ended_at, created_at, updated_at, version, contacts_per_week,
                      schedule_reason, schedule_note)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)

-- name: insert_status_change
INSERT INTO episode_status_history (org_id, episode_id, seq, from_status, to_status, reason,
                                    changed_at, changed_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: insert_handoff
INSERT INTO handoffs (org_id, episode_id, seq, from_user_id, to_user_id, occurred_at,
                      face_to_face, note, recorded_by, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: insert_care_team_member
INSERT INTO care_team_members (org_id, id, episode_id, participant_id, role, user_id,
                               external_name, external_org, phone, email, start_date, end_date,
                               created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)

-- name: insert_contact
INSERT INTO contacts (org_id, id, episode_id, participant_id, occurred_at, duration_minutes, mode,
                      setting, successful, with_whom, party_name, related_person_id,
                      care_team_member_id, disclosed, by_user_id, by_role, purposes, outcome,
                      narrative, signed_at, signed_by, created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $24)

-- name: insert_contact_addendum
INSERT INTO contact_addenda (org_id, id, contact_id, text, by_user_id, created_at)
VALUES ($1, $2, $3, $4, $5, $6)

-- name: insert_consent
INSERT INTO consents (org_id, id, participant_id, party_kind, party_name, party_name_norm,
                      related_person_id, care_team_member_id, purpose, categories,
                      effective_date, expiry_date, signed_by, signer_name, signed_date,
                      revoked_date, revoked_by, revocation_note, recorded_by, created_at,
                      updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22)

-- name: insert_transition
INSERT INTO transitions (org_id, id, episode_id, participant_id, level, facility, admitted_at,
                         discharged_at, medication_needed, notes, recorded_by, created_at,
                         updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)

-- name: insert_appointment
INSERT INTO psychiatric_appointments (org_id, id, transition_id, episode_id, status,
                                      scheduled_for, provider, me_notified_at, note, recorded_by,
                                      created_at, updated_at, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)

-- name: insert_on_call_shift
INSERT INTO on_call_shifts (org_id, id, program_id, user_id, starts_at, ends_at, phone, note,
                            created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: insert_assessment
INSERT INTO assessments (org_id, id, participant_id, episode_id, instrument_id,
                         instrument_version, instrument_title, assessed_at, total, band,
                         band_label, flags, needs, recommended_level, level_source,
                         level_provided, variance_reason, respondent, notes, recorded_by,
                         created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
        $20, $21)

-- name: insert_assessment_answer
INSERT INTO assessment_answers (org_id, assessment_id, item_id, value, text)
VALUES ($1, $2, $3, $4, $5)

-- name: insert_care_plan
INSERT INTO care_plans (org_id, id, participant_id, episode_id, version, created_by, created_at,
                        updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)

-- name: insert_care_plan_version
INSERT INTO care_plan_versions (org_id, plan_id, version, document, review_date,
                                agreement_method, agreement_date, change_note, created_by,
                                created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: insert_care_plan_goal
INSERT INTO care_plan_goals (org_id, plan_id, version, goal_id, target_date, status)
VALUES ($1, $2, $3, $4, $5, $6)

-- name: insert_care_plan_review
INSERT INTO care_plan_reviews (org_id, id, plan_id, version, reviewed_on, next_review_date,
                               participants, note, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)

-- name: insert_goal_progress
INSERT INTO goal_progress (org_id, id, plan_id, goal_id, observed_on, value, note, recorded_by,
                           created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)

-- A bulk load on SQLite keeps more of the b-trees it inserts into in memory (256 MiB instead
-- of the 2 MiB default): the ids of a participant's rows are spread over months, so the
-- primary-key and episode indexes take inserts all over the tree.
-- name: sqlite_bulk_cache
PRAGMA cache_size = -262144

-- name: sqlite_default_cache
PRAGMA cache_size = -2000
