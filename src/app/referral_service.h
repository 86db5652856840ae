// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/clock.h"
#include "app/core/context.h"
#include "app/core/forward.h"
#include "domain/error.h"
#include "domain/records/referral.h"
#include "domain/referral.h"

namespace carecoord::app {

// Referrals in and intake (docs/participant-record.md "Referrals and intake"). Callers need an
// intake role (supervisor, care coordinator, nurse care manager; permissions.cc) and see only
// the referrals of programs where they hold one: any other referral is kNotFound. Every call is
// authorized and audited.

struct ReferralDocument {
  std::string title;
  std::string reference;
};

struct NewReferral {
  std::string program_id;  // "" when the caller has an intake role in one program only
  std::string urgency;
  std::optional<Instant> received_at;  // defaults to now; never in the future
  std::string reason;
  std::string source_setting;
  std::string source_org;
  std::string source_person;
  std::string source_contact;
  std::vector<ReferralDocument> documents;
  std::string given_name;
  std::string family_name;
  std::string birth_date;
  std::string sex = "unknown";
  std::string phone;
  std::string payer;
  std::string member_id;
  std::string preferred_language = "en";
  std::string participant_id;  // links an existing participant; "" for none
};

// A referral as the API shows it: the stored row (documents as JSON text) and, while it is
// open, the participants it may be a duplicate of.
struct ReferralView {
  ReferralRecord referral;
  std::optional<std::vector<PossibleDuplicate>> possible_duplicates;
};

struct ReferralPage {
  std::vector<ReferralView> items;
  std::string next_cursor;  // "" on the last page
};

struct ReferralQuery {
  std::string status = "open";
  std::string program_id;  // "" for every program where the caller has an intake role
  std::int64_t limit = 50;
  std::string cursor;
};

struct AcceptReferral {
  std::string coordinator_id;
  std::string participant_id;  // overrides the referral's link; "" for none
  std::string note;
};

struct AcceptedReferral {
  ReferralView referral;
  std::string participant_id;
  std::string episode_id;
};

class ReferralService {
 public:
  ReferralService(core::Runner& runner, ObligationRefresher& obligations);

  Result<ReferralPage> List(Context& ctx, const ReferralQuery& query);
  // 201 semantics: created once per Idempotency-Key (CreateOnce); the duplicates are computed
  // and returned. kInvalidArgument naming the field ("person.birth_date", "source.setting").
  Result<ReferralView> Create(Context& ctx, const NewReferral& in);
  Result<ReferralView> Get(Context& ctx, const std::string& id);
  // Duplicates while typing a referral: at most 10.
  Result<std::vector<PossibleDuplicate>> Duplicates(Context& ctx, const PersonKey& person);

  // One transaction with its audit event: claims the open referral at expected_version
  // (kPreconditionFailed when stale, kConflict when it is no longer open), checks the
  // coordinator holds care_coordinator in the referral's program, creates the participant (or
  // links one of the organization), opens the episode in engaging with its history, hand-off
  // seq 1 and the coordinator's care team row. kConflict when the person already has an open
  // episode in the program; then nothing is written.
  Result<AcceptedReferral> Accept(Context& ctx, const std::string& id,
                                  std::int64_t expected_version, const AcceptReferral& in);
  // Decline or record the person's refusal; a reason is required (001 §2).
  Result<ReferralView> Decide(Context& ctx, const std::string& id, std::int64_t expected_version,
                              ReferralDecision decision, const std::string& reason);

 private:
  core::Runner& runner_;              // the one way to the database, the clock and the audit log
  ObligationRefresher& obligations_;  // re-evaluates touched episodes in each write
};

// Opaque paging cursors of the participant record lists: the parts of a keyset, hex-encoded.
std::string EncodeCursor(const std::vector<std::string>& parts);
// kInvalidArgument (field "cursor") unless `cursor` came from EncodeCursor with `parts` parts.
Result<std::vector<std::string>> DecodeCursor(const std::string& cursor, std::size_t parts);

}  // namespace carecoord::app
