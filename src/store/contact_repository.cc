// SPDX-License-Identifier: Apache-2.0
#include "store/contact_repository.h"

#include <map>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

Value Opt(const std::optional<std::string>& v) {
  return v ? Value(*v) : Value(nullptr);
}

ContactRecord ContactFromRow(const Row& r) {
  ContactRecord c;
  c.org_id = r.Text(0);
  c.id = r.Text(1);
  c.episode_id = r.Text(2);
  c.participant_id = r.Text(3);
  c.occurred_at = FromMillis(r.Int(4));
  c.duration_minutes = static_cast<int>(r.Int(5));
  c.mode = r.Text(6);
  c.setting = r.Text(7);
  c.successful = r.Int(8) != 0;
  c.with_whom = r.Text(9);
  c.party_name = r.Text(10);
  c.related_person_id = r.OptText(11);
  c.care_team_member_id = r.OptText(12);
  c.disclosed = r.Text(13);
  c.by_user_id = r.Text(14);
  c.by_role = r.Text(15);
  c.purposes = r.Text(16);
  c.outcome = r.Text(17);
  c.narrative = r.Text(18);
  if (auto at = r.OptInt(19)) c.signed_at = FromMillis(*at);
  c.signed_by = r.OptText(20);
  c.created_at = FromMillis(r.Int(21));
  c.updated_at = FromMillis(r.Int(22));
  c.version = r.Int(23);
  c.by_name = r.Text(24);
  c.signed_by_name = r.Text(25);
  return c;
}

AddendumRecord AddendumFromRow(const Row& r) {
  AddendumRecord a;
  a.contact_id = r.Text(0);
  a.id = r.Text(1);
  a.text = r.Text(2);
  a.by_user_id = r.Text(3);
  a.by_name = r.Text(4);
  a.created_at = FromMillis(r.Int(5));
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
  e.participant_id = r.Text(0);
  e.program_id = r.Text(1);
  e.referral_received_at = FromMillis(r.Int(2));
  e.status = r.Text(3);
  e.time_zone = r.Text(4);
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
