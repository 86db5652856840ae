// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/contact.h"
#include "domain/error.h"
#include "domain/records/consent.h"

namespace carecoord::app {

// A release of information with its status on today's date (program time zone).
struct ConsentView {
  ConsentRecord record;
  std::string status;  // active | expired | not_yet_effective | revoked
};

struct RecordedConsent {
  ConsentView consent;
  bool replayed = false;
};

// Releases of information (004, 001 §7; docs/participant-record.md "Releases of information").
// Every call goes through AuthorizeParticipant and is audited. "Today" for a participant is the
// date in the time zone of the program of their most recent episode (the actor's working
// calendar when they have none).
class ConsentService {
 public:
  ConsentService(core::Runner& runner, ObligationRefresher& obligations);

  // Newest effective first.
  Result<std::vector<ConsentView>> List(Context& ctx, const std::string& participant_id);
  // Under ctx's idempotency key. kInvalidArgument naming the field (domain ValidateConsent;
  // linked related person / care team member must belong to the participant).
  Result<RecordedConsent> Record(Context& ctx, const std::string& participant_id,
                                 const ConsentFields& in);
  // Revoked from `revoked_date` (today when absent) on; not before the signed date
  // (kInvalidArgument "revoked_date"); note ≤ 1000 bytes. kConflict when already revoked,
  // kPreconditionFailed when the version is stale.
  Result<ConsentView> Revoke(Context& ctx, const std::string& consent_id,
                             std::int64_t expected_version,
                             const std::optional<std::string>& revoked_date,
                             const std::string& note);
  // Releases in force today that expire within `days` (1–90, kInvalidArgument "days") of
  // participants the actor may see, soonest first (at most 500). "Today" is the actor's.
  Result<std::vector<ConsentView>> Expiring(Context& ctx, int days);

 private:
  core::Runner& runner_;              // the one way to the database, the clock and the audit log
  ObligationRefresher& obligations_;  // re-evaluates touched episodes in each write
};

}  // namespace carecoord::app
