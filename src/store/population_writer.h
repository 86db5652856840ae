// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "store/database.h"

namespace carecoord::store {

// Rows of the participant record as the synthetic demo population writes them
// (migrations/0002_participant_record.sql; users and user_roles from 0001; transitions,
// psychiatric appointments, the contact schedule and the on-call rota from 0003). One struct per
// table, one member per column in the table's order, without org_id (the writer adds it):
// instants are int64 ms UTC, dates 'YYYY-MM-DD', booleans 0/1, code lists space-separated.
// Columns the load leaves at their defaults (failed_logins, locked_at, ...) are absent.

struct StaffUserRow {
  std::string id, username, display_name, password_hash;
  std::int64_t created_at = 0;  // also password_changed_at and updated_at
};

struct UserRoleRow {
  std::string user_id, program_id, role;
};

struct ParticipantRow {
  std::string id, given_name, family_name, preferred_name, name_norm, family_norm, birth_date, sex,
      gender_identity, pronouns, phone, email, preferred_contact_method, preferred_contact_times,
      address_line, city, state, postal_code, living_situation, preferred_language;
  std::int64_t interpreter_needed = 0;
  std::string cultural_considerations, advance_directive, health_care_proxy, payer, member_id,
      primary_care_provider, school_name, school_grade, education_plan, family_notes;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct RelatedPersonRow {
  std::string id, participant_id, name, relationship, roles, phone, email, notes;
  std::int64_t active = 1, created_at = 0, updated_at = 0, version = 1;
};

struct ReferralRow {
  std::string id, program_id, status, urgency;
  std::int64_t urgency_rank = 0, received_at = 0;
  std::string source_setting, source_org, source_person, source_contact, reason, documents,
      given_name, family_name, birth_date, sex, phone, payer, member_id, preferred_language;
  std::optional<std::string> participant_id, episode_id;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> decided_by;
  std::string decision_reason, created_by;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct EpisodeRow {
  std::string id, participant_id, program_id;
  std::optional<std::string> referral_id;
  std::string status, status_reason;
  std::int64_t status_changed_at = 0;
  std::string coordinator_id;
  std::int64_t referral_received_at = 0, started_at = 0;
  std::optional<std::int64_t> enrolled_at, ended_at;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
  std::int64_t contacts_per_week = 0;  // 0: not set
  std::string schedule_reason, schedule_note;
};

struct StatusChangeRow {
  std::string episode_id;
  std::int64_t seq = 0;
  std::string from_status, to_status, reason;
  std::int64_t changed_at = 0;
  std::string changed_by;
};

struct HandoffRow {
  std::string episode_id;
  std::int64_t seq = 0;
  std::optional<std::string> from_user_id;
  std::string to_user_id;
  std::int64_t occurred_at = 0, face_to_face = 0;
  std::string note, recorded_by;
  std::int64_t recorded_at = 0;
};

struct CareTeamMemberRow {
  std::string id, episode_id, participant_id, role;
  std::optional<std::string> user_id;
  std::string external_name, external_org, phone, email, start_date;
  std::optional<std::string> end_date;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct ContactRow {
  std::string id, episode_id, participant_id;
  std::int64_t occurred_at = 0, duration_minutes = 0;
  std::string mode, setting;
  std::int64_t successful = 0;
  std::string with_whom, party_name;
  std::optional<std::string> related_person_id, care_team_member_id;
  std::string disclosed, by_user_id, by_role, purposes, outcome, narrative;
  std::optional<std::int64_t> signed_at;
  std::optional<std::string> signed_by;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct ContactAddendumRow {
  std::string id, contact_id, text, by_user_id;
  std::int64_t created_at = 0;
};

struct ConsentRow {
  std::string id, participant_id, party_kind, party_name, party_name_norm;
  std::optional<std::string> related_person_id, care_team_member_id;
  std::string purpose, categories, effective_date, expiry_date, signed_by, signer_name, signed_date;
  std::optional<std::string> revoked_date, revoked_by;
  std::string revocation_note, recorded_by;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct TransitionRow {
  std::string id, episode_id, participant_id, level, facility;
  std::int64_t admitted_at = 0;
  std::optional<std::int64_t> discharged_at;
  std::int64_t medication_needed = 0;
  std::string notes, recorded_by;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct AppointmentRow {
  std::string id, transition_id, episode_id, status;
  std::optional<std::int64_t> scheduled_for;
  std::string provider;
  std::optional<std::int64_t> me_notified_at;
  std::string note, recorded_by;
  std::int64_t created_at = 0, updated_at = 0, version = 1;
};

struct OnCallShiftRow {
  std::string id, program_id, user_id;
  std::int64_t starts_at = 0, ends_at = 0;
  std::string phone, note, created_by;
  std::int64_t created_at = 0;
};

// The tables a population load writes, in foreign-key order (a row's parents come first).
// Assessments and their answers (migration 0004); flags and needs are comma-separated codes.
struct AssessmentRow {
  std::string id, participant_id;
  std::optional<std::string> episode_id;
  std::string instrument_id;
  std::int64_t instrument_version = 1;
  std::string instrument_title;
  std::int64_t assessed_at = 0;
  std::optional<std::int64_t> total;
  std::string band, band_label, flags, needs, recommended_level, level_source, level_provided,
      variance_reason, respondent, notes, recorded_by;
  std::int64_t created_at = 0;
};

struct AssessmentAnswerRow {
  std::string assessment_id, item_id;
  std::optional<std::int64_t> value;
  std::string text;
};

// A care plan, its versions (the document as JSON, app/care_plan_codec.h), the goals of each
// version, reviews and goal progress (migration 0004).
struct CarePlanRow {
  std::string id, participant_id, episode_id;
  std::int64_t version = 1;
  std::string created_by;
  std::int64_t created_at = 0, updated_at = 0;
};

struct CarePlanVersionRow {
  std::string plan_id;
  std::int64_t version = 1;
  std::string document, review_date, agreement_method, agreement_date, change_note, created_by;
  std::int64_t created_at = 0;
};

struct CarePlanGoalRow {
  std::string plan_id;
  std::int64_t version = 1;
  std::string goal_id, target_date, status;
};

struct CarePlanReviewRow {
  std::string id, plan_id;
  std::int64_t version = 1;
  std::string reviewed_on, next_review_date, participants, note, recorded_by;
  std::int64_t created_at = 0;
};

struct GoalProgressRow {
  std::string id, plan_id, goal_id, observed_on;
  double value = 0;
  std::string note, recorded_by;
  std::int64_t created_at = 0;
};

enum class PopulationTable {
  kUsers,
  kUserRoles,
  kParticipants,
  kRelatedPersons,
  kReferrals,
  kEpisodes,
  kEpisodeStatusHistory,
  kHandoffs,
  kCareTeamMembers,
  kContacts,
  kContactAddenda,
  kConsents,
  kTransitions,
  kPsychiatricAppointments,
  kOnCallShifts,
  kAssessments,
  kAssessmentAnswers,
  kCarePlans,
  kCarePlanVersions,
  kCarePlanGoals,
  kCarePlanReviews,
  kGoalProgress,
};
inline constexpr std::size_t kPopulationTableCount = 22;
std::string_view PopulationTableName(PopulationTable table);  // the SQL table name

// Rows written so far, by table (index: PopulationTable).
using PopulationCounts = std::array<std::int64_t, kPopulationTableCount>;

// Buffers rows of the participant record for one organization and inserts them in bulk on one
// connection: each table's rows go in multi-row INSERTs of `rows_per_insert` rows (one
// prepared statement per table, reused; the remainder row by row), tables in foreign-key
// order. The caller owns transactions: Flush inside the transaction the rows belong to; rows
// added but not flushed are not written. Not thread-safe (like the Connection it uses).
//
// Rows are taken by value and moved into the statement parameters, so adding copies nothing.
// Errors: as Connection's (a constraint violation is kConflict); after an error the buffered
// rows are dropped and the caller should roll back.
class PopulationWriter {
 public:
  // 0 chooses per dialect: measured fastest on this machine kind (docs/PERFORMANCE.md).
  PopulationWriter(Connection& conn, std::string org_id, std::size_t rows_per_insert = 0);
  PopulationWriter(const PopulationWriter&) = delete;
  PopulationWriter& operator=(const PopulationWriter&) = delete;

  void Add(StaffUserRow row) { users_.push_back(std::move(row)); }
  void Add(UserRoleRow row) { user_roles_.push_back(std::move(row)); }
  void Add(ParticipantRow row) { participants_.push_back(std::move(row)); }
  void Add(RelatedPersonRow row) { related_persons_.push_back(std::move(row)); }
  void Add(ReferralRow row) { referrals_.push_back(std::move(row)); }
  void Add(EpisodeRow row) { episodes_.push_back(std::move(row)); }
  void Add(StatusChangeRow row) { status_changes_.push_back(std::move(row)); }
  void Add(HandoffRow row) { handoffs_.push_back(std::move(row)); }
  void Add(CareTeamMemberRow row) { care_team_.push_back(std::move(row)); }
  void Add(ContactRow row) { contacts_.push_back(std::move(row)); }
  void Add(ContactAddendumRow row) { addenda_.push_back(std::move(row)); }
  void Add(ConsentRow row) { consents_.push_back(std::move(row)); }
  void Add(TransitionRow row) { transitions_.push_back(std::move(row)); }
  void Add(AppointmentRow row) { appointments_.push_back(std::move(row)); }
  void Add(OnCallShiftRow row) { on_call_.push_back(std::move(row)); }
  void Add(AssessmentRow row) { assessments_.push_back(std::move(row)); }
  void Add(AssessmentAnswerRow row) { answers_.push_back(std::move(row)); }
  void Add(CarePlanRow row) { care_plans_.push_back(std::move(row)); }
  void Add(CarePlanVersionRow row) { plan_versions_.push_back(std::move(row)); }
  void Add(CarePlanGoalRow row) { plan_goals_.push_back(std::move(row)); }
  void Add(CarePlanReviewRow row) { plan_reviews_.push_back(std::move(row)); }
  void Add(GoalProgressRow row) { goal_progress_.push_back(std::move(row)); }

  // Rows added and not yet flushed.
  std::size_t buffered() const;

  // Inserts every buffered row, parents before children, and empties the buffers.
  Status Flush();

  const PopulationCounts& counts() const { return counts_; }
  std::size_t rows_per_insert() const { return rows_per_insert_; }

  // On SQLite, a larger page cache for the load (see queries/population.sql) and back to the
  // default after; nothing on PostgreSQL.
  Status BeginBulkLoad();
  Status EndBulkLoad();

 private:
  template <typename RowT>
  Status Write(std::vector<RowT>& rows, PopulationTable table);

  Connection& conn_;
  std::string org_id_;
  std::size_t rows_per_insert_;
  // Per table, the multi-row statement text derived from the one-row query (built lazily).
  std::array<std::string, kPopulationTableCount> multi_sql_;
  std::vector<Value> params_;  // reused between statements
  PopulationCounts counts_{};

  std::vector<StaffUserRow> users_;
  std::vector<UserRoleRow> user_roles_;
  std::vector<ParticipantRow> participants_;
  std::vector<RelatedPersonRow> related_persons_;
  std::vector<ReferralRow> referrals_;
  std::vector<EpisodeRow> episodes_;
  std::vector<StatusChangeRow> status_changes_;
  std::vector<HandoffRow> handoffs_;
  std::vector<CareTeamMemberRow> care_team_;
  std::vector<ContactRow> contacts_;
  std::vector<ContactAddendumRow> addenda_;
  std::vector<ConsentRow> consents_;
  std::vector<TransitionRow> transitions_;
  std::vector<AppointmentRow> appointments_;
  std::vector<OnCallShiftRow> on_call_;
  std::vector<AssessmentRow> assessments_;
  std::vector<AssessmentAnswerRow> answers_;
  std::vector<CarePlanRow> care_plans_;
  std::vector<CarePlanVersionRow> plan_versions_;
  std::vector<CarePlanGoalRow> plan_goals_;
  std::vector<CarePlanReviewRow> plan_reviews_;
  std::vector<GoalProgressRow> goal_progress_;
};

// Participants the organization has (0 when none): how a second load finds an existing one.
Result<std::int64_t> CountParticipants(Connection& conn, const std::string& org_id);

// Repeats the VALUES tuple of a one-row INSERT `rows` times with renumbered placeholders:
// "INSERT INTO t (a, b) VALUES ($1, $2)" and 2 give "... VALUES ($1, $2), ($3, $4)". The
// tuple is everything after the last "VALUES"; `columns` is its placeholder count.
std::string MultiRowInsert(std::string_view one_row_insert, std::size_t columns, std::size_t rows);

}  // namespace carecoord::store
