// SPDX-License-Identifier: Apache-2.0
#include "store/population_writer.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value Opt(std::optional<std::string>&& s) {
  return s ? Value(std::move(*s)) : Value(nullptr);
}
Value Opt(const std::optional<std::int64_t>& i) {
  return i ? Value(*i) : Value(nullptr);
}

// Each table's one-row insert and its parameter count (the tuple's width, org_id included), by
// PopulationTable.
struct TableSql {
  std::string_view name;
  std::string_view insert;
  std::size_t columns;
};
constexpr std::array<TableSql, kPopulationTableCount> kTables = {{
    {"users", sql::kPopulationInsertUser, 8},
    {"user_roles", sql::kPopulationInsertUserRole, 4},
    {"participants", sql::kPopulationInsertParticipant, 35},
    {"related_persons", sql::kPopulationInsertRelatedPerson, 13},
    {"referrals", sql::kPopulationInsertReferral, 30},
    {"episodes", sql::kPopulationInsertEpisode, 19},
    {"episode_status_history", sql::kPopulationInsertStatusChange, 8},
    {"handoffs", sql::kPopulationInsertHandoff, 10},
    {"care_team_members", sql::kPopulationInsertCareTeamMember, 15},
    {"contacts", sql::kPopulationInsertContact, 24},
    {"contact_addenda", sql::kPopulationInsertContactAddendum, 6},
    {"consents", sql::kPopulationInsertConsent, 22},
    {"transitions", sql::kPopulationInsertTransition, 14},
    {"psychiatric_appointments", sql::kPopulationInsertAppointment, 13},
    {"on_call_shifts", sql::kPopulationInsertOnCallShift, 10},
    {"assessments", sql::kPopulationInsertAssessment, 21},
    {"assessment_answers", sql::kPopulationInsertAssessmentAnswer, 5},
    {"care_plans", sql::kPopulationInsertCarePlan, 8},
    {"care_plan_versions", sql::kPopulationInsertCarePlanVersion, 10},
    {"care_plan_goals", sql::kPopulationInsertCarePlanGoal, 6},
    {"care_plan_reviews", sql::kPopulationInsertCarePlanReview, 10},
    {"goal_progress", sql::kPopulationInsertGoalProgress, 9},
}};

// Appends one row's parameters after org_id, in the column order of queries/population.sql.
void Append(std::vector<Value>& p, StaffUserRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.username));
  p.emplace_back(std::move(r.display_name));
  p.emplace_back(std::move(r.password_hash));
  p.emplace_back(r.created_at);
  p.emplace_back(r.created_at);
  p.emplace_back(r.created_at);
}

void Append(std::vector<Value>& p, UserRoleRow&& r) {
  p.emplace_back(std::move(r.user_id));
  p.emplace_back(std::move(r.program_id));
  p.emplace_back(std::move(r.role));
}

void Append(std::vector<Value>& p, ParticipantRow&& r) {
  for (std::string* s : {&r.id,
                         &r.given_name,
                         &r.family_name,
                         &r.preferred_name,
                         &r.name_norm,
                         &r.family_norm,
                         &r.birth_date,
                         &r.sex,
                         &r.gender_identity,
                         &r.pronouns,
                         &r.phone,
                         &r.email,
                         &r.preferred_contact_method,
                         &r.preferred_contact_times,
                         &r.address_line,
                         &r.city,
                         &r.state,
                         &r.postal_code,
                         &r.living_situation,
                         &r.preferred_language}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.interpreter_needed);
  for (std::string* s : {&r.cultural_considerations, &r.advance_directive, &r.health_care_proxy,
                         &r.payer, &r.member_id, &r.primary_care_provider, &r.school_name,
                         &r.school_grade, &r.education_plan, &r.family_notes}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, RelatedPersonRow&& r) {
  for (std::string* s : {&r.id, &r.participant_id, &r.name, &r.relationship, &r.roles, &r.phone,
                         &r.email, &r.notes}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.active);
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, ReferralRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.program_id));
  p.emplace_back(std::move(r.status));
  p.emplace_back(std::move(r.urgency));
  p.emplace_back(r.urgency_rank);
  p.emplace_back(r.received_at);
  for (std::string* s : {&r.source_setting, &r.source_org, &r.source_person, &r.source_contact,
                         &r.reason, &r.documents, &r.given_name, &r.family_name, &r.birth_date,
                         &r.sex, &r.phone, &r.payer, &r.member_id, &r.preferred_language}) {
    p.emplace_back(std::move(*s));
  }
  p.push_back(Opt(std::move(r.participant_id)));
  p.push_back(Opt(std::move(r.episode_id)));
  p.push_back(Opt(r.decided_at));
  p.push_back(Opt(std::move(r.decided_by)));
  p.emplace_back(std::move(r.decision_reason));
  p.emplace_back(std::move(r.created_by));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, EpisodeRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.participant_id));
  p.emplace_back(std::move(r.program_id));
  p.push_back(Opt(std::move(r.referral_id)));
  p.emplace_back(std::move(r.status));
  p.emplace_back(std::move(r.status_reason));
  p.emplace_back(r.status_changed_at);
  p.emplace_back(std::move(r.coordinator_id));
  p.emplace_back(r.referral_received_at);
  p.emplace_back(r.started_at);
  p.push_back(Opt(r.enrolled_at));
  p.push_back(Opt(r.ended_at));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
  p.emplace_back(r.contacts_per_week);
  p.emplace_back(std::move(r.schedule_reason));
  p.emplace_back(std::move(r.schedule_note));
}

