// SPDX-License-Identifier: Apache-2.0
#include "api/assessment_json.h"

#include <boost/json/array.hpp>

#include <utility>

#include "api/json_input.h"
#include "domain/time.h"

namespace carecoord::api {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

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

// Answers (assessment_schemas.cc): item id to a whole number (choice and rating items) or a
// string (text items). Which kind an item takes, and which values, are the instrument's rules
// (ScoreAnswers), which also name the item.
Answers ReadAnswers(const object& body) {
  Answers answers;
  const object* in = ObjectMember(body, "answers");
  if (in == nullptr) return answers;
  for (const auto& [key, v] : *in) {
    Answer answer;
    if (v.is_string()) {
      answer.text = std::string(v.get_string());
    } else {
      answer.value = IntMember(*in, key);
    }
    answers.emplace(std::string(key), std::move(answer));
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

app::NewAssessment ParseNewAssessment(const boost::json::object& body) {
  app::NewAssessment in;
  in.instrument_id = TextOr(body, "instrument_id");
  if (auto episode = TextMember(body, "episode_id"); episode && !episode->empty()) {
    in.episode_id = std::move(*episode);
  }
  in.assessed_at = InstantMember(body, "assessed_at").value_or(Instant{});  // required
  if (auto respondent = TextMember(body, "respondent")) in.respondent = std::move(*respondent);
  in.notes = TextOr(body, "notes");
  in.answers = ReadAnswers(body);
  in.level.recommended = TextOr(body, "recommended_level");
  in.level.provided = TextOr(body, "level_provided");
  in.level.variance_reason = TextOr(body, "variance_reason");
  return in;
}

TierOverrideRequest ParseTierOverride(const boost::json::object& body) {
  // TierOverrideRequest requires `tier`, so clearing is said out loud ({"tier": null}), never
  // the accident of a forgotten member.
  return TierOverrideRequest{.tier = TextMember(body, "tier"), .reason = TextOr(body, "reason")};
}

}  // namespace carecoord::api
