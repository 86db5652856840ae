// SPDX-License-Identifier: Apache-2.0
#include "store/participant_repository.h"

#include <vector>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

ParticipantRecord ParticipantFromRow(const Row& r) {
  ParticipantRecord p;
  std::size_t i = 0;
  p.org_id = r.Text(i++);
  p.id = r.Text(i++);
  p.given_name = r.Text(i++);
  p.family_name = r.Text(i++);
  p.preferred_name = r.Text(i++);
  p.name_norm = r.Text(i++);
  p.family_norm = r.Text(i++);
  p.birth_date = r.Text(i++);
  p.sex = r.Text(i++);
  p.gender_identity = r.Text(i++);
  p.pronouns = r.Text(i++);
  p.phone = r.Text(i++);
  p.email = r.Text(i++);
  p.preferred_contact_method = r.Text(i++);
  p.preferred_contact_times = r.Text(i++);
  p.address_line = r.Text(i++);
  p.city = r.Text(i++);
  p.state = r.Text(i++);
  p.postal_code = r.Text(i++);
  p.living_situation = r.Text(i++);
  p.preferred_language = r.Text(i++);
  p.interpreter_needed = r.Int(i++) != 0;
  p.cultural_considerations = r.Text(i++);
  p.advance_directive = r.Text(i++);
  p.health_care_proxy = r.Text(i++);
  p.payer = r.Text(i++);
  p.member_id = r.Text(i++);
  p.primary_care_provider = r.Text(i++);
  p.school_name = r.Text(i++);
  p.school_grade = r.Text(i++);
  p.education_plan = r.Text(i++);
  p.family_notes = r.Text(i++);
  p.created_at = FromMillis(r.Int(i++));
  p.updated_at = FromMillis(r.Int(i++));
  p.version = r.Int(i++);
  return p;
}

// The columns from given_name to family_notes, in insert order ($3..$32).
void AppendFields(std::vector<Value>& v, const ParticipantRecord& p) {
  for (const std::string* s :
       {&p.given_name, &p.family_name, &p.preferred_name, &p.name_norm, &p.family_norm,
        &p.birth_date, &p.sex, &p.gender_identity, &p.pronouns, &p.phone, &p.email,
        &p.preferred_contact_method, &p.preferred_contact_times, &p.address_line, &p.city, &p.state,
        &p.postal_code, &p.living_situation, &p.preferred_language}) {
    v.emplace_back(*s);
  }
  v.emplace_back(std::int64_t{p.interpreter_needed ? 1 : 0});
  for (const std::string* s :
       {&p.cultural_considerations, &p.advance_directive, &p.health_care_proxy, &p.payer,
        &p.member_id, &p.primary_care_provider, &p.school_name, &p.school_grade, &p.education_plan,
        &p.family_notes}) {
    v.emplace_back(*s);
  }
}

RelatedPersonRecord RelatedFromRow(const Row& r) {
  RelatedPersonRecord x;
  x.org_id = r.Text(0);
  x.id = r.Text(1);
  x.participant_id = r.Text(2);
  x.name = r.Text(3);
  x.relationship = r.Text(4);
  x.roles = r.Text(5);
  x.phone = r.Text(6);
  x.email = r.Text(7);
  x.notes = r.Text(8);
  x.active = r.Int(9) != 0;
  x.created_at = FromMillis(r.Int(10));
  x.updated_at = FromMillis(r.Int(11));
  x.version = r.Int(12);
  return x;
}

std::optional<Instant> OptInstant(const Row& r, std::size_t i) {
  if (auto t = r.OptInt(i)) return FromMillis(*t);
  return std::nullopt;
}

}  // namespace