void Append(std::vector<Value>& p, StatusChangeRow&& r) {
  p.emplace_back(std::move(r.episode_id));
  p.emplace_back(r.seq);
  p.emplace_back(std::move(r.from_status));
  p.emplace_back(std::move(r.to_status));
  p.emplace_back(std::move(r.reason));
  p.emplace_back(r.changed_at);
  p.emplace_back(std::move(r.changed_by));
}

void Append(std::vector<Value>& p, HandoffRow&& r) {
  p.emplace_back(std::move(r.episode_id));
  p.emplace_back(r.seq);
  p.push_back(Opt(std::move(r.from_user_id)));
  p.emplace_back(std::move(r.to_user_id));
  p.emplace_back(r.occurred_at);
  p.emplace_back(r.face_to_face);
  p.emplace_back(std::move(r.note));
  p.emplace_back(std::move(r.recorded_by));
  p.emplace_back(r.recorded_at);
}

void Append(std::vector<Value>& p, CareTeamMemberRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.episode_id));
  p.emplace_back(std::move(r.participant_id));
  p.emplace_back(std::move(r.role));
  p.push_back(Opt(std::move(r.user_id)));
  for (std::string* s : {&r.external_name, &r.external_org, &r.phone, &r.email, &r.start_date}) {
    p.emplace_back(std::move(*s));
  }
  p.push_back(Opt(std::move(r.end_date)));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, ContactRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.episode_id));
  p.emplace_back(std::move(r.participant_id));
  p.emplace_back(r.occurred_at);
  p.emplace_back(r.duration_minutes);
  p.emplace_back(std::move(r.mode));
  p.emplace_back(std::move(r.setting));
  p.emplace_back(r.successful);
  p.emplace_back(std::move(r.with_whom));
  p.emplace_back(std::move(r.party_name));
  p.push_back(Opt(std::move(r.related_person_id)));
  p.push_back(Opt(std::move(r.care_team_member_id)));
  for (std::string* s :
       {&r.disclosed, &r.by_user_id, &r.by_role, &r.purposes, &r.outcome, &r.narrative}) {
    p.emplace_back(std::move(*s));
  }
  p.push_back(Opt(r.signed_at));
  p.push_back(Opt(std::move(r.signed_by)));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, ContactAddendumRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.contact_id));
  p.emplace_back(std::move(r.text));
  p.emplace_back(std::move(r.by_user_id));
  p.emplace_back(r.created_at);
}

void Append(std::vector<Value>& p, ConsentRow&& r) {
  for (std::string* s :
       {&r.id, &r.participant_id, &r.party_kind, &r.party_name, &r.party_name_norm}) {
    p.emplace_back(std::move(*s));
  }
  p.push_back(Opt(std::move(r.related_person_id)));
  p.push_back(Opt(std::move(r.care_team_member_id)));
  for (std::string* s : {&r.purpose, &r.categories, &r.effective_date, &r.expiry_date, &r.signed_by,
                         &r.signer_name, &r.signed_date}) {
    p.emplace_back(std::move(*s));
  }
  p.push_back(Opt(std::move(r.revoked_date)));
  p.push_back(Opt(std::move(r.revoked_by)));
  p.emplace_back(std::move(r.revocation_note));
  p.emplace_back(std::move(r.recorded_by));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, TransitionRow&& r) {
  for (std::string* s : {&r.id, &r.episode_id, &r.participant_id, &r.level, &r.facility}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.admitted_at);
  p.push_back(Opt(r.discharged_at));
  p.emplace_back(r.medication_needed);
  p.emplace_back(std::move(r.notes));
  p.emplace_back(std::move(r.recorded_by));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, AppointmentRow&& r) {
  for (std::string* s : {&r.id, &r.transition_id, &r.episode_id, &r.status}) {
    p.emplace_back(std::move(*s));
  }
  p.push_back(Opt(r.scheduled_for));
  p.emplace_back(std::move(r.provider));
  p.push_back(Opt(r.me_notified_at));
  p.emplace_back(std::move(r.note));
  p.emplace_back(std::move(r.recorded_by));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
  p.emplace_back(r.version);
}

