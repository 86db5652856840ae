// SPDX-License-Identifier: Apache-2.0
#include "api/contact_json.h"

#include <boost/json/array.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>

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

// A list of strings; absent -> nullopt.
Result<std::optional<std::vector<std::string>>> OptionalCodes(const object& obj,
                                                              std::string_view field) {
  const value* v = obj.if_contains(field);
  if (v == nullptr || v->is_null()) return std::optional<std::vector<std::string>>();
  if (!v->is_array())
    return Invalid(std::string(field) + " must be a list of codes", std::string(field));
  std::vector<std::string> out;
  if (v->get_array().size() > 20) {
    return Invalid(std::string(field) + " has too many codes", std::string(field));
  }
  for (const value& item : v->get_array()) {
    if (!item.is_string() || item.get_string().size() > 64) {
      return Invalid(std::string(field) + " must be a list of codes", std::string(field));
    }
    out.emplace_back(item.get_string());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::optional<int>> OptionalInt(const object& obj, std::string_view field) {
  const value* v = obj.if_contains(field);
  if (v == nullptr || v->is_null()) return std::optional<int>();
  if (v->is_int64() && v->get_int64() >= -1'000'000 && v->get_int64() <= 1'000'000) {
    return std::optional<int>(static_cast<int>(v->get_int64()));
  }
  if (v->is_uint64() && v->get_uint64() <= 1'000'000) {
    return std::optional<int>(static_cast<int>(v->get_uint64()));
  }
  return Invalid(std::string(field) + " must be a whole number", std::string(field));
}

Result<std::optional<Instant>> OptionalInstant(const object& obj, std::string_view field) {
  auto text = OptionalString(obj, field, 64);
  if (!text) return std::unexpected(text.error());
  if (!*text) return std::optional<Instant>();
  auto t = ParseInstant(**text, field);
  if (!t) return std::unexpected(t.error());
  return std::optional<Instant>(*t);
}

struct Party {
  std::string kind;
  std::string name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
};

// {"name", "related_person_id", "care_team_member_id"} (+ "kind" for a consent).
Result<std::optional<Party>> ParseParty(const object& body, bool with_kind) {
  const value* v = body.if_contains("party");
  if (v == nullptr || v->is_null()) return std::optional<Party>();
  if (!v->is_object()) return Invalid("party must be an object", "party");
  const object& o = v->get_object();
  Status known =
      with_kind ? OnlyKnownFields(o, {"kind", "name", "related_person_id", "care_team_member_id"})
                : OnlyKnownFields(o, {"name", "related_person_id", "care_team_member_id"});
  if (!known) {
    Error e = known.error();
    e.field = "party." + e.field;
    return std::unexpected(std::move(e));
  }
  Party p;
  auto name = OptionalString(o, "name", 200);
  auto rp = OptionalString(o, "related_person_id", 64);
  auto ctm = OptionalString(o, "care_team_member_id", 64);
  auto kind = OptionalString(o, "kind", 32);
  for (auto* r : {&name, &rp, &ctm, &kind}) {
    if (!*r) {
      Error e = r->error();
      e.field = "party." + e.field;
      return std::unexpected(std::move(e));
    }
  }
  p.name = name->value_or("");
  p.related_person_id = *rp;
  p.care_team_member_id = *ctm;
  p.kind = kind->value_or("");
  return std::optional<Party>(std::move(p));
}

constexpr std::array<std::string_view, 11> kContactFields = {
    "occurred_at", "duration_minutes", "mode",     "setting", "successful", "with_whom",
    "party",       "disclosed",        "purposes", "outcome", "narrative"};

Result<app::ContactChanges> ParseChanges(const object& body, bool allow_sign);

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

Result<app::NewContact> ParseNewContact(const object& body) {
  auto changes = ParseChanges(body, true);
  if (!changes) return std::unexpected(changes.error());
  const app::ContactChanges& ch = *changes;
  // Required on create; the use case checks codes and rules.
  for (std::string_view required : {"mode", "with_whom", "outcome", "successful", "purposes"}) {
    const value* v = body.if_contains(required);
    if (v == nullptr || v->is_null()) {
      return Invalid(std::string(required) + " is required", std::string(required));
    }
  }
  app::NewContact in;
  in.occurred_at = ch.occurred_at;
  ContactFields& f = in.fields;
  f.duration_minutes = ch.duration_minutes.value_or(0);
  f.mode = *ch.mode;
  f.setting = ch.setting.value_or("");
  f.successful = *ch.successful;
  f.with_whom = *ch.with_whom;
  f.party_name = ch.party_name;
  f.related_person_id = ch.related_person_id;
  f.care_team_member_id = ch.care_team_member_id;
  f.disclosed = ch.disclosed.value_or(std::vector<std::string>{});
  f.purposes = *ch.purposes;
  f.outcome = *ch.outcome;
  f.narrative = ch.narrative.value_or("");
  auto sign = OptionalBool(body, "sign");
  if (!sign) return std::unexpected(sign.error());
  in.sign = sign->value_or(false);
  return in;
}

Result<app::ContactChanges> ParseContactChanges(const object& body) {
  return ParseChanges(body, false);
}

namespace {

// The members shared by a new contact and an edit; `sign` only on create.
Result<app::ContactChanges> ParseChanges(const object& body, bool allow_sign) {
  app::ContactChanges ch;
  for (const auto& [key, val] : body) {
    if (allow_sign && key == "sign") continue;
    if (std::ranges::find(kContactFields, std::string_view(key)) == kContactFields.end()) {
      return Invalid("unknown field " + std::string(key).substr(0, 60), std::string(key));
    }
  }
  auto occurred_at = OptionalInstant(body, "occurred_at");
  if (!occurred_at) return std::unexpected(occurred_at.error());
  ch.occurred_at = *occurred_at;
  auto duration = OptionalInt(body, "duration_minutes");
  if (!duration) return std::unexpected(duration.error());
  ch.duration_minutes = *duration;
  for (auto [name, slot] :
       {std::pair{"mode", &ch.mode}, std::pair{"setting", &ch.setting},
        std::pair{"with_whom", &ch.with_whom}, std::pair{"outcome", &ch.outcome}}) {
    auto v = OptionalString(body, name, 64);
    if (!v) return std::unexpected(v.error());
    *slot = std::move(*v);
  }
  auto narrative = OptionalString(body, "narrative", kMaxNarrativeBytes);
  if (!narrative) return std::unexpected(narrative.error());
  ch.narrative = std::move(*narrative);
  auto successful = OptionalBool(body, "successful");
  if (!successful) return std::unexpected(successful.error());
  ch.successful = *successful;
  auto party = ParseParty(body, false);
  if (!party) return std::unexpected(party.error());
  if (*party) {
    ch.party_present = true;
    ch.party_name = (*party)->name;
    ch.related_person_id = (*party)->related_person_id;
    ch.care_team_member_id = (*party)->care_team_member_id;
  }
  auto disclosed = OptionalCodes(body, "disclosed");
  if (!disclosed) return std::unexpected(disclosed.error());
  ch.disclosed = std::move(*disclosed);
  auto purposes = OptionalCodes(body, "purposes");
  if (!purposes) return std::unexpected(purposes.error());
  ch.purposes = std::move(*purposes);
  return ch;
}

}  // namespace

Result<ConsentFields> ParseNewConsent(const object& body) {
  if (auto st = OnlyKnownFields(body, {"party", "purpose", "categories", "effective_date",
                                       "expiry_date", "signed_by", "signer_name", "signed_date"});
      !st) {
    return std::unexpected(st.error());
  }
  ConsentFields c;
  auto party = ParseParty(body, true);
  if (!party) return std::unexpected(party.error());
  if (!*party) return Invalid("party is required: {kind, name}", "party");
  c.party_kind = (*party)->kind;
  c.party_name = (*party)->name;
  c.related_person_id = (*party)->related_person_id;
  c.care_team_member_id = (*party)->care_team_member_id;
  for (auto [name, slot, max] : {std::tuple{"purpose", &c.purpose, std::size_t{1000}},
                                 std::tuple{"effective_date", &c.effective_date, std::size_t{16}},
                                 std::tuple{"expiry_date", &c.expiry_date, std::size_t{16}},
                                 std::tuple{"signed_by", &c.signed_by, std::size_t{32}},
                                 std::tuple{"signer_name", &c.signer_name, std::size_t{200}},
                                 std::tuple{"signed_date", &c.signed_date, std::size_t{16}}}) {
    auto v = OptionalString(body, name, max);
    if (!v) return std::unexpected(v.error());
    *slot = v->value_or("");
  }
  auto categories = OptionalCodes(body, "categories");
  if (!categories) return std::unexpected(categories.error());
  c.categories = categories->value_or(std::vector<std::string>{});
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
