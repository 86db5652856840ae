// SPDX-License-Identifier: Apache-2.0
#include "api/assessment_json.h"

#include <boost/json/array.hpp>

#include <cmath>
#include <limits>
#include <utility>

#include "api/json_input.h"
#include "api/obligation_json.h"
#include "domain/time.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::size_t kMaxId = 100;
constexpr std::size_t kMaxCode = 40;
constexpr std::size_t kMaxNotes = 4000;
constexpr std::size_t kMaxVarianceReason = 1000;
constexpr std::size_t kMaxOverrideReason = 1000;
// The longest instrument has a few dozen items; the cap only bounds what a client can make the
// server hold before the use case rejects unknown items.
constexpr std::size_t kMaxAnswers = 200;

array Strings(const std::vector<std::string>& list) {
  array out;
  for (const std::string& s : list) out.push_back(value(s));
  return out;
}

object ItemJson(const InstrumentItem& item) {
  array options;
  for (const AnswerOption& o : item.options)
    options.push_back(object{{"value", o.value}, {"label", o.label}});
  return object{{"id", item.id},
                {"text", item.text},
                {"kind", ItemKindName(item.kind)},
                {"required", item.required},
                {"scored", item.scored},
                {"min", item.min},
                {"max", item.max},
                {"options", std::move(options)}};
}

Status Invalid(const std::string& field, const std::string& message) {
  return Fail(ErrorCode::kInvalidArgument, field + " " + message, field);
}

// One answer: a whole number (choice and rating items) or a string (text items). Which kind an
// item takes is the instrument's rule (ScoreAnswers); here only the JSON type is checked.
Result<Answer> ParseAnswer(const value& v, const std::string& field) {
  Answer answer;
  if (v.is_string()) {
    answer.text = std::string(v.get_string());
    return answer;
  }
  constexpr auto kMin = std::numeric_limits<int>::min();
  constexpr auto kMax = std::numeric_limits<int>::max();
  if (v.is_int64()) {
    const std::int64_t n = v.get_int64();
    if (n < kMin || n > kMax) return std::unexpected(Invalid(field, "is out of range").error());
    answer.value = static_cast<int>(n);
    return answer;
  }
  if (v.is_uint64()) return std::unexpected(Invalid(field, "is out of range").error());
  if (v.is_double()) {
    const double d = v.get_double();
    if (!std::isfinite(d) || d != std::trunc(d)) {
      return std::unexpected(Invalid(field, "must be a whole number").error());
    }
    if (d < kMin || d > kMax) return std::unexpected(Invalid(field, "is out of range").error());
    answer.value = static_cast<int>(d);
    return answer;
  }
  return std::unexpected(Invalid(field, "must be a number or a string").error());
}

Result<Answers> ParseAnswers(const object& body) {
  const value* v = body.if_contains("answers");
  if (v == nullptr || v->is_null()) {
    return Fail(ErrorCode::kInvalidArgument, "answers is required", "answers");
  }
  if (!v->is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "answers must be an object of item id to answer",
                "answers");
  }
  const object& in = v->get_object();
  if (in.size() > kMaxAnswers) {
    return Fail(ErrorCode::kInvalidArgument,
                "answers must have at most " + std::to_string(kMaxAnswers) + " items", "answers");
  }
  Answers answers;
  for (const auto& [key, answer] : in) {
    const std::string field = "answers." + std::string(key.substr(0, 64));
    auto parsed = ParseAnswer(answer, field);
    if (!parsed) return std::unexpected(parsed.error());
    answers.emplace(std::string(key), std::move(*parsed));
  }
  return answers;
}

}  // namespace

boost::json::object InstrumentJson(const Instrument& ins, const DeterminationTable* table) {
  array sections;
  for (const InstrumentSection& s : ins.sections) {
    array items;
    for (const InstrumentItem& item : s.items) items.push_back(ItemJson(item));
    sections.push_back(
        object{{"id", s.id}, {"title", s.title}, {"help", s.help}, {"items", std::move(items)}});
  }
  array bands;
  for (const ScoreBand& b : ins.bands) {
    bands.push_back(object{{"min", b.min}, {"max", b.max}, {"code", b.code}, {"label", b.label}});
  }
  array flags;
  for (const FlagRule& f : ins.flags) {
    flags.push_back(object{{"flag", f.flag},
                           {"item", f.item},
                           {"at_least", f.at_least},
                           {"label", f.label},
                           {"urgent", f.urgent}});
  }
  array needs;
  for (const NeedRule& n : ins.needs) {
    needs.push_back(object{{"need", n.need},
                           {"label", n.label},
                           {"items", Strings(n.items)},
                           {"at_least", n.at_least}});
  }
  array levels;
  for (const LevelOfCare& l : ins.levels)
    levels.push_back(object{{"code", l.code}, {"label", l.label}});
  return object{{"id", ins.id},
                {"version", ins.version},
                {"title", ins.title},
                {"description", ins.description},
                {"cite", ins.cite},
                {"license", ins.license},
                {"kind", InstrumentKindName(ins.kind)},
                {"pediatric", ins.pediatric},
                {"scored", ins.scored},
                {"total_min", ins.total_min},
                {"total_max", ins.total_max},
                {"total_label", ins.total_label},
                {"sections", std::move(sections)},
                {"bands", std::move(bands)},
                {"flags", std::move(flags)},
                {"needs", std::move(needs)},
                {"levels", std::move(levels)},
                {"determination_table",
                 table != nullptr ? value(object{{"name", table->name}}) : value(nullptr)}};
}

