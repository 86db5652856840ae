// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/records/participant.h"

namespace carecoord::app {

// The chart header and overview (docs/participant-record.md "Participants").
struct ParticipantView {
  ParticipantRecord participant;
  int age = 0;  // whole years on the server's (UTC) date
  std::vector<RelatedPersonRecord> related_persons;
  std::vector<EpisodeSummaryRow> episodes;
};

// A partial update: (wire name, new value) for each text field sent, e.g. ("address.city",
// "Tampa"), and the one boolean. Names and limits: kParticipantFields in participant_service.cc.
struct ParticipantChanges {
  std::vector<std::pair<std::string, std::string>> text;
  std::optional<bool> interpreter_needed;
};

// Create: name and relationship required. Update: absent members stay as they are.
struct RelatedPersonInput {
  std::optional<std::string> name;
  std::optional<std::string> relationship;
  std::optional<std::vector<std::string>> roles;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> notes;
  std::optional<bool> active;
};

struct ParticipantQuery {
  std::string q;  // start of the family name or of the whole name
  std::string birth_date;
  std::string member_id;
  std::int64_t limit = 50;
  std::string cursor;
};

struct ParticipantPage {
  std::vector<ParticipantListRow> items;
  std::string next_cursor;
};

struct EmergencyAccessPage {
  std::vector<EmergencyGrantRow> items;
  std::string next_cursor;
};

// Participants, the people around them and emergency access. Every read and write goes through
// AuthorizeParticipant (app/participant_access.h) and is audited; a participant the caller may
// not see is kNotFound.
class ParticipantService {
 public:
  ParticipantService(core::Runner& runner);

  // Only participants the caller may see (never through emergency access).
  Result<ParticipantPage> Search(Context& ctx, const ParticipantQuery& query);
  Result<ParticipantView> Get(Context& ctx, const std::string& id);
  // kPreconditionFailed when expected_version is stale; kInvalidArgument naming the field.
  Result<ParticipantView> Update(Context& ctx, const std::string& id, std::int64_t expected_version,
                                 const ParticipantChanges& changes);

  Result<RelatedPersonRecord> AddRelatedPerson(Context& ctx, const std::string& participant_id,
                                               const RelatedPersonInput& in);
  Result<RelatedPersonRecord> UpdateRelatedPerson(Context& ctx, const std::string& id,
                                                  std::int64_t expected_version,
                                                  const RelatedPersonInput& in);

  // "Break the glass" (DESIGN §4): reason 10–500 characters; opens the record to the caller for
  // 4 hours. The grant and its audit event (carrying the reason) commit together.
  Result<EmergencyGrantRow> RequestEmergencyAccess(Context& ctx, const std::string& participant_id,
                                                   const std::string& reason);
  // Newest first: auditors see the organization's grants, supervisors those for participants
  // with an episode in a program they supervise.
  Result<EmergencyAccessPage> ListEmergencyAccess(Context& ctx, std::int64_t limit,
                                                  const std::string& cursor);

 private:
  core::Runner& runner_;  // the one way to the database, the clock and the audit log
};

// How long an emergency access grant lasts.
inline constexpr std::chrono::hours kEmergencyAccessDuration{4};

}  // namespace carecoord::app
