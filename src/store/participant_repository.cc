// SPDX-License-Identifier: Apache-2.0
#include "store/participant_repository.h"

#include <vector>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

// Every column of participants, as participants.sql's find selects them.
ParticipantRecord ParticipantFromRow(const Row& r) {
  ParticipantRecord p;
  p.org_id = r.Text("org_id");
  p.id = r.Text("id");
  p.given_name = r.Text("given_name");
  p.family_name = r.Text("family_name");
  p.preferred_name = r.Text("preferred_name");
  p.name_norm = r.Text("name_norm");
  p.family_norm = r.Text("family_norm");
  p.birth_date = r.Text("birth_date");
  p.sex = r.Text("sex");
  p.gender_identity = r.Text("gender_identity");
  p.pronouns = r.Text("pronouns");
  p.phone = r.Text("phone");
  p.email = r.Text("email");
  p.preferred_contact_method = r.Text("preferred_contact_method");
  p.preferred_contact_times = r.Text("preferred_contact_times");
  p.address_line = r.Text("address_line");
  p.city = r.Text("city");
  p.state = r.Text("state");
  p.postal_code = r.Text("postal_code");
  p.living_situation = r.Text("living_situation");
  p.preferred_language = r.Text("preferred_language");
  p.interpreter_needed = r.Bool("interpreter_needed");
  p.cultural_considerations = r.Text("cultural_considerations");
  p.advance_directive = r.Text("advance_directive");
  p.health_care_proxy = r.Text("health_care_proxy");
  p.payer = r.Text("payer");
  p.member_id = r.Text("member_id");
  p.primary_care_provider = r.Text("primary_care_provider");
  p.school_name = r.Text("school_name");
  p.school_grade = r.Text("school_grade");
  p.education_plan = r.Text("education_plan");
  p.family_notes = r.Text("family_notes");
  p.created_at = r.Time("created_at");
  p.updated_at = r.Time("updated_at");
  p.version = r.Int("version");
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

// The columns of participants.sql's `-- columns: related_person`.
RelatedPersonRecord RelatedFromRow(const Row& r) {
  RelatedPersonRecord x;
  x.org_id = r.Text("org_id");
  x.id = r.Text("id");
  x.participant_id = r.Text("participant_id");
  x.name = r.Text("name");
  x.relationship = r.Text("relationship");
  x.roles = r.Text("roles");
  x.phone = r.Text("phone");
  x.email = r.Text("email");
  x.notes = r.Text("notes");
  x.active = r.Bool("active");
  x.created_at = r.Time("created_at");
  x.updated_at = r.Time("updated_at");
  x.version = r.Int("version");
  return x;
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
      c.participant_id = r.Text("id");
      c.given_name = r.Text("given_name");
      c.family_name = r.Text("family_name");
      c.birth_date = r.Text("birth_date");
      c.member_id = r.Text("member_id");
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
    x.id = r.Text("id");
    x.given_name = r.Text("given_name");
    x.family_name = r.Text("family_name");
    x.preferred_name = r.Text("preferred_name");
    x.birth_date = r.Text("birth_date");
    x.member_id = r.Text("member_id");
    x.family_norm = r.Text("family_norm");
    x.episode_status = r.OptText("episode_status");
    x.coordinator_name = r.OptText("coordinator_name");
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
    e.id = r.Text("id");
    e.program_id = r.Text("program_id");
    e.program_name = r.Text("program_name");
    e.status = r.Text("status");
    e.coordinator_id = r.Text("coordinator_id");
    e.coordinator_name = r.Text("coordinator_name");
    e.started_at = r.Time("started_at");
    e.enrolled_at = r.OptTime("enrolled_at");
    e.ended_at = r.OptTime("ended_at");
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
    g.id = r.Text("id");
    g.user_id = r.Text("user_id");
    g.user_name = r.Text("user_name");
    g.participant_id = r.Text("participant_id");
    g.participant_name = r.Text("given_name") + " " + r.Text("family_name");
    g.reason = r.Text("reason");
    g.granted_at = r.Time("granted_at");
    g.expires_at = r.Time("expires_at");
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