Status ParticipantRepository::Insert(const ParticipantRecord& p) {
  std::vector<Value> v{p.org_id, p.id};
  AppendFields(v, p);
  v.emplace_back(ToMillis(p.created_at));
  v.emplace_back(ToMillis(p.updated_at));
  v.emplace_back(p.version);
  auto n = conn_.Execute(sql::kParticipantsInsert, v);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<ParticipantRecord>> ParticipantRepository::Find(const std::string& org_id,
                                                                     const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kParticipantsFind, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<ParticipantRecord>();
  return std::optional<ParticipantRecord>(ParticipantFromRow(rows->front()));
}

Result<bool> ParticipantRepository::Update(const ParticipantRecord& p) {
  std::vector<Value> v{p.org_id, p.id};
  AppendFields(v, p);
  v.emplace_back(ToMillis(p.updated_at));
  v.emplace_back(p.version);
  auto n = conn_.Execute(sql::kParticipantsUpdate, v);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::vector<DuplicateCandidate>> ParticipantRepository::Candidates(
    const std::string& org_id, const std::string& birth_date, const std::string& member_id) {
  std::vector<DuplicateCandidate> out;
  const auto add = [&](std::string_view sql, const std::string& key) -> Status {
    const Value params[] = {org_id, key};
    auto rows = conn_.Query(sql, params);
    if (!rows) return std::unexpected(rows.error());
    for (const Row& r : *rows) {
      DuplicateCandidate c;
      c.participant_id = r.Text(0);
      c.given_name = r.Text(1);
      c.family_name = r.Text(2);
      c.birth_date = r.Text(3);
      c.member_id = r.Text(4);
      out.push_back(std::move(c));
    }
    return {};
  };
  if (!member_id.empty()) {
    if (auto st = add(sql::kParticipantsByMemberId, member_id); !st)
      return std::unexpected(st.error());
  }
  if (!birth_date.empty()) {
    if (auto st = add(sql::kParticipantsByBirthDate, birth_date); !st)
      return std::unexpected(st.error());
  }
  return out;
}

Result<std::vector<ParticipantListRow>> ParticipantRepository::Search(const std::string& org_id,
                                                                      const SearchScope& scope,
                                                                      const ParticipantSearch& s) {
  const Value params[] = {org_id,
                          std::int64_t{scope.whole_organization ? 1 : 0},
                          scope.user_id,
                          scope.today,
                          s.name_prefix.empty() ? std::string() : s.name_prefix + "%",
                          s.birth_date,
                          s.member_id,
                          std::int64_t{s.after ? 1 : 0},
                          s.after ? s.after->first : std::string(),
                          s.after ? s.after->second : std::string(),
                          s.limit};
  auto rows = conn_.Query(sql::kParticipantsSearch, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ParticipantListRow> out;
  for (const Row& r : *rows) {
    ParticipantListRow x;
    x.id = r.Text(0);
    x.given_name = r.Text(1);
    x.family_name = r.Text(2);
    x.preferred_name = r.Text(3);
    x.birth_date = r.Text(4);
    x.member_id = r.Text(5);
    x.family_norm = r.Text(6);
    x.episode_status = r.OptText(7);
    x.coordinator_name = r.OptText(8);
    out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<EpisodeSummaryRow>> ParticipantRepository::EpisodeSummaries(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  auto rows = conn_.Query(sql::kParticipantsEpisodeSummaries, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<EpisodeSummaryRow> out;
  for (const Row& r : *rows) {
    EpisodeSummaryRow e;
    e.id = r.Text(0);
    e.program_id = r.Text(1);
    e.program_name = r.Text(2);
    e.status = r.Text(3);
    e.coordinator_id = r.Text(4);
    e.coordinator_name = r.Text(5);
    e.started_at = FromMillis(r.Int(6));
    e.enrolled_at = OptInstant(r, 7);
    e.ended_at = OptInstant(r, 8);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<RelatedPersonRecord>> ParticipantRepository::RelatedPersons(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  auto rows = conn_.Query(sql::kParticipantsRelatedOfParticipant, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<RelatedPersonRecord> out;
  for (const Row& r : *rows) out.push_back(RelatedFromRow(r));
  return out;
}

Result<std::optional<RelatedPersonRecord>> ParticipantRepository::FindRelated(
    const std::string& org_id, const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kParticipantsFindRelated, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<RelatedPersonRecord>();
  return std::optional<RelatedPersonRecord>(RelatedFromRow(rows->front()));
}

Status ParticipantRepository::InsertRelated(const RelatedPersonRecord& x) {
  const Value params[] = {x.org_id,
                          x.id,
                          x.participant_id,
                          x.name,
                          x.relationship,
                          x.roles,
                          x.phone,
                          x.email,
                          x.notes,
                          std::int64_t{x.active ? 1 : 0},
                          ToMillis(x.created_at),
                          ToMillis(x.updated_at),
                          x.version};
  auto n = conn_.Execute(sql::kParticipantsInsertRelated, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<bool> ParticipantRepository::UpdateRelated(const RelatedPersonRecord& x) {
  const Value params[] = {x.org_id,
                          x.id,
                          x.name,
                          x.relationship,
                          x.roles,
                          x.phone,
                          x.email,
                          x.notes,
                          std::int64_t{x.active ? 1 : 0},
                          ToMillis(x.updated_at),
                          x.version};
  auto n = conn_.Execute(sql::kParticipantsUpdateRelated, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<std::vector<EmergencyGrantRow>> ParticipantRepository::EmergencyGrants(
    const std::string& org_id, bool whole_organization, const std::string& user_id,
    const std::optional<std::pair<std::int64_t, std::string>>& before, std::int64_t limit) {
  const Value params[] = {org_id,
                          std::int64_t{whole_organization ? 1 : 0},
                          user_id,
                          std::int64_t{before ? 1 : 0},
                          before ? before->first : std::int64_t{0},
                          before ? before->second : std::string(),
                          limit};
  auto rows = conn_.Query(sql::kEmergencyAccessList, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<EmergencyGrantRow> out;
  for (const Row& r : *rows) {
    EmergencyGrantRow g;
    g.id = r.Text(0);
    g.user_id = r.Text(1);
    g.user_name = r.Text(2);
    g.participant_id = r.Text(3);
    g.participant_name = r.Text(4) + " " + r.Text(5);
    g.reason = r.Text(6);
    g.granted_at = FromMillis(r.Int(7));
    g.expires_at = FromMillis(r.Int(8));
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::optional<std::string>> ParticipantRepository::ParticipantOfRelated(
    const std::string& org_id, const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kParticipantsParticipantOfRelated, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

}  // namespace carecoord::store
