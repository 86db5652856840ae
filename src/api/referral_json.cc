// SPDX-License-Identifier: Apache-2.0
#include "api/referral_json.h"

#include <boost/json/parse.hpp>

#include <charconv>

#include "api/json_input.h"

namespace carecoord::api {
namespace {

namespace json = boost::json;

json::value OptString(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

json::value OptTime(const std::optional<Instant>& t) {
  return t ? json::value(FormatRfc3339(*t)) : json::value(nullptr);
}

json::array SplitCodes(std::string_view codes) {
  json::array out;
  while (!codes.empty()) {
    const std::size_t space = codes.find(' ');
    if (space != 0) out.emplace_back(codes.substr(0, space));
    if (space == std::string_view::npos) break;
    codes.remove_prefix(space + 1);
  }
  return out;
}

// Sets `out` when the member is present, keeping the default otherwise.
void Take(const json::object& o, std::string_view key, std::string& out) {
  if (auto text = TextMember(o, key)) out = std::move(*text);
}

}  // namespace

boost::json::object PageJson(json::array items, const std::string& next_cursor) {
  return {{"items", std::move(items)},
          {"next_cursor", next_cursor.empty() ? json::value(nullptr) : json::value(next_cursor)}};
}

boost::json::object DuplicateJson(const PossibleDuplicate& d) {
  json::array matched;
  if (d.birth_date_and_name) matched.emplace_back("birth_date_and_name");
  if (d.member_id) matched.emplace_back("member_id");
  return {{"participant_id", d.candidate.participant_id}, {"given_name", d.candidate.given_name},
          {"family_name", d.candidate.family_name},       {"birth_date", d.candidate.birth_date},
          {"member_id", d.candidate.member_id},           {"matched_on", std::move(matched)}};
}

boost::json::object ReferralJson(const app::ReferralView& view) {
  const ReferralRecord& r = view.referral;
  json::value documents = json::array();
  boost::system::error_code ec;
  json::value parsed = json::parse(r.documents, ec);
  if (!ec && parsed.is_array()) documents = std::move(parsed);
  json::object o{{"id", r.id},
                 {"program_id", r.program_id},
                 {"status", r.status},
                 {"urgency", r.urgency},
                 {"received_at", FormatRfc3339(r.received_at)},
                 {"reason", r.reason},
                 {"source",
                  {{"setting", r.source_setting},
                   {"organization", r.source_org},
                   {"person", r.source_person},
                   {"contact", r.source_contact}}},
                 {"documents", std::move(documents)},
                 {"person",
                  {{"given_name", r.given_name},
                   {"family_name", r.family_name},
                   {"birth_date", r.birth_date},
                   {"sex", r.sex},
                   {"phone", r.phone},
                   {"payer", r.payer},
                   {"member_id", r.member_id},
                   {"preferred_language", r.preferred_language}}},
                 {"participant_id", OptString(r.participant_id)},
                 {"episode_id", OptString(r.episode_id)},
                 {"decided_at", OptTime(r.decided_at)},
                 {"decided_by", OptString(r.decided_by)},
                 {"decision_reason", r.decision_reason},
                 {"created_at", FormatRfc3339(r.created_at)},
                 {"version", r.version}};
  if (view.possible_duplicates) {
    json::array dups;
    for (const auto& d : *view.possible_duplicates) dups.push_back(DuplicateJson(d));
    o["possible_duplicates"] = std::move(dups);
  }
  return o;
}

boost::json::object RelatedPersonJson(const RelatedPersonRecord& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"relationship", p.relationship},
          {"roles", SplitCodes(p.roles)},
          {"phone", p.phone},
          {"email", p.email},
          {"notes", p.notes},
          {"active", p.active},
          {"version", p.version}};
}

boost::json::object ParticipantJson(const app::ParticipantView& view) {
  const ParticipantRecord& p = view.participant;
  json::array related;
  for (const auto& r : view.related_persons) related.push_back(RelatedPersonJson(r));
  json::array episodes;
  for (const auto& e : view.episodes) {
    episodes.push_back(json::object{{"id", e.id},
                                    {"program_id", e.program_id},
                                    {"program_name", e.program_name},
                                    {"status", e.status},
                                    {"coordinator_id", e.coordinator_id},
                                    {"coordinator_name", e.coordinator_name},
                                    {"started_at", FormatRfc3339(e.started_at)},
                                    {"enrolled_at", OptTime(e.enrolled_at)},
                                    {"ended_at", OptTime(e.ended_at)}});
  }
  return {{"id", p.id},
          {"given_name", p.given_name},
          {"family_name", p.family_name},
          {"preferred_name", p.preferred_name},
          {"birth_date", p.birth_date},
          {"age", view.age},
          {"sex", p.sex},
          {"gender_identity", p.gender_identity},
          {"pronouns", p.pronouns},
          {"phone", p.phone},
          {"email", p.email},
          {"preferred_contact_method", p.preferred_contact_method},
          {"preferred_contact_times", p.preferred_contact_times},
          {"address",
           {{"line", p.address_line},
            {"city", p.city},
            {"state", p.state},
            {"postal_code", p.postal_code}}},
          {"living_situation", p.living_situation},
          {"preferred_language", p.preferred_language},
          {"interpreter_needed", p.interpreter_needed},
          {"cultural_considerations", p.cultural_considerations},
          {"advance_directive", p.advance_directive},
          {"health_care_proxy", p.health_care_proxy},
          {"payer", p.payer},
          {"member_id", p.member_id},
          {"primary_care_provider", p.primary_care_provider},
          {"child",
           {{"school_name", p.school_name},
            {"school_grade", p.school_grade},
            {"education_plan", p.education_plan},
            {"family_notes", p.family_notes}}},
          {"related_persons", std::move(related)},
          {"episodes", std::move(episodes)},
          {"created_at", FormatRfc3339(p.created_at)},
          {"updated_at", FormatRfc3339(p.updated_at)},
          {"version", p.version}};
}

