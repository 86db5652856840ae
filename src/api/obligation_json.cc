// SPDX-License-Identifier: Apache-2.0
#include "api/obligation_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <utility>

#include "api/json_input.h"
#include "api/json_output.h"
#include "api/problem.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

value OptInstant(const std::optional<Instant>& t) {
  return t ? value(FormatRfc3339(*t)) : value(nullptr);
}

std::unexpected<Error> Invalid(std::string message, std::string_view field) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), std::string(field));
}

// The contact a worklist item suggests, as the contact form's prefill.
value LogContactJson(const app::ObligationView& o) {
  if (o.suggest_mode.empty()) return nullptr;
  array purposes;
  if (!o.suggest_purpose.empty()) purposes.push_back(value(o.suggest_purpose));
  return object{
      {"mode", o.suggest_mode}, {"purposes", std::move(purposes)}, {"with_whom", o.suggest_with}};
}

object ObligationCommonJson(const app::ObligationView& o) {
  return object{
      {"status", o.status},
      {"episode_id", o.episode_id},
      {"participant_id", o.participant_id},
      {"rule_id", o.rule_id},
      {"rule_title", o.rule_title},
      {"cite", o.cite},
      {"key", o.key},
      {"window_start", FormatRfc3339(o.window_start)},
      {"due_at", FormatRfc3339(o.due_at)},
      {"required", o.required},
      {"counted", o.counted},
      {"explanation", o.explanation},
      {"log_contact", LogContactJson(o)},
  };
}

value RateJson(const std::optional<double>& rate) {
  return rate ? value(*rate) : value(nullptr);
}

array RuleComplianceListJson(const std::vector<app::RuleCompliance>& rules) {
  array out;
  for (const app::RuleCompliance& r : rules) {
    out.push_back(object{{"rule_id", r.rule_id},
                         {"title", r.title},
                         {"met", r.met},
                         {"excused", r.excused},
                         {"missed", r.missed},
                         {"overdue", r.overdue},
                         {"pending", r.pending},
                         {"rate", RateJson(r.rate)}});
  }
  return out;
}

// "14" -> 14; anything else -> the text (the parser promises a number, but a client should
// still get what was said).
value LineJson(std::string_view text) {
  int line = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), line);
  if (ec == std::errc() && p == text.data() + text.size()) return value(line);
  return value(text);
}

}  // namespace

boost::json::object WorklistJson(const app::Worklist& w) {
  array items;
  for (std::size_t i = 0; i < w.items.size(); ++i) {
    const app::ObligationView& o = w.items[i];
    object item = ObligationCommonJson(o);
    item["bucket"] = i < w.buckets.size() ? w.buckets[i] : std::string("this_week");
    item["participant_name"] = o.participant_name;
    items.push_back(std::move(item));
  }
  return object{
      {"as_of", FormatRfc3339(w.as_of)},
      {"counts",
       object{{"overdue", w.overdue}, {"today", w.due_today}, {"this_week", w.this_week}}},
      {"items", std::move(items)},
  };
}

boost::json::object EpisodeObligationsJson(const app::EpisodeObligations& e) {
  array items;
  for (const app::ObligationView& o : e.items) {
    object item = ObligationCommonJson(o);
    item["resolved_at"] = OptInstant(o.resolved_at);
    item["assignee_id"] = o.assignee_id;
    items.push_back(std::move(item));
  }
  return object{{"episode_id", e.episode_id},
                {"as_of", FormatRfc3339(e.as_of)},
                {"policy_version", e.policy_version},
                {"items", std::move(items)}};
}

boost::json::object DashboardJson(const app::ProgramDashboard& d) {
  array rules;
  for (const app::RuleCompliance& r : d.program)
    rules.push_back(object{{"rule_id", r.rule_id}, {"title", r.title}});
  array coordinators;
  for (const app::CoordinatorRow& c : d.coordinators) {
    coordinators.push_back(object{{"user_id", c.user_id},
                                  {"display_name", c.display_name},
                                  {"caseload", c.caseload},
                                  {"overdue", c.overdue},
                                  {"rules", RuleComplianceListJson(c.rules)}});
  }
  return object{{"program_id", d.program_id},
                {"month", d.month},
                {"rules", std::move(rules)},
                {"program", RuleComplianceListJson(d.program)},
                {"coordinators", std::move(coordinators)}};
}

boost::json::object ComplianceJson(std::string_view program_id,
                                   const std::vector<app::ComplianceMonth>& months) {
  array out;
  for (const app::ComplianceMonth& m : months)
    out.push_back(object{{"month", m.month}, {"rules", RuleComplianceListJson(m.rules)}});
  return object{{"program_id", program_id}, {"months", std::move(out)}};
}

