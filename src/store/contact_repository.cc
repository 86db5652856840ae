// SPDX-License-Identifier: Apache-2.0
#include "store/contact_repository.h"

#include <map>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value Opt(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}

// The columns of contacts.sql's `-- columns: contact`.
ContactRecord ContactFromRow(const Row& r) {
  ContactRecord c;
  c.org_id = r.Text("org_id");
  c.id = r.Text("id");
  c.episode_id = r.Text("episode_id");
  c.participant_id = r.Text("participant_id");
  c.occurred_at = r.Time("occurred_at");
  c.duration_minutes = static_cast<int>(r.Int("duration_minutes"));
  c.mode = r.Text("mode");
  c.setting = r.Text("setting");
  c.successful = r.Bool("successful");
  c.with_whom = r.Text("with_whom");
  c.party_name = r.Text("party_name");
  c.related_person_id = r.OptText("related_person_id");
  c.care_team_member_id = r.OptText("care_team_member_id");
  c.disclosed = r.Text("disclosed");
  c.by_user_id = r.Text("by_user_id");
  c.by_role = r.Text("by_role");
  c.purposes = r.Text("purposes");
  c.outcome = r.Text("outcome");
  c.narrative = r.Text("narrative");
  c.signed_at = r.OptTime("signed_at");
  c.signed_by = r.OptText("signed_by");
  c.created_at = r.Time("created_at");
  c.updated_at = r.Time("updated_at");
  c.version = r.Int("version");
  c.by_name = r.Text("by_name");
  c.signed_by_name = r.Text("signed_by_name");
  return c;
}

// The columns of contacts.sql's `-- columns: addendum`.
AddendumRecord AddendumFromRow(const Row& r) {
  AddendumRecord a;
  a.contact_id = r.Text("contact_id");
  a.id = r.Text("id");
  a.text = r.Text("text");
  a.by_user_id = r.Text("by_user_id");
  a.by_name = r.Text("by_name");
  a.created_at = r.Time("created_at");
  return a;
}

Result<std::optional<std::string>> OneText(Connection& conn, std::string_view sql,
                                           std::span<const Value> params) {
  auto rows = conn.Query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().Text(0));
}

}  // namespace

