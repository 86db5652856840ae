// SPDX-License-Identifier: Apache-2.0
#include "api/contact_json.h"

#include <boost/json/array.hpp>

#include <charconv>

#include "api/json_input.h"
#include "domain/contact.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value OptText(const std::optional<std::string>& v) {
  return v ? value(*v) : value(nullptr);
}

array Codes(std::string_view stored) {
  array out;
  for (const std::string& c : SplitCodeList(stored)) out.push_back(value(c));
  return out;
}

std::unexpected<Error> Invalid(std::string message, std::string field) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::move(field));
}

struct Party {
  std::string kind;
  std::string name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
};

// {"name", "related_person_id", "care_team_member_id"} (+ "kind" for a consent); nullopt when
// the body has no party.
std::optional<Party> ReadParty(const object& body) {
  const object* o = ObjectMember(body, "party");
  if (o == nullptr) return std::nullopt;
  return Party{.kind = TextOr(*o, "kind"),
               .name = TextOr(*o, "name"),
               .related_person_id = TextMember(*o, "related_person_id"),
               .care_team_member_id = TextMember(*o, "care_team_member_id")};
}

}  // namespace

boost::json::object ContactJson(const ContactRecord& c) {
  array addenda;
  for (const AddendumRecord& a : c.addenda) addenda.push_back(AddendumJson(a));
  return object{
      {"id", c.id},
      {"episode_id", c.episode_id},
      {"participant_id", c.participant_id},
      {"occurred_at", FormatRfc3339(c.occurred_at)},
      {"duration_minutes", c.duration_minutes},
      {"mode", c.mode},
      {"setting", c.setting},
      {"successful", c.successful},
      {"with_whom", c.with_whom},
      {"party", object{{"name", c.party_name},
                       {"related_person_id", OptText(c.related_person_id)},
                       {"care_team_member_id", OptText(c.care_team_member_id)}}},
      {"disclosed", Codes(c.disclosed)},
      {"by_user_id", c.by_user_id},
      {"by_name", c.by_name},
      {"by_role", c.by_role},
      {"purposes", Codes(c.purposes)},
      {"outcome", c.outcome},
      {"narrative", c.narrative},
      {"signed_at", c.signed_at ? value(FormatRfc3339(*c.signed_at)) : value(nullptr)},
      {"signed_by", OptText(c.signed_by)},
      {"signed_by_name", c.signed_at ? value(c.signed_by_name) : value(nullptr)},
      {"addenda", std::move(addenda)},
      {"created_at", FormatRfc3339(c.created_at)},
      {"version", c.version},
  };
}

boost::json::object AddendumJson(const AddendumRecord& a) {
  return object{{"id", a.id},
                {"text", a.text},
                {"by_user_id", a.by_user_id},
                {"by_name", a.by_name},
                {"created_at", FormatRfc3339(a.created_at)}};
}

boost::json::object ConsentJson(const app::ConsentView& v, bool with_participant_name) {
  const ConsentRecord& c = v.record;
  object out{
      {"id", c.id},
      {"participant_id", c.participant_id},
      {"party", object{{"kind", c.party_kind},
                       {"name", c.party_name},
                       {"related_person_id", OptText(c.related_person_id)},
                       {"care_team_member_id", OptText(c.care_team_member_id)}}},
      {"purpose", c.purpose},
      {"categories", Codes(c.categories)},
      {"effective_date", c.effective_date},
      {"expiry_date", c.expiry_date},
      {"signed_by", c.signed_by},
      {"signer_name", c.signer_name},
      {"signed_date", c.signed_date},
      {"revoked_date", OptText(c.revoked_date)},
      {"revoked_by", OptText(c.revoked_by)},
      {"revoked_by_name", c.revoked_by ? value(c.revoked_by_name) : value(nullptr)},
      {"revocation_note", c.revocation_note},
      {"status", v.status},
      {"recorded_by", c.recorded_by},
      {"created_at", FormatRfc3339(c.created_at)},
      {"version", c.version},
  };
  if (with_participant_name) out["participant_name"] = c.participant_name;
  return out;
}

app::ContactChanges ParseContactChanges(const object& body) {
  app::ContactChanges ch;
  ch.occurred_at = InstantMember(body, "occurred_at");
  ch.duration_minutes = IntMember(body, "duration_minutes");
  ch.mode = TextMember(body, "mode");
  ch.setting = TextMember(body, "setting");
  ch.with_whom = TextMember(body, "with_whom");
  ch.outcome = TextMember(body, "outcome");
  ch.narrative = TextMember(body, "narrative");
  ch.successful = BoolMember(body, "successful");
  if (auto party = ReadParty(body)) {
    ch.party_present = true;
    ch.party_name = std::move(party->name);
    ch.related_person_id = std::move(party->related_person_id);
    ch.care_team_member_id = std::move(party->care_team_member_id);
  }
  ch.disclosed = TextListMember(body, "disclosed");
  ch.purposes = TextListMember(body, "purposes");
  return ch;
}

app::NewContact ParseNewContact(const object& body) {
  // NewContactRequest requires mode, successful, with_whom, purposes and outcome; the use case
  // checks codes and rules.
  app::ContactChanges ch = ParseContactChanges(body);
  app::NewContact in;
  in.occurred_at = ch.occurred_at;
  ContactFields& f = in.fields;
  f.duration_minutes = ch.duration_minutes.value_or(0);
  f.mode = ch.mode.value_or("");
  f.setting = ch.setting.value_or("");
  f.successful = ch.successful.value_or(false);
  f.with_whom = ch.with_whom.value_or("");
  f.party_name = ch.party_name;
  f.related_person_id = ch.related_person_id;
  f.care_team_member_id = ch.care_team_member_id;
  f.disclosed = ch.disclosed.value_or(std::vector<std::string>{});
  f.purposes = ch.purposes.value_or(std::vector<std::string>{});
  f.outcome = ch.outcome.value_or("");
  f.narrative = ch.narrative.value_or("");
  in.sign = BoolMember(body, "sign").value_or(false);
  return in;
}

ConsentFields ParseNewConsent(const object& body) {
  // NewConsentRequest requires the party and the dates; the use case checks their meaning.
  ConsentFields c;
  Party party = ReadParty(body).value_or(Party{});
  c.party_kind = std::move(party.kind);
  c.party_name = std::move(party.name);
  c.related_person_id = std::move(party.related_person_id);
  c.care_team_member_id = std::move(party.care_team_member_id);
  c.purpose = TextOr(body, "purpose");
  c.effective_date = TextOr(body, "effective_date");
  c.expiry_date = TextOr(body, "expiry_date");
  c.signed_by = TextOr(body, "signed_by");
  c.signer_name = TextOr(body, "signer_name");
  c.signed_date = TextOr(body, "signed_date");
  c.categories = TextListMember(body, "categories").value_or(std::vector<std::string>{});
  return c;
}

Result<int> IntQueryParam(const Call& call, std::string_view name, int min, int max, int fallback) {
  auto text = call.Query(name);
  if (!text) return fallback;
  int n = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || p != text->data() + text->size() || n < min || n > max) {
    return Invalid(std::string(name) + " must be a whole number " + std::to_string(min) + "–" +
                       std::to_string(max),
                   std::string(name));
  }
  return n;
}

}  // namespace carecoord::api
