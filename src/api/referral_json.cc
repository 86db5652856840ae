// SPDX-License-Identifier: Apache-2.0
#include "api/referral_json.h"

#include <boost/json/parse.hpp>

#include <charconv>

namespace carecoord::api {
namespace {

namespace json = boost::json;

// Limits in bytes, generous: the use cases count characters.
constexpr std::size_t kShort = 1000;
constexpr std::size_t kLong = 40000;

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

std::string Path(std::string_view prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : std::string(prefix) + "." + std::string(key);
}

Status Known(const json::object& o, std::initializer_list<std::string_view> allowed,
             std::string_view prefix) {
  for (const auto& kv : o) {
    if (std::ranges::find(allowed, std::string_view(kv.key())) == allowed.end()) {
      const std::string field = Path(prefix, std::string_view(kv.key()).substr(0, 64));
      return Fail(ErrorCode::kInvalidArgument, "unknown field '" + field + "'", field);
    }
  }
  return {};
}

// A string member (absent or null: nullopt), naming prefix.key in errors.
Result<std::optional<std::string>> Str(const json::object& o, std::string_view key,
                                       std::string_view prefix, std::size_t max_bytes) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return std::optional<std::string>();
  const std::string field = Path(prefix, key);
  if (!v->is_string()) {
    return Fail(ErrorCode::kInvalidArgument, field + " must be a string", field);
  }
  if (v->get_string().size() > max_bytes) {
    return Fail(ErrorCode::kInvalidArgument, field + " is too long", field);
  }
  return std::optional<std::string>(std::string(v->get_string()));
}

// Sets `out` when the member is present.
Status Take(const json::object& o, std::string_view key, std::string_view prefix,
            std::size_t max_bytes, std::string& out) {
  auto s = Str(o, key, prefix, max_bytes);
  if (!s) return std::unexpected(s.error());
  if (*s) out = std::move(**s);
  return {};
}

Result<const json::object*> Obj(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return static_cast<const json::object*>(nullptr);
  if (!v->is_object()) {
    return Fail(ErrorCode::kInvalidArgument, std::string(key) + " must be an object",
                std::string(key));
  }
  return &v->get_object();
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

Result<app::NewReferral> ParseNewReferral(const json::object& body) {
  if (auto st = Known(body,
                      {"program_id", "urgency", "received_at", "reason", "source", "documents",
                       "person", "participant_id"},
                      "");
      !st) {
    return std::unexpected(st.error());
  }
  app::NewReferral in;
  for (auto [key, out] : {std::pair{"program_id", &in.program_id},
                          {"urgency", &in.urgency},
                          {"reason", &in.reason},
                          {"participant_id", &in.participant_id}}) {
    if (auto st = Take(body, key, "", kLong, *out); !st) return std::unexpected(st.error());
  }
  std::string received;
  if (auto st = Take(body, "received_at", "", kShort, received); !st)
    return std::unexpected(st.error());
  if (!received.empty()) {
    auto t = ParseInstant(received, "received_at");
    if (!t) return std::unexpected(t.error());
    in.received_at = *t;
  }
  auto source = Obj(body, "source");
  if (!source) return std::unexpected(source.error());
  if (*source != nullptr) {
    if (auto st = Known(**source, {"setting", "organization", "person", "contact"}, "source"); !st)
      return std::unexpected(st.error());
    for (auto [key, out] : {std::pair{"setting", &in.source_setting},
                            {"organization", &in.source_org},
                            {"person", &in.source_person},
                            {"contact", &in.source_contact}}) {
      if (auto st = Take(**source, key, "source", kShort, *out); !st)
        return std::unexpected(st.error());
    }
  }
  if (const json::value* docs = body.if_contains("documents"); docs && !docs->is_null()) {
    if (!docs->is_array()) {
      return Fail(ErrorCode::kInvalidArgument, "documents must be a list of {title, reference}",
                  "documents");
    }
    for (const json::value& d : docs->get_array()) {
      if (!d.is_object()) {
        return Fail(ErrorCode::kInvalidArgument, "documents must be a list of {title, reference}",
                    "documents");
      }
      if (auto st = Known(d.get_object(), {"title", "reference"}, "documents"); !st)
        return std::unexpected(st.error());
      app::ReferralDocument doc;
      if (auto st = Take(d.get_object(), "title", "documents", kShort, doc.title); !st)
        return std::unexpected(st.error());
      if (auto st = Take(d.get_object(), "reference", "documents", kShort, doc.reference); !st)
        return std::unexpected(st.error());
      in.documents.push_back(std::move(doc));
    }
  }
  auto person = Obj(body, "person");
  if (!person) return std::unexpected(person.error());
  if (*person == nullptr) {
    return Fail(ErrorCode::kInvalidArgument, "person is required", "person.given_name");
  }
  if (auto st = Known(**person,
                      {"given_name", "family_name", "birth_date", "sex", "phone", "payer",
                       "member_id", "preferred_language"},
                      "person");
      !st) {
    return std::unexpected(st.error());
  }
  for (auto [key, out] : {std::pair{"given_name", &in.given_name},
                          {"family_name", &in.family_name},
                          {"birth_date", &in.birth_date},
                          {"sex", &in.sex},
                          {"phone", &in.phone},
                          {"payer", &in.payer},
                          {"member_id", &in.member_id},
                          {"preferred_language", &in.preferred_language}}) {
    if (auto st = Take(**person, key, "person", kShort, *out); !st)
      return std::unexpected(st.error());
  }
  return in;
}

Result<app::ParticipantChanges> ParseParticipantChanges(const json::object& body) {
  static constexpr std::string_view kPlain[] = {"given_name",
                                                "family_name",
                                                "preferred_name",
                                                "birth_date",
                                                "sex",
                                                "gender_identity",
                                                "pronouns",
                                                "phone",
                                                "email",
                                                "preferred_contact_method",
                                                "preferred_contact_times",
                                                "living_situation",
                                                "preferred_language",
                                                "cultural_considerations",
                                                "advance_directive",
                                                "health_care_proxy",
                                                "payer",
                                                "member_id",
                                                "primary_care_provider"};
  app::ParticipantChanges out;
  for (const auto& kv : body) {
    const std::string_view key = kv.key();
    if (key == "interpreter_needed") {
      if (!kv.value().is_bool()) {
        return Fail(ErrorCode::kInvalidArgument, "interpreter_needed must be true or false",
                    "interpreter_needed");
      }
      out.interpreter_needed = kv.value().get_bool();
    } else if (key == "address" || key == "child") {
      auto nested = Obj(body, key);
      if (!nested) return std::unexpected(nested.error());
      if (*nested == nullptr) continue;
      const bool address = key == "address";
      auto st = address
                    ? Known(**nested, {"line", "city", "state", "postal_code"}, key)
                    : Known(**nested,
                            {"school_name", "school_grade", "education_plan", "family_notes"}, key);
      if (!st) return std::unexpected(st.error());
      for (const auto& member : **nested) {
        auto s = Str(**nested, member.key(), key, kLong);
        if (!s) return std::unexpected(s.error());
        if (*s) out.text.emplace_back(Path(key, member.key()), std::move(**s));
      }
    } else if (std::ranges::find(kPlain, key) != std::end(kPlain)) {
      auto s = Str(body, key, "", kLong);
      if (!s) return std::unexpected(s.error());
      if (*s) out.text.emplace_back(std::string(key), std::move(**s));
    } else {
      const std::string field(key.substr(0, 64));
      return Fail(ErrorCode::kInvalidArgument, "unknown or read-only field '" + field + "'", field);
    }
  }
  return out;
}

Result<app::RelatedPersonInput> ParseRelatedPerson(const json::object& body, bool for_update) {
  auto st =
      for_update
          ? Known(body, {"name", "relationship", "roles", "phone", "email", "notes", "active"}, "")
          : Known(body, {"name", "relationship", "roles", "phone", "email", "notes"}, "");
  if (!st) return std::unexpected(st.error());
  app::RelatedPersonInput in;
  for (auto [key, out] : {std::pair{"name", &in.name},
                          {"relationship", &in.relationship},
                          {"phone", &in.phone},
                          {"email", &in.email},
                          {"notes", &in.notes}}) {
    auto s = Str(body, key, "", kLong);
    if (!s) return std::unexpected(s.error());
    *out = std::move(*s);
  }
  if (const json::value* roles = body.if_contains("roles"); roles && !roles->is_null()) {
    if (!roles->is_array()) {
      return Fail(ErrorCode::kInvalidArgument, "roles must be a list of codes", "roles");
    }
    std::vector<std::string> codes;
    for (const json::value& r : roles->get_array()) {
      if (!r.is_string() || r.get_string().size() > 100) {
        return Fail(ErrorCode::kInvalidArgument, "roles must be a list of codes", "roles");
      }
      codes.emplace_back(r.get_string());
    }
    in.roles = std::move(codes);
  }
  if (const json::value* active = body.if_contains("active"); active && !active->is_null()) {
    if (!active->is_bool()) {
      return Fail(ErrorCode::kInvalidArgument, "active must be true or false", "active");
    }
    in.active = active->get_bool();
  }
  return in;
}

}  // namespace carecoord::api