Status ContactRepository::Insert(const ContactRecord& c) {
  const Value params[] = {c.org_id,
                          c.id,
                          c.episode_id,
                          c.participant_id,
                          ToMillis(c.occurred_at),
                          std::int64_t{c.duration_minutes},
                          c.mode,
                          c.setting,
                          std::int64_t{c.successful ? 1 : 0},
                          c.with_whom,
                          c.party_name,
                          Opt(c.related_person_id),
                          Opt(c.care_team_member_id),
                          c.disclosed,
                          c.by_user_id,
                          c.by_role,
                          c.purposes,
                          c.outcome,
                          c.narrative,
                          c.signed_at ? Value(ToMillis(*c.signed_at)) : Value(nullptr),
                          Opt(c.signed_by),
                          ToMillis(c.created_at),
                          ToMillis(c.updated_at)};
  auto n = conn_.Execute(sql::kContactsInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::vector<AddendumRecord>> ContactRepository::AddendaOf(const std::string& org_id,
                                                                 const std::string& contact_id) {
  const Value params[] = {org_id, contact_id};
  auto rows = conn_.Query(sql::kContactsAddendaOfContact, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<AddendumRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(AddendumFromRow(r));
  return out;
}

Result<std::optional<ContactRecord>> ContactRepository::Get(const std::string& org_id,
                                                            const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kContactsGet, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<ContactRecord>();
  ContactRecord c = ContactFromRow(rows->front());
  auto addenda = AddendaOf(org_id, id);
  if (!addenda) return std::unexpected(addenda.error());
  c.addenda = std::move(*addenda);
  return std::optional<ContactRecord>(std::move(c));
}

Result<std::optional<std::string>> ContactRepository::ParticipantOf(const std::string& org_id,
                                                                    const std::string& id) {
  const Value params[] = {org_id, id};
  return OneText(conn_, sql::kContactsParticipantOf, params);
}

Result<std::vector<ContactRecord>> ContactRepository::ListByEpisode(
    const std::string& org_id, const std::string& episode_id, int limit,
    const std::optional<ContactCursor>& cursor) {
  Result<std::vector<Row>> rows;
  if (cursor) {
    const Value params[] = {org_id, episode_id, std::int64_t{limit}, ToMillis(cursor->occurred_at),
                            cursor->id};
    rows = conn_.Query(sql::kContactsListByEpisodeAfter, params);
  } else {
    const Value params[] = {org_id, episode_id, std::int64_t{limit}};
    rows = conn_.Query(sql::kContactsListByEpisode, params);
  }
  if (!rows) return std::unexpected(rows.error());
  std::vector<ContactRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(ContactFromRow(r));
  if (out.empty()) return out;
  const Value params[] = {org_id, episode_id};
  auto addenda = conn_.Query(sql::kContactsAddendaOfEpisode, params);
  if (!addenda) return std::unexpected(addenda.error());
  std::map<std::string, std::vector<AddendumRecord>> by_contact;
  for (const Row& r : *addenda) {
    AddendumRecord a = AddendumFromRow(r);
    by_contact[a.contact_id].push_back(std::move(a));
  }
  for (ContactRecord& c : out) {
    if (auto it = by_contact.find(c.id); it != by_contact.end()) c.addenda = std::move(it->second);
  }
  return out;
}

Result<bool> ContactRepository::UpdateUnsigned(const ContactRecord& c) {
  const Value params[] = {c.org_id,
                          c.id,
                          ToMillis(c.occurred_at),
                          std::int64_t{c.duration_minutes},
                          c.mode,
                          c.setting,
                          std::int64_t{c.successful ? 1 : 0},
                          c.with_whom,
                          c.party_name,
                          Opt(c.related_person_id),
                          Opt(c.care_team_member_id),
                          c.disclosed,
                          c.purposes,
                          c.outcome,
                          c.narrative,
                          ToMillis(c.updated_at),
                          c.version};
  auto n = conn_.Execute(sql::kContactsUpdateUnsigned, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Result<bool> ContactRepository::Sign(const std::string& org_id, const std::string& id,
                                     std::int64_t expected_version, const std::string& user_id,
                                     Instant at) {
  const Value params[] = {org_id, id, ToMillis(at), user_id, expected_version};
  auto n = conn_.Execute(sql::kContactsSign, params);
  if (!n) return std::unexpected(n.error());
  return *n == 1;
}

Status ContactRepository::InsertAddendum(const std::string& org_id, const AddendumRecord& a) {
  const Value params[] = {org_id, a.id, a.contact_id, a.text, a.by_user_id, ToMillis(a.created_at)};
  auto n = conn_.Execute(sql::kContactsInsertAddendum, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

Result<std::optional<EpisodeContext>> ContactContextRepository::Episode(
    const std::string& org_id, const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kContactContextEpisode, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<EpisodeContext>();
  const Row& r = rows->front();
  EpisodeContext e;
  e.participant_id = r.Text("participant_id");
  e.program_id = r.Text("program_id");
  e.referral_received_at = r.Time("referral_received_at");
  e.status = r.Text("status");
  e.time_zone = r.Text("time_zone");
  return std::optional<EpisodeContext>(std::move(e));
}

Result<std::optional<std::string>> ContactContextRepository::ParticipantTimeZone(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  return OneText(conn_, sql::kContactContextParticipantTimeZone, params);
}

Result<std::optional<std::string>> ContactContextRepository::RelatedPersonName(
    const std::string& org_id, const std::string& id, const std::string& participant_id) {
  const Value params[] = {org_id, id, participant_id};
  return OneText(conn_, sql::kContactContextRelatedPersonName, params);
}

Result<std::optional<std::string>> ContactContextRepository::CareTeamMemberName(
    const std::string& org_id, const std::string& id, const std::string& participant_id) {
  const Value params[] = {org_id, id, participant_id};
  return OneText(conn_, sql::kContactContextCareTeamMemberName, params);
}

}  // namespace carecoord::store