boost::json::object ParticipantListItemJson(const ParticipantListRow& r) {
  return {{"id", r.id},
          {"given_name", r.given_name},
          {"family_name", r.family_name},
          {"preferred_name", r.preferred_name},
          {"birth_date", r.birth_date},
          {"member_id", r.member_id},
          {"episode_status", OptString(r.episode_status)},
          {"coordinator_name", OptString(r.coordinator_name)}};
}

boost::json::object EmergencyGrantJson(const EmergencyGrantRow& g) {
  return {{"id", g.id},
          {"user_id", g.user_id},
          {"user_name", g.user_name},
          {"participant_id", g.participant_id},
          {"participant_name", g.participant_name},
          {"reason", g.reason},
          {"granted_at", FormatRfc3339(g.granted_at)},
          {"expires_at", FormatRfc3339(g.expires_at)}};
}

Result<std::int64_t> LimitParam(const Call& call) {
  auto v = call.Query("limit");
  if (!v) return 50;
  std::int64_t limit = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), limit);
  if (ec != std::errc() || p != v->data() + v->size() || limit < 1 || limit > 200) {
    return Fail(ErrorCode::kInvalidArgument, "limit must be a whole number from 1 to 200", "limit");
  }
  return limit;
}

std::string QueryText(const Call& call, std::string_view name) {
  return std::string(call.Query(name).value_or(""));
}

app::NewReferral ParseNewReferral(const json::object& body) {
  app::NewReferral in;
  Take(body, "program_id", in.program_id);
  Take(body, "urgency", in.urgency);
  Take(body, "reason", in.reason);
  Take(body, "participant_id", in.participant_id);
  in.received_at = InstantMember(body, "received_at");
  if (const json::object* source = ObjectMember(body, "source")) {
    Take(*source, "setting", in.source_setting);
    Take(*source, "organization", in.source_org);
    Take(*source, "person", in.source_person);
    Take(*source, "contact", in.source_contact);
  }
  if (const json::value* docs = body.if_contains("documents"); docs && docs->is_array()) {
    for (const json::value& d : docs->get_array()) {
      if (!d.is_object()) continue;
      in.documents.push_back(
          {TextOr(d.get_object(), "title"), TextOr(d.get_object(), "reference")});
    }
  }
  if (const json::object* person = ObjectMember(body, "person")) {
    Take(*person, "given_name", in.given_name);
    Take(*person, "family_name", in.family_name);
    Take(*person, "birth_date", in.birth_date);
    Take(*person, "sex", in.sex);
    Take(*person, "phone", in.phone);
    Take(*person, "payer", in.payer);
    Take(*person, "member_id", in.member_id);
    Take(*person, "preferred_language", in.preferred_language);
  }
  return in;
}

app::ParticipantChanges ParseParticipantChanges(const json::object& body) {
  // ParticipantChangesRequest admits only the editable members, each a string but
  // interpreter_needed, address and child; the nested ones are changed member by member
  // ("address.city").
  app::ParticipantChanges out;
  for (const auto& [key, member] : body) {
    if (member.is_bool()) {
      out.interpreter_needed = member.get_bool();
    } else if (member.is_string()) {
      out.text.emplace_back(std::string(key), std::string(member.get_string()));
    } else if (member.is_object()) {
      for (const auto& [nested_key, nested] : member.get_object()) {
        if (!nested.is_string()) continue;
        out.text.emplace_back(std::string(key) + "." + std::string(nested_key),
                              std::string(nested.get_string()));
      }
    }
  }
  return out;
}

Result<app::RelatedPersonInput> ParseRelatedPerson(const json::object& body, bool for_update) {
  // One schema serves both routes; `active` is the one member only an edit may send.
  if (!for_update && body.contains("active")) {
    return Fail(ErrorCode::kInvalidArgument,
                "unknown field 'active': a new related person is active", "active");
  }
  app::RelatedPersonInput in;
  in.name = TextMember(body, "name");
  in.relationship = TextMember(body, "relationship");
  in.phone = TextMember(body, "phone");
  in.email = TextMember(body, "email");
  in.notes = TextMember(body, "notes");
  in.roles = TextListMember(body, "roles");
  in.active = BoolMember(body, "active");
  return in;
}

}  // namespace carecoord::api
