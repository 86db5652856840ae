// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/time.h"
#include "store/database.h"

namespace carecoord::store {

struct AddendumRecord {
  std::string id;
  std::string contact_id;
  std::string text;
  std::string by_user_id;
  std::string by_name;  // read only
  Instant created_at{};
};

// A contact (case note). Codes are stored as space-separated lists (disclosed, purposes).
struct ContactRecord {
  std::string org_id;
  std::string id;
  std::string episode_id;
  std::string participant_id;
  Instant occurred_at{};
  int duration_minutes = 0;
  std::string mode;
  std::string setting;
  bool successful = false;
  std::string with_whom;
  std::string party_name;
  std::optional<std::string> related_person_id;
  std::optional<std::string> care_team_member_id;
  std::string disclosed;
  std::string by_user_id;
  std::string by_role;
  std::string purposes;
  std::string outcome;
  std::string narrative;
  std::optional<Instant> signed_at;
  std::optional<std::string> signed_by;
  Instant created_at{};
  Instant updated_at{};
  std::int64_t version = 1;
  // Read only: joined names and the addenda (oldest first).
  std::string by_name;
  std::string signed_by_name;
  std::vector<AddendumRecord> addenda;
};

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
