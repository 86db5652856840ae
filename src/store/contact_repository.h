// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/records/contact.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

// Keyset position in a newest-first list: the last contact shown.
struct ContactCursor {
  Instant occurred_at{};
  std::string id;
};

// Contacts and addenda. Works on the caller's connection and transaction. Errors: as
// Connection's.
class ContactRepository {
 public:
  explicit ContactRepository(Connection& conn) : conn_(conn) {}

  Status Insert(const ContactRecord& contact);
  // With names and addenda; nullopt when there is no such contact in the organization.
  Result<std::optional<ContactRecord>> Get(const std::string& org_id, const std::string& id);
  // The participant the contact is about; nullopt when there is no such contact.
  Result<std::optional<std::string>> ParticipantOf(const std::string& org_id,
                                                   const std::string& id);
  // Newest first (occurred_at, then id), at most `limit`, after `cursor` when given; with names
  // and addenda.
  Result<std::vector<ContactRecord>> ListByEpisode(const std::string& org_id,
                                                   const std::string& episode_id, int limit,
                                                   const std::optional<ContactCursor>& cursor);
  // Writes the editable fields when the stored version equals contact.version AND the contact is
  // unsigned; false (nothing changed) otherwise. The version becomes contact.version + 1.
  Result<bool> UpdateUnsigned(const ContactRecord& contact);
  // Signs when the stored version is `expected_version` and it is unsigned; false otherwise.
  Result<bool> Sign(const std::string& org_id, const std::string& id, std::int64_t expected_version,
                    const std::string& user_id, Instant at);
  Status InsertAddendum(const std::string& org_id, const AddendumRecord& addendum);

 private:
  Result<std::vector<AddendumRecord>> AddendaOf(const std::string& org_id,
                                                const std::string& contact_id);
  Connection& conn_;
};

// What the contact and consent use cases need to know about an episode.
struct EpisodeContext {
  std::string participant_id;
  std::string program_id;
  Instant referral_received_at{};
  std::string status;
  std::string time_zone;  // of the program
};

// Reads of other areas' tables for contacts and consents (queries/contact_context.sql).
class ContactContextRepository {
 public:
  explicit ContactContextRepository(Connection& conn) : conn_(conn) {}

  Result<std::optional<EpisodeContext>> Episode(const std::string& org_id,
                                                const std::string& episode_id);
  // The time zone of the program of the participant's most recent episode; nullopt when none.
  Result<std::optional<std::string>> ParticipantTimeZone(const std::string& org_id,
                                                         const std::string& participant_id);
  // Names of the people a contact or consent may link to, when they belong to the participant;
  // nullopt otherwise.
  Result<std::optional<std::string>> RelatedPersonName(const std::string& org_id,
                                                       const std::string& id,
                                                       const std::string& participant_id);
  Result<std::optional<std::string>> CareTeamMemberName(const std::string& org_id,
                                                        const std::string& id,
                                                        const std::string& participant_id);

 private:
  Connection& conn_;
};

}  // namespace carecoord::store