boost::json::object AssessmentJson(const AssessmentRecord& a) {
  object answers;
  for (const auto& [item, answer] : a.answers) {
    answers[item] = answer.value ? value(*answer.value) : value(answer.text);
  }
  return object{{"id", a.id},
                {"participant_id", a.participant_id},
                {"episode_id", a.episode_id ? value(*a.episode_id) : value(nullptr)},
                {"instrument_id", a.instrument_id},
                {"instrument_version", a.instrument_version},
                {"instrument_title", a.instrument_title},
                {"assessed_at", FormatRfc3339(a.assessed_at)},
                {"total", a.total ? value(*a.total) : value(nullptr)},
                {"band", a.band},
                {"band_label", a.band_label},
                {"flags", Strings(a.flags)},
                {"needs", Strings(a.needs)},
                {"recommended_level", a.recommended_level},
                {"level_source", a.level_source},
                {"level_provided", a.level_provided},
                {"variance_reason", a.variance_reason},
                {"respondent", a.respondent},
                {"notes", a.notes},
                {"answers", std::move(answers)},
                {"recorded_by", a.recorded_by},
                {"recorded_by_name", a.recorded_by_name},
                {"created_at", FormatRfc3339(a.created_at)}};
}

boost::json::object RiskTierJson(const app::ParticipantTier& t) {
  array reasons;
  for (const TierReason& r : t.tier.reasons) {
    reasons.push_back(object{{"text", r.text}, {"source", r.source}, {"source_id", r.source_id}});
  }
  value override_json(nullptr);
  if (const auto& o = t.tier.override) {
    override_json = object{{"id", o->id},
                           {"tier", o->tier},
                           {"reason", o->reason},
                           {"set_by", o->set_by},
                           {"set_by_name", o->set_by_name},
                           {"set_at", FormatRfc3339(o->set_at)}};
  }
  array tiers;
  for (std::size_t i = 0; i < t.tier_ids.size(); ++i) {
    tiers.push_back(
        object{{"id", t.tier_ids[i]}, {"title", i < t.tier_titles.size() ? t.tier_titles[i] : ""}});
  }
  const ContactScheduleBounds& s = t.tier.schedule;
  return object{{"tier", t.tier.tier},
                {"title", t.tier.title},
                {"computed_tier", t.tier.computed_tier},
                {"computed_title", t.tier.computed_title},
                {"reasons", std::move(reasons)},
                {"override", std::move(override_json)},
                {"schedule", object{{"min_per_week", s.min_per_week},
                                    {"max_per_week", s.max_per_week},
                                    {"default_per_week", s.default_per_week}}},
                {"program_id", t.program_id},
                {"policy_version", t.policy_version},
                {"tiers", std::move(tiers)}};
}

Result<app::NewAssessment> ParseNewAssessment(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(
          body, {"instrument_id", "episode_id", "assessed_at", "respondent", "notes", "answers",
                 "recommended_level", "level_provided", "variance_reason"});
      !st) {
    return std::unexpected(st.error());
  }
  app::NewAssessment in;
  auto instrument = RequiredString(body, "instrument_id", kMaxCode);
  if (!instrument) return std::unexpected(instrument.error());
  in.instrument_id = std::move(*instrument);
  auto episode = OptionalString(body, "episode_id", kMaxId);
  if (!episode) return std::unexpected(episode.error());
  if (*episode && !(*episode)->empty()) in.episode_id = std::move(**episode);
  auto assessed = RequiredInstantMember(body, "assessed_at");
  if (!assessed) return std::unexpected(assessed.error());
  in.assessed_at = *assessed;
  auto respondent = OptionalString(body, "respondent", kMaxCode);
  if (!respondent) return std::unexpected(respondent.error());
  if (*respondent) in.respondent = std::move(**respondent);
  auto notes = OptionalString(body, "notes", kMaxNotes);
  if (!notes) return std::unexpected(notes.error());
  in.notes = notes->value_or("");
  auto answers = ParseAnswers(body);
  if (!answers) return std::unexpected(answers.error());
  in.answers = std::move(*answers);
  auto recommended = OptionalString(body, "recommended_level", kMaxCode);
  if (!recommended) return std::unexpected(recommended.error());
  in.level.recommended = recommended->value_or("");
  auto provided = OptionalString(body, "level_provided", kMaxCode);
  if (!provided) return std::unexpected(provided.error());
  in.level.provided = provided->value_or("");
  auto variance = OptionalString(body, "variance_reason", kMaxVarianceReason);
  if (!variance) return std::unexpected(variance.error());
  in.level.variance_reason = variance->value_or("");
  return in;
}

Result<TierOverrideRequest> ParseTierOverride(const boost::json::object& body) {
  if (auto st = OnlyKnownFields(body, {"tier", "reason"}); !st) return std::unexpected(st.error());
  TierOverrideRequest out;
  // `tier` must be present so that clearing is said out loud ({"tier": null}), never the
  // accident of a forgotten member.
  if (!body.contains("tier")) {
    return Fail(ErrorCode::kInvalidArgument,
                "tier is required: a tier id, or null to clear the override", "tier");
  }
  auto tier = OptionalString(body, "tier", kMaxCode);
  if (!tier) return std::unexpected(tier.error());
  if (*tier && (*tier)->empty()) {
    return Fail(ErrorCode::kInvalidArgument, "tier must be a tier id, or null to clear", "tier");
  }
  out.tier = std::move(*tier);
  auto reason = RequiredString(body, "reason", kMaxOverrideReason);
  if (!reason) return std::unexpected(reason.error());
  out.reason = std::move(*reason);
  return out;
}

}  // namespace carecoord::api
