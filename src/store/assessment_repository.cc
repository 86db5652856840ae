// SPDX-License-Identifier: Apache-2.0
#include "store/assessment_repository.h"

#include <map>
#include <string_view>

#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

// Flags and needs are stored as comma-separated codes ("" for none); codes are identifiers
// ([a-z][a-z0-9_]*, checked when the instrument is parsed), so they never hold a comma.
std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

std::vector<std::string> SplitCodes(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<int> OptInt32(const Row& r, std::string_view column) {
  if (auto v = r.OptInt(column)) return static_cast<int>(*v);
  return std::nullopt;
}

// The columns of assessments.sql's `-- columns: assessment`.
AssessmentRecord AssessmentFromRow(const Row& r) {
  AssessmentRecord a;
  a.org_id = r.Text("org_id");
  a.id = r.Text("id");
  a.participant_id = r.Text("participant_id");
  a.episode_id = r.OptText("episode_id");
  a.instrument_id = r.Text("instrument_id");
  a.instrument_version = static_cast<int>(r.Int("instrument_version"));
  a.instrument_title = r.Text("instrument_title");
  a.assessed_at = r.Time("assessed_at");
  a.total = OptInt32(r, "total");
  a.band = r.Text("band");
  a.band_label = r.Text("band_label");
  a.flags = SplitCodes(r.Text("flags"));
  a.needs = SplitCodes(r.Text("needs"));
  a.recommended_level = r.Text("recommended_level");
  a.level_source = r.Text("level_source");
  a.level_provided = r.Text("level_provided");
  a.variance_reason = r.Text("variance_reason");
  a.respondent = r.Text("respondent");
  a.notes = r.Text("notes");
  a.recorded_by = r.Text("recorded_by");
  a.created_at = r.Time("created_at");
  a.recorded_by_name = r.Text("recorded_by_name");
  return a;
}

// The columns value and text of assessments.sql's `-- columns: answer`; the caller keys the
// answer by assessment_id and item_id.
Answer AnswerFromRow(const Row& r) {
  Answer answer;
  answer.value = OptInt32(r, "value");
  answer.text = r.Text("text");
  return answer;
}

}  // namespace

Status AssessmentRepository::Insert(const AssessmentRecord& a) {
  const Value params[] = {a.org_id,
                          a.id,
                          a.participant_id,
                          a.episode_id ? Value(*a.episode_id) : Value(nullptr),
                          a.instrument_id,
                          std::int64_t{a.instrument_version},
                          a.instrument_title,
                          ToMillis(a.assessed_at),
                          a.total ? Value(std::int64_t{*a.total}) : Value(nullptr),
                          a.band,
                          a.band_label,
                          JoinCodes(a.flags),
                          JoinCodes(a.needs),
                          a.recommended_level,
                          a.level_source,
                          a.level_provided,
                          a.variance_reason,
                          a.respondent,
                          a.notes,
                          a.recorded_by,
                          ToMillis(a.created_at)};
  if (auto n = conn_.Execute(sql::kAssessmentsInsert, params); !n) {
    return std::unexpected(n.error());
  }
  for (const auto& [item_id, answer] : a.answers) {
    const Value answer_params[] = {
        a.org_id, a.id, item_id, answer.value ? Value(std::int64_t{*answer.value}) : Value(nullptr),
        answer.text};
    if (auto n = conn_.Execute(sql::kAssessmentsInsertAnswer, answer_params); !n) {
      return std::unexpected(n.error());
    }
  }
  return {};
}