void Append(std::vector<Value>& p, OnCallShiftRow&& r) {
  for (std::string* s : {&r.id, &r.program_id, &r.user_id}) p.emplace_back(std::move(*s));
  p.emplace_back(r.starts_at);
  p.emplace_back(r.ends_at);
  p.emplace_back(std::move(r.phone));
  p.emplace_back(std::move(r.note));
  p.emplace_back(std::move(r.created_by));
  p.emplace_back(r.created_at);
}

void Append(std::vector<Value>& p, AssessmentRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.participant_id));
  p.push_back(Opt(std::move(r.episode_id)));
  p.emplace_back(std::move(r.instrument_id));
  p.emplace_back(r.instrument_version);
  p.emplace_back(std::move(r.instrument_title));
  p.emplace_back(r.assessed_at);
  p.push_back(Opt(r.total));
  for (std::string* s :
       {&r.band, &r.band_label, &r.flags, &r.needs, &r.recommended_level, &r.level_source,
        &r.level_provided, &r.variance_reason, &r.respondent, &r.notes, &r.recorded_by}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.created_at);
}

void Append(std::vector<Value>& p, AssessmentAnswerRow&& r) {
  p.emplace_back(std::move(r.assessment_id));
  p.emplace_back(std::move(r.item_id));
  p.push_back(Opt(r.value));
  p.emplace_back(std::move(r.text));
}

void Append(std::vector<Value>& p, CarePlanRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.participant_id));
  p.emplace_back(std::move(r.episode_id));
  p.emplace_back(r.version);
  p.emplace_back(std::move(r.created_by));
  p.emplace_back(r.created_at);
  p.emplace_back(r.updated_at);
}

void Append(std::vector<Value>& p, CarePlanVersionRow&& r) {
  p.emplace_back(std::move(r.plan_id));
  p.emplace_back(r.version);
  for (std::string* s : {&r.document, &r.review_date, &r.agreement_method, &r.agreement_date,
                         &r.change_note, &r.created_by}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.created_at);
}

void Append(std::vector<Value>& p, CarePlanGoalRow&& r) {
  p.emplace_back(std::move(r.plan_id));
  p.emplace_back(r.version);
  p.emplace_back(std::move(r.goal_id));
  p.emplace_back(std::move(r.target_date));
  p.emplace_back(std::move(r.status));
}

void Append(std::vector<Value>& p, CarePlanReviewRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.plan_id));
  p.emplace_back(r.version);
  for (std::string* s :
       {&r.reviewed_on, &r.next_review_date, &r.participants, &r.note, &r.recorded_by}) {
    p.emplace_back(std::move(*s));
  }
  p.emplace_back(r.created_at);
}

void Append(std::vector<Value>& p, GoalProgressRow&& r) {
  p.emplace_back(std::move(r.id));
  p.emplace_back(std::move(r.plan_id));
  p.emplace_back(std::move(r.goal_id));
  p.emplace_back(std::move(r.observed_on));
  p.emplace_back(r.value);
  p.emplace_back(std::move(r.note));
  p.emplace_back(std::move(r.recorded_by));
  p.emplace_back(r.created_at);
}

}  // namespace

std::string_view PopulationTableName(PopulationTable table) {
  return kTables[static_cast<std::size_t>(table)].name;
}

std::string MultiRowInsert(std::string_view one_row_insert, std::size_t columns, std::size_t rows) {
  const std::size_t values = one_row_insert.rfind("VALUES");
  assert(values != std::string_view::npos);
  std::string out(one_row_insert.substr(0, values + 6));
  out.reserve(out.size() + rows * columns * 6);
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    out += r == 0 ? " (" : ", (";
    for (std::size_t c = 0; c < columns; ++c) {
      if (c > 0) out += ", ";
      out += '$';
      out += std::to_string(++n);
    }
    out += ')';
  }
  return out;
}

PopulationWriter::PopulationWriter(Connection& conn, std::string org_id,
                                   std::size_t rows_per_insert)
    : conn_(conn), org_id_(std::move(org_id)), rows_per_insert_(rows_per_insert) {
  if (rows_per_insert_ == 0) {
    // Measured with bench/population (docs/PERFORMANCE.md, "Synthetic population"): on
    // PostgreSQL one statement of 64 rows costs one round trip instead of 64 (3x faster);
    // SQLite runs in process, where a 32-row statement was slower than 32 one-row ones.
    rows_per_insert_ = conn_.dialect() == Dialect::kSqlite ? 1 : 64;
  }
}