boost::json::object PolicyRulesJson(const Policy& policy) {
  array rules;
  for (const PolicyRule& r : policy.rules) {
    rules.push_back(object{{"id", r.id},
                           {"title", r.title},
                           {"cite", r.cite},
                           {"enabled", r.enabled},
                           {"description", DescribeRule(r)}});
  }
  return object{{"schedule", object{{"min_per_week", policy.schedule.min_per_week},
                                    {"max_per_week", policy.schedule.max_per_week},
                                    {"default_per_week", policy.schedule.default_per_week}}},
                {"rules", std::move(rules)}};
}

boost::json::object PolicyJson(const app::PolicyView& p) {
  object out{
      {"program_id", p.program_id},
      {"program_name", p.program_name},
      {"time_zone", p.time_zone},
      {"version", p.version},
      {"source", p.source},
      {"note", p.note},
      {"changed_by_name", p.changed_by_name ? value(*p.changed_by_name) : value(nullptr)},
      {"changed_at", OptInstant(p.changed_at)},
  };
  if (p.policy) {
    for (auto& [name, member] : PolicyRulesJson(*p.policy)) out[name] = std::move(member);
  } else {
    out["schedule"] = nullptr;
    out["rules"] = array();
  }
  return out;
}

Response PolicyResponse(int status, const boost::json::object& body, std::int64_t version) {
  Response r = JsonResponse(status, body);
  r.SetHeader("etag", ETagFor(version));
  return r;
}

Response PolicyErrorResponse(const Error& error) {
  const ErrorMember* line = nullptr;
  const ErrorMember* key = nullptr;
  for (const ErrorMember& m : error.members) {
    if (m.name == "line") line = &m;
    if (m.name == "key") key = &m;
  }
  if (error.code != ErrorCode::kInvalidArgument || line == nullptr) return ErrorResponse(error);
  Error plain = error;
  plain.members.clear();
  plain.object_name.clear();
  if (plain.field.empty()) plain.field = "source";
  Response r = ErrorResponse(plain);
  object body = boost::json::parse(r.body).as_object();
  const auto text = [](const ErrorMember* m) -> std::string {
    if (m == nullptr) return {};
    if (const auto* s = std::get_if<std::string>(&m->value)) return *s;
    const auto& list = std::get<std::vector<std::string>>(m->value);
    return list.empty() ? std::string() : list.front();
  };
  body["errors"] = array{object{{"field", plain.field},
                                {"line", LineJson(text(line))},
                                {"key", text(key)},
                                {"message", error.message}}};
  r.body = boost::json::serialize(body);
  return r;
}

boost::json::object OnCallShiftJson(const app::OnCallShift& s) {
  return object{{"id", s.id},
                {"program_id", s.program_id},
                {"user_id", s.user_id},
                {"display_name", s.display_name},
                {"starts_at", FormatRfc3339(s.starts_at)},
                {"ends_at", FormatRfc3339(s.ends_at)},
                {"phone", s.phone},
                {"note", s.note}};
}

boost::json::object OnCallNowJson(const std::vector<app::OnCallNow>& programs) {
  array out;
  for (const app::OnCallNow& p : programs) {
    array shifts;
    for (const app::OnCallShift& s : p.on_call) shifts.push_back(OnCallShiftJson(s));
    out.push_back(object{{"program_id", p.program_id},
                         {"program_name", p.program_name},
                         {"on_call", std::move(shifts)},
                         {"covered_until", OptInstant(p.covered_until)}});
  }
  return object{{"programs", std::move(out)}};
}

boost::json::object OnCallRotaJson(const app::OnCallRota& rota) {
  array shifts;
  for (const app::OnCallShift& s : rota.shifts) shifts.push_back(OnCallShiftJson(s));
  array gaps;
  for (const app::CoverageGap& g : rota.gaps) {
    gaps.push_back(object{{"from", FormatRfc3339(g.from)}, {"to", FormatRfc3339(g.to)}});
  }
  return object{{"program_id", rota.program_id},
                {"from", FormatRfc3339(rota.from)},
                {"to", FormatRfc3339(rota.to)},
                {"shifts", std::move(shifts)},
                {"gaps", std::move(gaps)}};
}

Result<std::optional<Instant>> InstantQueryParam(const Call& call, std::string_view name) {
  auto text = call.Query(name);
  if (!text) return std::optional<Instant>();
  if (text->empty() || text->size() > 64) {
    return Invalid(std::string(name) + " must be an RFC 3339 date-time or a date", name);
  }
  auto t = ParseInstant(*text, name);
  if (!t) return std::unexpected(t.error());
  return std::optional<Instant>(*t);
}

}  // namespace carecoord::api