Result<std::optional<AssessmentRecord>> AssessmentRepository::Find(const std::string& org_id,
                                                                   const std::string& id) {
  const Value params[] = {org_id, id};
  auto rows = conn_.Query(sql::kAssessmentsGet, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<AssessmentRecord>();
  AssessmentRecord a = AssessmentFromRow(rows->front());
  auto answers = conn_.Query(sql::kAssessmentsAnswersOfAssessment, params);
  if (!answers) return std::unexpected(answers.error());
  for (const Row& r : *answers) a.answers.emplace(r.Text("item_id"), AnswerFromRow(r));
  return std::optional<AssessmentRecord>(std::move(a));
}

Result<std::vector<AssessmentRecord>> AssessmentRepository::ListForParticipant(
    const std::string& org_id, const std::string& participant_id,
    const std::string& instrument_id) {
  const Value params[] = {org_id, participant_id, instrument_id};
  auto rows = conn_.Query(sql::kAssessmentsListByParticipant, params);
  if (!rows) return std::unexpected(rows.error());
  auto answers = conn_.Query(sql::kAssessmentsAnswersOfParticipant, params);
  if (!answers) return std::unexpected(answers.error());
  // Two queries for the whole list instead of one per assessment.
  std::map<std::string, Answers, std::less<>> by_assessment;
  for (const Row& r : *answers) {
    by_assessment[r.Text("assessment_id")].emplace(r.Text("item_id"), AnswerFromRow(r));
  }
  std::vector<AssessmentRecord> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    AssessmentRecord a = AssessmentFromRow(r);
    if (auto it = by_assessment.find(a.id); it != by_assessment.end()) {
      a.answers = std::move(it->second);
    }
    out.push_back(std::move(a));
  }
  return out;
}

Status AssessmentRepository::ReplaceOverride(const TierOverrideRecord& o,
                                             const std::string& cleared_by, Instant cleared_at) {
  const Value clear_params[] = {o.org_id, o.participant_id, cleared_by, ToMillis(cleared_at)};
  if (auto n = conn_.Execute(sql::kAssessmentsClearOverrides, clear_params); !n) {
    return std::unexpected(n.error());
  }
  if (o.tier.empty()) return {};
  const Value params[] = {o.org_id, o.id,     o.participant_id,  o.tier,
                          o.reason, o.set_by, ToMillis(o.set_at)};
  if (auto n = conn_.Execute(sql::kAssessmentsInsertOverride, params); !n) {
    return std::unexpected(n.error());
  }
  return {};
}

Result<StratificationFacts> AssessmentRepository::LoadStratificationFacts(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  StratificationFacts facts;

  auto assessments = conn_.Query(sql::kAssessmentsFacts, params);
  if (!assessments) return std::unexpected(assessments.error());
  facts.assessments.reserve(assessments->size());
  for (const Row& r : *assessments) {
    AssessmentFact f;
    f.id = r.Text("id");
    f.instrument = r.Text("instrument_id");
    f.instrument_title = r.Text("instrument_title");
    f.assessed_at = r.Time("assessed_at");
    f.recorded_at = r.Time("created_at");
    f.total = OptInt32(r, "total");
    f.band = r.Text("band");
    f.band_label = r.Text("band_label");
    f.flags = SplitCodes(r.Text("flags"));
    f.needs = SplitCodes(r.Text("needs"));
    f.recommended_level = r.Text("recommended_level");
    facts.assessments.push_back(std::move(f));
  }

  auto discharges = conn_.Query(sql::kAssessmentsDischarges, params);
  if (!discharges) return std::unexpected(discharges.error());
  facts.discharges.reserve(discharges->size());
  for (const Row& r : *discharges) {
    DischargeFact d;
    d.transition_id = r.Text("id");
    d.level = r.Text("level");
    d.discharged_at = r.Time("discharged_at");
    d.recorded_at = r.Time("created_at");
    facts.discharges.push_back(std::move(d));
  }

  auto override_rows = conn_.Query(sql::kAssessmentsOverrideInForce, params);
  if (!override_rows) return std::unexpected(override_rows.error());
  if (!override_rows->empty()) {
    const Row& r = override_rows->front();
    TierOverrideFact o;
    o.id = r.Text("id");
    o.tier = r.Text("tier");
    o.reason = r.Text("reason");
    o.set_by = r.Text("set_by");
    o.set_at = r.Time("set_at");
    o.set_by_name = r.Text("set_by_name");
    facts.override = std::move(o);
  }
  return facts;
}

}  // namespace carecoord::store
