// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "app/instrument_catalog.h"
#include "domain/error.h"
#include "domain/instrument.h"
#include "domain/records/assessment.h"

namespace carecoord::app {

inline constexpr std::string_view kRespondents[] = {"participant", "parent", "caregiver",
                                                    "assessor"};

struct NewAssessment {
  std::string instrument_id;
  std::optional<std::string> episode_id;  // default: the participant's open episode, if one
  Instant assessed_at{};                  // not in the future
  Answers answers;
  LevelEntry level;  // level-of-care instruments only (kInvalidArgument otherwise when given)
  std::string respondent = "participant";  // kRespondents
  std::string notes;                       // at most 4000 bytes
};

struct RecordedAssessment {
  AssessmentRecord assessment;
  bool replayed = false;
};

// Administering standardized instruments (001 §3, 002; docs/assessments.md "Assessments").
// Record scores the answers with the instrument's definition (domain ScoreAnswers), decides the
// level of care (DetermineLevel with the installed table, if any), stores it and re-evaluates
// the participant's obligations in the same transaction: a PHQ-9 safety flag puts an urgent
// item on the accountable coordinator's worklist that day, and the tier the assessment changes
// sets the contact schedule. Access through AuthorizeParticipant; every call audited.
class AssessmentService {
 public:
  AssessmentService(core::Runner& runner, ObligationRefresher& refresher,
                    const InstrumentCatalog& catalog);

  const InstrumentCatalog& Catalog() const { return catalog_; }
  // Audited as a read of instrument definitions (no participant data).
  Result<const std::vector<Instrument>*> ListInstruments(Context& ctx);
  // kNotFound for an unknown instrument.
  Result<const Instrument*> GetInstrument(Context& ctx, const std::string& instrument_id);

  // Newest first; only `instrument_id` when not empty.
  Result<std::vector<AssessmentRecord>> List(Context& ctx, const std::string& participant_id,
                                             const std::string& instrument_id);
  // kNotFound unless the assessment is the participant's.
  Result<AssessmentRecord> Get(Context& ctx, const std::string& participant_id,
                               const std::string& assessment_id);
  // Under ctx's idempotency key. kInvalidArgument naming the field ("instrument_id",
  // "answers.q9", "recommended_level", "episode_id", "assessed_at", ...).
  Result<RecordedAssessment> Record(Context& ctx, const std::string& participant_id,
                                    const NewAssessment& in);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
  ObligationRefresher& refresher_;
  const InstrumentCatalog& catalog_;
};

}  // namespace carecoord::app