std::size_t PopulationWriter::buffered() const {
  return users_.size() + user_roles_.size() + participants_.size() + related_persons_.size() +
         referrals_.size() + episodes_.size() + status_changes_.size() + handoffs_.size() +
         care_team_.size() + contacts_.size() + addenda_.size() + consents_.size() +
         transitions_.size() + appointments_.size() + on_call_.size() + assessments_.size() +
         answers_.size() + care_plans_.size() + plan_versions_.size() + plan_goals_.size() +
         plan_reviews_.size() + goal_progress_.size();
}

template <typename RowT>
Status PopulationWriter::Write(std::vector<RowT>& rows, PopulationTable table) {
  const auto t = static_cast<std::size_t>(table);
  const TableSql& spec = kTables[t];
  const std::size_t width = spec.columns;  // org_id and the row's own columns
  std::size_t done = 0;
  auto run = [&](std::string_view sql, std::size_t count) -> Status {
    params_.clear();
    params_.reserve(count * width);
    for (std::size_t i = 0; i < count; ++i) {
      params_.emplace_back(org_id_);
      Append(params_, std::move(rows[done + i]));
      assert(params_.size() == (i + 1) * width);
    }
    auto n = conn_.Execute(sql, params_);
    if (!n) return std::unexpected(n.error());
    done += count;
    counts_[t] += static_cast<std::int64_t>(count);
    return {};
  };
  Status st;
  if (rows_per_insert_ > 1 && rows.size() >= rows_per_insert_) {
    if (multi_sql_[t].empty()) multi_sql_[t] = MultiRowInsert(spec.insert, width, rows_per_insert_);
    while (st && rows.size() - done >= rows_per_insert_) st = run(multi_sql_[t], rows_per_insert_);
  }
  while (st && done < rows.size()) st = run(spec.insert, 1);
  rows.clear();
  params_.clear();
  return st;
}

Status PopulationWriter::Flush() {
  Status st;
  // Foreign-key order: SQLite checks each row as it is inserted.
  if (st) st = Write(users_, PopulationTable::kUsers);
  if (st) st = Write(user_roles_, PopulationTable::kUserRoles);
  if (st) st = Write(participants_, PopulationTable::kParticipants);
  if (st) st = Write(related_persons_, PopulationTable::kRelatedPersons);
  if (st) st = Write(referrals_, PopulationTable::kReferrals);
  if (st) st = Write(episodes_, PopulationTable::kEpisodes);
  if (st) st = Write(status_changes_, PopulationTable::kEpisodeStatusHistory);
  if (st) st = Write(handoffs_, PopulationTable::kHandoffs);
  if (st) st = Write(care_team_, PopulationTable::kCareTeamMembers);
  if (st) st = Write(contacts_, PopulationTable::kContacts);
  if (st) st = Write(addenda_, PopulationTable::kContactAddenda);
  if (st) st = Write(consents_, PopulationTable::kConsents);
  if (st) st = Write(transitions_, PopulationTable::kTransitions);
  if (st) st = Write(appointments_, PopulationTable::kPsychiatricAppointments);
  if (st) st = Write(on_call_, PopulationTable::kOnCallShifts);
  if (st) st = Write(assessments_, PopulationTable::kAssessments);
  if (st) st = Write(answers_, PopulationTable::kAssessmentAnswers);
  if (st) st = Write(care_plans_, PopulationTable::kCarePlans);
  if (st) st = Write(plan_versions_, PopulationTable::kCarePlanVersions);
  if (st) st = Write(plan_goals_, PopulationTable::kCarePlanGoals);
  if (st) st = Write(plan_reviews_, PopulationTable::kCarePlanReviews);
  if (st) st = Write(goal_progress_, PopulationTable::kGoalProgress);
  if (!st) {
    users_.clear(), user_roles_.clear(), participants_.clear(), related_persons_.clear();
    referrals_.clear(), episodes_.clear(), status_changes_.clear(), handoffs_.clear();
    care_team_.clear(), contacts_.clear(), addenda_.clear(), consents_.clear();
    transitions_.clear(), appointments_.clear(), on_call_.clear();
    assessments_.clear(), answers_.clear(), care_plans_.clear(), plan_versions_.clear();
    plan_goals_.clear(), plan_reviews_.clear(), goal_progress_.clear();
  }
  return st;
}

Status PopulationWriter::BeginBulkLoad() {
  if (conn_.dialect() != Dialect::kSqlite) return {};
  auto n = conn_.Execute(sql::kPopulationSqliteBulkCache);
  if (!n) return std::unexpected(n.error());
  return {};
}

Status PopulationWriter::EndBulkLoad() {
  if (conn_.dialect() != Dialect::kSqlite) return {};
  auto n = conn_.Execute(sql::kPopulationSqliteDefaultCache);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::int64_t> CountParticipants(Connection& conn, const std::string& org_id) {
  const Value params[] = {org_id};
  auto row = conn.QueryOne(sql::kPopulationCountParticipants, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0);
}

}  // namespace carecoord::store
