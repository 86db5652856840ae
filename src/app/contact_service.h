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
#include "domain/records/contact.h"

namespace carecoord::app {

// A new contact (docs/participant-record.md "Contacts and case notes").
struct NewContact {
  std::optional<Instant> occurred_at;  // now when absent
  ContactFields fields;
  bool sign = false;  // sign on save
};

// A partial edit of an unsigned contact: absent members stay as they are.
struct ContactChanges {
  std::optional<Instant> occurred_at;
  std::optional<int> duration_minutes;
  std::optional<std::string> mode;
  std::optional<std::string> setting;
  std::optional<bool> successful;
  std::optional<std::string> with_whom;
  // The whole party is replaced when present.
  bool party_present = false;
  std::string party_name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::optional<std::vector<std::string>> disclosed;
  std::optional<std::vector<std::string>> purposes;
  std::optional<std::string> outcome;
  std::optional<std::string> narrative;
};

struct ContactPage {
  std::vector<ContactRecord> items;
  std::optional<std::string> next_cursor;
};

struct LoggedContact {
  ContactRecord contact;
  bool replayed = false;
};

// Contacts and case notes of an episode. Every call goes through AuthorizeParticipant (the
// episode's participant) and is audited. Records come back with names and addenda.
class ContactService {
 public:
  ContactService(core::Runner& runner, ObligationRefresher& obligations);

  // Newest first; limit 1–200 (kInvalidArgument "limit"), cursor from next_cursor ("cursor").
  Result<ContactPage> List(Context& ctx, const std::string& episode_id, int limit,
                           const std::string& cursor);

  // Logs a contact under ctx's idempotency key. kInvalidArgument naming the field; occurred_at
  // not in the future and not before the episode's referral. by_role is the actor's role in
  // the episode's program. For an outside party the release rule (domain/release_check.h, 004)
  // runs on the contact's date in the program's time zone: when it fails the result is
  // kConflict with type "release-required" and a `missing` object {party, categories, on,
  // why}, nothing is saved, and the refusal is audited as a denied event in ctx.read_events.
  Result<LoggedContact> Log(Context& ctx, const std::string& episode_id, const NewContact& in);

  // Edits an unsigned contact (its author or a supervisor of the program; kPermissionDenied
  // otherwise). kConflict when signed (a signed note never changes), kPreconditionFailed when
  // the version is stale. The release rule runs again.
  Result<ContactRecord> Edit(Context& ctx, const std::string& contact_id,
                             std::int64_t expected_version, const ContactChanges& changes);

  // Signs: by the author or a supervisor of the program. kConflict when already signed.
  Result<ContactRecord> Sign(Context& ctx, const std::string& contact_id,
                             std::int64_t expected_version);

  // A correction to a signed contact (text 1–20000 bytes), under ctx's idempotency key.
  // kConflict for an unsigned contact: edit the note instead.
  Result<AddendumRecord> AddAddendum(Context& ctx, const std::string& contact_id,
                                     const std::string& text);

 private:
  core::Runner& runner_;              // the one way to the database, the clock and the audit log
  ObligationRefresher& obligations_;  // re-evaluates touched episodes in each write
};

}  // namespace carecoord::app
